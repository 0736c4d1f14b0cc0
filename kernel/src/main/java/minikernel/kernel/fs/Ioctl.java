package minikernel.kernel.fs;

import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/** ioctl(2): fs/ioctl.c hands the request to the file's own ioctl. */
public final class Ioctl {
    private Ioctl() {
    }

    public static long ioctl(Task current, long fd, long request, long arg) {
        File f = current.files().get((int) fd);
        if (f == null) {
            return Errno.EBADF.negative();
        }
        return f.ioctl(current, (int) request, arg);
    }
}
