package minikernel.kernel.fs.proc;

import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.TaskState;

/**
 * What a /proc/PID inode holds on to: the pid (Linux's {@code struct pid}), resolved to a task
 * each time it is used, as get_proc_task() does. A directory opened before its process was
 * reaped then answers "no such process" instead of showing a stranger who got the same number,
 * and when a thread exec's and takes over its leader's pid (de_thread's exchange_tids), the
 * directory follows the pid to the task that now owns it.
 */
final class TaskRef {
    private final int pid;
    private Task task;

    TaskRef(Task task) {
        this.pid = task.pid();
        this.task = task;
    }

    int pid() {
        return pid;
    }

    /** get_proc_task(): the task, or null once it has been reaped. */
    Task get() {
        Task t = task;
        if (t.pid() != pid) {
            // exchange_tids(): the pid now names the thread that exec'd in t's place.
            Task now = t.kernel().scheduler().findTask(pid);
            if (now == null || now.tgid() != t.tgid()) {
                return null;
            }
            task = t = now;
        }
        return t.state() == TaskState.DEAD ? null : t;
    }
}
