package minikernel.kernel.inspect;

import minikernel.cpu.Quantum;
import minikernel.kernel.Kernel;
import minikernel.kernel.sched.Scheduler;
import minikernel.kernel.sched.Task;

/**
 * The debugger's {@code sched}: the one CPU's CFS run queue (kernel/sched/fair.c, as
 * /proc/sched_debug lists it): the current task, what is left of its quantum, the clock, the
 * runnable tasks in the order they would be picked (least vruntime first: the rbtree's leftmost
 * first), and the sleepers with what they wait for (wchan) and any timer that will wake them.
 */
public final class SchedView {
    private SchedView() {
    }

    public static String render(Kernel kernel) {
        Scheduler s = kernel.scheduler();
        Task current = s.current();
        Quantum q = kernel.cpu().quantum();
        long now = kernel.clock().monotonicNanos();
        StringBuilder b = new StringBuilder();
        b.append("current: ").append(Views.task(current)).append('\n');
        // The timer tick is the block hook: a quantum is counted in translated blocks.
        String left = !q.ticking() || q.left() == Long.MAX_VALUE ? "no preemption (no quantum)"
                : q.left() + " blocks (of " + s.quantumBlocks() + " per quantum)";
        b.append("quantum left: ").append(left).append('\n');
        b.append(String.format("clock: %s, monotonic %d ns (%.6f s), %d blocks since boot%n",
                kernel.clock().mode().name().toLowerCase(java.util.Locale.ROOT), now, now / 1e9, q.blocks()));
        b.append(String.format("min_vruntime %d, nr_switches %d (%d between threads of one mm)%n", s.minVruntime(),
                s.contextSwitches(), s.threadSwitches()));
        b.append("\nrun queue (next to run first):\n");
        b.append(String.format("  %5s %-16s %10s %4s%n", "PID", "COMM", "VRUNTIME", "NICE"));
        for (Task t : s.runQueue()) {
            b.append(String.format("  %5d %-16s %10d %4d%n", t.pid(), t.comm(), t.vruntime(), t.nice()));
        }
        if (current != null && current.state() == minikernel.kernel.sched.TaskState.RUNNING
                && !s.runQueue().contains(current)) {
            // The running task is off the tree while it runs (put_prev_task puts it back).
            b.append(String.format("  %5d %-16s %10d %4d  (running: off the queue)%n", current.pid(), current.comm(),
                    current.vruntime(), current.nice()));
        }
        b.append("\nsleeping:\n");
        b.append(String.format("  %5s %-16s %s %-22s %s%n", "PID", "COMM", "S", "WCHAN", "TIMER"));
        for (Task t : s.tasks()) {
            if (!Views.asleep(t)) {
                continue;
            }
            long deadline = s.timerDeadline(t);
            String timer = deadline < 0 ? "-" : String.format("in %d ns", Math.max(0, deadline - now));
            b.append(String.format("  %5d %-16s %c %-22s %s", t.pid(), t.comm(), Views.stateLetter(t),
                    t.wchan().isEmpty() ? "-" : t.wchan(), timer));
            Views.endLine(b);
        }
        return b.toString();
    }
}
