package minikernel.tools.debug;

import java.util.Set;

/**
 * A catchpoint: stop at a kernel event rather than an address. gdb's numbering is shared with
 * breakpoints. {@code syscalls} (for SYSCALL) is empty for "every system call".
 */
final class Catchpoint {
    enum Kind { SYSCALL, FORK, CLONE, EXEC, EXIT, SIGNAL, PAGEFAULT }

    final int number;
    final Kind kind;
    final Set<Integer> syscalls;
    final String what;
    boolean enabled = true;
    int hits;

    Catchpoint(int number, Kind kind, Set<Integer> syscalls, String what) {
        this.number = number;
        this.kind = kind;
        this.syscalls = syscalls;
        this.what = what;
    }

    boolean catchesSyscall(int nr) {
        return enabled && kind == Kind.SYSCALL && (syscalls.isEmpty() || syscalls.contains(nr));
    }
}
