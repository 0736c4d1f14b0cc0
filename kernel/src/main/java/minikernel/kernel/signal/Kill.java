package minikernel.kernel.signal;

import java.util.ArrayList;
import java.util.List;
import minikernel.kernel.Kernel;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;
import minikernel.kernel.syscall.Syscall;

/**
 * kill(2), tkill(2) and tgkill(2), kernel/signal.c: who may be sent a signal, and with what
 * information (the sender's pid and uid, SI_USER for kill and SI_TKILL for the thread calls).
 * kill's signal is for a whole thread group; tkill's and tgkill's for one thread.
 */
public final class Kill {
    private Kill() {
    }

    public static long kill(Task current, long pidArg, long sigArg) {
        int pid = (int) pidArg, sig = (int) sigArg;
        if (sig < 0 || sig > Signal.NSIG) {
            return Errno.EINVAL.negative();
        }
        Kernel kernel = current.kernel();
        List<Task> targets = new ArrayList<>();
        for (Task t : kernel.scheduler().tasks()) {
            if (t != t.groupLeader()) {
                continue;
            }
            boolean match = pid > 0 ? t.tgid() == pid
                    : pid == 0 ? t.pgrp() == current.pgrp()
                    : pid == -1 ? t.tgid() > 1 && t.tgid() != current.tgid()
                    : t.pgrp() == -pid;
            if (match) {
                targets.add(t);
            }
        }
        if (targets.isEmpty()) {
            return Errno.ESRCH.negative();
        }
        SigInfo info = SigInfo.user(sig, SigInfo.SI_USER, current.tgid(), current.cred().uid());
        for (Task t : targets) {
            Signals.send(t, info, true);
        }
        return current.isZombieOrDead() ? Syscall.NO_RETURN : 0;
    }

    public static long tkill(Task current, long tid, long sig) {
        if ((int) tid <= 0) {
            return Errno.EINVAL.negative();
        }
        return toThread(current, -1, (int) tid, (int) sig);
    }

    public static long tgkill(Task current, long tgid, long tid, long sig) {
        if ((int) tgid <= 0 || (int) tid <= 0) {
            return Errno.EINVAL.negative();
        }
        return toThread(current, (int) tgid, (int) tid, (int) sig);
    }

    private static long toThread(Task current, int tgid, int tid, int sig) {
        if (sig < 0 || sig > Signal.NSIG) {
            return Errno.EINVAL.negative();
        }
        Task t = current.kernel().scheduler().findTask(tid);
        if (t == null || tgid != -1 && t.tgid() != tgid) {
            return Errno.ESRCH.negative();
        }
        Signals.send(t, SigInfo.user(sig, SigInfo.SI_TKILL, current.tgid(), current.cred().uid()), false);
        return current.isZombieOrDead() ? Syscall.NO_RETURN : 0;
    }

    /** send_sig(): a signal from the kernel itself (SIGPIPE, the terminal's SIGINT) to t's thread group. */
    public static void send(Task t, int sig) {
        Signals.send(t, SigInfo.user(sig, SigInfo.SI_KERNEL, 0, 0), true);
    }
}
