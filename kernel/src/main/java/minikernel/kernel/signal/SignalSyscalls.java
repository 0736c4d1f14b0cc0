package minikernel.kernel.signal;

import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * The signal system calls of kernel/signal.c that set dispositions and masks and wait:
 * rt_sigaction, sigaction and signal, rt_sigprocmask and sigprocmask, rt_sigpending and
 * sigpending, rt_sigsuspend, sigsuspend and pause, rt_sigtimedwait, rt_sigqueueinfo, sigaltstack. Sending is {@link Kill}; delivery {@link minikernel.kernel.arch.SignalDelivery}.
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
        return doSigaction(current, sig, act, oact, true);
    }

    /** sigaction(2), i386's old form: struct old_sigaction {handler, 32-bit mask, flags, restorer}. */
    public static long sigaction(Task current, long sig, long act, long oact) {
        return doSigaction(current, sig, act, oact, false);
    }

    /** Both forms: read the new action in its layout, write the old one back in the same layout. */
    private static long doSigaction(Task current, long sig, long act, long oact, boolean rt) {
        int signal = (int) sig;
        if (signal < 1 || signal > Signal.NSIG) {
            return Errno.EINVAL.negative();
        }
        UserAccess ua = current.kernel().userAccess();
        SigHand.SigAction newAction = null;
        if (act != 0) {
            byte[] b = new byte[rt ? 20 : 16];
            if (!ua.copyFromUser(current.mm(), act, b, 0, b.length)) {
                return Errno.EFAULT.negative();
            }
            if (signal == Signal.SIGKILL.number || signal == Signal.SIGSTOP.number) {
                return Errno.EINVAL.negative();
            }
            newAction = rt
                    ? new SigHand.SigAction(u32(b, 0), u32(b, 4), u32(b, 8), (u32(b, 12) | u32(b, 16) << 32) & ~UNBLOCKABLE)
                    : new SigHand.SigAction(u32(b, 0), u32(b, 8), u32(b, 12), u32(b, 4) & ~UNBLOCKABLE);
        }
        SigHand.SigAction old = current.sighand().get(signal);
        if (oact != 0) {
            boolean written = rt
                    ? ua.putUser32s(current.mm(), oact, old.handler(), old.flags(), old.restorer(),
                            old.mask() & 0xffffffffL, old.mask() >>> 32)
                    : ua.putUser32s(current.mm(), oact, old.handler(), old.mask() & 0xffffffffL, old.flags(),
                            old.restorer());
            if (!written) {
                return Errno.EFAULT.negative();
            }
        }
        if (newAction != null) {
            setAction(current, signal, newAction);
        }
        return 0;
    }

    /** do_sigaction(): the new action; a signal it ignores is discarded wherever it waits in the group. */
    private static void setAction(Task current, int signal, SigHand.SigAction action) {
        current.sighand().set(signal, action);
        if (Signals.ignoredBy(action, signal)) {
            current.signal().sharedPending().flush(Signal.mask(signal));
            for (Task t : Signals.threads(current)) {
                t.sigPending().flush(Signal.mask(signal));
            }
        }
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

    private static final int SS_ONSTACK = 1, SS_DISABLE = 2, SS_AUTODISARM = 1 << 31;
    private static final long MINSIGSTKSZ = 2048;

    /**
     * sigaltstack(uss, uoss), do_sigaltstack(): the alternate stack SA_ONSTACK handlers run on.
     * It cannot change while the caller runs on it (EPERM); a size under MINSIGSTKSZ is ENOMEM.
     */
    public static long sigaltstack(Task current, long uss, long uoss) {
        UserAccess ua = current.kernel().userAccess();
        long sp = current.kernel().cpu().esp();
        long newSp = 0, newSize = 0;
        int newFlags = 0;
        if (uss != 0) {
            long a = ua.getUser32(current.mm(), uss), f = ua.getUser32(current.mm(), uss + 4),
                    z = ua.getUser32(current.mm(), uss + 8);
            if (a == Long.MIN_VALUE || f == Long.MIN_VALUE || z == Long.MIN_VALUE) {
                return Errno.EFAULT.negative();
            }
            newSp = a;
            newFlags = (int) f;
            newSize = z;
        }
        if (uoss != 0) {
            int flags = current.sasSsSize() == 0 ? SS_DISABLE
                    : (current.onSigStack(sp) ? SS_ONSTACK : 0) | current.sasSsFlags();
            if (!ua.putUser32s(current.mm(), uoss, current.sasSsSp(), flags & 0xffffffffL, current.sasSsSize())) {
                return Errno.EFAULT.negative();
            }
        }
        if (uss == 0) {
            return 0;
        }
        if (current.onSigStack(sp)) {
            return Errno.EPERM.negative();
        }
        int mode = newFlags & ~SS_AUTODISARM;
        if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0) {
            return Errno.EINVAL.negative();
        }
        if (mode == SS_DISABLE) {
            current.setAltStack(0, 0, 0);
        } else {
            if (newSize < MINSIGSTKSZ) {
                return Errno.ENOMEM.negative();
            }
            current.setAltStack(newSp, newSize, newFlags & SS_AUTODISARM);
        }
        return 0;
    }

    /**
     * rt_sigqueueinfo(tgid, sig, uinfo): a signal with the caller's own siginfo (si_value for a
     * sigqueue). Only to itself may a process claim a kernel or kill code (si_code >= 0, SI_TKILL).
     */
    public static long rtSigqueueinfo(Task current, long tgid, long sig, long uinfo) {
        if (sig < 0 || sig > Signal.NSIG) {
            return Errno.EINVAL.negative();
        }
        UserAccess ua = current.kernel().userAccess();
        byte[] b = new byte[SigInfo.SIZE];
        if (!ua.copyFromUser(current.mm(), uinfo, b, 0, b.length)) {
            return Errno.EFAULT.negative();
        }
        int code = (int) u32(b, 8);
        Task target = null;
        for (Task t : current.kernel().scheduler().tasks()) {
            if (t == t.groupLeader() && t.tgid() == (int) tgid && !t.isZombieOrDead()) {
                target = t;
            }
        }
        if (target == null) {
            return Errno.ESRCH.negative();
        }
        if ((code >= 0 || code == SigInfo.SI_TKILL) && target.tgid() != current.tgid()) {
            return Errno.EPERM.negative();
        }
        if (sig != 0) {
            Signals.send(target, new SigInfo((int) sig, code, (int) u32(b, 12), (int) u32(b, 16), 0, (int) u32(b, 20)),
                    true);
        }
        return current.isZombieOrDead() ? minikernel.kernel.syscall.Syscall.NO_RETURN : 0;
    }

    /**
     * rt_sigtimedwait(set, info, timeout, sigsetsize): takes a pending signal of {@code set}
     * without running its handler, waiting for one if none is pending (the set is unblocked
     * meanwhile, so that one wakes the caller); EAGAIN at the timeout; EINTR if another signal's
     * handler interrupts the wait.
     */
    public static long rtSigtimedwait(Task current, long uset, long uinfo, long uts, long sigsetsize) {
        Long real = current.timedwaitBlocked();
        if (real != null) {
            current.setBlocked(real);                // back from the sleep: the caller's own mask again
            current.setTimedwaitBlocked(null);
        }
        if (sigsetsize != SIGSET_SIZE) {
            return Errno.EINVAL.negative();
        }
        UserAccess ua = current.kernel().userAccess();
        long lo = ua.getUser32(current.mm(), uset), hi = ua.getUser32(current.mm(), uset + 4);
        if (lo == Long.MIN_VALUE || hi == Long.MIN_VALUE) {
            return Errno.EFAULT.negative();
        }
        long wanted = (lo | hi << 32) & ~UNBLOCKABLE;
        long deadline = -1;
        if (uts != 0) {
            Long kept = current.syscallStart();
            if (kept != null) {
                deadline = kept;
            } else {
                long[] ts = minikernel.kernel.time.Time.getTimespec(current, uts, false);
                if (ts == null) {
                    return Errno.EFAULT.negative();
                }
                if (ts[0] < 0 || ts[1] < 0 || ts[1] >= 1_000_000_000L) {
                    return Errno.EINVAL.negative();
                }
                deadline = current.kernel().clock().monotonicNanos() + ts[0] * 1_000_000_000L + ts[1];
            }
        }
        SigInfo info = Signals.dequeue(current, wanted);
        if (info != null) {
            current.setSyscallStart(null);
            if (uinfo != 0 && !ua.copyToUser(current.mm(), uinfo, info.toBytes())) {
                return Errno.EFAULT.negative();
            }
            return info.signo();
        }
        if (deadline >= 0 && current.kernel().clock().monotonicNanos() >= deadline) {
            current.setSyscallStart(null);
            return Errno.EAGAIN.negative();
        }
        current.setSyscallStart(deadline >= 0 ? deadline : null);
        long blocked = current.blocked();
        current.setTimedwaitBlocked(blocked);
        current.setBlocked(blocked & ~wanted);
        current.setRestartKind(minikernel.kernel.arch.SignalDelivery.ERESTARTNOHAND);
        if (!current.kernel().scheduler().sleepAndRestart(current, "sigtimedwait", deadline)) {
            current.setBlocked(blocked);             // another signal interrupts the wait
            current.setTimedwaitBlocked(null);
            current.setSyscallStart(null);
        }
        return 0;
    }

    /** signal(2): the System V semantics of the old call, SA_RESETHAND | SA_NODEFER; the old handler. */
    public static long signal(Task current, long sig, long handler) {
        int signal = (int) sig;
        if (signal < 1 || signal > Signal.NSIG || signal == Signal.SIGKILL.number || signal == Signal.SIGSTOP.number) {
            return Errno.EINVAL.negative();
        }
        SigHand.SigAction old = current.sighand().get(signal);
        setAction(current, signal, new SigHand.SigAction(handler & 0xffffffffL,
                Signals.SA_RESETHAND | Signals.SA_NODEFER, 0, 0));
        return old.handler();
    }

    private static long u32(byte[] b, int o) {
        return b[o] & 0xff | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xffL) << 24;
    }
}
