package minikernel.kernel;

import java.io.PrintStream;
import minikernel.kernel.fs.HostRootFs;
import minikernel.kernel.fs.RootFs;
import minikernel.kernel.time.Clock;

/**
 * How a kernel is set up for one run: what the command line chose.
 *
 * @param memoryBytes   physical RAM (default 256 MiB)
 * @param quantumBlocks translated blocks a task runs before the scheduler tick preempts it; 0 turns
 *                      the tick off (tasks switch only when they block or exit; guest code runs faster)
 * @param seed          0 for fixed quanta; any other value perturbs them, reproducibly
 * @param clock         virtual (reproducible) or host time
 * @param trace         strace-style lines for every system call, or null
 * @param uid           the user the guest runs as (the host's user under {@code run}, root at boot)
 * @param gid           its group
 * @param console       the host descriptors behind the guest's console (its fd 0, 1, 2)
 * @param rootFs        the files the tasks see (the host's under {@code run}, the image at boot)
 * @param cwd           the first task's working directory
 * @param pidMax        /proc/sys/kernel/pid_max: pids are below it (default 32768)
 * @param budget        blocks of guest code after which the machine stops (0: no limit)
 */
public record KernelConfig(long memoryBytes, long quantumBlocks, long seed, Clock.Mode clock, PrintStream trace,
                           int uid, int gid, int[] console, RootFs rootFs, String cwd, int pidMax, long budget) {
    public static final long DEFAULT_MEMORY = 256L << 20;
    public static final long DEFAULT_QUANTUM = 50_000;

    public static KernelConfig defaults() {
        return new KernelConfig(DEFAULT_MEMORY, DEFAULT_QUANTUM, 0, Clock.Mode.VIRTUAL, null, 0, 0, new int[]{0, 1, 2},
                new HostRootFs(java.nio.file.Path.of("/")), System.getProperty("user.dir"), 32768, 0);
    }

    public KernelConfig withTrace(PrintStream out) {
        return new KernelConfig(memoryBytes, quantumBlocks, seed, clock, out, uid, gid, console, rootFs, cwd, pidMax, budget);
    }

    public KernelConfig withSeed(long newSeed) {
        return new KernelConfig(memoryBytes, quantumBlocks, newSeed, clock, trace, uid, gid, console, rootFs, cwd, pidMax, budget);
    }

    public KernelConfig withMemory(long bytes) {
        return new KernelConfig(bytes, quantumBlocks, seed, clock, trace, uid, gid, console, rootFs, cwd, pidMax, budget);
    }

    public KernelConfig withClock(Clock.Mode mode) {
        return new KernelConfig(memoryBytes, quantumBlocks, seed, mode, trace, uid, gid, console, rootFs, cwd, pidMax, budget);
    }

    /** The guest's console on other host descriptors (tests capture a guest's output this way). */
    public KernelConfig withConsole(int stdin, int stdout, int stderr) {
        return new KernelConfig(memoryBytes, quantumBlocks, seed, clock, trace, uid, gid, new int[]{stdin, stdout, stderr}, rootFs, cwd, pidMax, budget);
    }

    public KernelConfig withQuantum(long blocks) {
        return new KernelConfig(memoryBytes, blocks, seed, clock, trace, uid, gid, console, rootFs, cwd, pidMax, budget);
    }

    /** The files the tasks see, and where the first one starts. */
    public KernelConfig withRoot(RootFs newRoot, String newCwd) {
        return new KernelConfig(memoryBytes, quantumBlocks, seed, clock, trace, uid, gid, console, newRoot, newCwd, pidMax, budget);
    }

    /**
     * Stop the whole machine once {@code blocks} blocks of guest code (the clock's unit: runs of code
     * entered by a jump, call or return) have started, the deterministic stand-in for a wall-clock
     * timeout; 0 for none. Checked when a task's turn on the CPU ends, so it overshoots by at
     * most a quantum, the same in every run.
     */
    public KernelConfig withBudget(long blocks) {
        return new KernelConfig(memoryBytes, quantumBlocks, seed, clock, trace, uid, gid, console, rootFs, cwd, pidMax,
                blocks);
    }

    public KernelConfig withPidMax(int max) {
        return new KernelConfig(memoryBytes, quantumBlocks, seed, clock, trace, uid, gid, console, rootFs, cwd, max, budget);
    }

    public KernelConfig withUser(int newUid, int newGid) {
        return new KernelConfig(memoryBytes, quantumBlocks, seed, clock, trace, newUid, newGid, console, rootFs, cwd, pidMax, budget);
    }
}
