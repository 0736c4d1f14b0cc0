package minikernel.kernel.signal;

import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * rt_sigaction(2) and rt_sigprocmask(2), kernel/signal.c. Dispositions and the blocked mask are
 * recorded and reported exactly as Linux does; delivering signals to handlers comes later.
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
        current.setBlocked(newMask & ~UNBLOCKABLE);
        return 0;
    }

    private static long u32(byte[] b, int o) {
        return b[o] & 0xff | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xffL) << 24;
    }
}
