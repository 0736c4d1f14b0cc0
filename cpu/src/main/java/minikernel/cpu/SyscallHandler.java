package minikernel.cpu;

/**
 * The kernel's entry for {@code int $0x80}. It runs inside the interrupt hook with EIP already past
 * the instruction and the call number (EAX) as its argument; it reads further arguments through
 * {@link Cpu#syscallArgs} and returns the value for EAX (or {@link Cpu#NO_RESULT} to leave EAX as
 * it is); the guest goes on without the engine stopping (DESIGN.md decision 7). To stop the engine
 * (the task exits or blocks) it calls {@link Cpu#stopAfterHook()}.
 */
@FunctionalInterface
public interface SyscallHandler {
    long syscall(int number);
}
