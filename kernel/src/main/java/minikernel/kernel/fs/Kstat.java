package minikernel.kernel.fs;

/**
 * A file's attributes, Linux's {@code struct kstat}: what fstat64 and statx copy out, each in its
 * own layout. Times are seconds and nanoseconds.
 */
public record Kstat(long dev, long ino, int mode, int nlink, int uid, int gid, long rdev, long size,
                    int blksize, long blocks, long atimeSec, int atimeNsec, long mtimeSec, int mtimeNsec,
                    long ctimeSec, int ctimeNsec, long btimeSec, int btimeNsec) {

    /** include/uapi/linux/stat.h file types. */
    public static final int S_IFMT = 0170000, S_IFSOCK = 0140000, S_IFLNK = 0120000, S_IFREG = 0100000,
            S_IFBLK = 0060000, S_IFDIR = 0040000, S_IFCHR = 0020000, S_IFIFO = 0010000;

    /** Device numbers packed as the kernel's new_encode_dev does for statx and stat64. */
    public static long encodeDev(int major, int minor) {
        return (minor & 0xffL) | ((long) major & 0xfff) << 8 | ((long) minor & ~0xffL) << 12;
    }

    public static int major(long dev) {
        return (int) ((dev & 0xfff00) >>> 8);
    }

    public static int minor(long dev) {
        return (int) ((dev & 0xff) | (dev >>> 12 & 0xfff00));
    }
}
