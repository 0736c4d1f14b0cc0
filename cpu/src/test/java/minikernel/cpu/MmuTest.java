package minikernel.cpu;

import static minikernel.cpu.PageTableEntry.PAGE_ACCESSED;
import static minikernel.cpu.PageTableEntry.PAGE_DIRTY;
import static minikernel.cpu.PageTableEntry.PAGE_PRESENT;
import static minikernel.cpu.PageTableEntry.PAGE_RW;
import static minikernel.cpu.PageTableEntry.PAGE_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java MMU walks real i386 page tables in RAM, raises page faults, and reports exact addresses. */
class MmuTest {
    // mov (%esi),%eax ; mov %eax,(%edi) ; mov $1,%eax ; int $0x80
    private static final int[] COPY = {0x8b, 0x06, 0x89, 0x07, 0xb8, 1, 0, 0, 0, 0xcd, 0x80};

    @Test
    void translatesThroughThePageTablesInRam() {
        try (TestMachine m = new TestMachine()) {
            m.load(COPY);
            long src = m.map(0x10000000L, false, false);
            m.ram.setInt(src + 0x10, 0x12345678);
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.ESI, 0x10000010L);
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.EDI, TestMachine.DATA + 4);
            assertInstanceOf(Trap.Stopped.class, m.cpu.run());
            assertEquals(0x12345678, m.peek32(TestMachine.DATA + 4));
        }
    }

    @Test
    void accessedAndDirtyBitsAreSetAsTheHardwareDoes() {
        try (TestMachine m = new TestMachine()) {
            m.load(COPY);
            m.map(0x10000000L, false, false);
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.ESI, 0x10000000L);
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.EDI, TestMachine.DATA);
            m.cpu.run();
            int read = m.pte(0x10000000L), written = m.pte(TestMachine.DATA);
            assertEquals(PAGE_ACCESSED, read & (PAGE_ACCESSED | PAGE_DIRTY), "read page: A, not D");
            assertEquals(PAGE_ACCESSED | PAGE_DIRTY, written & (PAGE_ACCESSED | PAGE_DIRTY), "written page: A and D");
        }
    }

    @Test
    void demandZeroPagesComeFromTheFaultHandler() {
        try (TestMachine m = new TestMachine()) {
            m.load(COPY);
            List<String> faults = new ArrayList<>();
            m.cpu.setPageFaultHandler((address, access) -> {
                faults.add(String.format("%x %s", address, access));
                if (address >= 0x20000000L && address < 0x20010000L) {
                    long frame = m.allocFrame();
                    m.ram.setInt(m.pteAddress(m.pgd, address), (int) frame | PAGE_PRESENT | PAGE_RW | PAGE_USER);
                    return PageFaultHandler.Result.HANDLED;
                }
                return PageFaultHandler.Result.SEGV_MAPERR;
            });
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.ESI, 0x20000100L);
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.EDI, 0x20003000L);
            assertInstanceOf(Trap.Stopped.class, m.cpu.run());
            assertEquals(List.of("20000000 READ", "20003000 WRITE"), faults);
            assertEquals(0, m.peek32(0x20003000L), "a demand-zero page reads as zero");
        }
    }

    @Test
    void unmappedReadGivesTheExactAddress() {
        try (TestMachine m = new TestMachine()) {
            m.load(COPY);
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.ESI, 0x60000123L);
            Trap t = m.cpu.run();
            assertEquals(new Trap.PageFault(TestMachine.CODE, 0x60000123L, Access.READ,
                    PageFaultHandler.Result.SEGV_MAPERR), t);
        }
    }

    @Test
    void aFaultIsPreciseAndTheAddressProbeLeavesNoTrace() {
        try (TestMachine m = new TestMachine()) {
            // inc %ecx ; mov (%esi),%eax ; mov $5,%ebx ; mov %ebx,(%edi) ; mov $1,%eax ; int $0x80
            m.load(0x41, 0x8b, 0x06, 0xbb, 5, 0, 0, 0, 0x89, 0x1f, 0xb8, 1, 0, 0, 0, 0xcd, 0x80);
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.ESI, 0x60000123L);
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.EDI, TestMachine.DATA);
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.EAX, 7);
            Trap t = m.cpu.run();
            assertEquals(new Trap.PageFault(TestMachine.CODE + 1, 0x60000123L, Access.READ,
                    PageFaultHandler.Result.SEGV_MAPERR), t);
            assertEquals(1, m.cpu.reg(minikernel.cpu.unicorn.UcConst.ECX), "the instruction before ran once");
            assertEquals(7, m.cpu.eax(), "the faulting load did not complete");
            assertEquals(0, m.cpu.reg(minikernel.cpu.unicorn.UcConst.EBX), "nothing after it ran");
            assertEquals(0, m.peek32(TestMachine.DATA));
            assertEquals(TestMachine.CODE + 1, m.cpu.eip());
        }
    }

    @Test
    void accessStraddlingIntoAnUnmappedPageFaultsAtThatPage() {
        try (TestMachine m = new TestMachine()) {
            m.load(COPY);
            m.map(0x10000000L, false, false);
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.ESI, 0x10000ffeL);
            Trap t = m.cpu.run();
            assertEquals(0x10001000L, ((Trap.PageFault) t).address());
        }
    }

    @Test
    void writeToReadOnlyPageFaultsWithItsAddress() {
        try (TestMachine m = new TestMachine()) {
            m.load(COPY);
            m.map(0x10000000L, false, false);
            m.cpu.setPageFaultHandler((address, access) -> PageFaultHandler.Result.SEGV_ACCERR);
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.ESI, 0x10000000L);
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.EDI, 0x10000ffeL);
            Trap t = m.cpu.run();
            assertEquals(new Trap.PageFault(TestMachine.CODE + 2, 0x10000ffeL, Access.WRITE,
                    PageFaultHandler.Result.SEGV_ACCERR), t);
        }
    }

    @Test
    void fetchFromNoExecutePageFaults() {
        try (TestMachine m = new TestMachine()) {
            // jmp *%esi
            m.load(0xff, 0xe6);
            m.poke(TestMachine.DATA, 0x90, 0x90);
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.ESI, TestMachine.DATA);
            Trap t = m.cpu.run();
            assertEquals(new Trap.PageFault(TestMachine.DATA, TestMachine.DATA, Access.FETCH,
                    PageFaultHandler.Result.SEGV_MAPERR), t);
        }
    }

    @Test
    void kernelPageIsNeitherWritableNorExecutableFromUserMode() {
        try (TestMachine m = new TestMachine()) {
            m.load(COPY);
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.ESI, TestMachine.DATA);
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.EDI, KernelPage.VIRTUAL + 0x10);
            Trap t = m.cpu.run();
            assertInstanceOf(Trap.PageFault.class, t);
            assertEquals(KernelPage.VIRTUAL + 0x10, ((Trap.PageFault) t).address());
        }
        try (TestMachine m = new TestMachine()) {
            m.load(0xff, 0xe6);
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.ESI, KernelPage.VIRTUAL + KernelPage.IRET_CODE);
            assertInstanceOf(Trap.PageFault.class, m.cpu.run());
        }
    }

    @Test
    void aThousandFaultingAddressSpacesThenAGoodOne() {
        try (TestMachine m = new TestMachine()) {
            CpuContext good = m.load(COPY);
            m.map(0x10000000L, false, false);
            m.ram.setInt(PageTableEntry.frame(m.pte(0x10000000L)), 42);
            long goodPgd = m.pgd;
            for (int i = 0; i < 1000; i++) {
                m.pgd = m.newPageDirectory();
                m.cpu.switchMm(m.pgd);
                CpuContext bad = m.load(COPY);
                long address = 0x40000000L + i * 0x1235L;
                m.cpu.setReg(minikernel.cpu.unicorn.UcConst.ESI, address);
                Trap t = m.cpu.run();
                assertEquals(address, ((Trap.PageFault) t).address(), "task " + i);
                m.cpu.freeContext(bad);
                if (m.nextFrame > 14 << 20) {
                    break;
                }
            }
            m.pgd = goodPgd;
            m.cpu.switchMm(goodPgd);
            m.cpu.restoreContext(good);
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.ESI, 0x10000000L);
            m.cpu.setReg(minikernel.cpu.unicorn.UcConst.EDI, TestMachine.DATA);
            assertInstanceOf(Trap.Stopped.class, m.cpu.run());
            assertEquals(42, m.peek32(TestMachine.DATA));
            assertTrue(m.cpu.tlbFlushes() > 1000);
        }
    }
}
