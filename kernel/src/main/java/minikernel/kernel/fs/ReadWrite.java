package minikernel.kernel.fs;

import minikernel.kernel.mm.PageTables;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/** read(2), write(2), readv(2), writev(2): fs/read_write.c. */
public final class ReadWrite {
    /** UIO_MAXIOV: the most iovecs one call may pass. */
    private static final int UIO_MAXIOV = 1024;

    private ReadWrite() {
    }

    public static long read(Task current, long fd, long buf, long count) {
        File f = current.files().get((int) fd);
        if (f == null || !f.readable()) {
            return Errno.EBADF.negative();
        }
        long check = verifyArea(buf, count);
        return check != 0 ? check : f.read(current, buf, count);
    }

    public static long write(Task current, long fd, long buf, long count) {
        File f = current.files().get((int) fd);
        if (f == null || !f.writable()) {
            return Errno.EBADF.negative();
        }
        long check = verifyArea(buf, count);
        return check != 0 ? check : f.write(current, buf, count);
    }

    public static long readv(Task current, long fd, long iov, long iovcnt) {
        return vectored(current, fd, iov, iovcnt, false);
    }

    public static long writev(Task current, long fd, long iov, long iovcnt) {
        return vectored(current, fd, iov, iovcnt, true);
    }

    /**
     * do_readv/do_writev: the iovec array is read and checked first (EINVAL for a bad count or a
     * total over SSIZE_MAX, EFAULT for a bad array), then the segments are done in order until one
     * comes up short.
     */
    private static long vectored(Task current, long fd, long iov, long iovcnt, boolean write) {
        File f = current.files().get((int) fd);
        if (f == null || (write ? !f.writable() : !f.readable())) {
            return Errno.EBADF.negative();
        }
        int n = (int) iovcnt;
        if (n < 0 || n > UIO_MAXIOV) {
            return Errno.EINVAL.negative();
        }
        UserAccess ua = current.kernel().userAccess();
        long[] base = new long[n], len = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            base[i] = ua.getUser32(current.mm(), iov + 8L * i);
            len[i] = ua.getUser32(current.mm(), iov + 8L * i + 4);
            if (base[i] == Long.MIN_VALUE || len[i] == Long.MIN_VALUE) {
                return Errno.EFAULT.negative();
            }
            if ((int) len[i] < 0 || (total += len[i]) > Integer.MAX_VALUE) {
                return Errno.EINVAL.negative();
            }
            if (base[i] + len[i] > PageTables.TASK_SIZE) {
                return Errno.EFAULT.negative();
            }
        }
        long done = 0;
        for (int i = 0; i < n; i++) {
            if (len[i] == 0) {
                continue;
            }
            long r = write ? f.write(current, base[i], len[i]) : f.read(current, base[i], len[i]);
            if (r < 0) {
                return done > 0 ? done : r;
            }
            done += r;
            if (r < len[i]) {
                break;
            }
        }
        return done;
    }

    /** rw_verify_area() and access_ok(): a count over SSIZE_MAX is EINVAL, a range past user space EFAULT. */
    private static long verifyArea(long buf, long count) {
        if ((int) count < 0) {
            return Errno.EINVAL.negative();
        }
        if (buf + count > PageTables.TASK_SIZE) {
            return Errno.EFAULT.negative();
        }
        return 0;
    }
}
