package minikernel.tools.debug;

/** Little-endian reads from guest memory and the hex spellings gdb uses, shared by the views. */
final class Words {
    /** i386 addresses are 32 bits; an expression may compute more, an address never has them. */
    static final long ADDRESS_MASK = 0xffff_ffffL;

    private Words() {
    }

    /** The 32-bit little-endian word at {@code address}, zero-extended. */
    static long word(GuestMemory memory, long address) throws DebugException {
        return read(memory, address, 4);
    }

    /** The {@code size}-byte (1, 2, 4 or 8) little-endian value at {@code address}. */
    static long read(GuestMemory memory, long address, int size) throws DebugException {
        byte[] bytes = readable(address, size) ? bytes(memory, address & ADDRESS_MASK, size) : null;
        if (bytes == null) {
            throw new DebugException("cannot read memory at " + hex(address & ADDRESS_MASK));
        }
        return littleEndian(bytes, 0, size);
    }

    /**
     * The longest readable run of at most {@code max} bytes at {@code address}: a listing that
     * runs into an unmapped page shows what comes before it. Empty when the first byte is
     * unmapped. GuestMemory reads all or nothing, so this halves its way to the boundary.
     */
    static byte[] prefix(GuestMemory memory, long address, int max) {
        address &= ADDRESS_MASK;
        int length = (int) Math.min(max, (ADDRESS_MASK + 1) - address);
        byte[] all = length > 0 ? bytes(memory, address, length) : null;
        if (all != null) {
            return all;
        }
        int good = 0;     // known readable
        int bad = length; // known unreadable
        while (bad - good > 1) {
            int mid = (good + bad) >>> 1;
            if (bytes(memory, address, mid) != null) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        byte[] some = good == 0 ? null : bytes(memory, address, good);
        return some == null ? new byte[0] : some;
    }

    /**
     * {@code length} bytes, or null if any is unmapped: GuestMemory says so with null, but a
     * short or empty array is taken to mean the same rather than trusted.
     */
    static byte[] bytes(GuestMemory memory, long address, int length) {
        byte[] bytes = memory.read(address, length);
        return bytes != null && bytes.length == length ? bytes : null;
    }

    static long littleEndian(byte[] bytes, int offset, int size) {
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = value << 8 | (bytes[offset + i] & 0xff);
        }
        return value;
    }

    /** {@code 0x804a01c}: gdb's plain address spelling. */
    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** {@code 0x0804a01c}: gdb's spelling in disassembly and backtraces, 8 digits on i386. */
    static String hex8(long value) {
        String digits = Long.toHexString(value & ADDRESS_MASK);
        return "0x" + "0".repeat(Math.max(0, 8 - digits.length())) + digits;
    }

    private static boolean readable(long address, int size) {
        long start = address & ADDRESS_MASK;
        return start + size - 1 <= ADDRESS_MASK;
    }
}
