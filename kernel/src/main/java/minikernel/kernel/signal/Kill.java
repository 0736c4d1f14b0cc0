package minikernel.kernel.signal;

import java.util.ArrayList;
import java.util.List;
import minikernel.kernel.Kernel;
import minikernel.kernel.sched.Exit;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;
import minikernel.kernel.syscall.Syscall;

/**
 * kill(2), tkill(2) and tgkill(2), kernel/signal.c. A signal whose disposition is the default
 * "terminate" or "core" kills the target's whole thread group at once (complete_signal); an
 * ignored one is dropped; a blocked one, or one with a handler, stays pending: running handlers
 * (setup_frame, sigreturn) is not implemented yet.
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
        for (Task t : targets) {
            send(t, sig);
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
        send(t, sig);
        return current.isZombieOrDead() ? Syscall.NO_RETURN : 0;
    }

    /** send_signal() and complete_signal() for one target; signal 0 only checks that it exists. */
    public static void send(Task t, int sig) {
        // Kernel threads (the built-in init) take no signals; a zombie can take no more.
        if (sig == 0 || t.isZombieOrDead() || t.isKernelThread()) {
            return;
        }
        SigHand.SigAction action = t.sighand().get(sig);
        Signal s = Signal.of(sig);
        boolean kill = sig == Signal.SIGKILL.number;
        if (!kill) {
            boolean ignored = action.handler() == SigHand.SigAction.SIG_IGN
                    || action.handler() == SigHand.SigAction.SIG_DFL && s != null && s.defaultAction == Signal.Action.IGNORE;
            if (ignored && (t.blocked() & Signal.mask(sig)) == 0) {
                return;
            }
            boolean fatal = action.handler() == SigHand.SigAction.SIG_DFL
                    && (s == null || s.defaultAction == Signal.Action.TERM || s.defaultAction == Signal.Action.CORE);
            if (!fatal || (t.blocked() & Signal.mask(sig)) != 0) {
                t.setPending(t.pending() | Signal.mask(sig));
                return;
            }
        }
        Exit.doGroupExit(t, Exit.killedStatus(sig, false));
    }
}
