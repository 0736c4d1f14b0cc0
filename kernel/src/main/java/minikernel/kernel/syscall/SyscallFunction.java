package minikernel.kernel.syscall;

import minikernel.kernel.sched.Task;

/**
 * The shapes of a system call handler, by argument count, like Linux's SYSCALL_DEFINE0..6. Each
 * argument is the unsigned 32-bit register value (EBX, ECX, EDX, ESI, EDI, EBP in that order); a
 * handler casts to {@code int} where the C type is signed. The result goes to EAX: a value, or
 * {@code -errno}.
 */
public sealed interface SyscallFunction {
    @FunctionalInterface
    non-sealed interface Of0 extends SyscallFunction {
        long call(Task current);
    }

    @FunctionalInterface
    non-sealed interface Of1 extends SyscallFunction {
        long call(Task current, long a);
    }

    @FunctionalInterface
    non-sealed interface Of2 extends SyscallFunction {
        long call(Task current, long a, long b);
    }

    @FunctionalInterface
    non-sealed interface Of3 extends SyscallFunction {
        long call(Task current, long a, long b, long c);
    }

    @FunctionalInterface
    non-sealed interface Of4 extends SyscallFunction {
        long call(Task current, long a, long b, long c, long d);
    }

    @FunctionalInterface
    non-sealed interface Of5 extends SyscallFunction {
        long call(Task current, long a, long b, long c, long d, long e);
    }

    @FunctionalInterface
    non-sealed interface Of6 extends SyscallFunction {
        long call(Task current, long a, long b, long c, long d, long e, long f);
    }
}
