package minikernel.kernel.time;

import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.signal.Kill;
import minikernel.kernel.signal.Signal;
import minikernel.kernel.signal.SignalStruct;
import minikernel.kernel.syscall.Errno;

/**
 * alarm(2), setitimer(2) and getitimer(2) for ITIMER_REAL, kernel/time/itimer.c: one timer per
 * process (in its signal_struct), on the kernel's monotonic clock (the virtual one unless
 * {@code --clock host}), that sends the process SIGALRM when it expires and, with an interval,
 * starts again. ITIMER_VIRTUAL and ITIMER_PROF (user and CPU time) are not implemented: ENOSYS.
 */
public final class ITimer {
    public static final int ITIMER_REAL = 0, ITIMER_VIRTUAL = 1, ITIMER_PROF = 2;
    private static final long NSEC_PER_USEC = 1000, USEC_PER_SEC = 1_000_000;

    private ITimer() {
    }

    /** alarm(seconds): SIGALRM after that many seconds (0 cancels); the seconds the old one had left. */
    public static long alarm(Task current, long seconds) {
        long[] old = set(current, 0, (seconds & 0xffffffffL) * USEC_PER_SEC * NSEC_PER_USEC);
        long usec = old[1] / NSEC_PER_USEC;
        long sec = usec / USEC_PER_SEC, rest = usec % USEC_PER_SEC;
        // alarm_setitimer(): round to the nearest second, and never say 0 for a timer still running
        if (sec == 0 && rest != 0 || rest >= USEC_PER_SEC / 2) {
            sec++;
        }
        return sec;
    }

    /** setitimer(which, new, old) with struct itimerval {it_interval, it_value}, each {tv_sec, tv_usec}. */
    public static long setitimer(Task current, long which, long newValue, long oldValue) {
        if ((int) which == ITIMER_VIRTUAL || (int) which == ITIMER_PROF) {
            return Errno.ENOSYS.negative();
        }
        if ((int) which != ITIMER_REAL) {
            return Errno.EINVAL.negative();
        }
        UserAccess ua = current.kernel().userAccess();
        long interval = 0, value = 0;
        if (newValue != 0) {
            long[] v = new long[4];
            for (int i = 0; i < 4; i++) {
                v[i] = ua.getUser32(current.mm(), newValue + 4L * i);
                if (v[i] == Long.MIN_VALUE) {
                    return Errno.EFAULT.negative();
                }
                v[i] = (int) v[i];
            }
            if (v[0] < 0 || v[1] < 0 || v[1] >= USEC_PER_SEC || v[2] < 0 || v[3] < 0 || v[3] >= USEC_PER_SEC) {
                return Errno.EINVAL.negative();
            }
            interval = (v[0] * USEC_PER_SEC + v[1]) * NSEC_PER_USEC;
            value = (v[2] * USEC_PER_SEC + v[3]) * NSEC_PER_USEC;
        }
        long[] old = newValue != 0 ? set(current, interval, value) : get(current);
        return oldValue != 0 && !putItimerval(current, oldValue, old) ? Errno.EFAULT.negative() : 0;
    }

    public static long getitimer(Task current, long which, long value) {
        if ((int) which == ITIMER_VIRTUAL || (int) which == ITIMER_PROF) {
            return Errno.ENOSYS.negative();
        }
        if ((int) which != ITIMER_REAL) {
            return Errno.EINVAL.negative();
        }
        return putItimerval(current, value, get(current)) ? 0 : Errno.EFAULT.negative();
    }

    /** {interval, time left} in nanoseconds; a timer due now still shows 1 microsecond left. */
    private static long[] get(Task current) {
        SignalStruct sig = current.signal();
        if (sig.realTimer() == null) {
            return new long[]{sig.realTimerInterval(), 0};
        }
        long left = sig.realTimerDeadline() - current.kernel().clock().monotonicNanos();
        return new long[]{sig.realTimerInterval(), Math.max(left, NSEC_PER_USEC)};
    }

    /** do_setitimer(): disarm, then arm for {@code value} from now (0: stay disarmed); the old setting. */
    private static long[] set(Task current, long interval, long value) {
        long[] old = get(current);
        SignalStruct sig = current.signal();
        if (sig.realTimer() != null) {
            current.kernel().scheduler().cancelTimer(sig.realTimer());
        }
        sig.setRealTimer(null, 0, interval);
        if (value > 0) {
            arm(current.groupLeader(), current.kernel().clock().monotonicNanos() + value);
        }
        return old;
    }

    private static void arm(Task task, long deadline) {
        SignalStruct sig = task.signal();
        Object handle = task.kernel().scheduler().addTimer(deadline, () -> expire(task, sig));
        sig.setRealTimer(handle, deadline, sig.realTimerInterval());
    }

    /** it_real_fn(): SIGALRM to the process; an interval timer starts again from its deadline. */
    private static void expire(Task armedBy, SignalStruct sig) {
        long deadline = sig.realTimerDeadline();
        sig.setRealTimer(null, 0, sig.realTimerInterval());
        Task target = null;
        for (Task t : armedBy.kernel().scheduler().tasks()) {
            if (t.signal() == sig && !t.isZombieOrDead()) {
                target = t;
                break;
            }
        }
        if (target == null) {
            return;                               // the process is gone: so is its timer
        }
        Kill.send(target, Signal.SIGALRM.number);
        if (sig.realTimerInterval() > 0) {
            arm(target, deadline + sig.realTimerInterval());
        }
    }

    private static boolean putItimerval(Task current, long addr, long[] v) {
        long iu = v[0] / NSEC_PER_USEC, vu = v[1] / NSEC_PER_USEC;
        return current.kernel().userAccess().putUser32s(current.mm(), addr,
                iu / USEC_PER_SEC, iu % USEC_PER_SEC, vu / USEC_PER_SEC, vu % USEC_PER_SEC);
    }
}
