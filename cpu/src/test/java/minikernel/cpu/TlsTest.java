package minikernel.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import minikernel.cpu.unicorn.UcConst;
import org.junit.jupiter.api.Test;

/** Thread-local storage: a GDT entry per task, selected by %gs, reloaded on every switch. */
class TlsTest {
    // mov $0x63,%eax ; mov %eax,%gs ; mov %gs:4,%eax ; mov $1,%ebx?  -> keep: mov %gs:4,%ecx ; mov $1,%eax ; int $0x80
    private static final int[] READ_GS = {0xb8, 0x63, 0, 0, 0, 0x8e, 0xe8, 0x65, 0x8b, 0x0d, 4, 0, 0, 0,
            0xb8, 1, 0, 0, 0, 0xcd, 0x80};

    private static SegmentDescriptor[] tls(long base) {
        SegmentDescriptor d = new SegmentDescriptor(base, 0xfffff, 0x3, true, 3, true, true, true, true);
        return new SegmentDescriptor[]{d, SegmentDescriptor.EMPTY, SegmentDescriptor.EMPTY};
    }

    @Test
    void descriptorsEncodeAsTheSdmDraws() {
        // A flat ring-3 data segment: limit ffff, base 0, access f3, flags+limit cf.
        assertEquals(0x00cff3000000ffffL, SegmentDescriptor.flat(false, 3).encode());
        SegmentDescriptor d = tls(0x12345678L)[0];
        assertEquals(d, SegmentDescriptor.decode(d.encode()));
    }

    @Test
    void gsReadsThroughTheTaskTlsEntry() {
        try (TestMachine m = new TestMachine()) {
            m.load(READ_GS);
            m.ram.setInt(PageTableEntry.frame(m.pte(TestMachine.DATA)) + 0x104, 0xcafe);
            m.cpu.loadTls(tls(TestMachine.DATA + 0x100));
            assertInstanceOf(Trap.Stopped.class, m.cpu.run());
            assertEquals(0xcafe, m.cpu.reg(UcConst.ECX));
            assertEquals(0x63, m.cpu.reg(UcConst.GS));
        }
    }

    @Test
    void switchingTlsReloadsTheLoadedSelector() {
        try (TestMachine m = new TestMachine()) {
            // mov %gs:4,%ecx ; mov $1,%eax ; int $0x80 : %gs already loaded from an earlier run
            CpuContext c = m.load(READ_GS);
            long page = PageTableEntry.frame(m.pte(TestMachine.DATA));
            m.ram.setInt(page + 0x104, 1);
            m.ram.setInt(page + 0x204, 2);
            m.cpu.loadTls(tls(TestMachine.DATA + 0x100));
            m.cpu.run();
            assertEquals(1, m.cpu.reg(UcConst.ECX));
            m.cpu.saveContext(c);
            m.cpu.restoreContext(c);
            m.cpu.loadTls(tls(TestMachine.DATA + 0x200));
            m.cpu.setEip(TestMachine.CODE + 7);
            m.cpu.run();
            assertEquals(2, m.cpu.reg(UcConst.ECX), "the new descriptor took effect without the task reloading %gs");
        }
    }
}
