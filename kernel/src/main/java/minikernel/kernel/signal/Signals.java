package minikernel.kernel.signal;

import minikernel.kernel.Kernel;
import minikernel.kernel.sched.Exit;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.TaskState;

/**
 * Sending and taking signals, kernel/signal.c: send_signal() queues a signal for one thread or
 * for its whole group, complete_signal() picks the thread to wake (or ends the group at once for a
 * fatal one), and get_signal(), on a task's way back to user mode, takes the next unblocked
 * signal and carries out its default action or hands it to the architecture code to run its
 * handler ({@link minikernel.kernel.arch.SignalDelivery}).
 */
public final class Signals {
    /** The i386 sa_flags. */
    public static final long SA_NOCLDSTOP = 1, SA_NOCLDWAIT = 2, SA_SIGINFO = 4, SA_RESTORER = 0x04000000,
            SA_ONSTACK = 0x08000000, SA_RESTART = 0x10000000, SA_NODEFER = 0x40000000, SA_RESETHAND = 0x80000000L;
    /** Signals no one can block, catch or ignore. */
    public static final long UNBLOCKABLE = Signal.mask(Signal.SIGKILL.number) | Signal.mask(Signal.SIGSTOP.number);

    /** A signal taken for delivery to a handler: its number, information and action (struct ksignal). */
    public record Ksignal(int sig, SigInfo info, SigHand.SigAction action) {
    }

    private Signals() {
    }

    /** signal_pending(): a signal this thread does not block waits, for it or for its group. */
    public static boolean signalPending(Task t) {
        if (t.sighand() == null || t.signal() == null) {
            return false;
        }
        long blocked = t.blocked();
        return (t.sigPending().mask() & ~blocked) != 0 || (t.signal().sharedPending().mask() & ~blocked) != 0;
    }

    /** sig_ignored(): dropped at once, unless blocked (it may be unblocked after a change of action). */
    private static boolean ignored(Task t, int sig) {
        // SIGNAL_UNKILLABLE: init takes only the signals it has handlers for, SIGKILL included
        if (t.signal().unkillable() && t.sighand().get(sig).handler() == SigHand.SigAction.SIG_DFL) {
            return true;
        }
        if ((t.blocked() & Signal.mask(sig)) != 0) {
            return false;
        }
        return handlerIgnores(t.sighand().get(sig), sig);
    }

    /** sig_handler_ignored(): SIG_IGN, or the default action of a signal that does nothing by default. */
    public static boolean ignoredBy(SigHand.SigAction action, int sig) {
        return handlerIgnores(action, sig);
    }

    /** SIG_IGN, or the default action of a signal that does nothing by default (SIGCHLD, SIGCONT...). */
    private static boolean handlerIgnores(SigHand.SigAction action, int sig) {
        Signal s = Signal.of(sig);
        return action.handler() == SigHand.SigAction.SIG_IGN
                || action.handler() == SigHand.SigAction.SIG_DFL && s != null
                && (s.defaultAction == Signal.Action.IGNORE || s.defaultAction == Signal.Action.CONTINUE);
    }

    private static boolean isStopSignal(int sig) {
        Signal s = Signal.of(sig);
        return s != null && s.defaultAction == Signal.Action.STOP;
    }

    private static final long STOP_MASK = Signal.mask(Signal.SIGSTOP.number) | Signal.mask(Signal.SIGTSTP.number)
            | Signal.mask(Signal.SIGTTIN.number) | Signal.mask(Signal.SIGTTOU.number);

    /**
     * prepare_signal()'s job control: a stop signal cancels a pending SIGCONT, and SIGCONT cancels
     * pending stop signals and continues a stopped group (telling its parent: CLD_CONTINUED).
     * This happens when the signal is sent, whether it is blocked, ignored or caught.
     */
    private static void prepareJobControl(Task t, int sig) {
        long flush = isStopSignal(sig) ? Signal.mask(Signal.SIGCONT.number)
                : sig == Signal.SIGCONT.number ? STOP_MASK : 0;
        if (flush == 0) {
            return;
        }
        t.signal().sharedPending().flush(flush);
        for (Task thread : threads(t)) {
            thread.sigPending().flush(flush);
        }
        if (sig == Signal.SIGCONT.number && t.signal().stopped()) {
            t.signal().setStopped(0);
            for (Task thread : threads(t)) {
                t.kernel().scheduler().resume(thread);
            }
            notifyParentCldstop(t, SigInfo.CLD_CONTINUED, Signal.SIGCONT.number);
        }
    }

    /** for_each_thread(): the live threads of t's thread group. */
    static java.util.List<Task> threads(Task t) {
        java.util.List<Task> list = new java.util.ArrayList<>();
        for (Task thread : t.kernel().scheduler().tasks()) {
            if (thread.tgid() == t.tgid() && !thread.isZombieOrDead()) {
                list.add(thread);
            }
        }
        return list;
    }

    /**
     * do_signal_stop(): the whole thread group stops (each thread leaves the CPU and its sleep)
     * and its parent hears of it: SIGCHLD with CLD_STOPPED unless it asked SA_NOCLDSTOP, and its
     * wait4(WUNTRACED) reports the stop once.
     */
    private static void doSignalStop(Task t, int sig) {
        t.signal().setStopped(sig);
        for (Task thread : threads(t)) {
            t.kernel().scheduler().stop(thread);
        }
        notifyParentCldstop(t, SigInfo.CLD_STOPPED, sig);
    }

    /** do_notify_parent_cldstop(): SIGCHLD (unless SA_NOCLDSTOP) and a wake-up of the parent's wait4. */
    private static void notifyParentCldstop(Task t, int why, int sig) {
        Task leader = t.groupLeader();
        Task parent = leader.parent();
        if (parent == null || parent.isZombieOrDead() || parent.sighand() == null) {
            return;
        }
        SigHand.SigAction action = parent.sighand().get(Signal.SIGCHLD.number);
        if ((action.flags() & SA_NOCLDSTOP) == 0) {
            send(parent, new SigInfo(Signal.SIGCHLD.number, why, leader.tgid(), leader.cred().uid(), 0, sig), true);
        }
        parent.signal().waitChldexit().wakeUpAll(t.kernel().scheduler());
    }

    /**
     * is_current_pgrp_orphaned() (kernel/exit.c): no member of the group has a parent in another
     * group of the same session (a shell that could continue it); a child of init does not count.
     * A terminal's stop signals are discarded for such a group: nobody would continue it.
     */
    public static boolean pgrpOrphaned(Task current) {
        int pgrp = current.pgrp();
        for (Task p : current.kernel().scheduler().tasks()) {
            if (p.isKernelThread() || p.pgrp() != pgrp || p.isZombieOrDead()) {
                continue;
            }
            Task parent = p.realParent();
            if (parent == null || parent.tgid() == 1) {
                continue;
            }
            if (parent.pgrp() != pgrp && parent.session() == p.session()) {
                return false;
            }
        }
        return true;
    }

    private static boolean fatalByDefault(int sig) {
        Signal s = Signal.of(sig);
        return s == null || s.defaultAction == Signal.Action.TERM || s.defaultAction == Signal.Action.CORE;
    }

    /**
     * send_signal(): queue {@code info} for {@code t} alone ({@code group} false: tkill, faults)
     * or for its thread group (kill), then complete_signal(). SIGKILL ends the group at once.
     */
    public static void send(Task t, SigInfo info, boolean group) {
        int sig = info.signo();
        // Kernel threads (the built-in init) take no signals; a zombie can take no more.
        if (sig == 0 || t.isZombieOrDead() || t.isKernelThread() || t.sighand() == null) {
            return;
        }
        if (sig == Signal.SIGKILL.number && !t.signal().unkillable()) {
            Exit.doGroupExit(t, Exit.killedStatus(sig, false));
            return;
        }
        prepareJobControl(t, sig);
        if (ignored(t, sig)) {
            return;
        }
        SigPending pending = group ? t.signal().sharedPending() : t.sigPending();
        if (!pending.add(info)) {
            return;                         // a standard signal already pending: this one is lost
        }
        completeSignal(t, sig, group);
    }

    /**
     * complete_signal(): find a thread that does not block the signal (the target first, for a
     * group signal any of its threads) and wake it to take it on its way to user mode. A fatal
     * default action nobody blocks ends the whole group now, as Linux's shortcut does.
     */
    private static void completeSignal(Task t, int sig, boolean group) {
        Task wanted = wants(t, sig) ? t : null;
        if (wanted == null && group) {
            for (Task thread : threads(t)) {
                if (wants(thread, sig)) {
                    wanted = thread;
                    break;
                }
            }
        }
        if (wanted == null) {
            return;                          // blocked everywhere: it waits
        }
        // The shortcut spares a signal the task only unblocked to wait for it (real_blocked).
        Long realBlocked = wanted.timedwaitBlocked();
        boolean awaited = realBlocked != null && (realBlocked & Signal.mask(sig)) != 0;
        // Nor a "core" signal while cores may be written: the thread that takes it dumps first.
        Signal s = Signal.of(sig);
        boolean dumps = s != null && s.defaultAction == Signal.Action.CORE
                && wanted.signal().rlimits().cur(minikernel.kernel.sys.Rlimits.RLIMIT_CORE) != 0;
        if (wanted.sighand().get(sig).handler() == SigHand.SigAction.SIG_DFL && fatalByDefault(sig) && !awaited
                && !dumps) {
            Exit.doGroupExit(wanted, Exit.killedStatus(sig, false));
            return;
        }
        signalWakeUp(wanted);
    }

    private static boolean wants(Task t, int sig) {
        return !t.isZombieOrDead() && (t.blocked() & Signal.mask(sig)) == 0;
    }

    /** signal_wake_up(): an interruptible sleeper wakes, to run its call again and see the signal. */
    public static void signalWakeUp(Task t) {
        Kernel kernel = t.kernel();
        if (t.state() == TaskState.INTERRUPTIBLE) {
            kernel.scheduler().wakeUp(t);
        } else if (t == kernel.scheduler().current() && !t.isKernelThread()) {
            kernel.cpu().stopAfterHook();    // back to the scheduler, which delivers before it runs on
        }
    }

    /**
     * force_sig_info(): a fault the task cannot be allowed to ignore or block. A blocked or
     * ignored signal gets its default action back (and is unblocked), so the task dies of it.
     */
    public static void force(Task t, SigInfo info) {
        int sig = info.signo();
        SigHand.SigAction action = t.sighand().get(sig);
        boolean blocked = (t.blocked() & Signal.mask(sig)) != 0;
        if (action.handler() == SigHand.SigAction.SIG_IGN || blocked) {
            t.sighand().set(sig, SigHand.SigAction.DEFAULT);
            t.setBlocked(t.blocked() & ~Signal.mask(sig));
        }
        t.sigPending().add(info);
        signalWakeUp(t);
    }

    /**
     * get_signal(): the next signal to deliver to {@code t}: its own before its group's, faults
     * first. Ignored ones are dropped; one whose default action is fatal ends the thread group
     * (null is returned and the task is dead); one with a handler is returned, with SA_RESETHAND
     * already carried out.
     */
    public static Ksignal getSignal(Task t) {
        while (true) {
            long blocked = t.blocked();
            SigPending from = t.sigPending();
            int sig = from.next(blocked);
            if (sig == 0) {
                from = t.signal().sharedPending();
                sig = from.next(blocked);
            }
            if (sig == 0) {
                return null;
            }
            SigInfo info = from.take(sig);
            SignalTracer tracer = t.kernel().signalTracer();
            if (tracer != null && sig != Signal.SIGKILL.number) {
                info = ptraceSignal(t, tracer, sig, info);
                if (info == null) {
                    continue;
                }
                sig = info.signo();
            }
            SigHand.SigAction action = t.sighand().get(sig);
            if (handlerIgnores(action, sig) && sig != Signal.SIGKILL.number) {
                continue;
            }
            if (action.handler() == SigHand.SigAction.SIG_DFL && isStopSignal(sig)) {
                // A terminal's stop signals are discarded for an orphaned group; SIGSTOP never is.
                if (sig != Signal.SIGSTOP.number && pgrpOrphaned(t)) {
                    continue;
                }
                doSignalStop(t, sig);
                return null;
            }
            if (action.handler() == SigHand.SigAction.SIG_DFL) {
                // do_coredump() first for a "core" signal, if RLIMIT_CORE lets it write one
                Signal s = Signal.of(sig);
                boolean core = s != null && s.defaultAction == Signal.Action.CORE
                        && minikernel.kernel.exec.CoreDump.dump(t, sig, t.kernel().cpu().registers());
                Exit.doGroupExit(t, Exit.killedStatus(sig, core));
                return null;
            }
            if ((action.flags() & SA_RESETHAND) != 0) {
                t.sighand().set(sig, SigHand.SigAction.DEFAULT);
            }
            return new Ksignal(sig, info, action);
        }
    }

    /**
     * ptrace_signal(): the tracer sees the signal and says which one the task gets. A changed
     * signal gets a new siginfo as if the tracer had sent it; one the task now blocks is queued
     * again; none (or a dead task) is null.
     */
    private static SigInfo ptraceSignal(Task t, SignalTracer tracer, int sig, SigInfo info) {
        int chosen = tracer.signalDeliveryStop(t, sig, info);
        if (chosen <= 0 || chosen > Signal.NSIG || t.isZombieOrDead()) {
            return null;
        }
        if (chosen != sig) {
            Task parent = t.realParent();
            info = SigInfo.user(chosen, SigInfo.SI_USER, parent == null ? 0 : parent.tgid(), 0);
        }
        if ((t.blocked() & Signal.mask(chosen)) != 0) {
            t.sigPending().add(info);
            return null;
        }
        return info;
    }

    /**
     * dequeue_signal() for sigtimedwait: the lowest signal of {@code wanted} pending for the
     * thread or its group, taken; null if none.
     */
    public static SigInfo dequeue(Task t, long wanted) {
        int sig = t.sigPending().next(~wanted);
        if (sig != 0) {
            return t.sigPending().take(sig);
        }
        sig = t.signal().sharedPending().next(~wanted);
        return sig != 0 ? t.signal().sharedPending().take(sig) : null;
    }

    /** signal_setup_done(): while the handler runs, its sa_mask and (unless SA_NODEFER) the signal are blocked. */
    public static void handlerStarted(Task t, Ksignal k) {
        long mask = k.action().mask();
        if ((k.action().flags() & SA_NODEFER) == 0) {
            mask |= Signal.mask(k.sig());
        }
        t.setBlocked((t.blocked() | mask) & ~UNBLOCKABLE);
    }

    /**
     * set_current_blocked(): a new mask; signals it unblocks that are pending are delivered on the
     * way back to user mode.
     */
    public static void setBlocked(Task t, long mask) {
        t.setBlocked(mask & ~UNBLOCKABLE);
        if (signalPending(t)) {
            signalWakeUp(t);
        }
    }
}
