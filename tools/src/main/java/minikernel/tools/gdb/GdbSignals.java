package minikernel.tools.gdb;

/**
 * The remote protocol numbers signals its own way (gdb's enum gdb_signal, include/gdb/signals.def,
 * BSD's order), not Linux's: SIGBUS is 10 there and 7 on Linux, SIGUSR1 30 and 10, SIGCHLD 20 and
 * 17. gdbserver translates at its edge (gdb_signal_from_host); so does the stub: T and X packets
 * carry gdb's numbers, and C, S and vCont's signals come back to Linux's.
 */
final class GdbSignals {
    /** gdb's number for each Linux i386 signal 1..31 (SIGSTKFLT has none: gdb's "unknown", 143). */
    private static final int[] FROM_LINUX = {
        0,
        1, 2, 3, 4, 5, 6, 10, 8, 9, 30,          // HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1
        11, 31, 13, 14, 15, 143, 20, 19, 17, 18, // SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP TSTP
        21, 22, 16, 24, 25, 26, 27, 28, 23, 32,  // TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO PWR
        12,                                      // SYS
    };
    private static final int UNKNOWN = 143;
    private static final int REALTIME_32 = 77, REALTIME_33 = 45, REALTIME_63 = 75, REALTIME_64 = 78;

    private GdbSignals() {
    }

    /** gdb's number for Linux signal {@code sig} (1..64). */
    static int fromLinux(int sig) {
        if (sig >= 1 && sig <= 31) {
            return FROM_LINUX[sig];
        }
        if (sig == 32) {
            return REALTIME_32;
        }
        if (sig >= 33 && sig <= 63) {
            return REALTIME_33 + sig - 33;
        }
        return sig == 64 ? REALTIME_64 : UNKNOWN;
    }

    /** The Linux signal for gdb's number {@code gdbSig}; 0 for none or one Linux does not have. */
    static int toLinux(int gdbSig) {
        if (gdbSig == 0 || gdbSig == UNKNOWN) {
            return 0;
        }
        for (int sig = 1; sig <= 64; sig++) {
            if (fromLinux(sig) == gdbSig) {
                return sig;
            }
        }
        return 0;
    }
}
