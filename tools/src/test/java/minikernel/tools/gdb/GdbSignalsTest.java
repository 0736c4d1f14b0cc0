package minikernel.tools.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Linux's signal numbers against the remote protocol's (gdb's include/gdb/signals.def). */
class GdbSignalsTest {

    @Test
    void theNumbersThatDifferAreTranslated() {
        assertEquals(11, GdbSignals.fromLinux(11));     // SIGSEGV: the same in both
        assertEquals(10, GdbSignals.fromLinux(7));      // SIGBUS
        assertEquals(30, GdbSignals.fromLinux(10));     // SIGUSR1
        assertEquals(31, GdbSignals.fromLinux(12));     // SIGUSR2
        assertEquals(20, GdbSignals.fromLinux(17));     // SIGCHLD
        assertEquals(19, GdbSignals.fromLinux(18));     // SIGCONT
        assertEquals(17, GdbSignals.fromLinux(19));     // SIGSTOP
        assertEquals(18, GdbSignals.fromLinux(20));     // SIGTSTP
        assertEquals(16, GdbSignals.fromLinux(23));     // SIGURG
        assertEquals(23, GdbSignals.fromLinux(29));     // SIGIO
        assertEquals(32, GdbSignals.fromLinux(30));     // SIGPWR
        assertEquals(12, GdbSignals.fromLinux(31));     // SIGSYS
        assertEquals(143, GdbSignals.fromLinux(16));    // SIGSTKFLT: gdb has none
        assertEquals(77, GdbSignals.fromLinux(32));
        assertEquals(45, GdbSignals.fromLinux(33));
        assertEquals(75, GdbSignals.fromLinux(63));
        assertEquals(78, GdbSignals.fromLinux(64));
    }

    @Test
    void everyLinuxSignalComesBackButStkflt() {
        for (int sig = 1; sig <= 64; sig++) {
            assertEquals(sig == 16 ? 0 : sig, GdbSignals.toLinux(GdbSignals.fromLinux(sig)), "signal " + sig);
        }
        assertEquals(0, GdbSignals.toLinux(0));
        assertEquals(0, GdbSignals.toLinux(7));         // SIGEMT: not on Linux
    }
}
