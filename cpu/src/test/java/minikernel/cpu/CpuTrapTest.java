package minikernel.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import minikernel.cpu.unicorn.UcConst;
import org.junit.jupiter.api.Test;

/** The trap model: each kind of CPU exception at CPL 3 comes back as the right {@link Trap}. */
class CpuTrapTest {
    private static final int MOV_EAX = 0xb8;    // mov $imm32, %eax
    private static final int[] INT80 = {0xcd, 0x80};

    static int[] concat(int[]... parts) {
        int n = 0;
        for (int[] p : parts) n += p.length;
        int[] r = new int[n];
        int i = 0;
        for (int[] p : parts) for (int b : p) r[i++] = b;
        return r;
    }

    static int[] movEax(int v) {
        return new int[]{MOV_EAX, v & 0xff, v >>> 8 & 0xff, v >>> 16 & 0xff, v >>> 24 & 0xff};
    }

    @Test
    void syscallsRunInsideTheHookAndExitStops() {
        try (TestMachine m = new TestMachine()) {
            m.load(concat(movEax(20), INT80, movEax(64), INT80, movEax(1), INT80));
            Trap t = m.cpu.run();
            assertInstanceOf(Trap.Stopped.class, t);
            assertEquals(List.of(20L, 64L, 1L), m.syscalls);
            assertEquals(TestMachine.CODE + 5 * 3 + 2 * 3, t.eip());
            assertEquals(3, m.cpu.reg(UcConst.CS) & 3, "user code runs at CPL 3");
        }
    }

    @Test
    void ud2IsInvalidOpcode() {
        try (TestMachine m = new TestMachine()) {
            m.load(0x90, 0x0f, 0x0b);
            Trap t = m.cpu.run();
            assertEquals(new Trap.InvalidOpcode(TestMachine.CODE + 1), t);
        }
    }

    @Test
    void divideByZeroIsDivideErrorAtTheInstruction() {
        try (TestMachine m = new TestMachine()) {
            // xor %ecx,%ecx ; div %ecx
            m.load(0x31, 0xc9, 0xf7, 0xf1);
            assertEquals(new Trap.DivideError(TestMachine.CODE + 2), m.cpu.run());
        }
    }

    @Test
    void privilegedInstructionsAreGeneralProtection() {
        int[][] privileged = {{0xfa}, {0xf4}, {0x0f, 0x22, 0xd8}, {0xcd, 0x0d}, {0xcd, 0x00}, {0x0f, 0x01, 0x15, 0, 0, 0, 0}};
        for (int[] code : privileged) {
            try (TestMachine m = new TestMachine()) {
                m.load(code);
                Trap t = m.cpu.run();
                assertInstanceOf(Trap.GeneralProtection.class, t, () -> "for " + java.util.Arrays.toString(code) + ": " + t);
            }
        }
    }

    @Test
    void portIoAtCpl3Faults() {
        // Unicorn does not raise #GP for IN/OUT; it makes a stray read of linear address 0 (a page
        // fault) or reaches the IN/OUT hook (EIP after the instruction). Either way the task gets
        // SIGSEGV, as on Linux.
        for (int[] code : new int[][]{{0xe6, 0x80}, {0xe4, 0x60}, {0xec}}) {
            try (TestMachine m = new TestMachine()) {
                m.load(code);
                Trap t = m.cpu.run();
                assertTrue(t instanceof Trap.GeneralProtection || t instanceof Trap.PageFault, t::toString);
                assertTrue(t.eip() == TestMachine.CODE || t.eip() == TestMachine.CODE + code.length, t::toString);
            }
        }
    }

    @Test
    void int3IsBreakpointWithEipAfterIt() {
        try (TestMachine m = new TestMachine()) {
            m.load(0x90, 0xcc);
            assertEquals(new Trap.Breakpoint(TestMachine.CODE + 2), m.cpu.run());
        }
    }

    @Test
    void repeatedFaultsNeverBecomeDoubleFaults() {
        // Without the old_exception reset the second #DE arrives as #DF and the third is lost.
        try (TestMachine m = new TestMachine()) {
            CpuContext c = m.load(0x31, 0xc9, 0xf7, 0xf1);
            m.cpu.saveContext(c);
            for (int i = 0; i < 20; i++) {
                m.cpu.restoreContext(c);
                assertEquals(new Trap.DivideError(TestMachine.CODE + 2), m.cpu.run(), "fault " + i);
            }
        }
    }

    @Test
    void quantumPreemptsAnInfiniteLoopDeterministically() {
        long[] stops = new long[2];
        for (int run = 0; run < 2; run++) {
            try (TestMachine m = new TestMachine()) {
                // inc %eax ; jmp -3
                m.load(0x40, 0xeb, 0xfd);
                m.cpu.quantum().set(1000);
                Trap t = m.cpu.run();
                assertInstanceOf(Trap.Preempted.class, t);
                stops[run] = m.cpu.eax();
                assertTrue(m.cpu.quantum().blocks() >= 1000);
            }
        }
        assertEquals(stops[0], stops[1], "the same quantum stops at the same point");
    }
}
