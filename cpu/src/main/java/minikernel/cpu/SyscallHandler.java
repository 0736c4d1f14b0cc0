package minikernel.cpu;

/**
 * The kernel's entry for {@code int $0x80}. It runs inside the interrupt hook with EIP already past
 * the instruction, reads the number and arguments from the registers, and writes the result to EAX;
 * the guest goes on without the engine stopping (DESIGN.md decision 7). To stop the engine (the
 * task exits or blocks) it calls {@link Cpu#stopAfterHook()}.
 */
@FunctionalInterface
public interface SyscallHandler {
    void syscall();
}
