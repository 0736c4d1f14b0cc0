package minikernel.kernel.fs.proc;

import minikernel.kernel.fs.Kstat;
import minikernel.kernel.fs.SuperBlock;
import minikernel.kernel.fs.VfsError;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * /proc/self and /proc/thread-self (fs/proc/self.c, thread_self.c): ordinary symlinks whose text
 * depends on who reads them, "TGID" and "TGID/task/TID" of {@code current}. The walk follows the
 * text from /proc like any symlink's, so /proc/self/.. is /proc.
 */
final class SelfLink extends ProcInode {
    private final boolean thread;

    SelfLink(SuperBlock sb, boolean thread) {
        super(sb, Kstat.S_IFLNK | 0777, 0, 0);
        this.thread = thread;
    }

    /** proc_self_get_link() / proc_thread_self_get_link(): ENOENT for a reader with no pid. */
    @Override
    public String readlink() {
        Task current = ProcFs.current(sb());
        if (current == null || current.tgid() == 0) {
            throw new VfsError(Errno.ENOENT);
        }
        return thread ? current.tgid() + "/task/" + current.pid() : Integer.toString(current.tgid());
    }
}
