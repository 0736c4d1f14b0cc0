package minikernel.kernel.fs;

import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * Changing a file's attributes (fs/open.c, fs/attr.c, fs/utimes.c): chmod, chown, truncate and
 * utimensat, with the rules of setattr_prepare(): only the owner (or root) changes the mode and
 * the times, only root gives a file away, the owner may change its group to one of its own, and a
 * read-only mount refuses all of it.
 */
public final class Attr {
    private static final long UTIME_NOW = (1L << 30) - 1, UTIME_OMIT = (1L << 30) - 2;

    private Attr() {
    }

    private static Path pathAt(Task current, long dfd, long pathname, boolean follow, boolean emptyOk) {
        return Namei.lookup(current, (int) dfd, Namei.getname(current, pathname),
                follow ? Namei.LOOKUP_FOLLOW : 0, emptyOk);
    }

    private static Path fdPath(Task current, long fd) {
        File f = current.files().get((int) fd);
        if (f == null) {
            throw new VfsError(Errno.EBADF);
        }
        if (f.path() == null) {
            throw new VfsError(Errno.EINVAL);    // a pipe or console: not through the VFS here
        }
        return f.path();
    }

    private static void writableMount(Path p) {
        if (p.mnt().readOnly()) {
            throw new VfsError(Errno.EROFS);
        }
    }

    /** inode_owner_or_capable(). */
    private static void ownerOrRoot(Task current, Inode inode) {
        if (!current.cred().isRoot() && current.cred().uid() != inode.uid()) {
            throw new VfsError(Errno.EPERM);
        }
    }

    // ---- chmod ------------------------------------------------------------------------------

    public static long chmod(Task current, long pathname, long mode) {
        return chmodCommon(current, pathAt(current, Namei.AT_FDCWD, pathname, true, false), mode);
    }

    public static long fchmod(Task current, long fd, long mode) {
        return chmodCommon(current, fdPath(current, fd), mode);
    }

    public static long fchmodat(Task current, long dfd, long pathname, long mode) {
        return chmodCommon(current, pathAt(current, dfd, pathname, true, false), mode);
    }

    private static long chmodCommon(Task current, Path p, long mode) {
        writableMount(p);
        Inode inode = p.inode();
        ownerOrRoot(current, inode);
        int perms = (int) mode & 07777;
        if (!current.cred().isRoot() && current.cred().gid() != inode.gid()) {
            perms &= ~02000;      // setgid on a file of another group is dropped
        }
        inode.chmod(perms);
        return 0;
    }

    // ---- chown ------------------------------------------------------------------------------

    public static long chown(Task current, long pathname, long user, long group) {
        return chownCommon(current, pathAt(current, Namei.AT_FDCWD, pathname, true, false), user, group);
    }

    public static long lchown(Task current, long pathname, long user, long group) {
        return chownCommon(current, pathAt(current, Namei.AT_FDCWD, pathname, false, false), user, group);
    }

    public static long fchown(Task current, long fd, long user, long group) {
        return chownCommon(current, fdPath(current, fd), user, group);
    }

    public static long fchownat(Task current, long dfd, long pathname, long user, long group, long flags) {
        if ((flags & ~(Namei.AT_SYMLINK_NOFOLLOW | Namei.AT_EMPTY_PATH)) != 0) {
            return Errno.EINVAL.negative();
        }
        Path p = pathAt(current, dfd, pathname, (flags & Namei.AT_SYMLINK_NOFOLLOW) == 0,
                (flags & Namei.AT_EMPTY_PATH) != 0);
        return chownCommon(current, p, user, group);
    }

    /** chown_common(): -1 leaves an id as it is. */
    private static long chownCommon(Task current, Path p, long user, long group) {
        writableMount(p);
        Inode inode = p.inode();
        int uid = (int) user, gid = (int) group;
        Cred cred = current.cred();
        if (!cred.isRoot()) {
            boolean uidChange = uid != -1 && uid != inode.uid();
            boolean gidChange = gid != -1 && gid != inode.gid();
            if (uidChange || gidChange && (cred.uid() != inode.uid() || gid != cred.gid())) {
                return Errno.EPERM.negative();
            }
        }
        inode.chown(uid, gid);
        return 0;
    }

    // ---- truncate ---------------------------------------------------------------------------

    /** truncate(2): a signed 32-bit length. */
    public static long truncate(Task current, long pathname, long length) {
        int len = (int) length;
        return truncate64(current, pathname, len, len < 0 ? -1 : 0);
    }

    /** truncate64(2): i386 passes the 64-bit length in two registers, low word first. */
    public static long truncate64(Task current, long pathname, long lengthLow, long lengthHigh) {
        long length = (lengthHigh << 32) | (lengthLow & 0xffffffffL);
        if (length < 0) {
            return Errno.EINVAL.negative();
        }
        Path p = pathAt(current, Namei.AT_FDCWD, pathname, true, false);
        Inode inode = p.inode();
        if (inode.isDirectory()) {
            return Errno.EISDIR.negative();
        }
        if (!inode.isRegular()) {
            return Errno.EINVAL.negative();
        }
        Permission.check(current.cred(), inode, Permission.MAY_WRITE);
        writableMount(p);
        inode.truncate(length);
        return 0;
    }

    public static long ftruncate(Task current, long fd, long length) {
        int len = (int) length;
        return ftruncate64(current, fd, len, len < 0 ? -1 : 0);
    }

    /** ftruncate64(2): the descriptor must be open for writing (EINVAL otherwise, as Linux says). */
    public static long ftruncate64(Task current, long fd, long lengthLow, long lengthHigh) {
        long length = (lengthHigh << 32) | (lengthLow & 0xffffffffL);
        File f = current.files().get((int) fd);
        if (f == null) {
            return Errno.EBADF.negative();
        }
        if (length < 0 || f.path() == null || !f.inode().isRegular() || !f.writable()) {
            return (f.flags() & File.O_PATH) != 0 ? Errno.EBADF.negative() : Errno.EINVAL.negative();
        }
        f.inode().truncate(length);
        return 0;
    }

    // ---- utimensat --------------------------------------------------------------------------

    public static long utimensat(Task current, long dfd, long pathname, long times, long flags) {
        return utimes(current, dfd, pathname, times, flags, false);
    }

    public static long utimensatTime64(Task current, long dfd, long pathname, long times, long flags) {
        return utimes(current, dfd, pathname, times, flags, true);
    }

    /**
     * do_utimes(): {@code times} NULL sets both to now, and needs only write permission; explicit
     * times (or UTIME_OMIT/UTIME_NOW in one of them) need the owner. A NULL path changes the file
     * {@code dfd} is open on (futimens).
     */
    private static long utimes(Task current, long dfd, long pathname, long times, long flags, boolean time64) {
        if ((flags & ~(Namei.AT_SYMLINK_NOFOLLOW | Namei.AT_EMPTY_PATH)) != 0) {
            return Errno.EINVAL.negative();
        }
        long now = Inode.TIME_NOW;      // the filesystem's own "now" (the host's clock for hostfs)
        long atime = now, mtime = now;
        boolean explicit = false;
        if (times != 0) {
            int size = time64 ? 16 : 8;
            long[] t = new long[4];
            for (int i = 0; i < 2; i++) {
                long[] ts = minikernel.kernel.time.Time.getTimespec(current, times + (long) i * size, time64);
                if (ts == null) {
                    return Errno.EFAULT.negative();
                }
                t[2 * i] = ts[0];
                t[2 * i + 1] = ts[1];
            }
            long[] result = new long[2];
            for (int i = 0; i < 2; i++) {
                long ns = t[2 * i + 1];
                if (ns == UTIME_OMIT) {
                    result[i] = -1;
                } else if (ns == UTIME_NOW) {
                    result[i] = now;
                } else if (ns < 0 || ns >= 1_000_000_000L) {
                    return Errno.EINVAL.negative();
                } else {
                    result[i] = t[2 * i] * 1_000_000_000L + ns;
                    explicit = true;
                }
            }
            atime = result[0];
            mtime = result[1];
            if (atime == -1 && mtime == -1) {
                return 0;
            }
        }
        Path p = pathname == 0 ? fdPath(current, dfd)
                : pathAt(current, dfd, pathname, (flags & Namei.AT_SYMLINK_NOFOLLOW) == 0,
                        (flags & Namei.AT_EMPTY_PATH) != 0);
        writableMount(p);
        Inode inode = p.inode();
        if (explicit) {
            ownerOrRoot(current, inode);
        } else if (!current.cred().isRoot() && current.cred().uid() != inode.uid()) {
            Permission.check(current.cred(), inode, Permission.MAY_WRITE);
        }
        inode.setTimes(atime, mtime);
        return 0;
    }
}
