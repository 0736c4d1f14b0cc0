package minikernel.kernel.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The table's rows carry Linux's i386 numbers: each row's name is the name syscall_32.tbl gives it. */
class SyscallTableTest {
    @Test
    void everyRowHasTheLinuxNameForItsNumber() {
        for (Syscall s : Syscall.values()) {
            assertEquals(SyscallNames.of(s.number()), s.traceName(), "number " + s.number());
            assertSame(s, Syscall.byNumber(s.number()));
        }
    }

    @Test
    void numbersWithoutARowAreNotImplemented() {
        assertNull(Syscall.byNumber(386), "rseq");
        assertNull(Syscall.byNumber(-1));
        assertNull(Syscall.byNumber(1L << 32));
        assertEquals("rseq", SyscallNames.of(386));
    }

    @Test
    void errorsAreTheLastPageOfValues() {
        assertEquals(true, Errno.isError(-1));
        assertEquals(true, Errno.isError(-4095));
        assertEquals(false, Errno.isError(-4096));
        assertEquals("No such file or directory", Errno.of(2).message);
    }
}
