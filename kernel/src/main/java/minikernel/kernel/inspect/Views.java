package minikernel.kernel.inspect;

import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.TaskState;

/** Small formatting helpers the views share: pointers, task references, aligned rows. */
final class Views {
    private Views() {
    }

    /** A user address or other 32-bit value as C prints a pointer: "0x0804c0a0", or "NULL" for 0. */
    static String ptr(long v) {
        return v == 0 ? "NULL" : hex(v);
    }

    /** "0x0804c0a0": eight hex digits, the width of an i386 address. */
    static String hex(long v) {
        return String.format("0x%08x", v);
    }

    /** "comm[pid]" as the kernel's messages name a task, or "NULL". */
    static String task(Task t) {
        return t == null ? "NULL" : t.toString();
    }

    /** The one letter ps shows for a state: R, S, D, T, Z, X. */
    static char stateLetter(Task t) {
        return t.state().procText().charAt(0);
    }

    /** A sleeper: waiting for an event (S, D) or stopped by a signal (T). */
    static boolean asleep(Task t) {
        TaskState s = t.state();
        return s == TaskState.INTERRUPTIBLE || s == TaskState.UNINTERRUPTIBLE || s == TaskState.STOPPED;
    }

    /** Removes the spaces a fixed-width last column left at the end of a row, then ends the line. */
    static void endLine(StringBuilder b) {
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == ' ') {
            end--;
        }
        b.setLength(end);
        b.append('\n');
    }
}
