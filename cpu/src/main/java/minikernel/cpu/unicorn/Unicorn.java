package minikernel.cpu.unicorn;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static minikernel.cpu.unicorn.UcConst.CS;
import static minikernel.cpu.unicorn.UcConst.DS;
import static minikernel.cpu.unicorn.UcConst.ES;
import static minikernel.cpu.unicorn.UcConst.FS;
import static minikernel.cpu.unicorn.UcConst.GS;
import static minikernel.cpu.unicorn.UcConst.SS;
import static minikernel.cpu.unicorn.UcConst.UC_HOOK_INSN;
import static minikernel.cpu.unicorn.UcConst.UC_HOOK_INTR;
import static minikernel.cpu.unicorn.UcConst.UC_HOOK_TLB_FILL;
import static minikernel.cpu.unicorn.UcConst.UC_X86_INS_IN;
import static minikernel.cpu.unicorn.UcConst.UC_X86_INS_OUT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * One Unicorn engine (a {@code uc_engine*}) through java.lang.foreign. A thin layer: each method is
 * one C call; the CPU model built on it is {@link minikernel.cpu.Cpu}.
 *
 * <p>Two rules from the measurements in DESIGN.md shape it. Calls that can run the TLB-fill upcall
 * ({@code uc_emu_start}, segment/control register writes, {@code uc_ctl}, {@code uc_hook_del}) are
 * never {@code Linker.Option.critical}: the JVM aborts on an upcall inside a critical call. And
 * hook callbacks must never let an exception escape into C (that kills the JVM): every upcall
 * catches, records the first failure, and stops the engine.
 */
public final class Unicorn implements AutoCloseable {

    /** UC_HOOK_INTR: an interrupt or exception reached the CPU (intno = vector). */
    @FunctionalInterface
    public interface InterruptHook {
        void onInterrupt(int intno);
    }

    /**
     * UC_HOOK_TLB_FILL: translate {@code vaddr} (page) for an access of {@code type} (UC_MEM_READ,
     * UC_MEM_WRITE, UC_MEM_FETCH). Return the physical page address OR-ed with UC_PROT_* bits, or -1
     * to refuse (a page fault).
     */
    @FunctionalInterface
    public interface TlbFillHook {
        long fill(long vaddr, int type);
    }

    /**
     * The Java half of a native interrupt hook that has already read EAX (see hooks.c): returns the
     * value to write back to EAX, or {@link #NO_RESULT} to leave it.
     */
    @FunctionalInterface
    public interface InterruptEntry {
        long onInterrupt(int intno, int eax);
    }

    /** What an {@link InterruptEntry} returns to leave EAX alone. */
    public static final long NO_RESULT = Long.MIN_VALUE;

    /** UC_HOOK_MEM_*_UNMAPPED: return true if the access may be retried. */
    @FunctionalInterface
    public interface MemoryEventHook {
        boolean onEvent(int type, long address, int size, long value);
    }

    /** UC_HOOK_INSN for IN and OUT; returns the value an IN reads. */
    @FunctionalInterface
    public interface IoHook {
        int onIo(boolean out, int port, int size, int value);
    }

    private final Arena arena = Arena.ofShared();
    private final MemorySegment uc;
    private final MemorySegment scratch;
    private final MemorySegment batchIds;
    private final MemorySegment batchPtrs;
    private final MemorySegment batchVals;
    private Throwable hookFailure;
    private boolean closed;

    private Unicorn(MemorySegment uc) {
        this.uc = uc;
        scratch = arena.allocate(64, 16);
        batchIds = arena.allocate(4L * 16, 8);
        batchVals = arena.allocate(8L * 16, 8);
        batchPtrs = arena.allocate(8L * 16, 8);
        for (int i = 0; i < 16; i++) {
            batchPtrs.setAtIndex(ADDRESS, i, batchVals.asSlice(8L * i, 8));
        }
    }

    /** uc_open(UC_ARCH_X86, UC_MODE_32) after checking the library is 2.1 or newer. */
    public static Unicorn openX86_32() {
        UnicornVersion.require();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ADDRESS);
            check("uc_open", (int) Api.OPEN.invokeExact(UcConst.UC_ARCH_X86, UcConst.UC_MODE_32, out));
            return new Unicorn(out.get(ADDRESS, 0));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** uc_version(): major << 24 | minor << 16 | patch << 8 | extra. */
    public static int version() {
        try {
            return (int) Api.VERSION.invokeExact(MemorySegment.NULL, MemorySegment.NULL);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- controls ------------------------------------------------------------------------------

    /** uc_ctl with one int argument (CPU model, TLB type, TCG buffer size). */
    public void ctl(int request, int arg) {
        try {
            check("uc_ctl", (int) Api.CTL_INT.invokeExact(uc, request, arg));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** uc_ctl with no argument (TLB flush, TB flush). */
    public void ctl(int request) {
        try {
            check("uc_ctl", (int) Api.CTL_NONE.invokeExact(uc, request));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** uc_ctl with two uint64 arguments (remove the translation cache of [begin, end)). */
    public void ctl(int request, long a, long b) {
        try {
            check("uc_ctl", (int) Api.CTL_LONG2.invokeExact(uc, request, a, b));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** uc_mem_map_ptr: host memory {@code ram} becomes physical memory at {@code address}. */
    public void memMapPtr(long address, MemorySegment ram, int perms) {
        try {
            check("uc_mem_map_ptr", (int) Api.MEM_MAP_PTR.invokeExact(uc, address, ram.byteSize(), perms, ram));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- registers -----------------------------------------------------------------------------

    /** Reads a 32-bit register (or a 16-bit selector) as an unsigned value. */
    public long reg(int id) {
        try {
            scratch.set(JAVA_LONG, 0, 0L);
            int err = (int) Api.REG_READ.invokeExact(uc, id, scratch);
            if (err != 0) {
                throw new UnicornException("uc_reg_read(" + id + ")", err);
            }
            return scratch.get(JAVA_LONG, 0) & 0xffffffffL;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Writes a register. Segment and control registers go through the non-critical call. */
    public void reg(int id, long value) {
        try {
            scratch.set(JAVA_LONG, 0, value);
            int err = mayCallBack(id) ? (int) Api.REG_WRITE_SLOW.invokeExact(uc, id, scratch)
                    : (int) Api.REG_WRITE.invokeExact(uc, id, scratch);
            if (err != 0) {
                throw new UnicornException("uc_reg_write(" + id + ")", err);
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Reads a register wider than 32 bits into {@code out} (at most 64 bytes): the x87 registers
     * (10 bytes: 64-bit mantissa, 16-bit sign and exponent), XMM registers (16 bytes).
     */
    public void regBytes(int id, byte[] out) {
        try {
            scratch.fill((byte) 0);
            check("uc_reg_read", (int) Api.REG_READ.invokeExact(uc, id, scratch));
            MemorySegment.copy(scratch, JAVA_BYTE, 0, out, 0, out.length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Writes a register wider than 32 bits from {@code value} (the layout {@link #regBytes} reads). */
    public void regBytes(int id, byte[] value, boolean write) {
        try {
            scratch.fill((byte) 0);
            MemorySegment.copy(value, 0, scratch, JAVA_BYTE, 0, value.length);
            check("uc_reg_write", (int) Api.REG_WRITE.invokeExact(uc, id, scratch));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** A segment or control register write may load a descriptor through the TLB-fill hook. */
    private static boolean mayCallBack(int id) {
        return id == CS || id == DS || id == ES || id == FS || id == GS || id == SS
                || id == UcConst.CR0 || id == UcConst.CR3 || id == UcConst.CR4;
    }

    /** uc_reg_read_batch of up to 16 32-bit registers into {@code out}. */
    public void regsRead(int[] ids, int count, long[] out) {
        try {
            for (int i = 0; i < count; i++) {
                batchIds.setAtIndex(JAVA_INT, i, ids[i]);
                batchVals.setAtIndex(JAVA_LONG, i, 0L);
            }
            check("uc_reg_read_batch", (int) Api.REG_READ_BATCH.invokeExact(uc, batchIds, batchPtrs, count));
            for (int i = 0; i < count; i++) {
                out[i] = batchVals.getAtIndex(JAVA_LONG, i) & 0xffffffffL;
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** uc_reg_write_batch of general registers (never segment registers). */
    public void regsWrite(int[] ids, int count, long[] values) {
        try {
            for (int i = 0; i < count; i++) {
                batchIds.setAtIndex(JAVA_INT, i, ids[i]);
                batchVals.setAtIndex(JAVA_LONG, i, values[i]);
            }
            check("uc_reg_write_batch", (int) Api.REG_WRITE_BATCH.invokeExact(uc, batchIds, batchPtrs, count));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Writes GDTR, IDTR or TR (a uc_x86_mmr: selector u16 @0, base u64 @8, limit u32 @16, flags u32
     * @20, the flags in QEMU's segment-cache format).
     */
    public void tableRegister(int id, int selector, long base, int limit, int flags) {
        try {
            scratch.fill((byte) 0);
            scratch.set(JAVA_SHORT, 0, (short) selector);
            scratch.set(JAVA_LONG, 8, base);
            scratch.set(JAVA_INT, 16, limit);
            scratch.set(JAVA_INT, 20, flags);
            check("uc_reg_write(mmr)", (int) Api.REG_WRITE_SLOW.invokeExact(uc, id, scratch));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Reads GDTR, IDTR or TR: {selector, base, limit, flags}. */
    public long[] tableRegister(int id) {
        try {
            scratch.fill((byte) 0);
            check("uc_reg_read(mmr)", (int) Api.REG_READ.invokeExact(uc, id, scratch));
            return new long[]{scratch.get(JAVA_SHORT, 0) & 0xffff, scratch.get(JAVA_LONG, 8),
                scratch.get(JAVA_INT, 16) & 0xffffffffL, scratch.get(JAVA_INT, 20) & 0xffffffffL};
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- running -------------------------------------------------------------------------------

    /** uc_emu_start(begin, until = 0, no timeout, count = 0); returns the raw uc_err. */
    public int emuStart(long begin) {
        try {
            return (int) Api.EMU_START.invokeExact(uc, begin, 0L, 0L, 0L);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** uc_emu_start with an instruction count (single-stepping). */
    public int emuStart(long begin, long count) {
        try {
            return (int) Api.EMU_START.invokeExact(uc, begin, 0L, 0L, count);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** uc_emu_stop: only from the thread running the engine (inside a hook). */
    public void emuStop() {
        try {
            int ignored = (int) Api.EMU_STOP.invokeExact(uc);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The address of uc_emu_stop, for native hooks that stop the engine themselves. */
    public static MemorySegment emuStopFunction() {
        return Api.lookup("uc_emu_stop");
    }

    /** The first exception a hook callback threw since the last call, or null; clears it. */
    public Throwable takeHookFailure() {
        Throwable t = hookFailure;
        hookFailure = null;
        return t;
    }

    // ---- hooks ---------------------------------------------------------------------------------

    public void hookInterrupt(InterruptHook hook) {
        MethodHandle target = Upcalls.INTR.bindTo(new Upcalls.Intr(this, hook));
        addHook(UC_HOOK_INTR, Stubs.stub(target, Upcalls.INTR_FD, arena), MemorySegment.NULL, 1, 0);
    }

    public void hookTlbFill(TlbFillHook hook) {
        MethodHandle target = Upcalls.TLB.bindTo(new Upcalls.Tlb(this, hook));
        addHook(UC_HOOK_TLB_FILL, Stubs.stub(target, Upcalls.TLB_FD, arena), MemorySegment.NULL, 1, 0);
    }

    /** A memory-event hook (UC_HOOK_MEM_*_UNMAPPED and similar) over all addresses. */
    public void hookMemoryEvent(int type, MemoryEventHook hook) {
        MethodHandle target = Upcalls.EVENT.bindTo(new Upcalls.Event(this, hook));
        addHook(type, Stubs.stub(target, Upcalls.EVENT_FD, arena), MemorySegment.NULL, 1, 0);
    }

    /** IN and OUT instructions, which Unicorn never faults at CPL 3. */
    public void hookIo(IoHook hook) {
        Upcalls.Io io = new Upcalls.Io(this, hook);
        addInsnHook(Stubs.stub(Upcalls.IN.bindTo(io), Upcalls.IN_FD, arena), UC_X86_INS_IN);
        addInsnHook(Stubs.stub(Upcalls.OUT.bindTo(io), Upcalls.OUT_FD, arena), UC_X86_INS_OUT);
    }

    /** An upcall stub a native hook can call: {@code int64_t (*)(uint32_t intno, uint32_t eax)}. */
    public MemorySegment interruptEntryStub(InterruptEntry entry) {
        return Stubs.stub(Upcalls.ENTRY.bindTo(new Upcalls.Entry(this, entry)), Upcalls.ENTRY_FD, arena);
    }

    /** The debugger's upcall from the C code hook: {@code onStop(address, reason)}. */
    public interface DebugEntry {
        void onStop(int address, int reason);
    }

    /** An upcall stub for the C code hook: {@code int64_t (*)(uint32_t address, uint32_t reason)}. */
    public MemorySegment debugEntryStub(DebugEntry entry) {
        return Stubs.stub(Upcalls.DEBUG.bindTo(new Upcalls.Debug(this, entry)), Upcalls.ENTRY_FD, arena);
    }

    /** The address of a libunicorn function, for native code that calls the engine itself. */
    public static MemorySegment function(String name) {
        return Api.lookup(name);
    }

    /** A hook whose callback is native code (the C block counter); returns the uc_hook handle. */
    public long hookNative(int type, MemorySegment function, MemorySegment user) {
        return addHook(type, function, user, 1, 0);
    }

    private long addHook(int type, MemorySegment callback, MemorySegment user, long begin, long end) {
        try {
            MemorySegment handle = arena.allocate(JAVA_LONG);
            check("uc_hook_add", (int) Api.HOOK_ADD.invokeExact(uc, handle, type, callback, user, begin, end));
            return handle.get(JAVA_LONG, 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private void addInsnHook(MemorySegment callback, int instruction) {
        try {
            MemorySegment handle = arena.allocate(JAVA_LONG);
            check("uc_hook_add(insn)", (int) Api.HOOK_ADD_INSN.invokeExact(uc, handle, UC_HOOK_INSN, callback,
                    MemorySegment.NULL, 1L, 0L, instruction));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- contexts ------------------------------------------------------------------------------

    /** uc_context_alloc; free it with {@link #contextFree}. */
    public MemorySegment contextAlloc() {
        try {
            scratch.set(JAVA_LONG, 0, 0L);
            check("uc_context_alloc", (int) Api.CONTEXT_ALLOC.invokeExact(uc, scratch));
            return scratch.get(ADDRESS, 0).reinterpret(contextSize());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public long contextSize() {
        try {
            return (long) Api.CONTEXT_SIZE.invokeExact(uc);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public void contextSave(MemorySegment context) {
        try {
            check("uc_context_save", (int) Api.CONTEXT_SAVE.invokeExact(uc, context));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public void contextRestore(MemorySegment context) {
        try {
            check("uc_context_restore", (int) Api.CONTEXT_RESTORE.invokeExact(uc, context));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** uc_context_reg_read: a 32-bit register of a saved context, without loading it. */
    public long contextReg(MemorySegment context, int id) {
        try {
            scratch.set(JAVA_LONG, 0, 0L);
            check("uc_context_reg_read", (int) Api.CONTEXT_REG_READ.invokeExact(context, id, scratch));
            return scratch.get(JAVA_LONG, 0) & 0xffffffffL;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** uc_context_reg_write: changes a general register of a saved context, without loading it. */
    public void contextReg(MemorySegment context, int id, long value) {
        try {
            scratch.set(JAVA_LONG, 0, value);
            check("uc_context_reg_write", (int) Api.CONTEXT_REG_WRITE.invokeExact(context, id, scratch));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public void contextFree(MemorySegment context) {
        try {
            check("uc_context_free", (int) Api.CONTEXT_FREE.invokeExact(context));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            check("uc_close", (int) Api.CLOSE.invokeExact(uc));
        } catch (Throwable t) {
            throw rethrow(t);
        } finally {
            arena.close();
        }
    }

    // ---- plumbing ------------------------------------------------------------------------------

    /** Called by an upcall that caught an exception: keep the first one and stop the engine. */
    void hookFailed(Throwable t) {
        if (hookFailure == null) {
            hookFailure = t;
        }
        try {
            int ignored = (int) Api.EMU_STOP.invokeExact(uc);
        } catch (Throwable ignored) {
            // nothing more can be done inside a callback
        }
    }

    static void check(String function, int err) {
        if (err != 0) {
            throw new UnicornException(function, err);
        }
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    /** Upcall stubs for the Java hooks. */
    private static final class Stubs {
        static MemorySegment stub(MethodHandle target, FunctionDescriptor fd, Arena arena) {
            return java.lang.foreign.Linker.nativeLinker().upcallStub(target, fd, arena);
        }
    }

    /** Java targets of the upcall stubs: each catches everything (an exception into C kills the JVM). */
    private static final class Upcalls {
        static final FunctionDescriptor INTR_FD = FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS);
        static final FunctionDescriptor TLB_FD =
                FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS);
        static final FunctionDescriptor EVENT_FD =
                FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, ADDRESS);
        static final FunctionDescriptor IN_FD = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS);
        static final FunctionDescriptor OUT_FD =
                FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS);
        static final FunctionDescriptor ENTRY_FD = FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_INT);
        static final MethodHandle INTR, TLB, EVENT, IN, OUT, ENTRY, DEBUG;

        static {
            try {
                MethodHandles.Lookup l = MethodHandles.lookup();
                INTR = l.findVirtual(Intr.class, "on", MethodType.methodType(void.class,
                        MemorySegment.class, int.class, MemorySegment.class));
                TLB = l.findVirtual(Tlb.class, "on", MethodType.methodType(boolean.class,
                        MemorySegment.class, long.class, int.class, MemorySegment.class, MemorySegment.class));
                EVENT = l.findVirtual(Event.class, "on", MethodType.methodType(boolean.class,
                        MemorySegment.class, int.class, long.class, int.class, long.class, MemorySegment.class));
                IN = l.findVirtual(Io.class, "in", MethodType.methodType(int.class,
                        MemorySegment.class, int.class, int.class, MemorySegment.class));
                OUT = l.findVirtual(Io.class, "out", MethodType.methodType(void.class,
                        MemorySegment.class, int.class, int.class, int.class, MemorySegment.class));
                ENTRY = l.findVirtual(Entry.class, "on", MethodType.methodType(long.class, int.class, int.class));
                DEBUG = l.findVirtual(Debug.class, "on", MethodType.methodType(long.class, int.class, int.class));
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        record Intr(Unicorn engine, InterruptHook hook) {
            void on(MemorySegment uc, int intno, MemorySegment user) {
                try {
                    hook.onInterrupt(intno);
                } catch (Throwable t) {
                    engine.hookFailed(t);
                }
            }
        }

        record Debug(Unicorn engine, DebugEntry hook) {
            long on(int address, int reason) {
                try {
                    hook.onStop(address, reason);
                } catch (Throwable t) {
                    engine.hookFailed(t);
                }
                return 0;
            }
        }

        record Entry(Unicorn engine, InterruptEntry hook) {
            long on(int intno, int eax) {
                try {
                    return hook.onInterrupt(intno, eax);
                } catch (Throwable t) {
                    engine.hookFailed(t);
                    return NO_RESULT;
                }
            }
        }

        record Tlb(Unicorn engine, TlbFillHook hook) {
            boolean on(MemorySegment uc, long vaddr, int type, MemorySegment entry, MemorySegment user) {
                try {
                    long result = hook.fill(vaddr, type);
                    if (result < 0) {
                        return false;
                    }
                    // struct uc_tlb_entry { uint64_t paddr; uc_prot perms; }
                    MemorySegment e = entry.reinterpret(16);
                    e.set(JAVA_LONG, 0, result & ~0xfffL);
                    e.set(JAVA_INT, 8, (int) (result & 0xfff));
                    return true;
                } catch (Throwable t) {
                    engine.hookFailed(t);
                    return false;
                }
            }
        }

        record Event(Unicorn engine, MemoryEventHook hook) {
            boolean on(MemorySegment uc, int type, long address, int size, long value, MemorySegment user) {
                try {
                    return hook.onEvent(type, address, size, value);
                } catch (Throwable t) {
                    engine.hookFailed(t);
                    return false;
                }
            }
        }

        record Io(Unicorn engine, IoHook hook) {
            int in(MemorySegment uc, int port, int size, MemorySegment user) {
                try {
                    return hook.onIo(false, port, size, 0);
                } catch (Throwable t) {
                    engine.hookFailed(t);
                    return 0;
                }
            }

            void out(MemorySegment uc, int port, int size, int value, MemorySegment user) {
                try {
                    hook.onIo(true, port, size, value);
                } catch (Throwable t) {
                    engine.hookFailed(t);
                }
            }
        }
    }
}
