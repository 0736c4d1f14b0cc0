package minikernel.kernel.sys;

import minikernel.kernel.Kernel;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;
import minikernel.kernel.time.Clock;

/**
 * sysinfo(2) and times(2): the machine and the process as the kernel counts them. Times are
 * virtual (blocks run, the kernel's clock), so they are the same on every run of a seed.
 */
public final class SysInfo {
    /** USER_HZ: the unit of clock_t in times(2) and /proc. */
    public static final long USER_HZ = 100;

    private SysInfo() {
    }

    /**
     * sysinfo(2): the 64-byte i386 struct sysinfo: uptime, load averages (0: no load is tracked),
     * total and free RAM in units of mem_unit bytes (1, or a power of two that makes them fit 32
     * bits), no swap or high memory, and the number of tasks.
     */
    public static long sysinfo(Task current, long info) {
        Kernel k = current.kernel();
        long total = k.ram().size(), free = (long) k.frames().freeFrames() * 4096;
        int unit = 1;
        while (total / unit > 0xffffffffL) {
            unit <<= 1;        // as si_meminfo's callers do: scale so the counts fit an unsigned long
        }
        long procs = k.scheduler().tasks().stream().filter(t -> !t.isKernelThread()).count();
        long uptime = k.clock().monotonicNanos() / 1_000_000_000L;
        long[] w = new long[16];
        w[0] = uptime;
        // w[1..3] loads, w[6..7] shared and buffer RAM, w[8..9] swap, w[11..12] high memory: all 0
        w[4] = total / unit;
        w[5] = free / unit;
        w[10] = Math.min(procs, 0xffff);         // unsigned short procs, then 16 bits of padding
        w[13] = unit;
        return k.userAccess().putUser32s(current.mm(), info, w) ? 0 : Errno.EFAULT.negative();
    }

    /**
     * times(2): the process's user time and its waited-for children's, in clock ticks; system
     * time is 0 (the kernel runs outside the guest's clock). Returns the ticks since boot.
     */
    public static long times(Task current, long buf) {
        long ticksPerNs = 1_000_000_000L / USER_HZ;
        if (buf != 0) {
            long user = Clock.cpuNanos(groupBlocks(current)) / ticksPerNs;
            long cuser = Clock.cpuNanos(current.signal().cutimeBlocks()) / ticksPerNs;
            if (!current.kernel().userAccess().putUser32s(current.mm(), buf, user, 0, cuser, 0)) {
                return Errno.EFAULT.negative();
            }
        }
        return (current.kernel().clock().monotonicNanos() / ticksPerNs) & 0xffffffffL;
    }

    /** The blocks run by the threads of the group still listed (a released thread's time is not kept). */
    static long groupBlocks(Task current) {
        long blocks = 0;
        for (Task t : current.kernel().scheduler().tasks()) {
            if (t.tgid() == current.tgid()) {
                blocks += t.blocksRun();
            }
        }
        return blocks;
    }
}
