package minikernel.kernel.mm;

import static minikernel.cpu.PageTableEntry.PAGE_NX;
import static minikernel.cpu.PageTableEntry.PAGE_PRESENT;
import static minikernel.cpu.PageTableEntry.PAGE_RW;
import static minikernel.cpu.PageTableEntry.PAGE_USER;

import minikernel.cpu.PageTableEntry;
import minikernel.cpu.PhysicalMemory;

/**
 * One address space's two-level i386 page tables, kept in guest RAM in the Intel format the
 * {@link minikernel.cpu.Mmu} walks: a page directory ({@code pgd}) of 1024 entries, each pointing to
 * a page table of 1024 PTEs. Page-table frames are allocated when the first page in their 4 MiB
 * is mapped and freed with the address space (Linux's pte_alloc / free_pgtables).
 *
 * <p>Changing or removing a present PTE leaves a stale translation in the CPU's TLB: callers flush
 * it (Linux's flush_tlb_range) before the guest runs again.
 */
public final class PageTables {
    /** The first address a user mapping may not reach: TASK_SIZE of an i386 program on x86-64 Linux. */
    public static final long TASK_SIZE = 0xffffe000L;
    private static final int ENTRIES = 1024;
    private static final long PGDIR_SIZE = 1L << 22;

    private final PhysicalMemory ram;
    private final FrameAllocator frames;
    private final long pgd;
    private int tableFrames;
    private final java.util.BitSet tables = new java.util.BitSet(ENTRIES);   // PDEs that hold a page table
    private int present;         // mapped pages: the mm's resident set (rss_stat)
    private int peakPresent;     // hiwater_rss

    /** Tables rooted at an empty, zeroed page directory {@code pgd} (from pgd_alloc). */
    PageTables(PhysicalMemory ram, FrameAllocator frames, long pgd) {
        this.ram = ram;
        this.frames = frames;
        this.pgd = pgd;
    }

    /** Physical address of the page directory: the value of CR3 for this address space. */
    public long pgd() {
        return pgd;
    }

    /** The PTE for {@code va}, or 0 if no page table covers it. */
    public int pte(long va) {
        int pde = ram.getInt(pgd + 4L * PageTableEntry.pgdIndex(va));
        if ((pde & PAGE_PRESENT) == 0) {
            return 0;
        }
        return ram.getInt(PageTableEntry.frame(pde) + 4L * PageTableEntry.pteIndex(va));
    }

    /** The PDE for {@code va}. */
    public int pde(long va) {
        return ram.getInt(pgd + 4L * PageTableEntry.pgdIndex(va));
    }

    /**
     * Physical address of the PTE slot for {@code va}, allocating its page table if needed
     * (pte_alloc); -1 if out of memory.
     */
    long pteSlot(long va) {
        long pdeAddress = pgd + 4L * PageTableEntry.pgdIndex(va);
        int pde = ram.getInt(pdeAddress);
        if ((pde & PAGE_PRESENT) == 0) {
            long table = frames.allocPage();
            if (table < 0) {
                return -1;
            }
            tableFrames++;
            tables.set(PageTableEntry.pgdIndex(va));
            // User-accessible and writable at the directory level; the PTE decides.
            pde = (int) table | PAGE_PRESENT | PAGE_RW | PAGE_USER;
            ram.setInt(pdeAddress, pde);
        }
        return PageTableEntry.frame(pde) + 4L * PageTableEntry.pteIndex(va);
    }

    /** Installs a PTE; false if a page table could not be allocated. */
    boolean setPte(long va, int pte) {
        long slot = pteSlot(va);
        if (slot < 0) {
            return false;
        }
        boolean was = (ram.getInt(slot) & PAGE_PRESENT) != 0, is = (pte & PAGE_PRESENT) != 0;
        if (was != is) {
            present += is ? 1 : -1;
            peakPresent = Math.max(peakPresent, present);
        }
        ram.setInt(slot, pte);
        return true;
    }

    /** Pages mapped now (the resident set). */
    public int residentPages() {
        return present;
    }

    /** The most pages mapped at any time (hiwater_rss). */
    public int peakResidentPages() {
        return peakPresent;
    }

    /** PTE bits for a page of an area with {@code vmFlags} (without RW: see {@link #writableBits}). */
    static int protectionBits(int vmFlags) {
        return PAGE_PRESENT | PAGE_USER | ((vmFlags & VmFlags.VM_EXEC) != 0 ? 0 : PAGE_NX);
    }

    /** RW as well when the area is writable. */
    static int writableBits(int vmFlags) {
        return protectionBits(vmFlags) | ((vmFlags & VmFlags.VM_WRITE) != 0 ? PAGE_RW : 0);
    }

    /**
     * Unmaps [start, end): drops the reference on every mapped frame and clears the PTEs (Linux's
     * zap_page_range). Returns the number of pages unmapped.
     */
    int zapRange(long start, long end) {
        int unmapped = 0;
        int[] entries = new int[ENTRIES];
        for (long table = start & ~(PGDIR_SIZE - 1); table < end; table += PGDIR_SIZE) {
            int pde = pde(table);
            if ((pde & PAGE_PRESENT) == 0) {
                continue;          // no page table: nothing mapped in these 4 MiB
            }
            long tableFrame = PageTableEntry.frame(pde);
            ram.readInts(tableFrame, entries);
            int from = (int) (Math.max(start, table) - table >>> 12);
            int to = (int) (Math.min(end, table + PGDIR_SIZE) - table >>> 12);
            boolean changed = false;
            for (int i = from; i < to; i++) {
                int pte = entries[i];
                if ((pte & PAGE_PRESENT) != 0) {
                    frames.putPage(PageTableEntry.frame(pte));
                    unmapped++;
                    present--;
                }
                if (pte != 0) {
                    entries[i] = 0;
                    changed = true;
                }
            }
            if (changed) {
                ram.writeInts(tableFrame, entries);
            }
        }
        return unmapped;
    }

    /**
     * Re-protects the present pages of [start, end) for an area now flagged {@code vmFlags}
     * (Linux's change_protection). Write permission is only ever removed here: a page that becomes
     * writable gets RW on its first write fault, which is also where copy-on-write is decided.
     */
    void changeProtection(long start, long end, int vmFlags) {
        int[] entries = new int[ENTRIES];
        for (long table = start & ~(PGDIR_SIZE - 1); table < end; table += PGDIR_SIZE) {
            int pde = pde(table);
            if ((pde & PAGE_PRESENT) == 0) {
                continue;
            }
            long tableFrame = PageTableEntry.frame(pde);
            ram.readInts(tableFrame, entries);
            int from = (int) (Math.max(start, table) - table >>> 12);
            int to = (int) (Math.min(end, table + PGDIR_SIZE) - table >>> 12);
            for (int i = from; i < to; i++) {
                int pte = entries[i];
                if ((pte & PAGE_PRESENT) == 0) {
                    continue;
                }
                int keep = pte & (PageTableEntry.PAGE_FRAME_MASK | PageTableEntry.PAGE_ACCESSED | PageTableEntry.PAGE_DIRTY);
                boolean stillWritable = (pte & PAGE_RW) != 0 && (vmFlags & VmFlags.VM_WRITE) != 0;
                entries[i] = keep | protectionBits(vmFlags) | (stillWritable ? PAGE_RW : 0);
            }
            ram.writeInts(tableFrame, entries);
        }
    }

    PhysicalMemory ram() {
        return ram;
    }

    /**
     * copy_page_range(): copies the present entries of [start, end) into {@code child}, each
     * frame gaining a reference; with {@code cow}, writable entries lose RW in both tables. False
     * if a page table could not be allocated.
     */
    boolean copyRange(PageTables child, long start, long end, boolean cow) {
        int[] entries = new int[ENTRIES];
        for (long table = start & ~(PGDIR_SIZE - 1); table < end; table += PGDIR_SIZE) {
            if (!tables.get(PageTableEntry.pgdIndex(table))) {
                continue;
            }
            long tableFrame = PageTableEntry.frame(ram.getInt(pgd + 4L * PageTableEntry.pgdIndex(table)));
            ram.readInts(tableFrame, entries);
            boolean downgraded = false;
            int from = (int) (Math.max(start, table) - table >>> 12), to = (int) (Math.min(end, table + PGDIR_SIZE) - table >>> 12);
            for (int i = from; i < to; i++) {
                int pte = entries[i];
                if ((pte & PAGE_PRESENT) == 0) {
                    continue;
                }
                if (cow && (pte & PAGE_RW) != 0) {
                    pte &= ~PAGE_RW;
                    entries[i] = pte;
                    downgraded = true;
                }
                if (!child.setPte(table + ((long) i << 12), pte)) {
                    return false;
                }
                frames.getPage(PageTableEntry.frame(pte));
            }
            if (downgraded) {
                ram.writeInts(tableFrame, entries);
            }
        }
        return true;
    }

    /** move_page_tables(): the entries of [from, from+length) move to [to, ...); nothing is copied. */
    void moveRange(long from, long to, long length) {
        for (long off = 0; off < length; off += PhysicalMemory.PAGE_SIZE) {
            int pte = pte(from + off);
            if ((pte & PAGE_PRESENT) == 0) {
                continue;
            }
            long slot = pteSlot(from + off);
            ram.setInt(slot, 0);
            present--;
            if (!setPte(to + off, pte)) {
                // No page table for the destination: drop the page instead of losing track of it.
                frames.putPage(PageTableEntry.frame(pte));
            }
        }
    }

    /** Frees every page table and then the page directory itself (free_pgtables + pgd_free). */
    void free() {
        for (int i = tables.nextSetBit(0); i >= 0; i = tables.nextSetBit(i + 1)) {
            int pde = ram.getInt(pgd + 4L * i);
            frames.putPage(PageTableEntry.frame(pde));
            ram.setInt(pgd + 4L * i, 0);
        }
        tables.clear();
        tableFrames = 0;
        frames.putPage(pgd);
    }

    /** Page-table frames in use (not counting the directory). */
    public int tableFrames() {
        return tableFrames;
    }
}
