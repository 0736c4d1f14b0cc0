package minikernel.kernel.fs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes newc cpio archives for tests, field by field, so that tests can also write wrong
 * ones. (The build's own writer is minikernel.images.CpioWriter, in a module the kernel does
 * not depend on.)
 */
final class CpioTestWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long nextIno = 721;
    String magic = "070701";

    /** One header's fields; {@code namesize} null means "the name's length plus its NUL". */
    record Fields(long ino, int mode, long uid, long gid, long nlink, long mtime, int devMajor, int devMinor,
            int rdevMajor, int rdevMinor, Long namesize, long check) {
    }

    CpioTestWriter dir(String name, int permissions) {
        return entry(name, CpioFileType.DIRECTORY.bits() | permissions, 2, 0, 0, new byte[0]);
    }

    CpioTestWriter file(String name, int permissions, String content) {
        return entry(name, CpioFileType.REGULAR.bits() | permissions, 1, 0, 0,
                content.getBytes(StandardCharsets.UTF_8));
    }

    CpioTestWriter symlink(String name, String target) {
        return entry(name, CpioFileType.SYMLINK.bits() | 0777, 1, 0, 0, target.getBytes(StandardCharsets.UTF_8));
    }

    CpioTestWriter node(String name, CpioFileType type, int permissions, int major, int minor) {
        return entry(name, type.bits() | permissions, 1, major, minor, new byte[0]);
    }

    CpioTestWriter entry(String name, int mode, long nlink, int rdevMajor, int rdevMinor, byte[] data) {
        return raw(new Fields(nextIno++, mode, 0, 0, nlink, 0, 3, 1, rdevMajor, rdevMinor, null, checksum(data)),
                name, data);
    }

    /** An entry with every field given, the name and data written as they are. */
    CpioTestWriter raw(Fields f, String name, byte[] data) {
        byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
        long namesize = f.namesize() != null ? f.namesize() : nameBytes.length;
        StringBuilder header = new StringBuilder(magic);
        for (long field : new long[] {f.ino(), f.mode(), f.uid(), f.gid(), f.nlink(), f.mtime(), data.length,
            f.devMajor(), f.devMinor(), f.rdevMajor(), f.rdevMinor(), namesize, f.check()}) {
            header.append(String.format("%08x", field & 0xffffffffL));
        }
        bytes(header.toString().getBytes(StandardCharsets.US_ASCII));
        bytes(nameBytes);
        pad(4);
        bytes(data);
        pad(4);
        return this;
    }

    CpioTestWriter trailer() {
        raw(new Fields(0, 0, 0, 0, 1, 0, 0, 0, 0, 0, null, 0), "TRAILER!!!", new byte[0]);
        return this;
    }

    CpioTestWriter bytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    CpioTestWriter pad(int alignment) {
        while (out.size() % alignment != 0) {
            out.write(0);
        }
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }

    static long checksum(byte[] data) {
        long sum = 0;
        for (byte b : data) {
            sum += b & 0xff;
        }
        return sum & 0xffffffffL;
    }
}
