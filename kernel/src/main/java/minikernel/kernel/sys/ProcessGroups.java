package minikernel.kernel.sys;

import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * Process groups and sessions, and scheduling priority: setpgid, getpgid, getpgrp, setsid,
 * getsid, getpriority, setpriority and nice from kernel/sys.c and kernel/sched/core.c.
 */
public final class ProcessGroups {
    private static final int PRIO_PROCESS = 0, PRIO_PGRP = 1, PRIO_USER = 2;

    private ProcessGroups() {
    }

    private static Task find(Task current, int pid) {
        if (pid == 0) {
            return current;
        }
        // Like find_task_by_vpid(), a zombie is still found: its pid is in use until it is reaped.
        Task t = current.kernel().scheduler().findTask(pid);
        return t == null || t.state() == minikernel.kernel.sched.TaskState.DEAD ? null : t;
    }

    /** setpgid(2) with Linux's rules: only yourself or a child not yet exec'd, within your session. */
    public static long setpgid(Task current, long pidArg, long pgidArg) {
        int pid = (int) pidArg == 0 ? current.tgid() : (int) pidArg;
        int pgid = (int) pgidArg == 0 ? pid : (int) pgidArg;
        if (pgid < 0) {
            return Errno.EINVAL.negative();
        }
        Task p = current.kernel().scheduler().findTask(pid);
        if (p == null || p.isKernelThread() || p != current.groupLeader() && p.realParent() != current) {
            return Errno.ESRCH.negative();
        }
        if (p.realParent() == current) {
            if (p.session() != current.session()) {
                return Errno.EPERM.negative();
            }
            if (p.didExec()) {
                return Errno.EACCES.negative();
            }
        }
        if (p.session() == p.tgid()) {
            return Errno.EPERM.negative();      // a session leader stays where it is
        }
        if (pgid != pid) {
            boolean groupInSession = current.kernel().scheduler().tasks().stream().anyMatch(
                    t -> !t.isKernelThread() && t.pgrp() == pgid && t.session() == current.session());
            if (!groupInSession) {
                return Errno.EPERM.negative();
            }
        }
        p.signal().setPgrp(pgid);
        return 0;
    }

    public static long getpgid(Task current, long pid) {
        Task p = find(current, (int) pid);
        return p == null ? Errno.ESRCH.negative() : p.pgrp();
    }

    public static long getpgrp(Task current) {
        return current.pgrp();
    }

    /** setsid(2): fails (EPERM) for a process group leader, else a new session and group named after it. */
    public static long setsid(Task current) {
        int sid = current.tgid();
        boolean leaderOfSomeGroup = current.kernel().scheduler().tasks().stream()
                .anyMatch(t -> !t.isKernelThread() && t.pgrp() == sid);
        if (leaderOfSomeGroup) {
            return Errno.EPERM.negative();
        }
        current.signal().setSession(sid);
        current.signal().setPgrp(sid);
        return sid;
    }

    public static long getsid(Task current, long pid) {
        Task p = find(current, (int) pid);
        return p == null ? Errno.ESRCH.negative() : p.session();
    }

    /** getpriority(2): the system call reports 20 - nice (1..40), so it is never negative; glibc converts. */
    public static long getpriority(Task current, long which, long who) {
        int best = -1;
        for (Task t : targets(current, (int) which, (int) who)) {
            best = Math.max(best, 20 - t.nice());
        }
        if (best < 0) {
            return (int) which < PRIO_PROCESS || (int) which > PRIO_USER ? Errno.EINVAL.negative() : Errno.ESRCH.negative();
        }
        return best;
    }

    /** setpriority(2): only root may make a task nicer than it is (lower nice). */
    public static long setpriority(Task current, long which, long who, long niceval) {
        if ((int) which < PRIO_PROCESS || (int) which > PRIO_USER) {
            return Errno.EINVAL.negative();
        }
        int nice = Math.max(-20, Math.min(19, (int) niceval));
        java.util.List<Task> ts = targets(current, (int) which, (int) who);
        if (ts.isEmpty()) {
            return Errno.ESRCH.negative();
        }
        for (Task t : ts) {
            if (nice < t.nice() && current.kernel().config().uid() != 0) {
                return Errno.EACCES.negative();
            }
            t.setNice(nice);
        }
        return 0;
    }

    /** nice(2): adds {@code inc} to the caller's nice value. */
    public static long nice(Task current, long inc) {
        int nice = Math.max(-20, Math.min(19, current.nice() + (int) inc));
        if (nice < current.nice() && current.kernel().config().uid() != 0) {
            return Errno.EPERM.negative();
        }
        current.setNice(nice);
        return 0;
    }

    /** sched_getaffinity(2): one CPU, so the mask is CPU 0; returns the mask's size (cpumask_size()). */
    public static long schedGetaffinity(Task current, long pid, long len, long mask) {
        if (find(current, (int) pid) == null) {
            return Errno.ESRCH.negative();
        }
        if (len < 4 || (len & 3) != 0) {
            return Errno.EINVAL.negative();
        }
        return current.kernel().userAccess().putUser32(current.mm(), mask, 1) ? 4 : Errno.EFAULT.negative();
    }

    /** sched_setaffinity(2): a mask must include CPU 0, the only one (EINVAL otherwise). */
    public static long schedSetaffinity(Task current, long pid, long len, long mask) {
        if (find(current, (int) pid) == null) {
            return Errno.ESRCH.negative();
        }
        if (len < 4) {
            return Errno.EINVAL.negative();
        }
        long bits = current.kernel().userAccess().getUser32(current.mm(), mask);
        if (bits == Long.MIN_VALUE) {
            return Errno.EFAULT.negative();
        }
        return (bits & 1) != 0 ? 0 : Errno.EINVAL.negative();
    }

    private static java.util.List<Task> targets(Task current, int which, int who) {
        java.util.List<Task> list = new java.util.ArrayList<>();
        for (Task t : current.kernel().scheduler().tasks()) {
            if (t.isKernelThread() || t.isZombieOrDead()) {
                continue;
            }
            boolean match = switch (which) {
                case PRIO_PROCESS -> t.tgid() == (who == 0 ? current.tgid() : who);
                case PRIO_PGRP -> t.pgrp() == (who == 0 ? current.pgrp() : who);
                case PRIO_USER -> who == 0 || who == current.kernel().config().uid();
                default -> false;
            };
            if (match) {
                list.add(t);
            }
        }
        return list;
    }
}
