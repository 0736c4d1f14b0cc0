package minikernel.kernel.time;

import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * The clock and sleep system calls of kernel/time/: clock_gettime and clock_getres (32-bit and
 * time64 forms), gettimeofday, time, nanosleep and clock_nanosleep. All read the kernel's
 * {@link Clock}, virtual by default.
 */
public final class Time {
    private static final int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2,
            CLOCK_THREAD_CPUTIME_ID = 3, CLOCK_MONOTONIC_RAW = 4, CLOCK_REALTIME_COARSE = 5,
            CLOCK_MONOTONIC_COARSE = 6, CLOCK_BOOTTIME = 7, CLOCK_REALTIME_ALARM = 8, CLOCK_BOOTTIME_ALARM = 9,
            CLOCK_TAI = 11;
    private static final int TIMER_ABSTIME = 1;
    private static final long NSEC_PER_SEC = 1_000_000_000L;
    /** The coarse clocks tick at HZ = 250. */
    private static final long COARSE_RESOLUTION = 4_000_000L;

    private Time() {
    }

    /** The value of a clock in nanoseconds, or -1 for an invalid clock id. */
    private static long read(Task current, int clock) {
        Clock c = current.kernel().clock();
        return switch (clock) {
            case CLOCK_REALTIME, CLOCK_REALTIME_COARSE, CLOCK_REALTIME_ALARM, CLOCK_TAI -> c.realtimeNanos();
            case CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME,
                 CLOCK_BOOTTIME_ALARM -> c.monotonicNanos();
            case CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID -> cpuTime(current);
            default -> -1;
        };
    }

    private static long cpuTime(Task current) {
        if (current.kernel().clock().mode() == Clock.Mode.HOST) {
            return current.kernel().clock().monotonicNanos();
        }
        return Clock.cpuNanos(current.blocksRun());
    }

    public static long clockGettime(Task current, long clock, long tp) {
        return gettime(current, clock, tp, false);
    }

    public static long clockGettime64(Task current, long clock, long tp) {
        return gettime(current, clock, tp, true);
    }

    private static long gettime(Task current, long clock, long tp, boolean time64) {
        long ns = read(current, (int) clock);
        if (ns < 0) {
            return Errno.EINVAL.negative();
        }
        return putTimespec(current, tp, ns, time64) ? 0 : Errno.EFAULT.negative();
    }

    public static long clockGetres(Task current, long clock, long tp) {
        return getres(current, clock, tp, false);
    }

    public static long clockGetresTime64(Task current, long clock, long tp) {
        return getres(current, clock, tp, true);
    }

    private static long getres(Task current, long clock, long tp, boolean time64) {
        if (read(current, (int) clock) < 0) {
            return Errno.EINVAL.negative();
        }
        int c = (int) clock;
        long res = c == CLOCK_REALTIME_COARSE || c == CLOCK_MONOTONIC_COARSE ? COARSE_RESOLUTION : 1;
        if (tp == 0) {
            return 0;
        }
        return putTimespec(current, tp, res, time64) ? 0 : Errno.EFAULT.negative();
    }

    /** gettimeofday(2): a 32-bit timeval; the timezone, if asked for, is UTC. */
    public static long gettimeofday(Task current, long tv, long tz) {
        UserAccess ua = current.kernel().userAccess();
        long ns = current.kernel().clock().realtimeNanos();
        if (tv != 0 && !ua.putUser32s(current.mm(), tv, ns / NSEC_PER_SEC, ns % NSEC_PER_SEC / 1000)) {
            return Errno.EFAULT.negative();
        }
        if (tz != 0 && !ua.putUser32s(current.mm(), tz, 0, 0)) {
            return Errno.EFAULT.negative();
        }
        return 0;
    }

    /** time(2): seconds since the epoch, also stored at tloc if given. */
    public static long time(Task current, long tloc) {
        long seconds = current.kernel().clock().realtimeNanos() / NSEC_PER_SEC;
        if (tloc != 0 && !current.kernel().userAccess().putUser32(current.mm(), tloc, seconds)) {
            return Errno.EFAULT.negative();
        }
        return seconds & 0xffffffffL;
    }

    /** nanosleep(2) with a 32-bit timespec: sleeps on the kernel clock (virtual: no real wait). */
    public static long nanosleep(Task current, long req, long rem) {
        return sleep(current, CLOCK_MONOTONIC, 0, req, rem, false);
    }

    public static long clockNanosleep(Task current, long clock, long flags, long req, long rem) {
        return sleep(current, (int) clock, (int) flags, req, rem, false);
    }

    public static long clockNanosleepTime64(Task current, long clock, long flags, long req, long rem) {
        return sleep(current, (int) clock, (int) flags, req, rem, true);
    }

    /**
     * hrtimer_nanosleep(): sleeps to a deadline fixed at the first try (kept in the task while the
     * call sleeps and runs again). A signal interrupts it with -ERESTART_RESTARTBLOCK: EINTR and
     * the time left in {@code rem} if a handler runs, else it sleeps on to the same deadline.
     */
    private static long sleep(Task current, int clock, int flags, long req, long rem, boolean time64) {
        Clock c = current.kernel().clock();
        Long kept = current.syscallStart();
        if (kept != null) {
            return sleepUntil(current, kept, flags, rem, time64);
        }
        if (clock == CLOCK_THREAD_CPUTIME_ID) {
            return Errno.EINVAL.negative();
        }
        if (read(current, clock) < 0 || clock == CLOCK_PROCESS_CPUTIME_ID) {
            return clock == CLOCK_PROCESS_CPUTIME_ID ? Errno.EOPNOTSUPP.negative() : Errno.EINVAL.negative();
        }
        long[] ts = getTimespec(current, req, time64);
        if (ts == null) {
            return Errno.EFAULT.negative();
        }
        if (ts[0] < 0 || ts[1] < 0 || ts[1] >= NSEC_PER_SEC) {
            return Errno.EINVAL.negative();
        }
        long duration = Math.multiplyHigh(ts[0], NSEC_PER_SEC) != 0 ? Long.MAX_VALUE / 2
                : ts[0] * NSEC_PER_SEC + ts[1];
        long now = c.monotonicNanos();
        long deadline;
        if ((flags & TIMER_ABSTIME) != 0) {
            // An absolute time on this clock, converted to the monotonic timeline the timers use.
            deadline = now + (duration - read(current, clock));
        } else {
            deadline = now + duration;
        }
        return sleepUntil(current, deadline, flags, rem, time64);
    }

    private static long sleepUntil(Task current, long deadline, int flags, long rem, boolean time64) {
        long now = current.kernel().clock().monotonicNanos();
        if (deadline <= now) {
            current.setSyscallStart(null);
            return 0;
        }
        current.setSyscallStart(deadline);
        current.setRestartKind(minikernel.kernel.arch.SignalDelivery.ERESTART_RESTARTBLOCK);
        if (!current.kernel().scheduler().sleepAndRestart(current, "nanosleep", deadline)
                && (flags & TIMER_ABSTIME) == 0 && rem != 0 && !putTimespec(current, rem, deadline - now, time64)) {
            current.setSyscallStart(null);
            return Errno.EFAULT.negative();
        }
        return 0;
    }

    private static boolean putTimespec(Task current, long tp, long ns, boolean time64) {
        UserAccess ua = current.kernel().userAccess();
        long sec = ns / NSEC_PER_SEC, nsec = ns % NSEC_PER_SEC;
        return time64 ? ua.putUser32s(current.mm(), tp, sec, sec >>> 32, nsec, 0)
                : ua.putUser32s(current.mm(), tp, sec, nsec);
    }

    /**
     * get_timespec64() / get_old_timespec32(): {seconds, nanoseconds} from a struct timespec in
     * user memory (64-bit fields for the *_time64 calls, 32-bit ones otherwise), or null on a bad
     * pointer.
     */
    public static long[] getTimespec(Task current, long tp, boolean time64) {
        UserAccess ua = current.kernel().userAccess();
        if (time64) {
            byte[] b = new byte[16];
            if (!ua.copyFromUser(current.mm(), tp, b, 0, 16)) {
                return null;
            }
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            return new long[]{bb.getLong(0), bb.getLong(8)};
        }
        long sec = ua.getUser32(current.mm(), tp), nsec = ua.getUser32(current.mm(), tp + 4);
        if (sec == Long.MIN_VALUE || nsec == Long.MIN_VALUE) {
            return null;
        }
        return new long[]{(int) sec, (int) nsec};
    }
}
