package minikernel.cpu;

/**
 * The bits of an i386 page-directory or page-table entry (two-level, 4 KiB pages, no PAE), as the
 * Intel SDM vol. 3 section 4.3 defines them and Linux's arch/x86/include/asm/pgtable_types.h names
 * them. The kernel writes entries in this format into guest RAM; the {@link Mmu} reads them.
 */
public final class PageTableEntry {
    private PageTableEntry() {
    }

    public static final int PAGE_PRESENT = 0x001;   // P: the entry maps something
    public static final int PAGE_RW = 0x002;        // R/W: writable
    public static final int PAGE_USER = 0x004;      // U/S: reachable from ring 3
    public static final int PAGE_ACCESSED = 0x020;  // A: set by the MMU on any access
    public static final int PAGE_DIRTY = 0x040;     // D: set by the MMU on the first write
    /**
     * No-execute. Two-level i386 paging has no NX bit (Linux gets one only with PAE, as bit 63); the
     * guest's oracle, an x86-64 kernel, does enforce it, so we keep it in bit 9, one of the three
     * bits the SDM leaves to software, and our MMU honours it.
     */
    public static final int PAGE_NX = 0x200;
    public static final int PAGE_FRAME_MASK = 0xfffff000;

    /** Physical address of the frame an entry points to. */
    public static long frame(int entry) {
        return entry & 0xfffff000L;
    }

    public static boolean present(int entry) {
        return (entry & PAGE_PRESENT) != 0;
    }

    /** Index into the page directory (bits 31..22 of a virtual address). */
    public static int pgdIndex(long va) {
        return (int) (va >>> 22) & 0x3ff;
    }

    /** Index into a page table (bits 21..12). */
    public static int pteIndex(long va) {
        return (int) (va >>> 12) & 0x3ff;
    }

    /** "P RW U A D NX" style text for displays. */
    public static String flags(int entry) {
        StringBuilder b = new StringBuilder();
        if ((entry & PAGE_PRESENT) != 0) b.append('P');
        b.append((entry & PAGE_RW) != 0 ? " RW" : " RO");
        b.append((entry & PAGE_USER) != 0 ? " U" : " S");
        if ((entry & PAGE_ACCESSED) != 0) b.append(" A");
        if ((entry & PAGE_DIRTY) != 0) b.append(" D");
        if ((entry & PAGE_NX) != 0) b.append(" NX");
        return b.toString();
    }
}
