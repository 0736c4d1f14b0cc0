package minikernel.kernel.arch;

import static minikernel.cpu.unicorn.UcConst.EAX;
import static minikernel.cpu.unicorn.UcConst.EBP;
import static minikernel.cpu.unicorn.UcConst.EBX;
import static minikernel.cpu.unicorn.UcConst.ECX;
import static minikernel.cpu.unicorn.UcConst.EDI;
import static minikernel.cpu.unicorn.UcConst.EDX;
import static minikernel.cpu.unicorn.UcConst.EFLAGS;
import static minikernel.cpu.unicorn.UcConst.EIP;
import static minikernel.cpu.unicorn.UcConst.ESI;
import static minikernel.cpu.unicorn.UcConst.ESP;
import static minikernel.cpu.unicorn.UcConst.FS;
import static minikernel.cpu.unicorn.UcConst.GS;

import minikernel.cpu.Cpu;
import minikernel.cpu.Registers;
import minikernel.kernel.signal.SigInfo;
import minikernel.kernel.signal.Signal;
import minikernel.kernel.signal.Signals;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * arch/x86/kernel/signal.c for i386: on a task's way back to user mode, arch_do_signal_or_restart()
 * takes each signal get_signal() hands it, settles an interrupted system call (return EINTR, or
 * run it again after the handler: SA_RESTART), and builds the handler's frame on the user stack
 * ({@link SignalFrame}); the handler's return runs sigreturn or rt_sigreturn, which puts the
 * registers and the signal mask back from that frame.
 *
 * <p>Registers change only between runs of the CPU, never inside the system call hook: sigreturn
 * keeps what it read in the task and stops the CPU, and this class loads it before the task runs
 * again, as exec does with a new program's registers.
 */
public final class SignalDelivery {
    /** The kernel-internal "restart" results a sleeping call returns when a signal interrupts it. */
    public static final long ERESTARTSYS = -512, ERESTARTNOINTR = -513, ERESTARTNOHAND = -514,
            ERESTART_RESTARTBLOCK = -516;

    private static final long EFLAGS_TF = 0x100, EFLAGS_DF = 0x400, EFLAGS_RF = 0x10000;

    private SignalDelivery() {
    }

    /** True for the results that ask for a restart decision on the way out. */
    public static boolean isRestart(long result) {
        return result == ERESTARTSYS || result == ERESTARTNOINTR || result == ERESTARTNOHAND
                || result == ERESTART_RESTARTBLOCK;
    }

    /**
     * exit_to_user_mode(): called with the task's registers loaded, just before it runs. Puts back
     * what a sigreturn restored, settles a system call that returned a restart code, and runs
     * every deliverable signal (the last taken runs first, as nested frames do).
     */
    public static void exitToUserMode(Task t, Cpu cpu) {
        long[] restored = t.sigreturnRegisters();
        if (restored != null) {
            t.setSigreturnRegisters(null);
            load(t, cpu, restored);
            if (t.sigreturnFpstate() != null) {
                cpu.setFpstate(t.sigreturnFpstate());
                t.setSigreturnFpstate(null);
            }
        }
        if (t.atRestartPoint()) {
            // Backed onto a call that slept: it runs again first, sees the signal and returns a
            // restart code (or its result), and the signal is delivered after that.
            t.setAtRestartPoint(false);
            return;
        }
        long restart = t.takeRestartCode();
        boolean handled = false;
        while (!t.isZombieOrDead() && Signals.signalPending(t)) {
            Signals.Ksignal k = Signals.getSignal(t);
            if (k == null) {
                break;
            }
            if (restart != 0) {
                settleRestart(t, cpu, restart, k);
                restart = 0;
            }
            long oldmask = t.restoreSigmask() ? t.savedSigmask() : t.blocked();
            if (!SignalFrame.setup(t, cpu, k, oldmask)) {
                // signal_setup_done(failed): the stack cannot take the frame, a SIGSEGV the task cannot catch
                Signals.force(t, SigInfo.fault(Signal.SIGSEGV.number, SigInfo.SI_KERNEL, 0));
                t.sighand().set(Signal.SIGSEGV.number, minikernel.kernel.signal.SigHand.SigAction.DEFAULT);
                continue;
            }
            cpu.setReg(EFLAGS, cpu.reg(EFLAGS) & ~(EFLAGS_TF | EFLAGS_DF | EFLAGS_RF));
            t.setRestoreSigmask(false, 0);
            Signals.handlerStarted(t, k);
            handled = true;
            t.kernel().tracepoints().signalDeliver(t, k.sig(), k.action().handler());
        }
        if (t.isZombieOrDead()) {
            return;
        }
        if (restart != 0) {
            // No handler ran: every restart code runs the call again (the same arguments; a sleep
            // carries on to the deadline it kept). Any other value is its result.
            runAgain(t, cpu);
        }
        if (!handled && t.restoreSigmask()) {
            Signals.setBlocked(t, t.savedSigmask());       // restore_saved_sigmask()
            t.setRestoreSigmask(false, 0);
        }
    }

    /**
     * handle_signal()'s first step: the interrupted call returns EINTR, or (ERESTARTSYS with
     * SA_RESTART, or ERESTARTNOINTR) backs up onto its int $0x80 to run again after the handler.
     */
    private static void settleRestart(Task t, Cpu cpu, long code, Signals.Ksignal k) {
        boolean again = code == ERESTARTNOINTR
                || code == ERESTARTSYS && (k.action().flags() & Signals.SA_RESTART) != 0;
        if (again) {
            runAgain(t, cpu);
        } else {
            cpu.setReg(EAX, Errno.EINTR.negative() & 0xffffffffL);
            t.setSyscallStart(null);           // a timed call's start is forgotten with it
        }
    }

    /** Back onto the int $0x80 with EAX the call's number (orig_ax): it runs again. */
    private static void runAgain(Task t, Cpu cpu) {
        cpu.setReg(EAX, t.restartSyscallNr());
        cpu.setEip(cpu.eip() - 2);
    }

    /** sigreturn(2): back from a plain handler, through its sigframe. */
    public static long sigreturn(Task current) {
        return doSigreturn(current, false);
    }

    /** rt_sigreturn(2): back from an SA_SIGINFO handler, through its rt_sigframe. */
    public static long rtSigreturn(Task current) {
        return doSigreturn(current, true);
    }

    /**
     * Reads the frame above ESP: the mask goes back at once, the registers when the task next
     * runs (the CPU stops after this call). A frame that cannot be read is a SIGSEGV.
     */
    private static long doSigreturn(Task current, boolean rt) {
        Cpu cpu = current.kernel().cpu();
        SignalFrame.Saved saved = SignalFrame.restore(current, cpu.esp(), cpu.reg(EFLAGS), rt);
        if (saved == null) {
            Signals.force(current, SigInfo.fault(Signal.SIGSEGV.number, SigInfo.SI_KERNEL, 0));
            return minikernel.kernel.syscall.Syscall.NO_RETURN;
        }
        Signals.setBlocked(current, saved.blocked());
        current.setSigreturnRegisters(saved.registers());
        current.setSigreturnFpstate(saved.fpstate());
        cpu.stopAfterHook();
        return minikernel.kernel.syscall.Syscall.NO_RETURN;
    }

    /**
     * sigreturn's registers, in {@link SignalFrame#restore}'s order. A frame may hold any segment
     * selector: one the CPU refuses to load is, for GS, the null selector (Linux's loadsegment()
     * fixup), and for FS a SIGSEGV, as the return to user mode (iret) faults on Linux.
     */
    private static void load(Task t, Cpu cpu, long[] r) {
        int[] ids = {EAX, EBX, ECX, EDX, ESI, EDI, EBP, ESP, EIP, EFLAGS};
        for (int i = 0; i < ids.length; i++) {
            cpu.setReg(ids[i], r[i]);
        }
        Registers now = cpu.registers();
        if (now.fs() != r[10] && !loadSegment(cpu, FS, r[10])) {
            loadSegment(cpu, FS, 0);
            Signals.force(t, SigInfo.fault(Signal.SIGSEGV.number, SigInfo.SI_KERNEL, 0));
        }
        if (now.gs() != r[11] && !loadSegment(cpu, GS, r[11])) {
            loadSegment(cpu, GS, 0);
        }
    }

    /** Loads a segment register; false if the CPU refused the selector (#GP: not in the GDT, bad RPL). */
    private static boolean loadSegment(Cpu cpu, int id, long selector) {
        try {
            cpu.setReg(id, selector & 0xffff);
            return true;
        } catch (minikernel.cpu.unicorn.UnicornException e) {
            return false;
        }
    }
}
