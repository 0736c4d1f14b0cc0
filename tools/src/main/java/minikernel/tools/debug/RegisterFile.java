package minikernel.tools.debug;

import java.util.Set;

/**
 * A task's registers by name, as {@code $eip} in an expression and {@code set $eax 1} name them:
 * eax, ebx, ecx, edx, esi, edi, esp, ebp, eip, eflags, cs, ds, es, fs, gs, ss.
 */
public interface RegisterFile {
    /** The value of {@code name}, zero-extended (a 32-bit register is never negative). */
    long get(String name);

    /** Sets {@code name}; the implementation keeps the low bits that fit the register. */
    void set(String name, long value);

    /** The names {@link #get} accepts, for completion and for telling a typo from a register. */
    Set<String> names();
}
