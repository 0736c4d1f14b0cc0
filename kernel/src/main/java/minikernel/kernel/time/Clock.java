package minikernel.kernel.time;

import java.time.Instant;
import minikernel.cpu.Quantum;

/**
 * The kernel's clock. By default time is virtual: it advances with the work the guests do
 * (translated blocks started, system calls made) and jumps forward when every task sleeps, so a run
 * is exactly reproducible and a sleeping program never waits for real. {@code --clock=host} gives
 * guests the host's clocks instead, for benchmarks that time themselves.
 */
public final class Clock {
    /** How the guests' clocks run. */
    public enum Mode { VIRTUAL, HOST }

    /** Virtual cost of one translated block (a few instructions) and of one system call. */
    public static final long NS_PER_BLOCK = 3;
    public static final long NS_PER_SYSCALL = 100;
    /** CLOCK_REALTIME at virtual boot: 2026-01-01T00:00:00Z, the same in every run. */
    public static final long VIRTUAL_EPOCH_SECONDS = 1_767_225_600L;

    private final Mode mode;
    private final Quantum quantum;
    private final long hostBoot = System.nanoTime();
    private long syscalls;
    private long idleNanos;

    public Clock(Mode mode, Quantum quantum) {
        this.mode = mode;
        this.quantum = quantum;
    }

    public Mode mode() {
        return mode;
    }

    /** Counts one system call (each one costs a little virtual time, so polling loops progress). */
    public void syscall() {
        syscalls++;
    }

    /** CLOCK_MONOTONIC in nanoseconds since boot. */
    public long monotonicNanos() {
        if (mode == Mode.HOST) {
            return System.nanoTime() - hostBoot;
        }
        return quantum.blocks() * NS_PER_BLOCK + syscalls * NS_PER_SYSCALL + idleNanos;
    }

    /** Time the virtual clock jumped ahead while every task slept: the CPU's idle time (/proc/stat). */
    public long idleNanos() {
        return idleNanos;
    }

    /** CLOCK_REALTIME in nanoseconds since the epoch. */
    public long realtimeNanos() {
        if (mode == Mode.HOST) {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }
        return VIRTUAL_EPOCH_SECONDS * 1_000_000_000L + monotonicNanos();
    }

    /**
     * Every task sleeps until {@code deadline} (monotonic): jump the virtual clock there, as a
     * tickless idle CPU would wake at its next timer. With the host clock, wait for real.
     */
    public void idleUntil(long deadline) {
        long now = monotonicNanos();
        if (deadline <= now) {
            return;
        }
        if (mode == Mode.VIRTUAL) {
            idleNanos += deadline - now;
        } else {
            try {
                Thread.sleep((deadline - now) / 1_000_000, (int) ((deadline - now) % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** CPU time of work measured in blocks, for CLOCK_*_CPUTIME_ID under the virtual clock. */
    public static long cpuNanos(long blocks) {
        return blocks * NS_PER_BLOCK;
    }
}
