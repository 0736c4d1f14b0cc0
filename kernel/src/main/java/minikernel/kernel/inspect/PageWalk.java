package minikernel.kernel.inspect;

import static minikernel.cpu.PageTableEntry.PAGE_PRESENT;
import static minikernel.cpu.PageTableEntry.PAGE_RW;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minikernel.cpu.PageTableEntry;
import minikernel.cpu.PhysicalMemory;
import minikernel.kernel.mm.FrameAllocator;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.mm.PageTables;
import minikernel.kernel.mm.VmFlags;
import minikernel.kernel.mm.Vma;
import minikernel.kernel.sched.Task;

/**
 * The debugger's {@code pt PID VADDR}: the two-level i386 walk the MMU does for one address
 * (Intel SDM vol. 3 section 4.3; Linux's pgd_offset / pte_offset_map on a non-PAE kernel): the
 * page-directory entry CR3 and bits 31..22 select, the page-table entry it and bits 21..12
 * select, each decoded; then the frame, its reference count (struct page's _refcount:
 * {@link FrameAllocator#refcount}) and what a write would do to it, by the rule the page-fault
 * handler follows (mm/memory.c do_wp_page, minikernel's {@code PageFault}). An entry that is not
 * present says what a fault there would do instead. Everything is read from guest RAM, as the
 * MMU reads it; nothing is changed and the emulator is not asked.
 */
public final class PageWalk {
    private static final long PAGE_SIZE = PhysicalMemory.PAGE_SIZE, PGDIR_SIZE = 1L << 22;

    private PageWalk() {
    }

    /** The walk in {@code task}'s address space, with the other PTEs that map the same frame (reverse map). */
    public static String render(Task task, long vaddr) {
        MmStruct mm = task.mm();
        if (mm == null) {
            return task + ": mm NULL: no user address space to walk\n";
        }
        ObjectNames names = ObjectNames.of(task.kernel());
        Map<MmStruct, String> mms = new LinkedHashMap<>();   // MmStruct keeps identity equality; snapshot order
        for (SharingSnapshot.TaskNode t : names.snapshot().tasks()) {
            Task user = task.kernel().scheduler().findTask(t.pid());
            if (user != null && user.mm() != null) {
                mms.putIfAbsent(user.mm(), names.name(SharedObject.MM, user.mm()));
            }
        }
        return walk(names.name(SharedObject.MM, mm), mm, vaddr, mms);
    }

    /** The walk in one address space; its frame allocator ({@link MmStruct#frames}) gives the counts. */
    public static String render(MmStruct mm, long vaddr) {
        return walk("mm_struct", mm, vaddr, null);
    }

    private static String walk(String name, MmStruct mm, long vaddr, Map<MmStruct, String> rmap) {
        vaddr &= 0xffffffffL;
        PageTables pt = mm.pageTables();
        StringBuilder b = new StringBuilder();
        b.append(String.format("vaddr 0x%08x in %s, CR3 (pgd) 0x%08x%n", vaddr, name, pt.pgd()));
        int pdeIndex = PageTableEntry.pgdIndex(vaddr);
        int pde = pt.pde(vaddr);
        b.append(String.format("PDE  index %4d (vaddr >> 22)            at 0x%08x: 0x%08x  %s%n", pdeIndex,
                pt.pgd() + 4L * pdeIndex, pde, bits(pde, true)));
        if (!PageTableEntry.present(pde)) {
            long table = vaddr & ~(PGDIR_SIZE - 1);
            b.append(String.format("     not present: no page table for 0x%08x-0x%08x%n", table, table + PGDIR_SIZE - 1));
            return notMapped(b, mm, vaddr);
        }
        long table = PageTableEntry.frame(pde);
        b.append(String.format("     page table at 0x%08x%n", table));
        int pteIndex = PageTableEntry.pteIndex(vaddr);
        int pte = pt.pte(vaddr);
        b.append(String.format("PTE  index %4d ((vaddr >> 12) & 0x3ff)  at 0x%08x: 0x%08x  %s%n", pteIndex,
                table + 4L * pteIndex, pte, bits(pte, false)));
        if (!PageTableEntry.present(pte)) {
            b.append("     not present\n");
            return notMapped(b, mm, vaddr);
        }
        long frame = PageTableEntry.frame(pte);
        int refcount = refcount(mm.frames(), frame);
        b.append(String.format("frame 0x%08x (pfn %d), physical address 0x%08x%n", frame, frame >>> 12,
                frame | (vaddr & 0xfff)));
        b.append(String.format("_refcount %d%n", refcount));
        if (rmap != null) {
            List<String> where = new ArrayList<>();
            for (Map.Entry<MmStruct, String> e : rmap.entrySet()) {
                for (long va : mappingsOf(e.getKey(), frame)) {
                    where.add(String.format("%s 0x%08x", e.getValue(), va));
                }
            }
            int others = refcount - where.size();
            b.append("mapped by ").append(where.size()).append(where.size() == 1 ? " PTE: " : " PTEs: ")
                    .append(String.join(", ", where))
                    .append(others > 0 ? " (+" + others + " not a PTE: the page cache's or shared object's own)" : "")
                    .append('\n');
        }
        Vma vma = mm.vmaAt(vaddr);
        b.append("VMA  ").append(vma == null ? "none" : vma.toString().strip()).append('\n');
        b.append("write: ").append(writeState(vma, pte, refcount)).append('\n');
        return b.toString();
    }

    /**
     * What a write to a present page does (handle_pte_fault on a write to a PTE without RW): a
     * read-only PTE in a writable private area is copy-on-write, and do_wp_page copies the frame
     * unless this mapping holds the only reference, in which case it reuses the frame in place.
     */
    static String writeState(Vma vma, int pte, int refcount) {
        if ((pte & PAGE_RW) != 0) {
            return "writable: a write goes straight to the frame"
                    + (refcount > 1 ? " (shared with " + (refcount - 1) + ")" : "");
        }
        if (vma == null) {
            return "read-only, and no VMA covers it: a write is SIGSEGV (SEGV_MAPERR)";
        }
        if (!vma.has(VmFlags.VM_WRITE)) {
            return "read-only VMA: a write is SIGSEGV (SEGV_ACCERR)";
        }
        if (vma.has(VmFlags.VM_SHARED)) {
            return "write-protected shared page: a write makes the PTE writable in place, never a copy";
        }
        if (refcount == 1) {
            return "write-protected, sole owner: next write reuses the frame (do_wp_page sets RW)";
        }
        return "COW (shared with " + (refcount - 1) + "): next write copies the frame (do_wp_page)";
    }

    /**
     * The fault handler's decision for an address with no PTE (do_user_addr_fault, then
     * handle_mm_fault's choice of do_anonymous_page, do_read_fault, do_cow_fault or a shared fault).
     */
    private static String notMapped(StringBuilder b, MmStruct mm, long vaddr) {
        b.append("not mapped: a fault here would ");
        Vma vma = mm.findVma(vaddr);
        if (vaddr >= PageTables.TASK_SIZE) {
            b.append("be SIGSEGV (SEGV_MAPERR): the address is at or above TASK_SIZE\n");
        } else if (vma == null) {
            b.append("be SIGSEGV (SEGV_MAPERR): no VMA covers it\n");
        } else if (vma.start() > vaddr) {
            if (vma.has(VmFlags.VM_GROWSDOWN)) {
                b.append(String.format("grow the stack VMA down from 0x%08x to cover it (expand_downwards, within"
                        + " RLIMIT_STACK and the guard gap), then allocate a zeroed frame (do_anonymous_page)%n",
                        vma.start()));
            } else {
                b.append(String.format("be SIGSEGV (SEGV_MAPERR): no VMA covers it (the next starts at 0x%08x)%n",
                        vma.start()));
            }
        } else if (!vma.has(VmFlags.VM_READ | VmFlags.VM_WRITE | VmFlags.VM_EXEC)) {
            b.append("be SIGSEGV (SEGV_ACCERR): the VMA allows no access (PROT_NONE)\n");
        } else {
            b.append(faultIn(vma, vaddr & ~(PAGE_SIZE - 1)));
            if (!vma.has(VmFlags.VM_WRITE)) {
                b.append("; a write is SIGSEGV (SEGV_ACCERR): the VMA is not writable");
            }
            b.append('\n');
        }
        if (vma != null && vma.contains(vaddr)) {
            b.append("VMA  ").append(vma.toString().strip()).append('\n');
        }
        return b.toString();
    }

    private static String faultIn(Vma vma, long page) {
        if (vma.shmem() != null) {
            return "map the shared object's page (shmem_fault): the frame every mapping of it sees";
        }
        if (vma.usesPageCache()) {
            long filePage = (vma.fileOffset() + (page - vma.start())) >>> 12;
            if (filePage >= (vma.file().size() + PAGE_SIZE - 1) / PAGE_SIZE) {
                return "be SIGBUS: the page lies wholly past the end of the file";
            }
            if (vma.isSharedFile()) {
                return "map the file's page-cache page (filemap_fault), shared with every mapping of the file";
            }
            return "map the file's page-cache page read-only on a read (do_read_fault), or copy it at once on a"
                    + " write (do_cow_fault)";
        }
        if (vma.file() != null) {
            return "allocate a frame and fill it from " + vma.file().name() + " (do_read_fault)";
        }
        return "allocate a zeroed frame (do_anonymous_page)";
    }

    /**
     * The entry's bits as the SDM names them: P, RW, US, PWT, PCD, A, D, PS in a PDE (a 4 MiB page;
     * PAT in a PTE), G, and NX, which two-level paging lacks and minikernel keeps in software bit 9.
     */
    static String bits(int e, boolean pde) {
        return String.format("P=%d RW=%d US=%d PWT=%d PCD=%d A=%d D=%d %s=%d G=%d NX=%d", e & 1, e >>> 1 & 1,
                e >>> 2 & 1, e >>> 3 & 1, e >>> 4 & 1, e >>> 5 & 1, e >>> 6 & 1, pde ? "PS" : "PAT", e >>> 7 & 1,
                e >>> 8 & 1, e >>> 9 & 1);
    }

    /** The frame's reference count; 0 for a frame the allocator does not hand out (or a bad entry). */
    private static int refcount(FrameAllocator frames, long frame) {
        try {
            return frames.refcount(frame);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** The user addresses whose PTE in {@code mm} points at {@code frame} (a slow reverse map: every table is read). */
    private static List<Long> mappingsOf(MmStruct mm, long frame) {
        PhysicalMemory ram = mm.frames().ram();
        long pgd = mm.pageTables().pgd();
        List<Long> found = new ArrayList<>();
        int[] entries = new int[1024];
        for (int i = 0; i < 1024; i++) {
            int pde = ram.getInt(pgd + 4L * i);
            if ((pde & PAGE_PRESENT) == 0) {
                continue;
            }
            ram.readInts(PageTableEntry.frame(pde), entries);
            for (int j = 0; j < 1024; j++) {
                long va = (long) i << 22 | (long) j << 12;
                if ((entries[j] & PAGE_PRESENT) != 0 && PageTableEntry.frame(entries[j]) == frame
                        && va < PageTables.TASK_SIZE) {
                    found.add(va);
                }
            }
        }
        return found;
    }
}
