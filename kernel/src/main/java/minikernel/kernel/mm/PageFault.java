package minikernel.kernel.mm;

import static minikernel.cpu.PageTableEntry.PAGE_PRESENT;
import static minikernel.cpu.PageTableEntry.PAGE_RW;

import minikernel.cpu.Access;
import minikernel.cpu.PageFaultHandler.Result;
import minikernel.cpu.PageTableEntry;
import minikernel.cpu.PhysicalMemory;

/**
 * The page-fault handler for user addresses: arch/x86/mm/fault.c's do_user_addr_fault() deciding
 * whether the access is legal, then mm/memory.c's handle_mm_fault() making the page: a zeroed frame
 * for anonymous memory (do_anonymous_page), a frame filled from the file for a file-backed area
 * (do_read_fault), or a private copy of a shared frame on a write (do_wp_page, copy-on-write).
 * Runs inside the MMU's TLB-fill callback: it only edits page tables and frames.
 */
public final class PageFault {
    private final PhysicalMemory ram;
    private long minorFaults;
    private long copiedOnWrite;

    public PageFault(PhysicalMemory ram) {
        this.ram = ram;
    }

    /** Resolves a fault of {@code mm} at {@code address}; see {@link minikernel.cpu.PageFaultHandler}. */
    public Result handle(MmStruct mm, long address, Access access) {
        if (mm == null || address >= PageTables.TASK_SIZE) {
            return Result.SEGV_MAPERR;
        }
        Vma vma = mm.findVma(address);
        if (vma == null) {
            return Result.SEGV_MAPERR;
        }
        if (vma.start() > address) {
            if (!vma.has(VmFlags.VM_GROWSDOWN) || !mm.expandDown(vma, address)) {
                return Result.SEGV_MAPERR;
            }
        }
        if (accessError(vma, access)) {
            return Result.SEGV_ACCERR;
        }
        Result r = handleMmFault(mm, vma, address & ~0xfffL, access);
        if (r == Result.HANDLED) {
            minorFaults++;
        }
        return r;
    }

    /** access_error(): does the area allow this kind of access at all? */
    private static boolean accessError(Vma vma, Access access) {
        return switch (access) {
            case WRITE -> !vma.has(VmFlags.VM_WRITE);
            case FETCH -> !vma.has(VmFlags.VM_EXEC);
            case READ -> !vma.has(VmFlags.VM_READ | VmFlags.VM_WRITE | VmFlags.VM_EXEC);
        };
    }

    private Result handleMmFault(MmStruct mm, Vma vma, long page, Access access) {
        PageTables tables = mm.pageTables();
        int pte = tables.pte(page);
        if ((pte & PAGE_PRESENT) == 0) {
            if (vma.shmem() != null) {
                return doSharedFault(mm, vma, page);
            }
            if (vma.usesPageCache() && beyondEndOfFile(vma, page)) {
                return Result.SIGBUS;
            }
            if (vma.isSharedFile()) {
                return doSharedFileFault(mm, vma, page);
            }
            if (vma.usesPageCache()) {
                return access == Access.WRITE ? doCowFault(mm, vma, page) : doReadOnlyCacheFault(mm, vma, page);
            }
            return vma.file() != null ? doReadFault(mm, vma, page) : doAnonymousPage(mm, vma, page);
        }
        if (access == Access.WRITE && (pte & PAGE_RW) == 0) {
            if (vma.has(VmFlags.VM_SHARED)) {
                // A shared page is never copied: the write goes to the page everyone maps.
                return install(mm, page, PageTableEntry.frame(pte), PageTables.writableBits(vma.flags()));
            }
            return doWpPage(mm, vma, page, pte);
        }
        // Present and now allowed (its protection was just changed): refresh the PTE's bits.
        int bits = access == Access.WRITE ? PageTables.writableBits(vma.flags()) : PageTables.protectionBits(vma.flags());
        tables.setPte(page, (int) PageTableEntry.frame(pte) | bits | (pte & PAGE_RW));
        return Result.HANDLED;
    }

    /** A new zeroed frame (Linux maps the shared zero page on a read; a copy is simpler to show). */
    private Result doAnonymousPage(MmStruct mm, Vma vma, long page) {
        long frame = mm.frames().allocPage();
        if (frame < 0) {
            return Result.OOM;
        }
        return install(mm, page, frame, PageTables.writableBits(vma.flags()));
    }

    /** A page of a shared anonymous area: the shared object's page, one more reference on it. */
    private Result doSharedFault(MmStruct mm, Vma vma, long page) {
        long frame = vma.shmem().page(vma.shmemOffset(page));
        if (frame < 0) {
            return Result.OOM;
        }
        mm.frames().getPage(frame);
        return install(mm, page, frame, PageTables.writableBits(vma.flags()));
    }

    /**
     * filemap_fault()'s check: a page wholly past the end of the file has nothing to map, and the
     * access gets SIGBUS (the page holding the last byte maps, zero-filled past it). Checked at
     * fault time, so a file truncated under a mapping faults from then on.
     */
    private static boolean beyondEndOfFile(Vma vma, long page) {
        long pages = (vma.file().size() + PhysicalMemory.PAGE_SIZE - 1) / PhysicalMemory.PAGE_SIZE;
        return vma.filePage(page) >= pages;
    }

    /** A private frame filled from the area's file: bytes past the file part read as zero. */
    private Result doReadFault(MmStruct mm, Vma vma, long page) {
        long frame = mm.frames().allocPage();
        if (frame < 0) {
            return Result.OOM;
        }
        long intoArea = page - vma.start();
        long fromFile = Math.min(PhysicalMemory.PAGE_SIZE, vma.fileBytes() - intoArea);
        if (fromFile > 0) {
            byte[] bytes = new byte[(int) fromFile];
            int n = vma.file().read(vma.fileOffset() + intoArea, bytes);
            if (n > 0) {
                ram.write(frame, bytes, 0, n);
            }
        }
        return install(mm, page, frame, PageTables.writableBits(vma.flags()));
    }

    /**
     * do_read_fault() of a private file area: the page-cache frame itself, mapped read-only, so the
     * area sees the file change until it writes the page (then do_wp_page copies it).
     */
    private Result doReadOnlyCacheFault(MmStruct mm, Vma vma, long page) {
        long frame = vma.file().mapping().page(vma.filePage(page), vma.file());
        if (frame < 0) {
            return Result.OOM;
        }
        mm.frames().getPage(frame);
        return install(mm, page, frame, PageTables.protectionBits(vma.flags()));
    }

    /** do_cow_fault(): a first write to a private file page copies the cached page at once. */
    private Result doCowFault(MmStruct mm, Vma vma, long page) {
        long cached = vma.file().mapping().page(vma.filePage(page), vma.file());
        if (cached < 0) {
            return Result.OOM;
        }
        long frame = mm.frames().allocPage();
        if (frame < 0) {
            return Result.OOM;
        }
        ram.copyPage(cached, frame);
        return install(mm, page, frame, PageTables.writableBits(vma.flags()));
    }

    /** filemap_fault() for MAP_SHARED: the file's page-cache frame itself, one more reference on it. */
    private Result doSharedFileFault(MmStruct mm, Vma vma, long page) {
        long frame = vma.file().mapping().page(vma.filePage(page), vma.file());
        if (frame < 0) {
            return Result.OOM;
        }
        mm.frames().getPage(frame);
        return install(mm, page, frame, PageTables.writableBits(vma.flags()));
    }

    /**
     * A write to a present read-only page of a writable area: if no one else maps the frame, make it
     * writable in place; otherwise copy it, and drop this mm's reference to the shared frame.
     */
    private Result doWpPage(MmStruct mm, Vma vma, long page, int pte) {
        long old = PageTableEntry.frame(pte);
        FrameAllocator frames = mm.frames();
        if (frames.refcount(old) == 1) {
            return install(mm, page, old, PageTables.writableBits(vma.flags()));
        }
        long copy = frames.allocPage();
        if (copy < 0) {
            return Result.OOM;
        }
        ram.copyPage(old, copy);
        frames.putPage(old);
        copiedOnWrite++;
        return install(mm, page, copy, PageTables.writableBits(vma.flags()));
    }

    private static Result install(MmStruct mm, long page, long frame, int bits) {
        if (!mm.pageTables().setPte(page, (int) frame | bits)) {
            mm.frames().putPage(frame);
            return Result.OOM;
        }
        return Result.HANDLED;
    }

    /** Faults resolved since boot. */
    public long minorFaults() {
        return minorFaults;
    }

    /** Frames copied by copy-on-write since boot. */
    public long copiedOnWrite() {
        return copiedOnWrite;
    }
}
