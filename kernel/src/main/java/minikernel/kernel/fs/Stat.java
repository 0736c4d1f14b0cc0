package minikernel.kernel.fs;

import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * fstat64(2), fstatat64(2), statx(2) and readlink(2): fs/stat.c. Until the VFS arrives only open
 * descriptors can be examined (AT_EMPTY_PATH); a path lookup answers -ENOSYS, honestly.
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
        Kstat k = f.stat();
        if (k == null) {
            return Errno.EIO.negative();
        }
        return current.kernel().userAccess().copyToUser(current.mm(), statbuf, stat64(k)) ? 0 : Errno.EFAULT.negative();
    }

    public static long fstatat64(Task current, long dirfd, long path, long statbuf, long flags) {
        if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT)) != 0) {
            return Errno.EINVAL.negative();
        }
        long r = emptyPathFd(current, dirfd, path, flags);
        return r < 0 ? r : fstat64(current, r, statbuf);
    }

    public static long statx(Task current, long dirfd, long path, long flags, long mask, long buf) {
        if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT | AT_STATX_SYNC_TYPE)) != 0
                || (flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE || (mask & 0x80000000L) != 0) {
            return Errno.EINVAL.negative();
        }
        long fd = emptyPathFd(current, dirfd, path, flags);
        if (fd < 0) {
            return fd;
        }
        File f = current.files().get((int) fd);
        Kstat k = f.stat();
        if (k == null) {
            return Errno.EIO.negative();
        }
        return current.kernel().userAccess().copyToUser(current.mm(), buf, statx(k)) ? 0 : Errno.EFAULT.negative();
    }

    /** The descriptor an AT_EMPTY_PATH call names, or -errno (-ENOSYS for a real path lookup). */
    private static long emptyPathFd(Task current, long dirfd, long path, long flags) {
        UserAccess.UserString s = current.kernel().userAccess().strncpyFromUser(current.mm(), path, 4096);
        if (s instanceof UserAccess.UserString.Fault) {
            return Errno.EFAULT.negative();
        }
        if (s instanceof UserAccess.UserString.TooLong) {
            return Errno.ENAMETOOLONG.negative();
        }
        String p = ((UserAccess.UserString.Ok) s).value();
        if (!p.isEmpty()) {
            return Errno.ENOSYS.negative();
        }
        if ((flags & AT_EMPTY_PATH) == 0) {
            return Errno.ENOENT.negative();
        }
        if ((int) dirfd == AT_FDCWD) {
            return Errno.ENOSYS.negative();
        }
        return current.files().get((int) dirfd) == null ? Errno.EBADF.negative() : dirfd;
    }

    /** readlink(2): only /proc/self/exe and /proc/PID/exe until the VFS exists. */
    public static long readlink(Task current, long path, long buf, long bufsiz) {
        UserAccess ua = current.kernel().userAccess();
        UserAccess.UserString s = ua.strncpyFromUser(current.mm(), path, 4096);
        if (s instanceof UserAccess.UserString.Fault) {
            return Errno.EFAULT.negative();
        }
        if (s instanceof UserAccess.UserString.TooLong) {
            return Errno.ENAMETOOLONG.negative();
        }
        if ((int) bufsiz <= 0) {
            return Errno.EINVAL.negative();
        }
        String p = ((UserAccess.UserString.Ok) s).value();
        if (!p.equals("/proc/self/exe") && !p.equals("/proc/" + current.tgid() + "/exe")) {
            return Errno.ENOSYS.negative();
        }
        byte[] target = current.mm().exePath().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int n = (int) Math.min(target.length, bufsiz);
        return ua.copyToUser(current.mm(), buf, target, 0, n) ? n : Errno.EFAULT.negative();
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
