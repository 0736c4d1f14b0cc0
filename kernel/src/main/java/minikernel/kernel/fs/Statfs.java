package minikernel.kernel.fs;

import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * statfs(2), fstatfs(2) and their 64-bit forms (fs/statfs.c): what filesystem a path is on and
 * how full it is. Each superblock answers for itself ({@link SuperBlock#statfs}: hostfs passes the
 * host's figures on, the in-memory filesystems answer as simple_statfs() does); the mount adds
 * its read-only flag.
 */
public final class Statfs {
    /** f_flags: ST_RDONLY and ST_VALID (the flags field is filled in). */
    public static final long ST_RDONLY = 1, ST_VALID = 0x20;
    /** sizeof(struct statfs64) on i386 (packed, 4-aligned): the size argument must be this. */
    static final int STATFS64_SIZE = 84;
    private static final long PIPEFS_MAGIC = 0x50495045L, ANON_INODE_FS_MAGIC = 0x09041934L;

    /** A filesystem's figures (struct kstatfs). */
    public record Kstatfs(long type, long bsize, long blocks, long bfree, long bavail, long files, long ffree,
                          long fsid, long namelen, long frsize, long flags) {
        /** simple_statfs(): a filesystem in memory, no block or inode counts. */
        public static Kstatfs simple(long magic) {
            return new Kstatfs(magic, 4096, 0, 0, 0, 0, 0, 0, 255, 4096, ST_VALID);
        }

        Kstatfs withFlags(long more) {
            return new Kstatfs(type, bsize, blocks, bfree, bavail, files, ffree, fsid, namelen, frsize, flags | more);
        }
    }

    private Statfs() {
    }

    public static long statfs(Task current, long path, long buf) {
        return put32(current, ofPath(current, path), buf);
    }

    public static long fstatfs(Task current, long fd, long buf) {
        Kstatfs k = ofFd(current, fd);
        return k == null ? Errno.EBADF.negative() : put32(current, k, buf);
    }

    public static long statfs64(Task current, long path, long size, long buf) {
        if (size != STATFS64_SIZE) {
            return Errno.EINVAL.negative();
        }
        return put64(current, ofPath(current, path), buf);
    }

    public static long fstatfs64(Task current, long fd, long size, long buf) {
        if (size != STATFS64_SIZE) {
            return Errno.EINVAL.negative();
        }
        Kstatfs k = ofFd(current, fd);
        return k == null ? Errno.EBADF.negative() : put64(current, k, buf);
    }

    private static Kstatfs ofPath(Task current, long path) {
        return of(Namei.lookup(current, Namei.getname(current, path)));
    }

    private static Kstatfs ofFd(Task current, long fd) {
        File f = current.files().get((int) fd);
        if (f == null) {
            return null;
        }
        return f.path() != null ? of(f.path())
                : Kstatfs.simple(f.isPipe() ? PIPEFS_MAGIC : ANON_INODE_FS_MAGIC);
    }

    private static Kstatfs of(Path p) {
        Kstatfs k = p.inode().sb().statfs(p.dentry());
        return p.mnt() != null && p.mnt().readOnly() ? k.withFlags(ST_RDONLY) : k;
    }

    /** struct statfs: 32-bit counts; figures that do not fit are EOVERFLOW, as put_compat_statfs says. */
    private static long put32(Task current, Kstatfs k, long buf) {
        for (long v : new long[]{k.blocks(), k.bfree(), k.bavail(), k.files(), k.ffree()}) {
            if ((v & ~0xffffffffL) != 0) {
                return Errno.EOVERFLOW.negative();
            }
        }
        return current.kernel().userAccess().putUser32s(current.mm(), buf, k.type(), k.bsize(), k.blocks(),
                k.bfree(), k.bavail(), k.files(), k.ffree(), k.fsid() & 0xffffffffL, k.fsid() >>> 32, k.namelen(),
                k.frsize(), k.flags(), 0, 0, 0, 0) ? 0 : Errno.EFAULT.negative();
    }

    /** struct statfs64: 64-bit counts after the type and block size; 84 bytes. */
    private static long put64(Task current, Kstatfs k, long buf) {
        long[] w = {k.type(), k.bsize(), k.blocks(), k.blocks() >>> 32, k.bfree(), k.bfree() >>> 32, k.bavail(),
            k.bavail() >>> 32, k.files(), k.files() >>> 32, k.ffree(), k.ffree() >>> 32, k.fsid() & 0xffffffffL,
            k.fsid() >>> 32, k.namelen(), k.frsize(), k.flags(), 0, 0, 0, 0};
        for (int i = 0; i < w.length; i++) {
            w[i] &= 0xffffffffL;
        }
        return current.kernel().userAccess().putUser32s(current.mm(), buf, w) ? 0 : Errno.EFAULT.negative();
    }
}
