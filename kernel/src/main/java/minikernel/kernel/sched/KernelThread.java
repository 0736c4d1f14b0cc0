package minikernel.kernel.sched;

/**
 * The body of a kernel thread: a task with no user address space whose work is Java code (Linux's
 * {@code kthread} function). Each time the scheduler picks the task it calls {@link #run}; the body
 * does some work and either sleeps (sets the task's state and returns) or stays runnable.
 */
@FunctionalInterface
public interface KernelThread {
    void run(Task self);
}
