package minikernel.kernel.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the root image: a cpio archive in the "newc" format, exactly what Linux unpacks into
 * its rootfs at boot (Documentation/driver-api/early-userspace/buffer-format.rst). Each entry
 * is a 110-byte header of ASCII-hex fields, the NUL-terminated name, the data, each padded
 * to 4 bytes; {@code TRAILER!!!} ends an archive.
 *
 * <p>Mirrors unpack_to_rootfs() in init/initramfs.c, and tolerates what it tolerates: NUL
 * padding between archives, several archives one after another, a missing trailer, the
 * "070702" variant with a data checksum (which is checked), entries of unknown type or
 * device/directory entries carrying data (both skipped, as Linux creates nothing for them).
 * It is stricter where Linux would silently build a damaged tree: a truncated archive, a
 * non-hex digit in a header field, a name of size 0 or over PATH_MAX, or a symlink target
 * over PATH_MAX is an {@link InitramfsException}. Compressed archives are not supported.
 */
public final class Initramfs {
    /** The longest name or symlink target Linux accepts. */
    public static final int PATH_MAX = 4096;
    private static final int HEADER_SIZE = 110;
    private static final String TRAILER = "TRAILER!!!";

    private Initramfs() {
    }

    /**
     * One file, directory, symlink or device node of the archive, in archive order.
     *
     * @param path      the name without leading "/" or "./" ("" for the root itself)
     * @param mode      c_mode: file type bits (see {@link CpioFileType}) and permissions
     * @param uid       c_uid
     * @param gid       c_gid
     * @param mtime     c_mtime, seconds since the epoch
     * @param nlink     c_nlink
     * @param ino       c_ino, which with devMajor/devMinor identifies hard links
     * @param devMajor  c_devmajor of the file system the file came from
     * @param devMinor  c_devminor
     * @param rdevMajor c_rdevmajor: the major number of a device node
     * @param rdevMinor c_rdevminor
     * @param hardLinkTo for an entry that Linux's maybe_link() would hard-link, the path of
     *                  the earlier entry it is a link to; the entry's data, if any, is then
     *                  written into that same inode
     * @param data      the file content or symlink target (a copy is returned)
     */
    public record Entry(String path, int mode, int uid, int gid, long mtime, long nlink, long ino, int devMajor,
            int devMinor, int rdevMajor, int rdevMinor, Optional<String> hardLinkTo, byte[] data) {

        public Entry {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** The file type; every entry {@link Initramfs#read} returns has a known one. */
        public CpioFileType type() {
            return CpioFileType.of(mode).orElseThrow();
        }

        /** The permission bits, with setuid, setgid and sticky: {@code mode & 07777}. */
        public int permissions() {
            return mode & 07777;
        }

        /** The target of a symlink, up to its first NUL, as do_symlink() reads it. */
        public String symlinkTarget() {
            int end = 0;
            while (end < data.length && data[end] != 0) {
                end++;
            }
            return new String(data, 0, end, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Entry e && path.equals(e.path) && mode == e.mode && uid == e.uid && gid == e.gid
                    && mtime == e.mtime && nlink == e.nlink && ino == e.ino && devMajor == e.devMajor
                    && devMinor == e.devMinor && rdevMajor == e.rdevMajor && rdevMinor == e.rdevMinor
                    && hardLinkTo.equals(e.hardLinkTo) && Arrays.equals(data, e.data);
        }

        @Override
        public int hashCode() {
            return path.hashCode() * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return String.format("%s %o %d:%d %d bytes%s", path.isEmpty() ? "/" : path, mode, uid, gid, data.length,
                    hardLinkTo.map(old -> " (link to " + old + ")").orElse(""));
        }
    }

    /** Reads a whole archive from {@code in} (the stream is read to its end, not closed). */
    public static List<Entry> read(InputStream in) throws IOException, InitramfsException {
        return read(in.readAllBytes());
    }

    /** Reads every entry of {@code archive}, skipping trailers. */
    public static List<Entry> read(byte[] archive) throws InitramfsException {
        List<Entry> entries = new ArrayList<>();
        Map<LinkKey, String> links = new HashMap<>();
        long pos = 0;
        while (pos < archive.length) {
            byte b = archive[(int) pos];
            if (b == 0) {
                pos++;
                continue;
            }
            if (b == '0' && pos % 4 == 0) {
                pos = readEntry(archive, pos, entries, links);
                continue;
            }
            // Headers follow each other at multiples of 4; only NUL padding can misalign one.
            if (b == '0') {
                throw new InitramfsException("broken padding: a header starts at offset " + hex(pos)
                        + ", which is not a multiple of 4");
            }
            throw new InitramfsException(junk(archive, pos));
        }
        return List.copyOf(entries);
    }

    /** What find_link() in init/initramfs.c compares to decide two entries are one inode. */
    private record LinkKey(int devMajor, int devMinor, long ino, int type) {
    }

    /** Reads the entry whose header is at {@code pos}; returns the offset of the next header. */
    private static long readEntry(byte[] archive, long pos, List<Entry> entries, Map<LinkKey, String> links)
            throws InitramfsException {
        if (archive.length - pos < HEADER_SIZE) {
            throw new InitramfsException("truncated cpio header at offset " + hex(pos) + " (" + (archive.length - pos)
                    + " of " + HEADER_SIZE + " bytes)");
        }
        String magic = new String(archive, (int) pos, 6, StandardCharsets.ISO_8859_1);
        boolean checksummed = magic.equals("070702");
        if (!checksummed && !magic.equals("070701")) {
            throw new InitramfsException(magic.equals("070707")
                    ? "old-style (odc) cpio archive at offset " + hex(pos) + ": use the newc format (cpio -H newc)"
                    : "no cpio magic at offset " + hex(pos) + " (expected 070701)");
        }
        long[] field = new long[13];
        for (int i = 0; i < field.length; i++) {
            field[i] = hexField(archive, pos + 6 + 8L * i, i, pos);
        }
        long nameSize = field[11];
        long bodySize = field[6];
        // umode_t is 16 bits: parse_header() keeps only the low half of c_mode.
        int mode = (int) (field[1] & 0xffff);
        if (nameSize == 0 || nameSize > PATH_MAX) {
            throw new InitramfsException("bad name size " + nameSize + " in the cpio header at offset " + hex(pos)
                    + " (1 to " + PATH_MAX + ")");
        }
        long nameStart = pos + HEADER_SIZE;
        if (archive.length - nameStart < nameSize) {
            throw new InitramfsException("truncated name in the cpio entry at offset " + hex(pos));
        }
        if (archive[(int) (nameStart + nameSize - 1)] != 0) {
            throw new InitramfsException("name without NUL terminator in the cpio entry at offset " + hex(pos));
        }
        String name = cString(archive, (int) nameStart);
        long dataStart = align4(nameStart + nameSize);
        Optional<CpioFileType> type = CpioFileType.of(mode);
        if (type.equals(Optional.of(CpioFileType.SYMLINK)) && bodySize > PATH_MAX) {
            throw new InitramfsException("symlink target of " + quote(name) + " is " + bodySize + " bytes (at most "
                    + PATH_MAX + ") at offset " + hex(pos));
        }
        if (bodySize > 0 && (dataStart > archive.length || archive.length - dataStart < bodySize)) {
            throw new InitramfsException("truncated data of " + quote(name) + " at offset " + hex(pos) + " ("
                    + bodySize + " bytes declared)");
        }
        byte[] data = bodySize == 0 ? new byte[0]
                : Arrays.copyOfRange(archive, (int) dataStart, (int) (dataStart + bodySize));
        long next = align4(dataStart + bodySize);
        if (name.equals(TRAILER)) {
            links.clear();
            return next;
        }
        if (checksummed && type.equals(Optional.of(CpioFileType.REGULAR)) && checksum(data) != field[12]) {
            throw new InitramfsException("bad data checksum for " + quote(name) + " at offset " + hex(pos));
        }
        // do_header() skips, without creating anything, entries of unknown type and
        // directories, devices, fifos and sockets that carry data.
        if (type.isEmpty() || (bodySize != 0 && type.get() != CpioFileType.REGULAR
                && type.get() != CpioFileType.SYMLINK)) {
            return next;
        }
        String path = normalize(name);
        Optional<String> linkTo = Optional.empty();
        if (field[4] >= 2 && type.get() != CpioFileType.DIRECTORY && type.get() != CpioFileType.SYMLINK) {
            LinkKey key = new LinkKey((int) field[7], (int) field[8], field[0], mode & CpioFileType.S_IFMT);
            linkTo = Optional.ofNullable(links.putIfAbsent(key, path));
        }
        entries.add(new Entry(path, mode, (int) field[2], (int) field[3], field[5], field[4], field[0], (int) field[7],
                (int) field[8], (int) field[9], (int) field[10], linkTo, data));
        return next;
    }

    private static final String[] FIELD_NAMES = {"c_ino", "c_mode", "c_uid", "c_gid", "c_nlink", "c_mtime",
        "c_filesize", "c_devmajor", "c_devminor", "c_rdevmajor", "c_rdevminor", "c_namesize", "c_check"};

    private static long hexField(byte[] archive, long at, int index, long header) throws InitramfsException {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            int digit = Character.digit(archive[(int) at + i], 16);
            if (digit < 0) {
                throw new InitramfsException("bad cpio header at offset " + hex(header) + ": " + FIELD_NAMES[index]
                        + " is not an 8-digit hex number");
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** "bin/hello" for "/bin/hello" or "./bin/hello"; "" for "." or "/". */
    private static String normalize(String name) {
        String path = name;
        boolean changed = true;
        while (changed) {
            changed = false;
            if (path.startsWith("/")) {
                path = path.substring(1);
                changed = true;
            } else if (path.startsWith("./")) {
                path = path.substring(2);
                changed = true;
            }
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.equals(".") ? "" : path;
    }

    /** The 070702 checksum: the sum of the data bytes, modulo 2^32 (xwrite() in init/initramfs.c). */
    private static long checksum(byte[] data) {
        long sum = 0;
        for (byte b : data) {
            sum += b & 0xff;
        }
        return sum & 0xffffffffL;
    }

    private static String junk(byte[] archive, long pos) {
        int b0 = archive[(int) pos] & 0xff;
        int b1 = pos + 1 < archive.length ? archive[(int) pos + 1] & 0xff : -1;
        String compression = b0 == 0x1f && (b1 == 0x8b || b1 == 0x9e) ? "gzip"
                : b0 == 0xfd && b1 == '7' ? "xz"
                : b0 == 'B' && b1 == 'Z' ? "bzip2"
                : b0 == 0x28 && b1 == 0xb5 ? "zstd"
                : b0 == 0x5d && b1 == 0 ? "lzma"
                : b0 == 0x02 && b1 == 0x21 ? "lz4" : null;
        if (compression != null) {
            return "compressed (" + compression + ") data at offset " + hex(pos)
                    + ": minikernel reads only uncompressed newc cpio archives";
        }
        return "junk at offset " + hex(pos) + ": not a newc cpio archive";
    }

    private static String cString(byte[] archive, int start) {
        int end = start;
        while (archive[end] != 0) {
            end++;
        }
        return new String(archive, start, end - start, StandardCharsets.UTF_8);
    }

    /** A name as a message shows it: quoted, control characters escaped, so it stays on one line. */
    private static String quote(String name) {
        StringBuilder quoted = new StringBuilder("'");
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('\'').toString();
    }

    private static long align4(long offset) {
        return (offset + 3) & ~3L;
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
