package minikernel.kernel.arch;

import minikernel.cpu.PageFaultHandler;
import minikernel.cpu.Trap;
import minikernel.kernel.Kernel;
import minikernel.kernel.sched.Exit;
import minikernel.kernel.sched.Scheduler;
import minikernel.kernel.sched.Task;
import minikernel.kernel.signal.Signal;
import minikernel.kernel.syscall.Tracer;

/**
 * What a CPU exception means for the task that caused it: arch/x86/kernel/traps.c and
 * arch/x86/mm/fault.c turn each one into a signal (#PF and #GP into SIGSEGV, #UD into SIGILL, #DE
 * into SIGFPE, #BP into SIGTRAP). Signals are not delivered to handlers yet, so the signal's default
 * action applies: the task is killed, after a one-line report on the console like Linux's
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
                    report(task, "killed: out of memory at eip 0x%08x %s 0x%08x", pf.eip(), pf.access().verb(), pf.address());
                    kill(task, Signal.SIGKILL);
                    return;
                }
                Signal sig = pf.cause() == PageFaultHandler.Result.SIGBUS ? Signal.SIGBUS : Signal.SIGSEGV;
                report(task, "%s at eip 0x%08x %s 0x%08x", sig, pf.eip(), pf.access().verb(), pf.address());
                String code = switch (pf.cause()) {
                    case SEGV_ACCERR -> "SEGV_ACCERR";
                    case SIGBUS -> "BUS_ADRERR";
                    default -> "SEGV_MAPERR";
                };
                traceSignal(task, sig, code, pf.address());
                kill(task, sig);
            }
            case Trap.GeneralProtection gp -> {
                report(task, "SIGSEGV at eip 0x%08x (general protection: %s)", gp.eip(), gp.what());
                traceSignal(task, Signal.SIGSEGV, "SI_KERNEL", 0);
                kill(task, Signal.SIGSEGV);
            }
            case Trap.InvalidOpcode ud -> {
                report(task, "SIGILL at eip 0x%08x (invalid opcode)", ud.eip());
                traceSignal(task, Signal.SIGILL, "ILL_ILLOPN", ud.eip());
                kill(task, Signal.SIGILL);
            }
            case Trap.DivideError de -> {
                report(task, "SIGFPE at eip 0x%08x (divide error)", de.eip());
                traceSignal(task, Signal.SIGFPE, "FPE_INTDIV", de.eip());
                kill(task, Signal.SIGFPE);
            }
            case Trap.Breakpoint bp -> {
                report(task, "SIGTRAP at eip 0x%08x (breakpoint)", bp.eip());
                traceSignal(task, Signal.SIGTRAP, "SI_KERNEL", 0);
                kill(task, Signal.SIGTRAP);
            }
            case Trap.OverflowOrBound ob -> {
                report(task, "SIGSEGV at eip 0x%08x (%s)", ob.eip(), ob.vector() == 4 ? "overflow" : "bound range");
                kill(task, Signal.SIGSEGV);
            }
            case Trap.Interrupted in -> {
                report(task, "interrupted at eip 0x%08x", in.eip());
                kernel.halt(Exit.killedStatus(Signal.SIGINT.number, false), "interrupted");
            }
            case Trap.HookFailure hf -> {
                // A kernel bug, not the guest's: the Java stack trace is for the developer.
                kernel.printk(String.format("minikernel: BUG: internal error while running %s at eip 0x%08x: %s",
                        task, hf.eip(), hf.cause()));
                java.io.StringWriter trace = new java.io.StringWriter();
                hf.cause().printStackTrace(new java.io.PrintWriter(trace));
                kernel.printk(trace.toString().stripTrailing());
                kill(task, Signal.SIGKILL);
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

    private void report(Task task, String format, Object... args) {
        kernel.printk(task.comm() + "[" + task.pid() + "]: " + String.format(format, args));
    }

    /**
     * force_sig() with the default action, for now the only one: terminate the thread group. No core
     * file is written (RLIMIT_CORE is 0, Linux's usual default), so the status has no core bit.
     */
    private void kill(Task task, Signal sig) {
        if (!task.isZombieOrDead()) {
            Exit.doGroupExit(task, Exit.killedStatus(sig.number, false));
            Tracer tracer = kernel.syscalls().tracer();
            if (tracer != null) {
                tracer.exited(task, task.exitCode(), kernel.syscalls().manyTasks());
            }
        }
    }
}
