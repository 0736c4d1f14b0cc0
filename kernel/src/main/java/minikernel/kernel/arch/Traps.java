package minikernel.kernel.arch;

import minikernel.cpu.PageFaultHandler;
import minikernel.cpu.Trap;
import minikernel.kernel.Kernel;
import minikernel.kernel.sched.Exit;
import minikernel.kernel.sched.Scheduler;
import minikernel.kernel.sched.Task;
import minikernel.kernel.signal.SigHand;
import minikernel.kernel.signal.SigInfo;
import minikernel.kernel.signal.Signal;
import minikernel.kernel.signal.Signals;
import minikernel.kernel.syscall.Tracer;

/**
 * What a CPU exception means for the task that caused it: arch/x86/kernel/traps.c and
 * arch/x86/mm/fault.c turn each one into a signal (#PF and #GP into SIGSEGV, #UD into SIGILL, #DE
 * into SIGFPE, #BP into SIGTRAP). A handler the task installed runs with the fault's siginfo;
 * otherwise the default action kills it, after a one-line report on the console like Linux's
 * show_signal_msg() ("hello[2]: SIGSEGV at eip 0x08049a1b accessing 0x00000000").
 */
public final class Traps implements Scheduler.TrapHandler {
    private final Kernel kernel;

    public Traps(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public void handle(Task task, Trap trap) {
        switch (trap) {
            case Trap.PageFault pf -> {
                if (pf.cause() == PageFaultHandler.Result.OOM) {
                    // pagefault_out_of_memory(): the OOM killer frees memory by killing the
                    // biggest process; unless that is this one, the fault is tried again.
                    Task victim = minikernel.kernel.mm.OomKill.outOfMemory(kernel, task);
                    if (task.isZombieOrDead() || victim != null && victim.tgid() != task.tgid()) {
                        return;                 // (or this task died with the victim, sharing its mm)
                    }
                    report(task, "killed: out of memory at eip 0x%08x %s 0x%08x", pf.eip(), pf.access().verb(), pf.address());
                    kill(task, Signal.SIGKILL);
                    return;
                }
                Signal sig = pf.cause() == PageFaultHandler.Result.SIGBUS ? Signal.SIGBUS : Signal.SIGSEGV;
                int code = switch (pf.cause()) {
                    case SEGV_ACCERR -> SigInfo.SEGV_ACCERR;
                    case SIGBUS -> SigInfo.BUS_ADRERR;
                    default -> SigInfo.SEGV_MAPERR;
                };
                String codeName = switch (pf.cause()) {
                    case SEGV_ACCERR -> "SEGV_ACCERR";
                    case SIGBUS -> "BUS_ADRERR";
                    default -> "SEGV_MAPERR";
                };
                fault(task, sig, code, codeName, pf.address(), String.format("%s at eip 0x%08x %s 0x%08x",
                        sig, pf.eip(), pf.access().verb(), pf.address()));
            }
            case Trap.GeneralProtection gp -> fault(task, Signal.SIGSEGV, SigInfo.SI_KERNEL, "SI_KERNEL", 0,
                    String.format("SIGSEGV at eip 0x%08x (general protection: %s)", gp.eip(), gp.what()));
            // Unicorn stops at vector 6 before any interrupt hook, so an "int $6" arrives as #UD;
            // on Linux it meets an IDT gate of DPL 0, a #GP: SIGSEGV.
            case Trap.InvalidOpcode ud when isIntInstruction(task, ud.eip(), 6) -> fault(task, Signal.SIGSEGV,
                    SigInfo.SI_KERNEL, "SI_KERNEL", 0,
                    String.format("SIGSEGV at eip 0x%08x (general protection: int $6)", ud.eip()));
            case Trap.InvalidOpcode ud -> fault(task, Signal.SIGILL, SigInfo.ILL_ILLOPN, "ILL_ILLOPN", ud.eip(),
                    String.format("SIGILL at eip 0x%08x (invalid opcode)", ud.eip()));
            case Trap.DivideError de -> fault(task, Signal.SIGFPE, SigInfo.FPE_INTDIV, "FPE_INTDIV", de.eip(),
                    String.format("SIGFPE at eip 0x%08x (divide error)", de.eip()));
            case Trap.Breakpoint bp -> fault(task, Signal.SIGTRAP, SigInfo.SI_KERNEL, "SI_KERNEL", 0,
                    String.format("SIGTRAP at eip 0x%08x (breakpoint)", bp.eip()));
            case Trap.OverflowOrBound ob -> fault(task, Signal.SIGSEGV, SigInfo.SI_KERNEL, "SI_KERNEL", 0,
                    String.format("SIGSEGV at eip 0x%08x (%s)", ob.eip(), ob.vector() == 4 ? "overflow" : "bound range"));
            case Trap.Interrupted in -> {
                report(task, "interrupted at eip 0x%08x", in.eip());
                kernel.halt(Exit.killedStatus(Signal.SIGINT.number, false), "interrupted");
            }
            case Trap.HookFailure hf -> {
                // A kernel bug, not the guest's (Linux's oops): reported with the Java stack trace for
                // the developer, recorded, and the task killed; the kernel goes on.
                String where = String.format("%s at eip 0x%08x", task, hf.eip());
                kernel.printk("minikernel: BUG: internal error while running " + where + ": " + hf.cause());
                java.io.StringWriter trace = new java.io.StringWriter();
                hf.cause().printStackTrace(new java.io.PrintWriter(trace));
                kernel.printk(trace.toString().stripTrailing());
                kernel.oops(where, hf.cause());
                killAfterOops(task, where);
            }
            case Trap.Preempted p -> {
            }
            case Trap.Stopped s -> {
            }
        }
    }

    /** strace's line for a signal the kernel raised: {@code --- SIGSEGV {si_signo=...} ---}. */
    private void traceSignal(Task task, Signal sig, String code, long address) {
        Tracer tracer = kernel.syscalls().tracer();
        if (tracer != null) {
            tracer.signal(task, sig, code, address);
        }
    }

    /**
     * force_sig_fault(): a handler the task installed (and does not block) runs with the fault's
     * siginfo; otherwise the default action kills the thread group, after the console line
     * Linux's show_signal_msg() prints (the same action get_signal() would take, done here at once).
     */
    private void fault(Task task, Signal sig, int code, String codeName, long address, String line) {
        traceSignal(task, sig, codeName, address);
        SigHand.SigAction action = task.sighand().get(sig.number);
        boolean caught = action.handler() != SigHand.SigAction.SIG_DFL && action.handler() != SigHand.SigAction.SIG_IGN
                && (task.blocked() & Signal.mask(sig.number)) == 0;
        if (caught) {
            Signals.force(task, SigInfo.fault(sig.number, code, address));
            return;
        }
        kernel.printk(task.comm() + "[" + task.pid() + "]: " + line);
        if (kernel.signalTracer() != null) {
            // Under a debugger the signal takes get_signal()'s path, where the debugger sees it
            // first (it may stop there, and withhold the signal).
            Signals.force(task, SigInfo.fault(sig.number, code, address));
            return;
        }
        kill(task, sig);
    }

    private void report(Task task, String format, Object... args) {
        kernel.printk(task.comm() + "[" + task.pid() + "]: " + String.format(format, args));
    }

    /** Whether the instruction at {@code eip} is {@code int $vector} (CD ib). */
    private boolean isIntInstruction(Task task, long eip, int vector) {
        byte[] code = new byte[2];
        return task.mm() != null && kernel.userAccess().copyFromUser(task.mm(), eip, code, 0, 2)
                && (code[0] & 0xff) == 0xcd && (code[1] & 0xff) == vector;
    }

    /**
     * make_task_dead(): the task that hit a kernel bug is killed. Its exit may hit the same bug
     * (a miscounted reference put again): Linux calls that a recursive fault and carries on. Here
     * do_exit lets go of each pointer before its put, so another try gets past the broken step; a
     * kernel that still cannot end the task stops with a panic rather than a Java exception.
     */
    private void killAfterOops(Task task, String where) {
        for (int attempt = 1; ; attempt++) {
            try {
                kill(task, Signal.SIGKILL);
                return;
            } catch (RuntimeException e) {
                kernel.printk("minikernel: BUG: recursive fault while " + task + " exited: " + e);
                kernel.oops(where + ", then in do_exit", e);
                if (attempt == 3) {
                    kernel.halt(Exit.killedStatus(Signal.SIGKILL.number, false),
                            "kernel panic: " + task + " could not exit after a kernel bug");
                    return;
                }
            }
        }
    }

    /**
     * The default action of a fault nobody handles: the thread group ends, after a core file if
     * the signal's action is "core" and RLIMIT_CORE (0 unless the program raised it) allows one;
     * then the wait status has the core bit.
     */
    private void kill(Task task, Signal sig) {
        if (!task.isZombieOrDead()) {
            boolean core = sig.defaultAction == Signal.Action.CORE
                    && minikernel.kernel.exec.CoreDump.dump(task, sig.number, kernel.cpu().registers());
            Exit.doGroupExit(task, Exit.killedStatus(sig.number, core));
            Tracer tracer = kernel.syscalls().tracer();
            if (tracer != null) {
                tracer.exited(task, task.exitCode(), kernel.syscalls().manyTasks());
            }
        }
    }
}
