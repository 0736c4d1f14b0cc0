package minikernel.kernel.signal;

import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * The signal system calls of kernel/signal.c that set dispositions and masks and wait:
 * rt_sigaction, rt_sigprocmask and sigprocmask, rt_sigpending and sigpending, rt_sigsuspend,
 * sigsuspend and pause. Sending is {@link Kill}; delivery {@link minikernel.kernel.arch.SignalDelivery}.
 */
public final class SignalSyscalls {
    private static final int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;
    /** The kernel's sigset_t: 64 signals, 8 bytes; rt_* calls require exactly this size. */
    private static final long SIGSET_SIZE = 8;
    private static final long UNBLOCKABLE = Signal.mask(Signal.SIGKILL.number) | Signal.mask(Signal.SIGSTOP.number);

    private SignalSyscalls() {
    }

    /** rt_sigaction(sig, act, oact, sigsetsize): i386 struct sigaction {handler, flags, restorer, mask[2]}. */
    public static long rtSigaction(Task current, long sig, long act, long oact, long sigsetsize) {
        if (sigsetsize != SIGSET_SIZE) {
            return Errno.EINVAL.negative();
        }
        int signal = (int) sig;
        if (signal < 1 || signal > Signal.NSIG) {
            return Errno.EINVAL.negative();
        }
        UserAccess ua = current.kernel().userAccess();
        SigHand.SigAction newAction = null;
        if (act != 0) {
            byte[] b = new byte[20];
            if (!ua.copyFromUser(current.mm(), act, b, 0, b.length)) {
                return Errno.EFAULT.negative();
            }
            if (signal == Signal.SIGKILL.number || signal == Signal.SIGSTOP.number) {
                return Errno.EINVAL.negative();
            }
            long mask = u32(b, 12) | u32(b, 16) << 32;
            newAction = new SigHand.SigAction(u32(b, 0), u32(b, 4), u32(b, 8), mask & ~UNBLOCKABLE);
        }
        SigHand.SigAction old = current.sighand().get(signal);
        if (oact != 0 && !ua.putUser32s(current.mm(), oact, old.handler(), old.flags(), old.restorer(),
                old.mask() & 0xffffffffL, old.mask() >>> 32)) {
            return Errno.EFAULT.negative();
        }
        if (newAction != null) {
            current.sighand().set(signal, newAction);
            if (Signals.ignoredBy(newAction, signal)) {
                // do_sigaction(): a signal now ignored is discarded wherever it waits in the group.
                current.signal().sharedPending().flush(Signal.mask(signal));
                for (Task t : current.kernel().scheduler().tasks()) {
                    if (t.tgid() == current.tgid()) {
                        t.sigPending().flush(Signal.mask(signal));
                    }
                }
            }
        }
        return 0;
    }

    /** rt_sigprocmask(how, set, oset, sigsetsize); SIGKILL and SIGSTOP can never be blocked. */
    public static long rtSigprocmask(Task current, long how, long set, long oset, long sigsetsize) {
        if (sigsetsize != SIGSET_SIZE) {
            return Errno.EINVAL.negative();
        }
        UserAccess ua = current.kernel().userAccess();
        long old = current.blocked();
        long newMask = old;
        if (set != 0) {
            long lo = ua.getUser32(current.mm(), set), hi = ua.getUser32(current.mm(), set + 4);
            if (lo == Long.MIN_VALUE || hi == Long.MIN_VALUE) {
                return Errno.EFAULT.negative();
            }
            long mask = lo | hi << 32;
            newMask = switch ((int) how) {
                case SIG_BLOCK -> old | mask;
                case SIG_UNBLOCK -> old & ~mask;
                case SIG_SETMASK -> mask;
                default -> -1;
            };
            if ((int) how < SIG_BLOCK || (int) how > SIG_SETMASK) {
                return Errno.EINVAL.negative();
            }
        }
        if (oset != 0 && !ua.putUser32s(current.mm(), oset, old & 0xffffffffL, old >>> 32)) {
            return Errno.EFAULT.negative();
        }
        Signals.setBlocked(current, newMask);
        return 0;
    }

    /** rt_sigpending(set, sigsetsize): the pending signals, the thread's and the group's, that are blocked. */
    public static long rtSigpending(Task current, long set, long sigsetsize) {
        if (sigsetsize > SIGSET_SIZE) {
            return Errno.EINVAL.negative();
        }
        long pending = (current.sigPending().mask() | current.signal().sharedPending().mask()) & current.blocked();
        byte[] b = new byte[(int) sigsetsize];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (pending >>> 8 * i);
        }
        return current.kernel().userAccess().copyToUser(current.mm(), set, b) ? 0 : Errno.EFAULT.negative();
    }

    /** sigpending(2): the old 32-signal form. */
    public static long sigpending(Task current, long set) {
        return rtSigpending(current, set, 4);
    }

    /**
     * rt_sigsuspend(mask, sigsetsize): wait for a signal with {@code mask} as the blocked set. The
     * old mask is put back on the way out (the handler's frame saves it, so sigreturn restores it).
     * It returns only when a handler has run: EINTR.
     */
    public static long rtSigsuspend(Task current, long mask, long sigsetsize) {
        if (sigsetsize != SIGSET_SIZE) {
            return Errno.EINVAL.negative();
        }
        UserAccess ua = current.kernel().userAccess();
        long lo = ua.getUser32(current.mm(), mask), hi = ua.getUser32(current.mm(), mask + 4);
        if (lo == Long.MIN_VALUE || hi == Long.MIN_VALUE) {
            return Errno.EFAULT.negative();
        }
        return suspend(current, lo | hi << 32);
    }

    /** sigsuspend(2), i386's old form: the mask is the third argument, 32 signals. */
    public static long sigsuspend(Task current, long unused1, long unused2, long mask) {
        return suspend(current, current.blocked() & ~0xffffffffL | mask & 0xffffffffL);
    }

    private static long suspend(Task current, long mask) {
        if (!current.restoreSigmask()) {
            current.setRestoreSigmask(true, current.blocked());
        }
        current.setBlocked(mask & ~UNBLOCKABLE);
        current.setRestartKind(minikernel.kernel.arch.SignalDelivery.ERESTARTNOHAND);
        current.kernel().scheduler().sleepAndRestart(current, "sigsuspend", -1);
        return 0;
    }

    /** pause(2): sleep until a signal's handler has run (EINTR), or one ends the process. */
    public static long pause(Task current) {
        current.setRestartKind(minikernel.kernel.arch.SignalDelivery.ERESTARTNOHAND);
        current.kernel().scheduler().sleepAndRestart(current, "pause", -1);
        return 0;
    }

    /** sigprocmask(2): the old form, on the low 32 signals only. */
    public static long sigprocmask(Task current, long how, long set, long oset) {
        UserAccess ua = current.kernel().userAccess();
        long old = current.blocked();
        long newMask = old;
        if (set != 0) {
            long mask = ua.getUser32(current.mm(), set);
            if (mask == Long.MIN_VALUE) {
                return Errno.EFAULT.negative();
            }
            newMask = switch ((int) how) {
                case SIG_BLOCK -> old | mask;
                case SIG_UNBLOCK -> old & ~mask;
                case SIG_SETMASK -> old & ~0xffffffffL | mask;
                default -> -1;
            };
            if ((int) how < SIG_BLOCK || (int) how > SIG_SETMASK) {
                return Errno.EINVAL.negative();
            }
        }
        if (oset != 0 && !ua.putUser32(current.mm(), oset, old & 0xffffffffL)) {
            return Errno.EFAULT.negative();
        }
        Signals.setBlocked(current, newMask);
        return 0;
    }

    private static long u32(byte[] b, int o) {
        return b[o] & 0xff | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xffL) << 24;
    }
}
