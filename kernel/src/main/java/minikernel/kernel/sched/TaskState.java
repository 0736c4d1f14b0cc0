package minikernel.kernel.sched;

/**
 * A task's state, Linux's {@code __state} and {@code exit_state} (include/linux/sched.h) in one
 * enum, with the letters ps(1) and /proc/PID/status show.
 */
public enum TaskState {
    /** TASK_RUNNING: on the run queue or on the CPU. */
    RUNNING("R (running)"),
    /** TASK_INTERRUPTIBLE: asleep until an event or a signal. */
    INTERRUPTIBLE("S (sleeping)"),
    /** TASK_UNINTERRUPTIBLE: asleep until an event; signals wait (vfork's parent). */
    UNINTERRUPTIBLE("D (disk sleep)"),
    /** TASK_STOPPED: its thread group was stopped by a signal, until SIGCONT (or SIGKILL). */
    STOPPED("T (stopped)"),
    /** EXIT_ZOMBIE: exited, waiting for its parent's wait(). */
    ZOMBIE("Z (zombie)"),
    /** EXIT_DEAD: reaped; about to disappear. */
    DEAD("X (dead)");

    private final String procText;

    TaskState(String procText) {
        this.procText = procText;
    }

    /** As the State: line of /proc/PID/status prints it. */
    public String procText() {
        return procText;
    }
}
