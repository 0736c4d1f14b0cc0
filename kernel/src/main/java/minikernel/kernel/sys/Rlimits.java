package minikernel.kernel.sys;

/**
 * A process's resource limits (signal_struct->rlim): soft and hard value per resource, with Linux's
 * defaults for an ordinary user process. RLIMIT_STACK bounds stack growth; the others are kept and
 * reported, not enforced yet.
 */
public final class Rlimits {
    public static final int RLIMIT_CPU = 0, RLIMIT_FSIZE = 1, RLIMIT_DATA = 2, RLIMIT_STACK = 3,
            RLIMIT_CORE = 4, RLIMIT_RSS = 5, RLIMIT_NPROC = 6, RLIMIT_NOFILE = 7, RLIMIT_MEMLOCK = 8,
            RLIMIT_AS = 9, RLIMIT_LOCKS = 10, RLIMIT_SIGPENDING = 11, RLIMIT_MSGQUEUE = 12, RLIMIT_NICE = 13,
            RLIMIT_RTPRIO = 14, RLIMIT_RTTIME = 15, RLIM_NLIMITS = 16;
    /** RLIM64_INFINITY. */
    public static final long INFINITY = -1L;

    private final long[] cur = new long[RLIM_NLIMITS];
    private final long[] max = new long[RLIM_NLIMITS];

    public Rlimits() {
        java.util.Arrays.fill(cur, INFINITY);
        java.util.Arrays.fill(max, INFINITY);
        set(RLIMIT_STACK, 8L << 20, INFINITY);
        set(RLIMIT_CORE, 0, INFINITY);
        set(RLIMIT_NPROC, 32768, 32768);
        set(RLIMIT_NOFILE, 1024, 1024);
        set(RLIMIT_MEMLOCK, 8L << 20, 8L << 20);
        set(RLIMIT_SIGPENDING, 32768, 32768);
        set(RLIMIT_MSGQUEUE, 819200, 819200);
        set(RLIMIT_NICE, 0, 0);
        set(RLIMIT_RTPRIO, 0, 0);
    }

    /** A copy for a new process (fork copies signal_struct's limits). */
    public Rlimits copy() {
        Rlimits r = new Rlimits();
        System.arraycopy(cur, 0, r.cur, 0, RLIM_NLIMITS);
        System.arraycopy(max, 0, r.max, 0, RLIM_NLIMITS);
        return r;
    }

    public long cur(int resource) {
        return cur[resource];
    }

    public long max(int resource) {
        return max[resource];
    }

    public void set(int resource, long soft, long hard) {
        cur[resource] = soft;
        max[resource] = hard;
    }

    /** Unsigned comparison, with INFINITY (all ones) the largest value. */
    public static boolean above(long a, long b) {
        return Long.compareUnsigned(a, b) > 0;
    }
}
