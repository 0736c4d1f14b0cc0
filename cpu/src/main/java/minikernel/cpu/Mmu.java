package minikernel.cpu;

import static minikernel.cpu.PageTableEntry.PAGE_ACCESSED;
import static minikernel.cpu.PageTableEntry.PAGE_DIRTY;
import static minikernel.cpu.PageTableEntry.PAGE_NX;
import static minikernel.cpu.PageTableEntry.PAGE_PRESENT;
import static minikernel.cpu.PageTableEntry.PAGE_RW;
import static minikernel.cpu.PageTableEntry.PAGE_USER;
import static minikernel.cpu.unicorn.UcConst.UC_MEM_FETCH;
import static minikernel.cpu.unicorn.UcConst.UC_MEM_WRITE;
import static minikernel.cpu.unicorn.UcConst.UC_PROT_EXEC;
import static minikernel.cpu.unicorn.UcConst.UC_PROT_READ;
import static minikernel.cpu.unicorn.UcConst.UC_PROT_WRITE;

import java.util.BitSet;

/**
 * The memory-management unit: Unicorn runs with UC_TLB_VIRTUAL and asks this class, through the
 * TLB-fill hook, for every page it has no translation for. Like the hardware page walker it reads
 * the page directory at CR3 and then the page table, both in guest RAM in the Intel format, checks
 * the permission bits, sets the Accessed and Dirty bits, and answers with the frame. When the walk
 * fails it raises a page fault: it calls the kernel's {@link PageFaultHandler}, and walks again if
 * the kernel fixed the tables (demand paging, stack growth, copy-on-write).
 *
 * <p>An unresolvable access is refused: Unicorn then stops with the CPU state exactly at the
 * faulting instruction, but the hook has seen only the page. For the exact byte the {@link Cpu}
 * replays that one instruction with {@link #probe} set: the page is then answered with a "poison"
 * frame outside RAM, and the access reaches the unmapped-memory hook with its full address.
 * (Answering with poison in the first place would give the address but not a precise CPU state:
 * Unicorn then stops at the end of the translated block with EIP at its start.)
 */
public final class Mmu {
    /** A physical page beyond the end of RAM (at most 3 GiB): Unicorn has no memory there, so accesses trap. */
    static final long POISON = 0xfffff000L;

    private final PhysicalMemory ram;
    private final BitSet executedFrames;
    private PageFaultHandler faultHandler = (address, access) -> PageFaultHandler.Result.SEGV_MAPERR;
    private long cr3;
    private boolean kernelPageExecutable = true;

    private long fills;
    private long pageFaults;
    private long faultPage = -1;
    private long probePage = -1;
    private Access faultAccess;
    private PageFaultHandler.Result faultResult;

    Mmu(PhysicalMemory ram) {
        this.ram = ram;
        this.executedFrames = new BitSet(ram.frames());
    }

    public void setFaultHandler(PageFaultHandler handler) {
        this.faultHandler = handler;
    }

    /** The page directory the walker uses: Linux's switch_mm() loads it into CR3. */
    public long cr3() {
        return cr3;
    }

    void setCr3(long pageDirectory) {
        this.cr3 = pageDirectory;
    }

    /** After the CPU enters ring 3 for good, the kernel page is data only (the GDT). */
    void sealKernelPage() {
        kernelPageExecutable = false;
    }

    /** Walks the tables for one page; the {@link minikernel.cpu.unicorn.Unicorn.TlbFillHook}. */
    long fill(long va, int type) {
        fills++;
        if (va == probePage) {
            return POISON | UC_PROT_READ | UC_PROT_WRITE;
        }
        if (va == KernelPage.VIRTUAL) {
            return fillKernelPage(type);
        }
        Access access = Access.ofUcMemType(type);
        for (int attempt = 0; ; attempt++) {
            long pdeAddress = cr3 + 4L * PageTableEntry.pgdIndex(va);
            int pde = ram.getInt(pdeAddress);
            if ((pde & PAGE_PRESENT) != 0) {
                long pteAddress = PageTableEntry.frame(pde) + 4L * PageTableEntry.pteIndex(va);
                int pte = ram.getInt(pteAddress);
                if (permits(pde, pte, type)) {
                    return translate(pdeAddress, pde, pteAddress, pte, type);
                }
            }
            if (attempt > 0) {
                // The handler said HANDLED but the tables still refuse: a kernel bug, reported as such.
                throw new IllegalStateException(String.format(
                        "page fault handler left %s of 0x%08x unmapped", access, va));
            }
            pageFaults++;
            PageFaultHandler.Result result = faultHandler.handlePageFault(va, access);
            if (result != PageFaultHandler.Result.HANDLED) {
                return refuse(va, access, result);
            }
        }
    }

    private static boolean permits(int pde, int pte, int type) {
        int both = pde & pte;
        if ((both & (PAGE_PRESENT | PAGE_USER)) != (PAGE_PRESENT | PAGE_USER)) {
            return false;
        }
        return switch (type) {
            case UC_MEM_WRITE -> (both & PAGE_RW) != 0;
            case UC_MEM_FETCH -> ((pde | pte) & PAGE_NX) == 0;
            default -> true;
        };
    }

    /**
     * Sets A (and D on a write) as the hardware does, and answers with the frame. A page that is not
     * yet dirty is handed out without write permission, so its first write comes back here and sets D.
     */
    private long translate(long pdeAddress, int pde, long pteAddress, int pte, int type) {
        if ((pde & PAGE_ACCESSED) == 0) {
            ram.setInt(pdeAddress, pde | PAGE_ACCESSED);
        }
        int updated = pte | PAGE_ACCESSED | (type == UC_MEM_WRITE ? PAGE_DIRTY : 0);
        if (updated != pte) {
            ram.setInt(pteAddress, updated);
        }
        long frame = PageTableEntry.frame(updated);
        if (type == UC_MEM_FETCH) {
            executedFrames.set((int) (frame >>> PhysicalMemory.PAGE_SHIFT));
        }
        int perms = UC_PROT_READ;
        if ((pde & updated & PAGE_RW) != 0 && (updated & PAGE_DIRTY) != 0) {
            perms |= UC_PROT_WRITE;
        }
        if (((pde | updated) & PAGE_NX) == 0) {
            perms |= UC_PROT_EXEC;
        }
        return frame | perms;
    }

    private long fillKernelPage(int type) {
        if (type == UC_MEM_WRITE || type == UC_MEM_FETCH && !kernelPageExecutable) {
            // The hook cannot tell ring 0 from ring 3; the CPU itself only ever reads the GDT.
            return refuse(KernelPage.VIRTUAL, Access.ofUcMemType(type), PageFaultHandler.Result.SEGV_ACCERR);
        }
        return KernelPage.PHYSICAL | UC_PROT_READ | (kernelPageExecutable ? UC_PROT_EXEC : 0);
    }

    private long refuse(long va, Access access, PageFaultHandler.Result result) {
        faultPage = va & ~0xfffL;
        faultAccess = access;
        faultResult = result;
        return -1;
    }

    /** While set, accesses to this page reach the poison frame (see the class comment); -1 to end. */
    void probe(long page) {
        probePage = page;
    }

    /** The page of the last unresolved fault, -1 if none since {@link #clearFault}. */
    long faultPage() {
        return faultPage;
    }

    Access faultAccess() {
        return faultAccess;
    }

    PageFaultHandler.Result faultResult() {
        return faultResult;
    }

    void clearFault() {
        faultPage = -1;
        faultAccess = null;
        faultResult = null;
    }

    /** True if the CPU has fetched code from this frame since {@link #forgetExecuted} (it may hold translated code). */
    public boolean wasExecuted(long frame) {
        return executedFrames.get((int) (frame >>> PhysicalMemory.PAGE_SHIFT));
    }

    /** Called after a full translation flush: no frame holds translated code any more. */
    void forgetExecuted() {
        executedFrames.clear();
    }

    /** Pages translated through the hook since boot. */
    public long fills() {
        return fills;
    }

    /** Page faults raised to the kernel since boot (resolved or not). */
    public long pageFaults() {
        return pageFaults;
    }
}
