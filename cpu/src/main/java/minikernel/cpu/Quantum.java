package minikernel.cpu;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import minikernel.cpu.unicorn.UcConst;
import minikernel.cpu.unicorn.Unicorn;

/**
 * The timer: the C block hook of cpu/src/main/c/hooks.c and the struct it shares with Java
 * ({@code struct mk_quantum}). It counts translated blocks as they start, which drives both
 * preemption (stop when the running task's quantum is used up) and the virtual clock.
 */
public final class Quantum {
    private static final long LEFT = 0, BLOCKS = 8, STOP_REQUEST = 16, STOPPED = 20, EMU_STOP = 24, PREV_END = 32,
            DEFERRED = 40, PENDING = 44, SIZE = 48;
    private static final VarHandle STOP_FLAG = JAVA_INT.varHandle();

    /** Why the hook stopped the engine. */
    enum Stop { NONE, QUANTUM, REQUEST }

    private final MemorySegment shared;

    private final boolean ticking;

    /**
     * {@code ticking} false leaves the block hook out: no preemption and no block count, and guest
     * code runs ~1.6x faster (for single-task benchmarks; tasks then switch only when they block).
     */
    Quantum(Unicorn engine, Arena arena, boolean ticking) {
        this.ticking = ticking;
        shared = arena.allocate(SIZE, 8);
        shared.set(JAVA_LONG, LEFT, Long.MAX_VALUE);
        shared.set(ADDRESS, EMU_STOP, Unicorn.emuStopFunction());
        if (ticking) {
            MemorySegment hook = minikernel.cpu.NativeLibraries.hooks().find("mk_block_hook")
                    .orElseThrow(() -> new IllegalStateException("libminikernel-hooks.so has no mk_block_hook"));
            engine.hookNative(UcConst.UC_HOOK_BLOCK, hook, shared);
        }
    }

    /** False when the timer is off (see the constructor). */
    public boolean ticking() {
        return ticking;
    }

    /** Gives the task about to run {@code blocks} translated blocks before the next tick. */
    public void set(long blocks) {
        shared.set(JAVA_LONG, LEFT, blocks);
        shared.set(JAVA_INT, STOPPED, 0);
    }

    /** The engine starts anew: its first block counts, whatever came before (see hooks.c). */
    void engineStarts() {
        shared.set(JAVA_LONG, PREV_END, 0);
        shared.set(JAVA_INT, PENDING, 0);
    }

    /** The debugger's code hook makes the stops the block hook decides (see hooks.c); its pointer to us. */
    MemorySegment deferStopsToCodeHook() {
        shared.set(JAVA_INT, DEFERRED, 1);
        return shared;
    }

    /** Blocks left in the current quantum. */
    public long left() {
        return shared.get(JAVA_LONG, LEFT);
    }

    /** Blocks started since power-on: the clock that virtual time is derived from. */
    public long blocks() {
        return shared.get(JAVA_LONG, BLOCKS);
    }

    /** Safe from any thread: the hook stops the engine at the next block start. */
    public void requestStop() {
        STOP_FLAG.setVolatile(shared, STOP_REQUEST, 1);
    }

    public void clearStopRequest() {
        STOP_FLAG.setVolatile(shared, STOP_REQUEST, 0);
    }

    Stop stopped() {
        return switch (shared.get(JAVA_INT, STOPPED)) {
            case 1 -> Stop.QUANTUM;
            case 2 -> Stop.REQUEST;
            default -> Stop.NONE;
        };
    }
}
