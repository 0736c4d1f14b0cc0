package minikernel.kernel.fs;

import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * The stat family (fs/stat.c: stat64, lstat64, fstat64, fstatat64, statx, each copying a kstat out
 * in its own layout) and access(2) (fs/open.c).
 */
public final class Stat {
    private static final int AT_FDCWD = -100, AT_EMPTY_PATH = 0x1000, AT_SYMLINK_NOFOLLOW = 0x100,
            AT_NO_AUTOMOUNT = 0x800, AT_STATX_SYNC_TYPE = 0x6000;
    private static final int STATX_BASIC_STATS = 0x7ff, STATX_BTIME = 0x800;
    private static final int STAT64_SIZE = 96, STATX_SIZE = 256;

    private Stat() {
    }

    public static long fstat64(Task current, long fd, long statbuf) {
        File f = current.files().get((int) fd);
        if (f == null) {
            return Errno.EBADF.negative();
        }
        return copyStat64(current, f.stat(), statbuf);
    }

    public static long stat64(Task current, long path, long statbuf) {
        return fstatat64(current, Namei.AT_FDCWD, path, statbuf, 0);
    }

    public static long lstat64(Task current, long path, long statbuf) {
        return fstatat64(current, Namei.AT_FDCWD, path, statbuf, AT_SYMLINK_NOFOLLOW);
    }

    /** fstatat64(2) (vfs_fstatat): the file a path names, or with AT_EMPTY_PATH the descriptor's. */
    public static long fstatat64(Task current, long dirfd, long path, long statbuf, long flags) {
        if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT)) != 0) {
            return Errno.EINVAL.negative();
        }
        return copyStat64(current, statAt(current, dirfd, path, flags), statbuf);
    }

    /** statx(2): the same lookup; every basic field is filled in whatever {@code mask} asks. */
    public static long statx(Task current, long dirfd, long path, long flags, long mask, long buf) {
        if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT | AT_STATX_SYNC_TYPE)) != 0
                || (flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE || (mask & 0x80000000L) != 0) {
            return Errno.EINVAL.negative();
        }
        Kstat k = statAt(current, dirfd, path, flags);
        if (k == null) {
            return Errno.EIO.negative();
        }
        return current.kernel().userAccess().copyToUser(current.mm(), buf, statx(k)) ? 0 : Errno.EFAULT.negative();
    }

    /** The attributes of what {@code path} (or, if empty with AT_EMPTY_PATH, {@code dirfd}) names. */
    private static Kstat statAt(Task current, long dirfd, long path, long flags) {
        String name = Namei.getname(current, path);
        boolean empty = name.isEmpty() && (flags & AT_EMPTY_PATH) != 0;
        if (empty && (int) dirfd != AT_FDCWD) {
            File f = current.files().get((int) dirfd);
            if (f == null) {
                throw new VfsError(Errno.EBADF);
            }
            return f.stat();
        }
        int lookup = (flags & AT_SYMLINK_NOFOLLOW) != 0 ? 0 : Namei.LOOKUP_FOLLOW;
        return Namei.lookup(current, (int) dirfd, name, lookup, empty).inode().getattr();
    }

    private static long copyStat64(Task current, Kstat k, long statbuf) {
        if (k == null) {
            return Errno.EIO.negative();
        }
        return current.kernel().userAccess().copyToUser(current.mm(), statbuf, stat64(k)) ? 0 : Errno.EFAULT.negative();
    }

    public static long access(Task current, long path, long mode) {
        return faccessat2(current, Namei.AT_FDCWD, path, mode, 0);
    }

    public static long faccessat(Task current, long dirfd, long path, long mode) {
        return faccessat2(current, dirfd, path, mode, 0);
    }

    /**
     * faccessat2(2) (do_faccessat): F_OK asks only that the path exists; R_OK, W_OK and X_OK ask the
     * permission check, W_OK on a read-only mount is EROFS, X_OK of a regular file needs an x bit
     * even for root.
     */
    public static long faccessat2(Task current, long dirfd, long path, long mode, long flags) {
        final int accessEaccess = 0x200;
        if ((mode & ~7) != 0 || (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | accessEaccess)) != 0) {
            return Errno.EINVAL.negative();
        }
        String name = Namei.getname(current, path);
        int lookup = (flags & AT_SYMLINK_NOFOLLOW) != 0 ? 0 : Namei.LOOKUP_FOLLOW;
        Path p = Namei.lookup(current, (int) dirfd, name, lookup, (flags & AT_EMPTY_PATH) != 0);
        Inode inode = p.inode();
        if ((mode & 2) != 0 && p.mnt().readOnly() && (inode.isRegular() || inode.isDirectory() || inode.isSymlink())) {
            return Errno.EROFS.negative();
        }
        Permission.check(current.cred(), inode, (int) mode & 7);
        return 0;
    }

    /** struct stat64 of i386 (arch/x86/include/uapi/asm/stat.h), 96 bytes. */
    static byte[] stat64(Kstat k) {
        Bytes b = new Bytes(STAT64_SIZE);
        b.u64(0, k.dev());
        b.u32(12, k.ino());
        b.u32(16, k.mode());
        b.u32(20, k.nlink());
        b.u32(24, k.uid());
        b.u32(28, k.gid());
        b.u64(32, k.rdev());
        b.u64(44, k.size());
        b.u32(52, k.blksize());
        b.u64(56, k.blocks());
        b.u32(64, k.atimeSec());
        b.u32(68, k.atimeNsec());
        b.u32(72, k.mtimeSec());
        b.u32(76, k.mtimeNsec());
        b.u32(80, k.ctimeSec());
        b.u32(84, k.ctimeNsec());
        b.u64(88, k.ino());
        return b.bytes();
    }

    /** struct statx (include/uapi/linux/stat.h), 256 bytes, the same on every architecture. */
    static byte[] statx(Kstat k) {
        Bytes b = new Bytes(STATX_SIZE);
        b.u32(0x00, STATX_BASIC_STATS | STATX_BTIME);
        b.u32(0x04, k.blksize());
        b.u32(0x10, k.nlink());
        b.u32(0x14, k.uid());
        b.u32(0x18, k.gid());
        b.u16(0x1c, k.mode());
        b.u64(0x20, k.ino());
        b.u64(0x28, k.size());
        b.u64(0x30, k.blocks());
        b.u64(0x40, k.atimeSec());
        b.u32(0x48, k.atimeNsec());
        b.u64(0x50, k.btimeSec());
        b.u32(0x58, k.btimeNsec());
        b.u64(0x60, k.ctimeSec());
        b.u32(0x68, k.ctimeNsec());
        b.u64(0x70, k.mtimeSec());
        b.u32(0x78, k.mtimeNsec());
        b.u32(0x80, Kstat.major(k.rdev()));
        b.u32(0x84, Kstat.minor(k.rdev()));
        b.u32(0x88, Kstat.major(k.dev()));
        b.u32(0x8c, Kstat.minor(k.dev()));
        return b.bytes();
    }

    /** A little-endian struct being filled in. */
    private record Bytes(byte[] bytes) {
        Bytes(int size) {
            this(new byte[size]);
        }

        void u16(int at, long v) {
            bytes[at] = (byte) v;
            bytes[at + 1] = (byte) (v >>> 8);
        }

        void u32(int at, long v) {
            for (int i = 0; i < 4; i++) {
                bytes[at + i] = (byte) (v >>> 8 * i);
            }
        }

        void u64(int at, long v) {
            for (int i = 0; i < 8; i++) {
                bytes[at + i] = (byte) (v >>> 8 * i);
            }
        }
    }
}
