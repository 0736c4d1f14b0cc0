package minikernel.kernel.syscall;

import minikernel.kernel.sched.Task;

/**
 * The shapes of a system call handler, by argument count, like Linux's SYSCALL_DEFINE0..6. Each
 * argument is the unsigned 32-bit register value (EBX, ECX, EDX, ESI, EDI, EBP in that order); a
 * handler casts to {@code int} where the C type is signed. The result goes to EAX: a value, or
 * {@code -errno}.
 */
public sealed interface SyscallFunction {
    /** Calls the handler with the first arguments of {@code a} (a virtual call: cheap in every JIT tier). */
    long invoke(Task current, long[] a);

    @FunctionalInterface
    non-sealed interface Of0 extends SyscallFunction {
        long call(Task current);

        @Override
        default long invoke(Task current, long[] a) {
            return call(current);
        }
    }

    @FunctionalInterface
    non-sealed interface Of1 extends SyscallFunction {
        long call(Task current, long a);

        @Override
        default long invoke(Task current, long[] a) {
            return call(current, a[0]);
        }
    }

    @FunctionalInterface
    non-sealed interface Of2 extends SyscallFunction {
        long call(Task current, long a, long b);

        @Override
        default long invoke(Task current, long[] a) {
            return call(current, a[0], a[1]);
        }
    }

    @FunctionalInterface
    non-sealed interface Of3 extends SyscallFunction {
        long call(Task current, long a, long b, long c);

        @Override
        default long invoke(Task current, long[] a) {
            return call(current, a[0], a[1], a[2]);
        }
    }

    @FunctionalInterface
    non-sealed interface Of4 extends SyscallFunction {
        long call(Task current, long a, long b, long c, long d);

        @Override
        default long invoke(Task current, long[] a) {
            return call(current, a[0], a[1], a[2], a[3]);
        }
    }

    @FunctionalInterface
    non-sealed interface Of5 extends SyscallFunction {
        long call(Task current, long a, long b, long c, long d, long e);

        @Override
        default long invoke(Task current, long[] a) {
            return call(current, a[0], a[1], a[2], a[3], a[4]);
        }
    }

    @FunctionalInterface
    non-sealed interface Of6 extends SyscallFunction {
        long call(Task current, long a, long b, long c, long d, long e, long f);

        @Override
        default long invoke(Task current, long[] a) {
            return call(current, a[0], a[1], a[2], a[3], a[4], a[5]);
        }
    }
}
