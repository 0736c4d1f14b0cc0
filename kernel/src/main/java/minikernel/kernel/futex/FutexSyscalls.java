package minikernel.kernel.futex;

import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;
import minikernel.kernel.time.Clock;

/**
 * futex(2) and futex_time64(2), kernel/futex/syscalls.c: WAIT, WAKE, their _BITSET forms,
 * REQUEUE, CMP_REQUEUE and WAKE_OP, with FUTEX_PRIVATE_FLAG and FUTEX_CLOCK_REALTIME. On i386 the
 * fourth argument is the timeout pointer, or val2 for the requeue and wake-op operations.
 */
public final class FutexSyscalls {
    static final int FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_REQUEUE = 3, FUTEX_CMP_REQUEUE = 4,
            FUTEX_WAKE_OP = 5, FUTEX_WAIT_BITSET = 9, FUTEX_WAKE_BITSET = 10;
    static final int FUTEX_PRIVATE_FLAG = 128, FUTEX_CLOCK_REALTIME = 256;
    private static final long NSEC = 1_000_000_000L;

    private FutexSyscalls() {
    }

    public static long futex(Task current, long uaddr, long op, long val, long utime, long uaddr2, long val3) {
        return doFutex(current, uaddr, (int) op, (int) val, utime, uaddr2, (int) val3, false);
    }

    public static long futexTime64(Task current, long uaddr, long op, long val, long utime, long uaddr2, long val3) {
        return doFutex(current, uaddr, (int) op, (int) val, utime, uaddr2, (int) val3, true);
    }

    private static long doFutex(Task current, long uaddr, int op, int val, long utime, long uaddr2, int val3,
                                boolean time64) {
        int cmd = op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
        boolean privateFlag = (op & FUTEX_PRIVATE_FLAG) != 0;
        boolean realtime = (op & FUTEX_CLOCK_REALTIME) != 0;
        // Only the absolute waits take a clock (Linux's do_futex; FUTEX_WAIT's timeout is relative).
        if (realtime && cmd != FUTEX_WAIT_BITSET) {
            return Errno.ENOSYS.negative();
        }
        if ((uaddr & 3) != 0) {
            return Errno.EINVAL.negative();
        }
        Futex futex = current.kernel().futex();
        Object key = Futex.key(current.mm(), uaddr, privateFlag);
        return switch (cmd) {
            case FUTEX_WAIT -> wait(current, uaddr, key, val, utime, -1, false, realtime, time64);
            case FUTEX_WAIT_BITSET -> val3 == 0 ? Errno.EINVAL.negative()
                    : wait(current, uaddr, key, val, utime, val3, true, realtime, time64);
            case FUTEX_WAKE -> futex.wake(key, val, -1);
            case FUTEX_WAKE_BITSET -> val3 == 0 ? Errno.EINVAL.negative() : futex.wake(key, val, val3);
            case FUTEX_REQUEUE, FUTEX_CMP_REQUEUE -> requeue(current, uaddr, key, val, (int) utime, uaddr2, privateFlag,
                    cmd == FUTEX_CMP_REQUEUE, val3);
            case FUTEX_WAKE_OP -> wakeOp(current, key, val, (int) utime, uaddr2, privateFlag, val3);
            default -> Errno.ENOSYS.negative();
        };
    }

    /**
     * futex_wait(): if the word still holds {@code val}, sleep until woken or until the timeout
     * (relative for FUTEX_WAIT, absolute for FUTEX_WAIT_BITSET); EAGAIN if the word changed first.
     * The call runs again when the task wakes: the waiter it left says what happened.
     */
    private static long wait(Task current, long uaddr, Object key, int val, long utime, int bitset, boolean absolute,
                             boolean realtime, boolean time64) {
        Futex futex = current.kernel().futex();
        Futex.Waiter left = futex.waiterOf(current);
        Clock clock = current.kernel().clock();
        if (left != null) {
            futex.dequeue(current);
            if (left.woken()) {
                return 0;
            }
            if (left.deadline() >= 0 && clock.monotonicNanos() >= left.deadline()) {
                return Errno.ETIMEDOUT.negative();
            }
        }
        UserAccess ua = current.kernel().userAccess();
        long word = ua.getUser32(current.mm(), uaddr);
        if (word == Long.MIN_VALUE) {
            return Errno.EFAULT.negative();
        }
        if ((int) word != val) {
            return Errno.EAGAIN.negative();
        }
        long deadline = -1;
        if (utime != 0) {
            long[] ts = minikernel.kernel.time.Time.getTimespec(current, utime, time64);
            if (ts == null) {
                return Errno.EFAULT.negative();
            }
            if (ts[0] < 0 || ts[1] < 0 || ts[1] >= NSEC) {
                return Errno.EINVAL.negative();
            }
            long ns = ts[0] * NSEC + ts[1];
            long now = clock.monotonicNanos();
            deadline = !absolute ? now + ns : realtime ? now + (ns - clock.realtimeNanos()) : ns;
            if (deadline <= now) {
                return Errno.ETIMEDOUT.negative();
            }
        }
        futex.enqueue(current, key, bitset, deadline);
        if (deadline >= 0) {
            current.setRestartKind(minikernel.kernel.arch.SignalDelivery.ERESTART_RESTARTBLOCK);
        }
        if (!current.kernel().scheduler().sleepAndRestart(current, "futex_wait", deadline)) {
            futex.dequeue(current);                 // a signal interrupts the wait instead
        }
        return 0;
    }

    /** futex_requeue(): CMP_REQUEUE first checks the word (EAGAIN); returns woken + requeued. */
    private static long requeue(Task current, long uaddr, Object key, int wake, int requeue, long uaddr2,
                                boolean privateFlag, boolean compare, int val3) {
        if (wake < 0 || requeue < 0) {
            return Errno.EINVAL.negative();
        }
        if ((uaddr2 & 3) != 0) {
            return Errno.EINVAL.negative();
        }
        if (compare) {
            long word = current.kernel().userAccess().getUser32(current.mm(), uaddr);
            if (word == Long.MIN_VALUE) {
                return Errno.EFAULT.negative();
            }
            if ((int) word != val3) {
                return Errno.EAGAIN.negative();
            }
        }
        int[] r = current.kernel().futex().requeue(key, Futex.key(current.mm(), uaddr2, privateFlag), wake, requeue);
        return r[0] + r[1];
    }

    /**
     * futex_wake_op(): atomically *uaddr2 = oldval OP oparg, wake up to {@code wake} on uaddr, and
     * if (oldval CMP cmparg) also up to {@code wake2} on uaddr2. Returns how many were woken.
     */
    private static long wakeOp(Task current, Object key, int wake, int wake2, long uaddr2, boolean privateFlag,
                               int encoded) {
        if ((uaddr2 & 3) != 0) {
            return Errno.EINVAL.negative();
        }
        int op = encoded >>> 28 & 7, cmp = encoded >>> 24 & 15;
        int oparg = encoded << 8 >> 20, cmparg = encoded << 20 >> 20;
        if ((encoded >>> 31 & 1) != 0) {       // FUTEX_OP_OPARG_SHIFT
            if (oparg < 0 || oparg > 31) {
                return Errno.EINVAL.negative();
            }
            oparg = 1 << oparg;
        }
        UserAccess ua = current.kernel().userAccess();
        long old = ua.getUser32(current.mm(), uaddr2);
        if (old == Long.MIN_VALUE) {
            return Errno.EFAULT.negative();
        }
        int oldval = (int) old;
        int newval = switch (op) {
            case 0 -> oparg;
            case 1 -> oldval + oparg;
            case 2 -> oldval | oparg;
            case 3 -> oldval & ~oparg;
            case 4 -> oldval ^ oparg;
            default -> Integer.MIN_VALUE;
        };
        if (op > 4) {
            return Errno.ENOSYS.negative();
        }
        if (!ua.putUser32(current.mm(), uaddr2, newval)) {
            return Errno.EFAULT.negative();
        }
        Futex futex = current.kernel().futex();
        int woken = futex.wake(key, wake, -1);
        boolean take = switch (cmp) {
            case 0 -> oldval == cmparg;
            case 1 -> oldval != cmparg;
            case 2 -> oldval < cmparg;
            case 3 -> oldval <= cmparg;
            case 4 -> oldval > cmparg;
            case 5 -> oldval >= cmparg;
            default -> false;
        };
        if (cmp > 5) {
            return Errno.ENOSYS.negative();
        }
        if (take) {
            woken += futex.wake(Futex.key(current.mm(), uaddr2, privateFlag), wake2, -1);
        }
        return woken;
    }
}
