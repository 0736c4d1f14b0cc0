package minikernel.kernel.fs;

import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * open(2), openat(2), creat(2) and close(2): fs/open.c and the open half of fs/namei.c. An open
 * finds (or, with O_CREAT, makes) the inode, checks what the flags ask against its type and mode
 * (may_open), lets the filesystem make the struct file, truncates with O_TRUNC and installs the
 * file at the lowest free descriptor.
 */
public final class Open {
    /** Flags open accepts; anything else is ignored, as Linux ignores unknown flags to open(2). */
    private static final int VALID_OPEN_FLAGS = File.O_ACCMODE | File.O_CREAT | File.O_EXCL | File.O_NOCTTY
            | File.O_TRUNC | File.O_APPEND | File.O_NONBLOCK | File.O_DSYNC | File.O_ASYNC | File.O_DIRECT
            | File.O_LARGEFILE | File.O_DIRECTORY | File.O_NOFOLLOW | File.O_NOATIME | File.O_CLOEXEC
            | File.O_SYNC | File.O_PATH | File.O_TMPFILE;

    private Open() {
    }

    public static long open(Task current, long filename, long flags, long mode) {
        return openat(current, Namei.AT_FDCWD, filename, flags, mode);
    }

    /** creat(2): open(O_CREAT | O_WRONLY | O_TRUNC). */
    public static long creat(Task current, long filename, long mode) {
        return open(current, filename, File.O_CREAT | File.O_WRONLY | File.O_TRUNC, mode);
    }

    /** openat(2) (do_sys_open): the new descriptor, or -errno. */
    public static long openat(Task current, long dfd, long filename, long flags, long mode) {
        int f = (int) flags & VALID_OPEN_FLAGS;
        File file = filpOpen(current, (int) dfd, Namei.getname(current, filename), f, (int) mode);
        int fd = current.files().allocate(file, 0, (f & File.O_CLOEXEC) != 0, Fcntl.nofile(current));
        if (fd < 0) {
            file.put();
            return Errno.EMFILE.negative();
        }
        return fd;
    }

    /**
     * do_filp_open(): the struct file for {@code name} opened with {@code flags}; throws VfsError.
     * {@code mode} is used when O_CREAT makes the file (less the umask).
     */
    public static File filpOpen(Task current, int dfd, String name, int flags, int mode) {
        if ((flags & File.O_TMPFILE) == File.O_TMPFILE) {
            throw new VfsError(Errno.EOPNOTSUPP);
        }
        if ((flags & File.O_PATH) != 0) {
            return openPath(current, dfd, name, flags);
        }
        if ((flags & File.O_CREAT) != 0 && (flags & File.O_DIRECTORY) != 0) {
            throw new VfsError(Errno.EINVAL);
        }
        boolean created = false;
        Path path;
        if ((flags & File.O_CREAT) != 0) {
            Namei.Parent parent = Namei.lookupParent(current, dfd, name);
            for (int links = 0; ; links++) {
                if (parent.type() != Namei.LastType.NORM || parent.trailingSlash()) {
                    throw new VfsError(Errno.EISDIR);
                }
                Path existing = Namei.child(current, parent.dir(), parent.last());
                if (existing == null) {
                    path = create(current, parent, mode);
                    created = true;
                } else if ((flags & File.O_EXCL) != 0) {
                    throw new VfsError(Errno.EEXIST);
                } else if (existing.inode().isSymlink() && (flags & File.O_NOFOLLOW) == 0) {
                    // open_last_lookups(): O_CREAT follows a symlink and creates what it names, if missing
                    if (links >= Namei.MAXSYMLINKS) {
                        throw new VfsError(Errno.ELOOP);
                    }
                    Path magic = existing.inode().followMagic(current);
                    if (magic != null) {
                        path = magic;
                    } else {
                        parent = Namei.lookupParent(current, parent.dir(), existing.inode().readlink());
                        continue;
                    }
                } else {
                    path = existing;
                }
                break;
            }
        } else {
            int lookup = ((flags & File.O_NOFOLLOW) != 0 ? 0 : Namei.LOOKUP_FOLLOW)
                    | ((flags & File.O_DIRECTORY) != 0 ? Namei.LOOKUP_DIRECTORY : 0);
            path = Namei.lookup(current, dfd, name, lookup, false);
        }
        mayOpen(current, path, flags, created);
        Inode inode = path.inode();
        // init_special_inode(): a FIFO opens as a pipe on whatever filesystem holds it.
        File file = inode.isFifo() ? Fifo.open(current, path, flags) : inode.open(path, flags);
        if ((flags & File.O_TRUNC) != 0 && inode.isRegular() && !created) {
            try {
                inode.truncate(0);
            } catch (VfsError e) {
                file.put();
                throw e;
            }
        }
        return file;
    }

    /** vfs_create() for open: a new regular file in the parent with {@code mode} less the umask. */
    private static Path create(Task current, Namei.Parent parent, int mode) {
        Path dir = parent.dir();
        if (dir.mnt().readOnly()) {
            throw new VfsError(Errno.EROFS);
        }
        Permission.check(current.cred(), dir.inode(), Permission.MAY_WRITE | Permission.MAY_EXEC);
        int perms = mode & 07777 & ~current.fs().umask();
        Inode inode = dir.inode().create(parent.last(), perms, current.cred());
        return new Path(dir.mnt(), dir.dentry().instantiate(parent.last(), inode));
    }

    /**
     * may_open(): a symlink left unfollowed is ELOOP, a directory opened for writing EISDIR,
     * O_DIRECTORY of anything else ENOTDIR; then the mode bits for reading and writing (O_TRUNC
     * needs write permission too), and a read-only mount refuses writes to files and directories.
     */
    private static void mayOpen(Task current, Path path, int flags, boolean created) {
        Inode inode = path.inode();
        int acc = flags & File.O_ACCMODE;
        if (inode.isSymlink()) {
            throw new VfsError(Errno.ELOOP);
        }
        if (inode.isDirectory()) {
            if (acc != File.O_RDONLY || (flags & File.O_CREAT) != 0 || (flags & File.O_TRUNC) != 0) {
                throw new VfsError(Errno.EISDIR);
            }
        } else if ((flags & File.O_DIRECTORY) != 0) {
            throw new VfsError(Errno.ENOTDIR);
        }
        boolean wantsWrite = acc != File.O_RDONLY || (flags & File.O_TRUNC) != 0;
        boolean isData = inode.isRegular() || inode.isDirectory();
        if (wantsWrite && isData && path.mnt().readOnly()) {
            throw new VfsError(Errno.EROFS);
        }
        if (created) {
            return;       // the creator may use what it just made, whatever its mode
        }
        int mask = (acc == File.O_RDONLY || acc == File.O_RDWR ? Permission.MAY_READ : 0) | (wantsWrite ? Permission.MAY_WRITE : 0);
        if (acc == File.O_ACCMODE) {
            mask = Permission.MAY_READ | Permission.MAY_WRITE;
        }
        Permission.check(current.cred(), inode, mask);
    }

    /** O_PATH: a descriptor that only names a place (for *at calls, fchdir, fstat); no I/O. */
    private static File openPath(Task current, int dfd, String name, int flags) {
        int lookup = ((flags & File.O_NOFOLLOW) != 0 ? 0 : Namei.LOOKUP_FOLLOW)
                | ((flags & File.O_DIRECTORY) != 0 ? Namei.LOOKUP_DIRECTORY : 0);
        Path path = Namei.lookup(current, dfd, name, lookup, false);
        return new PathFile(flags & (File.O_PATH | File.O_DIRECTORY | File.O_NOFOLLOW), path);
    }

    /** The struct file of an O_PATH open: it holds the path, and every I/O call is EBADF. */
    private static final class PathFile extends File {
        PathFile(int flags, Path path) {
            super(flags, path);
        }

        @Override
        public long read(Task current, long buf, long count) {
            return Errno.EBADF.negative();
        }

        @Override
        public long write(Task current, long buf, long count) {
            return Errno.EBADF.negative();
        }

        @Override
        public long ioctl(Task current, int request, long arg) {
            return Errno.EBADF.negative();
        }

        @Override
        public long getdents64(Task current, long dirent, long count) {
            return Errno.EBADF.negative();
        }
    }

    public static long close(Task current, long fd) {
        return current.files().close((int) fd) ? 0 : Errno.EBADF.negative();
    }
}
