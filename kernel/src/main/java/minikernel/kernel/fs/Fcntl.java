package minikernel.kernel.fs;

import minikernel.kernel.sched.Task;
import minikernel.kernel.sys.Rlimits;
import minikernel.kernel.syscall.Errno;

/** Descriptor plumbing: dup(2), dup2(2), dup3(2), fcntl(2) (fs/fcntl.c, fs/file.c) and pipe(2), pipe2(2) (fs/pipe.c). */
public final class Fcntl {
    public static final int O_CLOEXEC = 02000000;
    private static final int F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4,
            F_DUPFD_CLOEXEC = 1030, FD_CLOEXEC = 1,
            F_SETPIPE_SZ = 1031, F_GETPIPE_SZ = 1032;

    private Fcntl() {
    }

    /** RLIMIT_NOFILE, at most fs.nr_open: descriptors must stay below it (EMFILE/EBADF). */
    public static int nofile(Task t) {
        long limit = t.rlimits().cur(Rlimits.RLIMIT_NOFILE);
        return (int) (Long.compareUnsigned(limit, FilesStruct.NR_OPEN) > 0 ? FilesStruct.NR_OPEN : limit);
    }

    public static long dup(Task current, long oldfd) {
        File f = current.files().get((int) oldfd);
        if (f == null) {
            return Errno.EBADF.negative();
        }
        int fd = current.files().allocate(f.get(), 0, false, nofile(current));
        if (fd < 0) {
            f.put();
            return Errno.EMFILE.negative();
        }
        return fd;
    }

    /** dup2(2): newfd == oldfd is a no-op that still checks oldfd. */
    public static long dup2(Task current, long oldfd, long newfd) {
        if ((int) oldfd == (int) newfd) {
            return current.files().get((int) oldfd) == null ? Errno.EBADF.negative() : newfd;
        }
        return dup3(current, oldfd, newfd, 0);
    }

    /** dup3(2): replaces newfd atomically; equal descriptors are EINVAL, unlike dup2. */
    public static long dup3(Task current, long oldfd, long newfd, long flags) {
        if ((flags & ~O_CLOEXEC) != 0 || (int) oldfd == (int) newfd) {
            return Errno.EINVAL.negative();
        }
        File f = current.files().get((int) oldfd);
        if (f == null) {
            return Errno.EBADF.negative();
        }
        if ((int) newfd < 0 || (int) newfd >= nofile(current)) {
            return Errno.EBADF.negative();
        }
        current.files().install((int) newfd, f.get(), (flags & O_CLOEXEC) != 0);
        return newfd;
    }

    public static long fcntl64(Task current, long fd, long cmd, long arg) {
        FilesStruct files = current.files();
        File f = files.get((int) fd);
        if (f == null) {
            return Errno.EBADF.negative();
        }
        switch ((int) cmd) {
            case F_DUPFD, F_DUPFD_CLOEXEC -> {
                if ((int) arg < 0 || (int) arg >= nofile(current)) {
                    return Errno.EINVAL.negative();
                }
                int n = files.allocate(f.get(), (int) arg, cmd == F_DUPFD_CLOEXEC, nofile(current));
                if (n < 0) {
                    f.put();
                    return Errno.EMFILE.negative();
                }
                return n;
            }
            case F_GETFD -> {
                return files.isCloseOnExec((int) fd) ? FD_CLOEXEC : 0;
            }
            case F_SETFD -> {
                files.setCloseOnExec((int) fd, (arg & FD_CLOEXEC) != 0);
                return 0;
            }
            case F_GETFL -> {
                return f.flags();
            }
            case F_SETFL -> {
                f.setStatusFlags((int) arg);
                return 0;
            }
            case F_GETPIPE_SZ -> {
                return f.isPipe() ? Pipe.PIPE_SIZE : Errno.EBADF.negative();
            }
            default -> {
                return Errno.EINVAL.negative();
            }
        }
    }

    public static long pipe(Task current, long fds) {
        return pipe2(current, fds, 0);
    }

    /** pipe2(2): two descriptors in {@code fds[0..1]}; O_CLOEXEC and O_NONBLOCK may be asked for. */
    public static long pipe2(Task current, long fds, long flags) {
        if ((flags & ~(O_CLOEXEC | File.O_NONBLOCK)) != 0) {
            return Errno.EINVAL.negative();
        }
        File[] ends = Pipe.create(current.kernel().nextInode(), current.kernel().scheduler(),
                current.kernel().userAccess(), (int) flags);
        boolean cloexec = (flags & O_CLOEXEC) != 0;
        FilesStruct files = current.files();
        int r = files.allocate(ends[0], 0, cloexec, nofile(current));
        if (r < 0) {
            ends[0].put();
            ends[1].put();
            return Errno.EMFILE.negative();
        }
        int w = files.allocate(ends[1], 0, cloexec, nofile(current));
        if (w < 0) {
            files.close(r);
            ends[1].put();
            return Errno.EMFILE.negative();
        }
        if (!current.kernel().userAccess().putUser32s(current.mm(), fds, r, w)) {
            files.close(r);
            files.close(w);
            return Errno.EFAULT.negative();
        }
        return 0;
    }
}
