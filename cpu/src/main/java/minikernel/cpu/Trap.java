package minikernel.cpu;

/**
 * Why {@link Cpu#run()} returned: the CPU's side of the story, before the kernel decides what it
 * means for the task (arch/x86/kernel/traps.c turns most of these into signals). System calls are
 * not traps here: they are handled inside the interrupt hook without stopping the engine.
 */
public sealed interface Trap {
    /** EIP when the engine stopped (for faults: the faulting instruction, as the CPU reports it). */
    long eip();

    /** The task's quantum ran out (the timer tick): EIP is the next block to run. */
    record Preempted(long eip) implements Trap {
    }

    /** Someone outside the engine asked it to stop (Ctrl-C, a watchdog). */
    record Interrupted(long eip) implements Trap {
    }

    /** The kernel asked for the stop from inside a hook (a task exited, blocked or must be switched). */
    record Stopped(long eip) implements Trap {
    }

    /** #PF that the kernel's fault handler could not resolve; {@code address} is the exact byte. */
    record PageFault(long eip, long address, Access access, PageFaultHandler.Result cause) implements Trap {
    }

    /** #GP: a privileged instruction at CPL 3, {@code int n} through a ring-0 gate, IN/OUT. */
    record GeneralProtection(long eip, String what) implements Trap {
    }

    /** #UD: an invalid or undefined opcode. */
    record InvalidOpcode(long eip) implements Trap {
    }

    /** #DE: integer division by zero or overflow. */
    record DivideError(long eip) implements Trap {
    }

    /** #BP: {@code int3} (EIP is after it, as on hardware). */
    record Breakpoint(long eip) implements Trap {
    }

    /** #OF ({@code into}) or #BR ({@code bound}): both are SIGSEGV on Linux. */
    record OverflowOrBound(long eip, int vector) implements Trap {
    }

    /** A Java hook threw: a kernel bug, not the guest's fault. */
    record HookFailure(long eip, Throwable cause) implements Trap {
    }
}
