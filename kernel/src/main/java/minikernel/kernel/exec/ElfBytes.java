package minikernel.kernel.exec;

import java.nio.charset.StandardCharsets;

/**
 * Little-endian reads from an ELF file's bytes, bounds-checked: a read past the end is an
 * {@link ElfException} naming what was being read, never an IndexOutOfBoundsException.
 * Every 32-bit field comes back as an unsigned {@code long}, so address arithmetic on it
 * cannot wrap (an Elf32_Addr of 0xffffffff plus a size stays above 4 GiB and is caught).
 */
final class ElfBytes {
    private final byte[] data;

    ElfBytes(byte[] data) {
        this.data = data;
    }

    int length() {
        return data.length;
    }

    /** True when {@code [offset, offset + size)} lies inside the file (sizes as unsigned longs). */
    boolean contains(long offset, long size) {
        return offset >= 0 && size >= 0 && offset <= data.length && size <= data.length - offset;
    }

    int u8(long offset, String what) throws ElfException {
        check(offset, 1, what);
        return data[(int) offset] & 0xff;
    }

    int u16(long offset, String what) throws ElfException {
        check(offset, 2, what);
        int i = (int) offset;
        return (data[i] & 0xff) | (data[i + 1] & 0xff) << 8;
    }

    long u32(long offset, String what) throws ElfException {
        check(offset, 4, what);
        int i = (int) offset;
        return (data[i] & 0xffL) | (data[i + 1] & 0xffL) << 8 | (data[i + 2] & 0xffL) << 16
                | (data[i + 3] & 0xffL) << 24;
    }

    /**
     * The NUL-terminated string at {@code offset}, looking no further than {@code limit}
     * bytes; null when there is no NUL in that range (the caller decides how bad that is).
     */
    String cString(long offset, long limit) {
        if (!contains(offset, 0)) {
            return null;
        }
        int start = (int) offset;
        int end = (int) Math.min((long) data.length, offset + Math.max(0, limit));
        for (int i = start; i < end; i++) {
            if (data[i] == 0) {
                return new String(data, start, i - start, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void check(long offset, int size, String what) throws ElfException {
        if (!contains(offset, size)) {
            throw new ElfException("truncated ELF file: " + what + " at offset 0x"
                    + Long.toHexString(offset) + " is past the end of the file (" + data.length
                    + " bytes)");
        }
    }
}
