package minikernel.images;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a cpio archive in the "newc" format that Linux's initramfs unpacker reads
 * (Documentation/driver-api/early-userspace/buffer-format.rst): per entry a 110-byte header
 * of thirteen 8-digit hex fields after the magic "070701", the NUL-terminated name, the data,
 * each padded with NULs to a multiple of 4 bytes. Mirrors push_hdr(), push_string(),
 * push_pad() and cpio_trailer() in usr/gen_init_cpio.c, including its constant device
 * numbers (3:1) for the archived files and its 512-byte padding after the trailer.
 */
final class CpioWriter {
    static final int S_IFSOCK = 0140000;
    static final int S_IFLNK = 0120000;
    static final int S_IFREG = 0100000;
    static final int S_IFBLK = 0060000;
    static final int S_IFDIR = 0040000;
    static final int S_IFCHR = 0020000;
    static final int S_IFIFO = 0010000;

    private static final String TRAILER = "TRAILER!!!";

    private final OutputStream out;
    private long offset;

    CpioWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * One header as push_hdr() writes it.
     *
     * @param name  the path without a leading '/'
     * @param ino   the inode number (entries with the same one are hard links)
     * @param mode  file type bits and permissions
     * @param nlink the link count
     * @param rdevMajor the device numbers of a device node, else 0
     * @param data  file content or symlink target
     */
    record Header(String name, long ino, int mode, long uid, long gid, long nlink, long mtime, int rdevMajor,
            int rdevMinor, byte[] data) {
    }

    void write(Header header) throws IOException {
        byte[] name = (header.name() + "\0").getBytes(StandardCharsets.UTF_8);
        // gen_init_cpio records every file as coming from device 3:1, whatever its origin.
        writeHeader(header.ino(), header.mode(), header.uid(), header.gid(), header.nlink(), header.mtime(),
                header.data().length, 3, 1, header.rdevMajor(), header.rdevMinor(), name.length);
        writeBytes(name);
        pad(4);
        writeBytes(header.data());
        pad(4);
    }

    /** Mirrors cpio_trailer(): the end-of-archive entry, then NULs up to a multiple of 512 bytes. */
    void trailer() throws IOException {
        byte[] name = (TRAILER + "\0").getBytes(StandardCharsets.US_ASCII);
        writeHeader(0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, name.length);
        writeBytes(name);
        pad(4);
        pad(512);
    }

    private void writeHeader(long ino, int mode, long uid, long gid, long nlink, long mtime, long filesize,
            int devMajor, int devMinor, int rdevMajor, int rdevMinor, int namesize) throws IOException {
        StringBuilder header = new StringBuilder("070701");
        for (long field : new long[] {ino, mode, uid, gid, nlink, mtime, filesize, devMajor, devMinor, rdevMajor,
            rdevMinor, namesize, 0}) {
            header.append(String.format("%08X", field & 0xffffffffL));
        }
        writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private void writeBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        offset += bytes.length;
    }

    private void pad(int alignment) throws IOException {
        while (offset % alignment != 0) {
            out.write(0);
            offset++;
        }
    }
}
