package minikernel.cpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import minikernel.cpu.unicorn.UcConst;
import minikernel.cpu.unicorn.Unicorn;

/**
 * The debugger's hook: mk_code_hook (hooks.c) over every address, counting instructions and
 * calling {@link Console#stop} before an instruction the debugger wants to stop at. The console
 * runs inside the hook, with the engine paused mid-block, and returns to let the guest go on: no
 * stop, no translation flush, so a debugged run keeps the block structure, and so the schedule, of
 * an undebugged one. Installed by {@link Cpu#installDebugHook} before the guest's first
 * instruction; a run without the debugger never pays for it.
 */
public final class DebugHook {
    /** Why the hook called the console (bits of its reason). */
    public static final int STEP = 1, REQUEST = 2, BREAK = 4, WATCH = 8, READ = 16;
    /** Breakpoint addresses the C hook checks itself; more would need a set, not a scan. */
    public static final int MAX_BREAKS = 64;
    /** Watched ranges, each at most {@link #MAX_WATCH_LENGTH} bytes within one page. */
    public static final int MAX_WATCHES = 4, MAX_WATCH_LENGTH = 16;

    private static final long INSNS = 0, STOP_AT = 8, STOP_REQUEST = 16, NBREAK = 20, BREAKS = 24,
            HANDLER = BREAKS + 4L * MAX_BREAKS, NWATCH = HANDLER + 8, QUIET = NWATCH + 4, WATCHES = NWATCH + 8,
            WATCH_SIZE = 32, QUANTUM = WATCHES + WATCH_SIZE * MAX_WATCHES, NRWATCH = QUANTUM + 8,
            READ_HIT = NRWATCH + 4, RW_START = READ_HIT + 4, RW_END = RW_START + 4L * MAX_WATCHES,
            READ_ADDRESS = RW_END + 4L * MAX_WATCHES, SIZE = READ_ADDRESS + 8;

    /** What runs when the hook stops: the console, given the instruction's address and the reason bits. */
    public interface Console {
        void stop(long address, int reason);
    }

    private final MemorySegment state;
    private final PhysicalMemory ram;

    DebugHook(Unicorn engine, Arena arena, PhysicalMemory ram, Quantum quantum, Console console) {
        this.ram = ram;
        state = arena.allocate(SIZE, 8);
        state.set(ValueLayout.ADDRESS, QUANTUM, quantum.deferStopsToCodeHook());
        state.set(ValueLayout.JAVA_LONG, STOP_AT, -1);
        state.set(ValueLayout.ADDRESS, HANDLER,
                engine.debugEntryStub((address, reason) -> console.stop(address & 0xffffffffL, reason)));
        MemorySegment hook = NativeLibraries.hooks().find("mk_code_hook")
                .orElseThrow(() -> new IllegalStateException("libminikernel-hooks.so has no mk_code_hook:"
                        + " rebuild it (scripts/setup-native.sh)"));
        engine.hookNative(UcConst.UC_HOOK_CODE, hook, state);
        MemorySegment read = NativeLibraries.hooks().find("mk_read_hook")
                .orElseThrow(() -> new IllegalStateException("libminikernel-hooks.so has no mk_read_hook"));
        engine.hookNative(UcConst.UC_HOOK_MEM_READ, read, state);
    }

    /** The physical ranges a read of which stops the guest (rwatch), replacing the previous ones. */
    public void setReadWatches(long[] physical, int[] lengths) {
        if (physical.length > MAX_WATCHES) {
            throw new IllegalArgumentException("at most " + MAX_WATCHES + " read watchpoints");
        }
        for (int i = 0; i < physical.length; i++) {
            state.set(ValueLayout.JAVA_INT, RW_START + 4L * i, (int) physical[i]);
            state.set(ValueLayout.JAVA_INT, RW_END + 4L * i, (int) (physical[i] + lengths[i]));
        }
        state.set(ValueLayout.JAVA_INT, NRWATCH, physical.length);
    }

    /** The physical address the last watched read started at (with {@link #READ} in a stop's reason). */
    public long readAddress() {
        return state.get(ValueLayout.JAVA_INT, READ_ADDRESS) & 0xffffffffL;
    }

    /** Instructions started since the hook was installed (a faulting instruction counts each try). */
    public long instructions() {
        return state.get(ValueLayout.JAVA_LONG, INSNS);
    }

    /** While the CPU replays a faulting instruction to find its address, the hook calls no one. */
    void setQuiet(boolean quiet) {
        state.set(ValueLayout.JAVA_INT, QUIET, quiet ? 1 : 0);
    }

    /**
     * Stop when the count reaches {@code n} (the next instruction: {@code instructions() + 1}), or at
     * the first instruction after it if a fault's replay used that count; -1 never.
     */
    public void stopAt(long n) {
        state.set(ValueLayout.JAVA_LONG, STOP_AT, n);
    }

    /** From any thread (Ctrl-C): stop before the next instruction. */
    public void requestStop() {
        VarHandle.fullFence();
        state.set(ValueLayout.JAVA_INT, STOP_REQUEST, 1);
        VarHandle.fullFence();
    }

    /**
     * The physical ranges the hook compares before every instruction, replacing the previous ones;
     * each range's current bytes become its "old" value. The caller re-resolves them when a
     * mapping changes (a copy on write gives the page a new frame).
     */
    public void setWatches(long[] physical, int[] lengths) {
        if (physical.length > MAX_WATCHES) {
            throw new IllegalArgumentException("at most " + MAX_WATCHES + " watchpoints");
        }
        for (int i = 0; i < physical.length; i++) {
            int len = lengths[i];
            if (len < 1 || len > MAX_WATCH_LENGTH || (physical[i] & 0xfff) + len > PhysicalMemory.PAGE_SIZE) {
                throw new IllegalArgumentException("a watched range is 1 to 16 bytes within one page");
            }
            long w = WATCHES + WATCH_SIZE * (long) i;
            state.set(ValueLayout.ADDRESS, w, ram.segment().asSlice(physical[i], len));
            state.set(ValueLayout.JAVA_INT, w + 8, len);
            MemorySegment.copy(ram.segment(), physical[i], state, w + 16, len);
        }
        state.set(ValueLayout.JAVA_INT, NWATCH, physical.length);
    }

    /** The breakpoint addresses the hook stops at, replacing the previous ones. */
    public void setBreakpoints(long[] addresses) {
        if (addresses.length > MAX_BREAKS) {
            throw new IllegalArgumentException("at most " + MAX_BREAKS + " breakpoints");
        }
        for (int i = 0; i < addresses.length; i++) {
            state.set(ValueLayout.JAVA_INT, BREAKS + 4L * i, (int) addresses[i]);
        }
        state.set(ValueLayout.JAVA_INT, NBREAK, addresses.length);
    }
}
