package minikernel.kernel.fs;

import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/** close(2): fs/open.c. (open and its relatives come with the VFS.) */
public final class Open {
    private Open() {
    }

    public static long close(Task current, long fd) {
        return current.files().close((int) fd) ? 0 : Errno.EBADF.negative();
    }
}
