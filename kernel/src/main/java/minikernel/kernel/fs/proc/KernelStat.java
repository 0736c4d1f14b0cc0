package minikernel.kernel.fs.proc;

import minikernel.kernel.Kernel;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.TaskState;
import minikernel.kernel.time.Clock;

/** The machine's clocks and counters: /proc/uptime, /proc/stat and /proc/loadavg. */
final class KernelStat {
    private KernelStat() {
    }

    /**
     * CPU time since boot, split as the one CPU spent it: running guest code (user: translated
     * blocks), sleeping with every task asleep (idle: the virtual clock's jumps), and the rest
     * (system: system calls), in nanoseconds.
     */
    private record CpuTime(long user, long system, long idle) {
        static CpuTime of(Kernel kernel) {
            Clock clock = kernel.clock();
            long up = clock.monotonicNanos();
            long user = Math.min(up, Clock.cpuNanos(kernel.cpu().quantum().blocks()));
            long idle = Math.min(up - user, clock.idleNanos());
            return new CpuTime(user, up - user - idle, idle);
        }
    }

    /** uptime_proc_show(): seconds since boot and idle seconds, each with two decimals. */
    static String uptime(Kernel kernel) {
        long up = kernel.clock().monotonicNanos();
        long idle = CpuTime.of(kernel).idle();
        return seconds(up) + " " + seconds(idle) + "\n";
    }

    private static String seconds(long nanos) {
        return String.format("%d.%02d", nanos / 1_000_000_000L, nanos % 1_000_000_000L / 10_000_000L);
    }

    /**
     * show_stat() (fs/proc/stat.c): the "cpu" line and "cpu0" in USER_HZ ticks (user nice system
     * idle iowait irq softirq steal guest guest_nice), then interrupts (not counted here), context
     * switches, boot time, forks since boot, and tasks running and in uninterruptible sleep.
     */
    static String stat(Kernel kernel) {
        CpuTime t = CpuTime.of(kernel);
        String times = Seq.clockT(t.user()) + " 0 " + Seq.clockT(t.system()) + " " + Seq.clockT(t.idle())
                + " 0 0 0 0 0 0\n";
        long bootTime = (kernel.clock().realtimeNanos() - kernel.clock().monotonicNanos()) / 1_000_000_000L;
        var stats = kernel.stats();
        return "cpu  " + times
                + "cpu0 " + times
                + "intr 0\n"
                + "ctxt " + stats.contextSwitches() + "\n"
                + "btime " + bootTime + "\n"
                + "processes " + (stats.processesCreated() + stats.threadsCreated()) + "\n"
                + "procs_running " + count(kernel, TaskState.RUNNING) + "\n"
                + "procs_blocked " + count(kernel, TaskState.UNINTERRUPTIBLE) + "\n"
                + "softirq 0 0 0 0 0 0 0 0 0 0 0\n";
    }

    /**
     * loadavg_proc_show(): the 1, 5 and 15 minute load averages (not computed here: 0.00), the
     * runnable tasks over all tasks, and the last pid handed out.
     */
    static String loadavg(Kernel kernel) {
        return "0.00 0.00 0.00 " + count(kernel, TaskState.RUNNING) + "/" + kernel.scheduler().tasks().size()
                + " " + kernel.pids().last() + "\n";
    }

    private static long count(Kernel kernel, TaskState state) {
        long n = 0;
        for (Task t : kernel.scheduler().tasks()) {
            if (t.state() == state) {
                n++;
            }
        }
        return n;
    }
}
