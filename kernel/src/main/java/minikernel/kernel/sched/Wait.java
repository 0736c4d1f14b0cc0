package minikernel.kernel.sched;

import minikernel.kernel.Kernel;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.signal.Signal;
import minikernel.kernel.syscall.Errno;
import minikernel.kernel.time.Clock;

/**
 * wait4(2) and waitpid(2), kernel/exit.c's do_wait(): find a child that matches {@code pid}, reap
 * it if it is a zombie (wait_task_zombie), report it stopped (WUNTRACED) or continued
 * (WCONTINUED), report ECHILD if none can ever match, return 0 for WNOHANG, or sleep on the
 * parent's wait queue and look again when a child exits, stops or continues.
 */
public final class Wait {
    public static final int WNOHANG = 1, WUNTRACED = 2, WCONTINUED = 8;
    private static final int WNOTHREAD = 0x20000000, WALL = 0x40000000, WCLONE = 0x80000000;
    /** sizeof(struct rusage) for a 32-bit program: two timevals and fourteen longs. */
    private static final int RUSAGE_SIZE = 72;

    private Wait() {
    }

    public static long waitpid(Task current, long pid, long status, long options) {
        return wait4(current, pid, status, options, 0);
    }

    public static long wait4(Task current, long pidArg, long status, long optionsArg, long rusage) {
        int pid = (int) pidArg, options = (int) optionsArg;
        if ((options & ~(WNOHANG | WUNTRACED | WCONTINUED | WNOTHREAD | WALL | WCLONE)) != 0 || pid == Integer.MIN_VALUE) {
            return Errno.EINVAL.negative();
        }
        Kernel kernel = current.kernel();
        boolean any = false;
        for (Task child : current.children()) {
            if (!eligible(current, child, pid, options)) {
                continue;
            }
            any = true;
            if (child.state() == TaskState.ZOMBIE && Exit.threadGroupEmpty(child)) {
                return reap(current, child, status, rusage);
            }
            if (child != child.groupLeader() || child.signal() == null) {
                continue;
            }
            if ((options & WUNTRACED) != 0 && child.signal().stopReportPending()) {
                // wait_task_stopped(): reported once, as 0x7f with the signal above it
                return report(current, child, (child.signal().takeStopReport() << 8) | 0x7f, status, rusage);
            }
            if ((options & WCONTINUED) != 0 && child.signal().continuedReportPending()) {
                child.signal().takeContinuedReport();
                return report(current, child, 0xffff, status, rusage);      // wait_task_continued()
            }
        }
        if (!any) {
            return Errno.ECHILD.negative();
        }
        if ((options & WNOHANG) != 0) {
            return 0;
        }
        kernel.scheduler().blockAndRestart(current, current.signal().waitChldexit());
        return 0;
    }

    /** eligible_pid() and eligible_child(): the pid rule, and __WCLONE / __WALL for non-SIGCHLD children. */
    private static boolean eligible(Task parent, Task child, int pid, int options) {
        if (child.isKernelThread()) {
            return false;
        }
        boolean pidMatches = pid > 0 ? child.tgid() == pid
                : pid == 0 ? child.pgrp() == parent.pgrp()
                : pid == -1 || child.pgrp() == -pid;
        if (!pidMatches) {
            return false;
        }
        if ((options & WALL) != 0) {
            return true;
        }
        boolean cloneChild = child.exitSignal() != Signal.SIGCHLD.number;
        return cloneChild == ((options & WCLONE) != 0);
    }

    /** A stopped or continued child: its status and usage, and it stays a child. */
    private static long report(Task parent, Task child, int waitStatus, long status, long rusage) {
        UserAccess ua = parent.kernel().userAccess();
        if (status != 0 && !ua.putUser32(parent.mm(), status, waitStatus)) {
            return Errno.EFAULT.negative();
        }
        if (rusage != 0 && !putRusage(parent, rusage, child.blocksRun(), child.signal().maxrssPages(), child.nvcsw(),
                child.nivcsw())) {
            return Errno.EFAULT.negative();
        }
        return child.pid();
    }

    /** wait_task_zombie(): copy out the status and usage, fold the child's times into ours, release it. */
    private static long reap(Task parent, Task child, long status, long rusage) {
        Kernel kernel = parent.kernel();
        UserAccess ua = kernel.userAccess();
        if (status != 0 && !ua.putUser32(parent.mm(), status, child.exitCode())) {
            return Errno.EFAULT.negative();
        }
        long blocks = child.blocksRun() + child.signal().cutimeBlocks();
        long maxrss = Math.max(child.signal().maxrssPages(), child.signal().cmaxrssPages());
        if (rusage != 0 && !putRusage(parent, rusage, blocks, maxrss, child.nvcsw(), child.nivcsw())) {
            return Errno.EFAULT.negative();
        }
        parent.signal().addChild(blocks, maxrss);
        int pid = child.pid();
        Exit.releaseTask(child);
        return pid;
    }

    /**
     * For a kernel thread (the built-in init): reaps one zombie child, any one, and returns it
     * (its exit code still readable), or null if none is a zombie.
     */
    public static Task reapZombie(Task parent) {
        for (Task child : parent.children()) {
            if (child.state() == TaskState.ZOMBIE && Exit.threadGroupEmpty(child)) {
                parent.signal().addChild(child.blocksRun() + child.signal().cutimeBlocks(),
                        Math.max(child.signal().maxrssPages(), child.signal().cmaxrssPages()));
                Exit.releaseTask(child);
                return child;
            }
        }
        return null;
    }

    /** getrusage(2): RUSAGE_SELF (0), RUSAGE_CHILDREN (-1), RUSAGE_THREAD (1). */
    public static long getrusage(Task current, long who, long rusage) {
        return switch ((int) who) {
            case 0, 1 -> putRusage(current, rusage, current.blocksRun(),
                    Math.max(current.signal().maxrssPages(), current.mm() == null ? 0 : current.mm().peakResidentPages()),
                    current.nvcsw(), current.nivcsw()) ? 0 : Errno.EFAULT.negative();
            case -1 -> putRusage(current, rusage, current.signal().cutimeBlocks(), current.signal().cmaxrssPages(), 0, 0)
                    ? 0 : Errno.EFAULT.negative();
            default -> Errno.EINVAL.negative();
        };
    }

    /**
     * A 32-bit struct rusage: user time from the blocks run (virtual time), no system time (the
     * kernel runs outside the guest's clock), the peak resident set in KiB, and context switches.
     */
    private static boolean putRusage(Task t, long at, long blocks, long maxrssPages, long nvcsw, long nivcsw) {
        long ns = Clock.cpuNanos(blocks);
        long[] words = new long[RUSAGE_SIZE / 4];
        words[0] = ns / 1_000_000_000L;
        words[1] = ns % 1_000_000_000L / 1000;
        words[4] = maxrssPages * 4;
        words[16] = nvcsw;
        words[17] = nivcsw;
        return t.kernel().userAccess().putUser32s(t.mm(), at, words);
    }
}
