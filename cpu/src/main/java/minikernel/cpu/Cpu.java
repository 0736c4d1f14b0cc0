package minikernel.cpu;

import static minikernel.cpu.unicorn.UcConst.CS;
import static minikernel.cpu.unicorn.UcConst.DS;
import static minikernel.cpu.unicorn.UcConst.EAX;
import static minikernel.cpu.unicorn.UcConst.EBP;
import static minikernel.cpu.unicorn.UcConst.EBX;
import static minikernel.cpu.unicorn.UcConst.ECX;
import static minikernel.cpu.unicorn.UcConst.EDI;
import static minikernel.cpu.unicorn.UcConst.EDX;
import static minikernel.cpu.unicorn.UcConst.EFLAGS;
import static minikernel.cpu.unicorn.UcConst.EIP;
import static minikernel.cpu.unicorn.UcConst.ES;
import static minikernel.cpu.unicorn.UcConst.ESI;
import static minikernel.cpu.unicorn.UcConst.ESP;
import static minikernel.cpu.unicorn.UcConst.FS;
import static minikernel.cpu.unicorn.UcConst.GDTR;
import static minikernel.cpu.unicorn.UcConst.GS;
import static minikernel.cpu.unicorn.UcConst.IDTR;
import static minikernel.cpu.unicorn.UcConst.SS;
import static minikernel.cpu.unicorn.UcConst.TR;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import minikernel.cpu.unicorn.UcConst;
import minikernel.cpu.unicorn.Unicorn;

/**
 * The machine: one emulated i386 CPU (a Unicorn engine) wired to physical RAM, the {@link Mmu}, the
 * {@link Gdt} and the {@link Quantum} timer. It knows nothing of tasks: the kernel loads a
 * {@link CpuContext} and a page directory, calls {@link #run()}, and gets back a {@link Trap}.
 *
 * <p>Power-on follows DESIGN.md: CPU model QEMU32, a 32 MiB translation buffer (a flush then costs
 * ~1 ms instead of ~20), UC_TLB_VIRTUAL with the Java MMU, RAM mapped at physical 0, the
 * calibration of {@link Calibration}, and a single {@code iret} to ring 3, after which the CPU never
 * returns to ring 0: every task's context is derived from that first ring-3 state.
 */
public final class Cpu implements AutoCloseable, Unicorn.InterruptEntry {
    /** EFLAGS of a new user task: IF and the always-one bit 1, as Linux's start_thread() sets. */
    public static final int USER_EFLAGS = 0x202;
    private static final int TCG_BUFFER = 32 << 20;
    private static final int[] SYSCALL_ARGS = {EBX, ECX, EDX, ESI, EDI, EBP};
    private static final int[] GENERAL = {EAX, EBX, ECX, EDX, ESI, EDI, EBP, ESP, EIP, EFLAGS};

    private final Arena arena = Arena.ofShared();
    private final PhysicalMemory ram;
    private DebugHook debugHook;            // the debugger's code hook, if one is installed
    private final Unicorn engine;
    private final Mmu mmu;
    private final Gdt gdt;
    private final Quantum quantum;
    private final MemorySegment scratch;
    private final Calibration calibration;
    private final CpuContext userTemplate;
    private final long cpuidFeatures;
    private final long[] argBuffer = new long[6];
    /** What a {@link SyscallHandler} returns to leave EAX unchanged (the task did not return). */
    public static final long NO_RESULT = Unicorn.NO_RESULT;

    private SyscallHandler syscalls = number -> {
        throw new IllegalStateException("no system call handler installed");
    };
    /** Interrupt vectors seen while the power-on probes run (null afterwards). */
    private List<Integer> bootVectors;
    private byte[] bootSnapshot;
    private Trap pendingTrap;
    private boolean kernelStop;
    private long contextSwitchesWithNewMm;
    private long tlbFlushes;

    public Cpu(PhysicalMemory ram) {
        this(ram, true);
    }

    /** {@code timer} false: no block hook, so no preemption or block counting (see {@link Quantum}). */
    public Cpu(PhysicalMemory ram, boolean timer) {
        this.ram = ram;
        engine = Unicorn.openX86_32();
        try {
            engine.ctl(UcConst.UC_CTL_CPU_MODEL_W, UcConst.UC_CPU_X86_QEMU32);
            engine.ctl(UcConst.UC_CTL_TCG_BUFFER_SIZE_W, TCG_BUFFER);
            engine.ctl(UcConst.UC_CTL_TLB_TYPE_W, UcConst.UC_TLB_VIRTUAL);
            engine.memMapPtr(0, ram.segment(), UcConst.UC_PROT_ALL);
            mmu = new Mmu(ram);
            engine.hookTlbFill(mmu::fill);
            hookSyscallEntry();
            engine.hookMemoryEvent(UcConst.UC_HOOK_MEM_UNMAPPED, this::onUnmapped);
            engine.hookIo(this::onIo);
            quantum = new Quantum(engine, arena, timer);
            KernelPage.install(ram);
            gdt = new Gdt(ram);
            engine.tableRegister(GDTR, 0, Gdt.base(), Gdt.limit(), 0);
            engine.tableRegister(IDTR, 0, 0, 0, 0);
            // A 32-bit TSS whose I/O permission bitmap lies beyond its limit: IN/OUT at CPL 3 then
            // raise #GP, as on Linux (flags: present, type 9 = available 32-bit TSS, QEMU's layout).
            engine.tableRegister(TR, Gdt.selector(Gdt.TSS, 0), KernelPage.VIRTUAL + KernelPage.TSS,
                    KernelPage.TSS_LIMIT, 1 << 15 | 9 << 8);
            engine.reg(CS, Gdt.selector(Gdt.KERNEL32_CS, 0));
            engine.reg(SS, Gdt.selector(Gdt.KERNEL_DS, 0));
            engine.reg(DS, Gdt.selector(Gdt.USER_DS, 3));
            engine.reg(ES, Gdt.selector(Gdt.USER_DS, 3));
            scratch = engine.contextAlloc();
            bootVectors = new ArrayList<>();
            calibration = new Calibration(engine, scratch, this::runRingZero);
            runRingZero(KernelPage.VIRTUAL + KernelPage.CPUID_CODE, new ArrayList<>());
            cpuidFeatures = engine.reg(EDX);
            calibration.resetOldException();
            userTemplate = enterUserMode();
            bootVectors = null;
        } catch (RuntimeException | Error e) {
            engine.close();
            arena.close();
            throw e;
        }
    }

    /** Test and debugger access to the engine itself. */
    public Unicorn engine() {
        return engine;
    }

    /** CPUID leaf 1 EDX of the emulated CPU: the AT_HWCAP a program is told. */
    public long cpuidFeatures() {
        return cpuidFeatures;
    }

    public Mmu mmu() {
        return mmu;
    }

    public Gdt gdt() {
        return gdt;
    }

    public Quantum quantum() {
        return quantum;
    }

    public PhysicalMemory ram() {
        return ram;
    }

    public void setSyscallHandler(SyscallHandler handler) {
        this.syscalls = handler;
    }

    public void setPageFaultHandler(PageFaultHandler handler) {
        mmu.setFaultHandler(handler);
    }

    // ---- running -------------------------------------------------------------------------------

    /**
     * Runs the loaded context from its EIP until something stops the engine, and says why. On a page
     * fault the engine's TLB is flushed (it may hold the poison entry that gave the exact address).
     */
    public Trap run() {
        pendingTrap = null;
        kernelStop = false;
        mmu.clearFault();
        quantum.engineStarts();
        int err = engine.emuStart(engine.reg(EIP));
        long eip = engine.reg(EIP);
        Throwable failure = engine.takeHookFailure();
        if (failure != null) {
            flushTlb();
            return new Trap.HookFailure(eip, failure);
        }
        return switch (err) {
            case UcConst.UC_ERR_OK -> stopReason(eip);
            case UcConst.UC_ERR_EXCEPTION -> mmu.faultPage() >= 0 ? pageFault(eip) : unexplained(eip, err);
            case UcConst.UC_ERR_READ_UNMAPPED, UcConst.UC_ERR_WRITE_UNMAPPED, UcConst.UC_ERR_FETCH_UNMAPPED ->
                    pendingTrap != null ? pendingTrap : unexplained(eip, err);
            case UcConst.UC_ERR_INSN_INVALID -> new Trap.InvalidOpcode(eip);
            default -> unexplained(eip, err);
        };
    }

    private Trap stopReason(long eip) {
        if (pendingTrap != null) {
            return pendingTrap;
        }
        if (kernelStop) {
            return new Trap.Stopped(eip);
        }
        return switch (quantum.stopped()) {
            case QUANTUM -> new Trap.Preempted(eip);
            case REQUEST -> new Trap.Interrupted(eip);
            // a triple fault ends emulation silently; Calibration exists so this cannot happen
            case NONE -> unexplained(eip, UcConst.UC_ERR_OK);
        };
    }

    /**
     * A refused access: the CPU state is exact, the address known only to the page. For a fetch the
     * byte is EIP (or the next page's first, for an instruction straddling into it); for data the
     * faulting instruction is replayed once against the poison frame, which reports the byte, and the
     * state from before the replay is put back, so the replay leaves no trace.
     */
    private Trap pageFault(long eip) {
        long page = mmu.faultPage();
        Access access = mmu.faultAccess();
        PageFaultHandler.Result cause = mmu.faultResult();
        long address = page;
        if (access == Access.FETCH) {
            address = (eip & ~0xfffL) == page ? eip : page;
        } else {
            engine.contextSave(scratch);
            long left = quantum.left();
            quantum.set(Long.MAX_VALUE);
            pendingTrap = null;
            mmu.probe(page);
            flushTlb();
            if (debugHook != null) {
                debugHook.setQuiet(true);
            }
            quantum.engineStarts();
            engine.emuStart(eip);
            if (debugHook != null) {
                debugHook.setQuiet(false);
            }
            mmu.probe(-1);
            if (pendingTrap instanceof Trap.PageFault probed && (probed.address() & ~0xfffL) == page) {
                address = probed.address();
            }
            engine.takeHookFailure();
            engine.contextRestore(scratch);
            quantum.set(left);
        }
        flushTlb();
        return new Trap.PageFault(eip, address, access, cause);
    }

    private Trap unexplained(long eip, int err) {
        return new Trap.HookFailure(eip, new IllegalStateException(
                "the engine stopped for no known reason: " + UcConst.errorName(err)));
    }

    /**
     * The debugger's code hook (see {@link DebugHook}): install it before the guest's first
     * instruction is translated, or earlier translations would run without it.
     */
    public DebugHook installDebugHook(DebugHook.Console console) {
        debugHook = new DebugHook(engine, arena, ram, quantum, console);
        return debugHook;
    }

    /** From inside a hook: stop the engine when the hook returns ({@link Trap.Stopped}). */
    public void stopAfterHook() {
        kernelStop = true;
        engine.emuStop();
    }

    /**
     * Interrupts reach the C hook mk_interrupt_hook (hooks.c), which reads EAX, calls
     * {@link #onInterrupt} and writes the result to EAX: the system call path makes no call into
     * the engine from Java unless a handler reads its arguments.
     */
    private void hookSyscallEntry() {
        MemorySegment entry = arena.allocate(24, 8);
        entry.set(java.lang.foreign.ValueLayout.ADDRESS, 0, engine.interruptEntryStub(this));
        entry.set(java.lang.foreign.ValueLayout.ADDRESS, 8, Unicorn.function("uc_reg_read"));
        entry.set(java.lang.foreign.ValueLayout.ADDRESS, 16, Unicorn.function("uc_reg_write"));
        MemorySegment hook = NativeLibraries.hooks().find("mk_interrupt_hook")
                .orElseThrow(() -> new IllegalStateException("libminikernel-hooks.so has no mk_interrupt_hook"));
        engine.hookNative(UcConst.UC_HOOK_INTR, hook, entry);
    }

    /** Every interrupt the CPU takes, called from mk_interrupt_hook; the result goes to EAX. */
    @Override
    public long onInterrupt(int intno, int eax) {
        if (intno == 0x80 && bootVectors == null) {
            return syscalls.syscall(eax);
        }
        if (bootVectors != null) {
            bootVectors.add(intno);
            bootSnapshot = Calibration.snapshot(engine, scratch);
            engine.emuStop();
            return NO_RESULT;
        }
        boolean software = calibration.exceptionIsInt();
        long eip = engine.reg(EIP);
        pendingTrap = switch (intno) {
            case 0 -> software ? new Trap.GeneralProtection(eip, "int $0") : new Trap.DivideError(eip);
            case 3 -> new Trap.Breakpoint(eip);
            case 4, 5 -> software ? new Trap.GeneralProtection(eip, "int $" + intno)
                    : new Trap.OverflowOrBound(eip, intno);
            case 6 -> software ? new Trap.GeneralProtection(eip, "int $6") : new Trap.InvalidOpcode(eip);
            case 13 -> new Trap.GeneralProtection(eip, software ? "int $13" : "privileged instruction");
            // Any other int n goes through an IDT gate of DPL 0 on Linux: #GP.
            default -> new Trap.GeneralProtection(eip, software ? "int $" + intno : "exception " + intno);
        };
        calibration.resetOldException();
        engine.emuStop();
        return NO_RESULT;
    }

    /** The poison frame was touched while replaying a faulting instruction: the exact address. */
    private boolean onUnmapped(int type, long address, int size, long value) {
        long eip = engine.reg(EIP);
        if ((address & ~0xfffL) == Mmu.POISON && mmu.faultPage() >= 0) {
            long exact = mmu.faultPage() | address & 0xfff;
            pendingTrap = new Trap.PageFault(eip, exact, Access.ofUcMemType(type), mmu.faultResult());
        } else {
            pendingTrap = new Trap.HookFailure(eip, new IllegalStateException(String.format(
                    "guest access reached physical address 0x%x outside RAM (a bad page-table entry)", address)));
        }
        return false;
    }

    /** IN and OUT never fault in Unicorn; at CPL 3 with IOPL 0 they must (#GP). EIP is approximate. */
    private int onIo(boolean out, int port, int size, int value) {
        pendingTrap = new Trap.GeneralProtection(engine.reg(EIP), (out ? "out" : "in") + " to port " + port);
        engine.emuStop();
        return 0;
    }

    /** Power-on only: runs ring-0 code in the kernel page until its first interrupt. */
    private byte[] runRingZero(long eip, List<Integer> vectors) {
        engine.reg(ECX, 0);
        engine.reg(EAX, 1);
        engine.reg(EDX, 0);
        engine.reg(ESP, KernelPage.VIRTUAL + KernelPage.STACK_TOP);
        bootVectors = vectors;
        bootSnapshot = null;
        int err = engine.emuStart(eip);
        if (bootSnapshot == null) {
            throw new IllegalStateException("CPU calibration: the probe at 0x" + Long.toHexString(eip)
                    + " raised no interrupt (" + UcConst.errorName(err) + ")");
        }
        return bootSnapshot;
    }

    /**
     * Drops to ring 3 through an {@code iret} frame on the kernel page's stack, to an {@code int $0x80}
     * also on the kernel page, and keeps that state as the template of every user context.
     */
    private CpuContext enterUserMode() {
        long frame = KernelPage.PHYSICAL + KernelPage.STACK_TOP - 20;
        ram.setInt(frame, (int) (KernelPage.VIRTUAL + KernelPage.USER_ENTRY_CODE));   // EIP
        ram.setInt(frame + 4, Gdt.selector(Gdt.USER32_CS, 3));                          // CS
        ram.setInt(frame + 8, USER_EFLAGS);                                              // EFLAGS
        ram.setInt(frame + 12, 0);                                                       // ESP
        ram.setInt(frame + 16, Gdt.selector(Gdt.USER_DS, 3));                           // SS
        engine.reg(ESP, KernelPage.VIRTUAL + KernelPage.STACK_TOP - 20);
        List<Integer> vectors = new ArrayList<>();
        bootVectors = vectors;
        engine.emuStart(KernelPage.VIRTUAL + KernelPage.IRET_CODE);
        if (!vectors.equals(List.of(0x80)) || (engine.reg(CS) & 3) != 3) {
            throw new IllegalStateException("could not enter ring 3: vectors " + vectors + ", CS=0x"
                    + Long.toHexString(engine.reg(CS)));
        }
        engine.reg(FS, 0);
        engine.reg(GS, 0);
        mmu.sealKernelPage();
        flushTlb();
        CpuContext template = new CpuContext(engine.contextAlloc());
        engine.contextSave(template.segment());
        return template;
    }

    // ---- contexts ------------------------------------------------------------------------------

    /**
     * A fresh ring-3 context starting at {@code eip} with stack {@code esp}, all general registers
     * zero, as Linux's start_thread() leaves them. Loads it into the CPU: save the running context first.
     */
    public CpuContext newUserContext(long eip, long esp) {
        engine.contextRestore(userTemplate.segment());
        long[] zero = new long[GENERAL.length];
        zero[7] = esp;
        zero[8] = eip;
        zero[9] = USER_EFLAGS;
        engine.regsWrite(GENERAL, GENERAL.length, zero);
        CpuContext context = new CpuContext(engine.contextAlloc());
        engine.contextSave(context.segment());
        return context;
    }

    /**
     * A copy of the running CPU state, for a child created by clone from inside its parent's system
     * call (copy_thread): the parent's registers, EIP already past {@code int $0x80}.
     */
    public CpuContext copyCurrentContext() {
        CpuContext copy = new CpuContext(engine.contextAlloc());
        engine.contextSave(copy.segment());
        return copy;
    }

    /** Sets a general register (EAX, ESP, ...) in a saved context. */
    public void setContextReg(CpuContext context, int register, long value) {
        engine.contextReg(context.segment(), register, value);
    }

    /** Reads a register of a saved context. */
    public long contextReg(CpuContext context, int register) {
        return engine.contextReg(context.segment(), register);
    }

    public void saveContext(CpuContext context) {
        engine.contextSave(context.segment());
    }

    public void restoreContext(CpuContext context) {
        engine.contextRestore(context.segment());
    }

    public void freeContext(CpuContext context) {
        if (!context.isFreed()) {
            engine.contextFree(context.release());
        }
    }

    /**
     * Loads a page directory, as Linux's switch_mm() does: a new CR3 flushes the TLB; the same one
     * (two threads of one process) does not, which is why a thread switch is cheaper.
     */
    public void switchMm(long pageDirectory) {
        if (mmu.cr3() != pageDirectory) {
            mmu.setCr3(pageDirectory);
            contextSwitchesWithNewMm++;
            flushTlb();
        }
    }

    /** Forgets every cached translation; needed after a PTE is downgraded, removed or repointed. */
    public void flushTlb() {
        engine.ctl(UcConst.UC_CTL_TLB_FLUSH_W);
        tlbFlushes++;
    }

    /**
     * Throws away all translated code. Needed before a frame that held code is reused: translated
     * blocks are keyed by physical address and Java writes into RAM do not invalidate them.
     * Only between runs, never from a hook.
     */
    public void flushTranslations() {
        engine.ctl(UcConst.UC_CTL_TB_FLUSH_W);
        mmu.forgetExecuted();
    }

    /**
     * Writes a task's TLS descriptors into the GDT and reloads %fs and %gs from it, as Linux's
     * load_TLS() and the segment reload in __switch_to() do: the CPU caches a descriptor when a
     * selector is loaded, so a new GDT entry takes effect only on reload.
     */
    public void loadTls(SegmentDescriptor[] tls) {
        for (int i = 0; i < Gdt.TLS_ENTRIES; i++) {
            gdt.set(Gdt.TLS_MIN + i, tls[i]);
        }
        reloadSegment(GS);
        reloadSegment(FS);
    }

    private void reloadSegment(int register) {
        long selector = engine.reg(register);
        int index = (int) (selector >>> 3);
        if (index >= Gdt.TLS_MIN && index <= Gdt.TLS_MAX) {
            engine.reg(register, gdt.get(index).present() ? selector : 0);
        }
    }

    // ---- registers -----------------------------------------------------------------------------

    public long eax() {
        return engine.reg(EAX);
    }

    public void setEax(long value) {
        engine.reg(EAX, value);
    }

    public long eip() {
        return engine.reg(EIP);
    }

    public void setEip(long value) {
        engine.reg(EIP, value);
    }

    public long esp() {
        return engine.reg(ESP);
    }

    /** The first {@code count} system call arguments (EBX, ECX, EDX, ESI, EDI, EBP), in one call. */
    /**
     * The FPU and SSE state in the i386 signal frame's {@code struct _fpstate_32} layout (624
     * bytes, the fsave header and registers, then the fxsave part: magic 0), as fxsave and
     * Linux's copy_fpstate_to_sigframe lay them out. ST(i) is physical register (TOP + i) mod 8.
     */
    public byte[] fpstate() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(624).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long cw = engine.reg(UcConst.FPCW) & 0xffff, sw = engine.reg(UcConst.FPSW) & 0xffff;
        long tag = engine.reg(UcConst.FPTAG) & 0xffff;
        int top = (int) (sw >> 11) & 7;
        b.putInt(0, (int) (cw | 0xffff0000L)).putInt(4, (int) (sw | 0xffff0000L)).putInt(8, (int) (tag | 0xffff0000L));
        byte[] reg = new byte[10];
        int abridged = 0;
        for (int i = 0; i < 8; i++) {
            engine.regBytes(UcConst.FP0 + (top + i & 7), reg);
            b.put(28 + 10 * i, reg);                   // _st[i]
            b.put(144 + 16 * i, reg);                  // _fxsr_st[i]
            if ((tag >> 2 * i & 3) != 3) {
                abridged |= 1 << i;                    // fxsave's tag: 1 for a physical register in use
            }
        }
        b.putShort(108, (short) sw).putShort(110, (short) 0);          // status, magic: FXSR data follows
        b.putShort(112, (short) cw).putShort(114, (short) sw).put(116, (byte) abridged);
        b.putInt(136, (int) engine.reg(UcConst.MXCSR));
        byte[] xmm = new byte[16];
        for (int i = 0; i < 8; i++) {
            engine.regBytes(UcConst.XMM0 + i, xmm);
            b.put(272 + 16 * i, xmm);
        }
        return b.array();
    }

    /** Loads what {@link #fpstate} wrote (sigreturn): control, status, tag, ST0-7, MXCSR, XMM0-7. */
    public void setFpstate(byte[] state) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(state).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long sw = b.getShort(114) & 0xffff;
        engine.reg(UcConst.FPSW, sw);
        int top = (int) (sw >> 11) & 7;
        byte[] reg = new byte[10];
        for (int i = 0; i < 8; i++) {
            b.get(144 + 16 * i, reg);
            engine.regBytes(UcConst.FP0 + (top + i & 7), reg, true);
        }
        int abridged = b.get(116) & 0xff;
        long tag = 0;
        for (int i = 0; i < 8; i++) {
            tag |= (long) ((abridged >> i & 1) != 0 ? 0 : 3) << 2 * i;     // in use: valid (0); else empty (3)
        }
        engine.reg(UcConst.FPTAG, tag);
        engine.reg(UcConst.FPCW, b.getShort(112) & 0xffff);
        engine.reg(UcConst.MXCSR, b.getInt(136) & 0xffff);
        byte[] xmm = new byte[16];
        for (int i = 0; i < 8; i++) {
            b.get(272 + 16 * i, xmm);
            engine.regBytes(UcConst.XMM0 + i, xmm, true);
        }
    }

    public long[] syscallArgs(int count) {
        if (count > 0) {
            engine.regsRead(SYSCALL_ARGS, count, argBuffer);
        }
        return argBuffer;
    }

    /** Any register by its Unicorn id (see {@link UcConst}). */
    public long reg(int id) {
        return engine.reg(id);
    }

    public void setReg(int id, long value) {
        engine.reg(id, value);
    }

    /** All user-visible registers, for displays and fault reports. */
    public Registers registers() {
        long[] g = new long[GENERAL.length];
        engine.regsRead(GENERAL, GENERAL.length, g);
        return new Registers(g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9],
                engine.reg(CS), engine.reg(SS), engine.reg(DS), engine.reg(ES), engine.reg(FS), engine.reg(GS));
    }

    /** Address-space switches that flushed the TLB, and TLB flushes in all, since power-on. */
    public long mmSwitches() {
        return contextSwitchesWithNewMm;
    }

    public long tlbFlushes() {
        return tlbFlushes;
    }

    @Override
    public void close() {
        freeContext(userTemplate);
        engine.contextFree(scratch);
        engine.close();
        arena.close();
    }
}
