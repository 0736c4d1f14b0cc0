package minikernel.kernel.sched;

import java.util.BitSet;

/**
 * Process ids as Linux's alloc_pid() hands them out (kernel/pid.c): the next free number after
 * the last one given, up to pid_max - 1, then wrapping around to RESERVED_PIDS (300), so low
 * numbers stay with early system tasks and a freed pid is reused only after a full cycle.
 */
public final class PidAllocator {
    /** /proc/sys/kernel/pid_max default on 32-bit-sized systems. */
    public static final int PID_MAX_DEFAULT = 32768;
    /** Pids below this are not reused after a wrap (include/linux/pid.h RESERVED_PIDS). */
    public static final int RESERVED_PIDS = 300;

    private final int pidMax;
    private final BitSet used = new BitSet();
    private int last;

    public PidAllocator(int pidMax) {
        if (pidMax < RESERVED_PIDS + 2) {
            throw new IllegalArgumentException("pid_max " + pidMax + " is below " + (RESERVED_PIDS + 2));
        }
        this.pidMax = pidMax;
    }

    /** The next pid, or -1 if all are taken (fork fails with EAGAIN). */
    public int alloc() {
        int pid = used.nextClearBit(last + 1);
        if (pid >= pidMax) {
            pid = used.nextClearBit(last == 0 ? 1 : RESERVED_PIDS);
            if (pid >= pidMax) {
                return -1;
            }
        }
        used.set(pid);
        last = pid;
        return pid;
    }

    public void free(int pid) {
        if (!used.get(pid)) {
            throw new IllegalStateException("free_pid of unused pid " + pid);
        }
        used.clear(pid);
    }

    /** The pid handed out last (/proc/loadavg's last field). */
    public int last() {
        return last;
    }

    public int inUse() {
        return used.cardinality();
    }

    public int pidMax() {
        return pidMax;
    }
}
