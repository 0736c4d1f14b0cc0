package minikernel.kernel.fs;

import java.nio.charset.StandardCharsets;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * The system calls of fs/namei.c that make, remove and rename names: mkdir, mknod, rmdir, unlink,
 * rename, link, symlink, and readlink (fs/stat.c). Each looks up the parent directory, checks what
 * Linux checks (may_create, may_delete, the sticky bit, mount points, read-only mounts), asks the
 * filesystem to do it, and updates the dentry cache to match.
 */
public final class NameOps {
    private static final int RENAME_NOREPLACE = 1, RENAME_EXCHANGE = 2, RENAME_WHITEOUT = 4;

    private NameOps() {
    }

    // ---- checks shared by the calls ---------------------------------------------------------

    /** may_create(): write and search permission on the directory, and a writable mount. */
    private static void mayCreate(Task current, Path dir) {
        if (dir.mnt().readOnly()) {
            throw new VfsError(Errno.EROFS);
        }
        Permission.check(current.cred(), dir.inode(), Permission.MAY_WRITE | Permission.MAY_EXEC);
    }

    /**
     * may_delete(): as may_create, and in a sticky directory (like /tmp) only the file's owner, the
     * directory's owner or root may remove a name; nothing may remove a mount point or a root.
     */
    private static void mayDelete(Task current, Path dir, Path victim) {
        mayCreate(current, dir);
        Cred cred = current.cred();
        Inode d = dir.inode(), v = victim.inode();
        if ((d.mode() & 01000) != 0 && !cred.isRoot() && cred.uid() != v.uid() && cred.uid() != d.uid()) {
            throw new VfsError(Errno.EPERM);
        }
        if (isMountpoint(current, dir.mnt(), victim) || victim.dentry().isRoot()) {
            throw new VfsError(Errno.EBUSY);
        }
    }

    /** Something is mounted on the name {@code victim} (found with mounts crossed). */
    private static boolean isMountpoint(Task current, Mount parentMnt, Path victim) {
        return victim.mnt() != parentMnt;
    }

    private static Namei.Parent parent(Task current, long dfd, long pathname) {
        return Namei.lookupParent(current, (int) dfd, Namei.getname(current, pathname));
    }

    // ---- mkdir, mknod -----------------------------------------------------------------------

    public static long mkdir(Task current, long pathname, long mode) {
        return mkdirat(current, Namei.AT_FDCWD, pathname, mode);
    }

    /** mkdirat(2): EEXIST for "/", "." and ".." and any name that exists (even a dangling symlink). */
    public static long mkdirat(Task current, long dfd, long pathname, long mode) {
        Namei.Parent p = parent(current, dfd, pathname);
        if (p.type() != Namei.LastType.NORM || Namei.child(current, p.dir(), p.last()) != null) {
            throw new VfsError(Errno.EEXIST);
        }
        mayCreate(current, p.dir());
        int perms = (int) mode & 01777 & ~current.fs().umask();
        Inode made = p.dir().inode().mkdir(p.last(), perms, current.cred());
        p.dir().dentry().instantiate(p.last(), made);
        return 0;
    }

    public static long mknod(Task current, long pathname, long mode, long dev) {
        return mknodat(current, Namei.AT_FDCWD, pathname, mode, dev);
    }

    /**
     * mknodat(2): a regular file (type 0 or S_IFREG), a FIFO or socket, or (root only) a device
     * node; a directory is EPERM here (mkdir makes those).
     */
    public static long mknodat(Task current, long dfd, long pathname, long mode, long dev) {
        int type = (int) mode & Kstat.S_IFMT;
        if (type == Kstat.S_IFDIR || type == Kstat.S_IFLNK) {
            return Errno.EPERM.negative();
        }
        if (type != 0 && type != Kstat.S_IFREG && type != Kstat.S_IFIFO && type != Kstat.S_IFSOCK
                && type != Kstat.S_IFCHR && type != Kstat.S_IFBLK) {
            return Errno.EINVAL.negative();
        }
        if ((type == Kstat.S_IFCHR || type == Kstat.S_IFBLK) && !current.cred().isRoot()) {
            return Errno.EPERM.negative();
        }
        Namei.Parent p = parent(current, dfd, pathname);
        if (p.type() != Namei.LastType.NORM || Namei.child(current, p.dir(), p.last()) != null) {
            throw new VfsError(Errno.EEXIST);
        }
        if (p.trailingSlash()) {
            throw new VfsError(Errno.ENOENT);
        }
        mayCreate(current, p.dir());
        int perms = (int) mode & 07777 & ~current.fs().umask();
        Inode made = type == 0 || type == Kstat.S_IFREG
                ? p.dir().inode().create(p.last(), perms, current.cred())
                : p.dir().inode().mknod(p.last(), type | perms, decodeDev(dev), current.cred());
        p.dir().dentry().instantiate(p.last(), made);
        return 0;
    }

    /** The i386 mknod dev argument (old_decode_dev / new_decode_dev) as a Kstat device number. */
    private static long decodeDev(long dev) {
        int major = (int) ((dev & 0xfff00) >>> 8), minor = (int) ((dev & 0xff) | ((dev >>> 12) & 0xfff00));
        return Kstat.encodeDev(major, minor);
    }

    // ---- rmdir, unlink ----------------------------------------------------------------------

    /** rmdir(2): "." is EINVAL, ".." ENOTEMPTY, "/" EBUSY, a non-directory ENOTDIR. */
    public static long rmdir(Task current, long pathname) {
        return doRmdir(current, Namei.AT_FDCWD, pathname);
    }

    private static long doRmdir(Task current, long dfd, long pathname) {
        Namei.Parent p = parent(current, dfd, pathname);
        switch (p.type()) {
            case DOT -> throw new VfsError(Errno.EINVAL);
            case DOTDOT -> throw new VfsError(Errno.ENOTEMPTY);
            case ROOT -> throw new VfsError(Errno.EBUSY);
            default -> { }
        }
        Path victim = Namei.child(current, p.dir(), p.last());
        if (victim == null) {
            throw new VfsError(Errno.ENOENT);
        }
        if (!victim.inode().isDirectory()) {
            throw new VfsError(Errno.ENOTDIR);
        }
        mayDelete(current, p.dir(), victim);
        if (victim.dentry() == current.fs().root().dentry()) {
            throw new VfsError(Errno.EBUSY);
        }
        p.dir().inode().rmdir(p.last(), victim.inode());
        victim.dentry().delete();
        return 0;
    }

    public static long unlink(Task current, long pathname) {
        return unlinkat(current, Namei.AT_FDCWD, pathname, 0);
    }

    /** unlinkat(2): AT_REMOVEDIR makes it rmdir; a directory is EISDIR, "file/" ENOTDIR. */
    public static long unlinkat(Task current, long dfd, long pathname, long flags) {
        if ((flags & ~Namei.AT_REMOVEDIR) != 0) {
            return Errno.EINVAL.negative();
        }
        if ((flags & Namei.AT_REMOVEDIR) != 0) {
            return doRmdir(current, dfd, pathname);
        }
        Namei.Parent p = parent(current, dfd, pathname);
        if (p.type() != Namei.LastType.NORM) {
            throw new VfsError(Errno.EISDIR);
        }
        Path victim = Namei.child(current, p.dir(), p.last());
        if (victim == null) {
            throw new VfsError(Errno.ENOENT);
        }
        if (victim.inode().isDirectory()) {
            throw new VfsError(Errno.EISDIR);
        }
        if (p.trailingSlash()) {
            throw new VfsError(Errno.ENOTDIR);
        }
        mayDelete(current, p.dir(), victim);
        p.dir().inode().unlink(p.last(), victim.inode());
        victim.dentry().delete();
        return 0;
    }

    // ---- rename -----------------------------------------------------------------------------

    public static long rename(Task current, long oldname, long newname) {
        return renameat2(current, Namei.AT_FDCWD, oldname, Namei.AT_FDCWD, newname, 0);
    }

    public static long renameat(Task current, long olddfd, long oldname, long newdfd, long newname) {
        return renameat2(current, olddfd, oldname, newdfd, newname, 0);
    }

    /**
     * renameat2(2) (do_renameat2): both names in one mount (EXDEV), a directory onto an empty
     * directory or a new name, never into itself (EINVAL), a file never onto a directory (EISDIR);
     * a name onto another name for the same inode does nothing. RENAME_NOREPLACE refuses to
     * replace; RENAME_EXCHANGE is not supported (EINVAL).
     */
    public static long renameat2(Task current, long olddfd, long oldname, long newdfd, long newname, long flags) {
        if ((flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT)) != 0
                || (flags & RENAME_EXCHANGE) != 0) {
            return Errno.EINVAL.negative();
        }
        Namei.Parent op = parent(current, olddfd, oldname);
        Namei.Parent np = parent(current, newdfd, newname);
        if (op.type() != Namei.LastType.NORM) {
            throw new VfsError(Errno.EBUSY);
        }
        if (np.type() != Namei.LastType.NORM) {
            throw new VfsError((flags & RENAME_NOREPLACE) != 0 ? Errno.EEXIST : Errno.EBUSY);
        }
        if (op.dir().mnt() != np.dir().mnt()) {
            throw new VfsError(Errno.EXDEV);
        }
        Path src = Namei.child(current, op.dir(), op.last());
        if (src == null) {
            throw new VfsError(Errno.ENOENT);
        }
        Path target = Namei.child(current, np.dir(), np.last());
        boolean dir = src.inode().isDirectory();
        if (!dir && (op.trailingSlash() || np.trailingSlash())) {
            throw new VfsError(Errno.ENOTDIR);
        }
        if (target != null && (flags & RENAME_NOREPLACE) != 0) {
            throw new VfsError(Errno.EEXIST);
        }
        if (target != null && target.inode() == src.inode()) {
            return 0;
        }
        if (dir) {
            if (target != null && !target.inode().isDirectory()) {
                throw new VfsError(Errno.ENOTDIR);
            }
            if (np.dir().dentry().isBelow(src.dentry())) {
                throw new VfsError(Errno.EINVAL);
            }
        } else if (target != null && target.inode().isDirectory()) {
            throw new VfsError(Errno.EISDIR);
        }
        mayDelete(current, op.dir(), src);
        if (target != null) {
            mayDelete(current, np.dir(), target);
        } else {
            mayCreate(current, np.dir());
        }
        if (dir && np.dir().dentry() != op.dir().dentry()) {
            // moving a directory rewrites its "..": that needs write permission on it too
            Permission.check(current.cred(), src.inode(), Permission.MAY_WRITE);
        }
        op.dir().inode().rename(op.last(), src.inode(), np.dir().inode(), np.last());
        if (target != null) {
            target.dentry().delete();
        }
        src.dentry().move(np.dir().dentry(), np.last());
        return 0;
    }

    // ---- link, symlink, readlink ------------------------------------------------------------

    public static long link(Task current, long oldname, long newname) {
        return linkat(current, Namei.AT_FDCWD, oldname, Namei.AT_FDCWD, newname, 0);
    }

    /** linkat(2): a new name for an existing non-directory (EPERM for a directory), in the same mount. */
    public static long linkat(Task current, long olddfd, long oldname, long newdfd, long newname, long flags) {
        if ((flags & ~(Namei.AT_SYMLINK_FOLLOW | Namei.AT_EMPTY_PATH)) != 0) {
            return Errno.EINVAL.negative();
        }
        boolean empty = (flags & Namei.AT_EMPTY_PATH) != 0;
        if (empty && !current.cred().isRoot()) {
            return Errno.ENOENT.negative();
        }
        Path src = Namei.lookup(current, (int) olddfd, Namei.getname(current, oldname),
                (flags & Namei.AT_SYMLINK_FOLLOW) != 0 ? Namei.LOOKUP_FOLLOW : 0, empty);
        Namei.Parent np = parent(current, newdfd, newname);
        if (np.type() != Namei.LastType.NORM || Namei.child(current, np.dir(), np.last()) != null) {
            throw new VfsError(Errno.EEXIST);
        }
        if (np.trailingSlash()) {
            throw new VfsError(Errno.ENOENT);
        }
        if (src.mnt() != np.dir().mnt()) {
            throw new VfsError(Errno.EXDEV);
        }
        mayCreate(current, np.dir());
        if (src.inode().isDirectory()) {
            throw new VfsError(Errno.EPERM);
        }
        np.dir().inode().link(src.inode(), np.last());
        np.dir().dentry().instantiate(np.last(), src.inode());
        return 0;
    }

    public static long symlink(Task current, long oldname, long newname) {
        return symlinkat(current, oldname, Namei.AT_FDCWD, newname);
    }

    /** symlinkat(2): the text is stored as given; an empty one is ENOENT. */
    public static long symlinkat(Task current, long oldname, long newdfd, long newname) {
        String target = Namei.getname(current, oldname);
        if (target.isEmpty()) {
            return Errno.ENOENT.negative();
        }
        Namei.Parent np = parent(current, newdfd, newname);
        if (np.type() != Namei.LastType.NORM || Namei.child(current, np.dir(), np.last()) != null) {
            throw new VfsError(Errno.EEXIST);
        }
        if (np.trailingSlash()) {
            throw new VfsError(Errno.ENOENT);     // filename_create: only mkdir may end in "/"
        }
        mayCreate(current, np.dir());
        Inode made = np.dir().inode().symlink(np.last(), target, current.cred());
        np.dir().dentry().instantiate(np.last(), made);
        return 0;
    }

    public static long readlink(Task current, long path, long buf, long bufsiz) {
        return readlinkat(current, Namei.AT_FDCWD, path, buf, bufsiz);
    }

    /**
     * readlinkat(2): the link's text, truncated to {@code bufsiz} and without a NUL; EINVAL for
     * something that is not a symlink or a size of 0. An empty path reads the link dfd names.
     */
    public static long readlinkat(Task current, long dfd, long path, long buf, long bufsiz) {
        if ((int) bufsiz <= 0) {
            return Errno.EINVAL.negative();
        }
        String name = Namei.getname(current, path);
        if (name.isEmpty() && (int) dfd == Namei.AT_FDCWD) {
            return Errno.ENOENT.negative();
        }
        Path p = Namei.lookup(current, (int) dfd, name, 0, true);
        if (!p.inode().isSymlink()) {
            return Errno.EINVAL.negative();
        }
        byte[] text = p.inode().readlink().getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(text.length, bufsiz);
        return current.kernel().userAccess().copyToUser(current.mm(), buf, text, 0, n) ? n : Errno.EFAULT.negative();
    }
}
