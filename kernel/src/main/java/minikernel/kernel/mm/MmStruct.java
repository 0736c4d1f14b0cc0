package minikernel.kernel.mm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import minikernel.cpu.PhysicalMemory;

/**
 * An address space, Linux's {@code struct mm_struct}: the page tables, the list of areas (VMAs),
 * the layout markers that brk, /proc and exec use, and the count of tasks using it. A thread shares
 * its creator's mm ({@code CLONE_VM}: {@code mmUsers} goes up); a forked child gets a copy.
 */
public final class MmStruct {
    /** Lowest address mmap may hand out or accept: vm.mmap_min_addr's default. */
    public static final long MMAP_MIN_ADDR = 0x10000L;
    /** Top of the stack of an i386 program on x86-64 Linux (STACK_TOP = TASK_SIZE, no randomisation). */
    public static final long STACK_TOP = PageTables.TASK_SIZE;
    /** The default RLIMIT_STACK, 8 MiB: how far the stack area may grow down. */
    public static final long STACK_LIMIT = 8L << 20;
    /** Where top-down mmap starts: STACK_TOP minus the minimal gap of 128 MiB (mm/util.c mmap_base()). */
    public static final long MMAP_BASE = STACK_TOP - (128L << 20);
    /** stack_guard_gap: 256 pages kept free below a growing stack. */
    static final long STACK_GUARD_GAP = 256L << 12;

    private final TreeMap<Long, Vma> vmas = new TreeMap<>();   // by vm_start: Linux's maple tree
    private final PageTables pageTables;
    private final FrameAllocator frames;
    private int mmUsers = 1;       // tasks using this mm (mm_users)
    private long startCode, endCode, startData, endData;
    private long startBrk, brk, startStack;
    private long argStart, argEnd, envStart, envEnd;
    private boolean readImpliesExec;  // the READ_IMPLIES_EXEC personality of old binaries
    private boolean dumpable = true;  // MMF_DUMPABLE in mm->flags: prctl(PR_SET_DUMPABLE); exec resets it
    private long stackLimit = STACK_LIMIT;   // RLIMIT_STACK's soft value when the stack grows
    private String exePath = "";

    private MmStruct(PageTables pageTables, FrameAllocator frames) {
        this.pageTables = pageTables;
        this.frames = frames;
    }

    /** mm_alloc(): an empty address space, or null if no frame is left for its page directory. */
    public static MmStruct allocate(PhysicalMemory ram, FrameAllocator frames) {
        long pgd = frames.allocPage();
        if (pgd < 0) {
            return null;
        }
        return new MmStruct(new PageTables(ram, frames, pgd), frames);
    }

    public PageTables pageTables() {
        return pageTables;
    }

    public FrameAllocator frames() {
        return frames;
    }

    // ---- reference counting: mmget / mmput ----------------------------------------------------

    public int mmUsers() {
        return mmUsers;
    }

    public void mmget() {
        if (mmUsers <= 0) {
            throw new IllegalStateException("mmget on a dead mm");
        }
        mmUsers++;
    }

    /** Drops a user; the last one tears the address space down (exit_mmap). Returns true then. */
    public boolean mmput() {
        if (mmUsers <= 0) {
            throw new IllegalStateException("mmput on a dead mm");
        }
        if (--mmUsers > 0) {
            return false;
        }
        exitMmap();
        return true;
    }

    /** Unmaps everything and frees the page tables (exit_mmap). */
    private void exitMmap() {
        for (Vma vma : vmas.values()) {
            pageTables.zapRange(vma.start(), vma.end());
            vma.close();
        }
        vmas.clear();
        pageTables.free();
    }

    /**
     * dup_mm() and dup_mmap() for fork: the child gets a copy of every area and of every present
     * page-table entry, pointing at the same frames (each gains a reference). Private writable pages
     * are write-protected in both address spaces, so the first write on either side faults and
     * copies (copy-on-write); shared pages stay writable and shared. The caller flushes the parent's
     * TLB. Returns null, having freed everything, if memory runs out.
     */
    /** Whether the process may dump core and be inspected (prctl PR_GET_DUMPABLE). */
    public boolean dumpable() {
        return dumpable;
    }

    public void setDumpable(boolean on) {
        this.dumpable = on;
    }

    public MmStruct dup() {
        if (!frames.aboveWatermark(pageTables.tableFrames() + 2)) {
            return null;
        }
        MmStruct child = allocate(pageTables.ram(), frames);
        if (child == null) {
            return null;
        }
        child.startCode = startCode;
        child.endCode = endCode;
        child.startData = startData;
        child.endData = endData;
        child.startBrk = startBrk;
        child.brk = brk;
        child.startStack = startStack;
        child.argStart = argStart;
        child.argEnd = argEnd;
        child.envStart = envStart;
        child.envEnd = envEnd;
        child.readImpliesExec = readImpliesExec;
        child.dumpable = dumpable;
        child.stackLimit = stackLimit;
        child.exePath = exePath;
        for (Vma vma : vmas.values()) {
            child.vmas.put(vma.start(), vma.copyAt(vma.start()));
            boolean cow = !vma.has(VmFlags.VM_SHARED) && vma.has(VmFlags.VM_MAYWRITE);
            if (!pageTables.copyRange(child.pageTables, vma.start(), vma.end(), cow)) {
                child.mmput();
                return null;
            }
        }
        return child;
    }

    /** MAP_SHARED | MAP_ANONYMOUS: an area over a new shared object (shmem_zero_setup). */
    public void insertSharedAnonymous(long start, long end, int flags) {
        vmas.put(start, Vma.sharedAnonymous(start, end, flags, new Shmem(frames)));
    }

    /** madvise(MADV_DONTNEED): drop the pages of [start, end); the next touch starts afresh. */
    public int zap(long start, long end) {
        int pages = 0;
        for (Vma v : areasIn(start, end)) {
            pages += pageTables.zapRange(Math.max(start, v.start()), Math.min(end, v.end()));
        }
        return pages;
    }

    /**
     * mremap's move_vma(): the area [oldStart, oldStart+length) moves to newStart, page-table
     * entries and all (no page is copied). The range must be one area; the caller flushes the TLB.
     */
    public void move(long oldStart, long length, long newStart) {
        splitAt(oldStart);
        splitAt(oldStart + length);
        Vma old = vmas.remove(oldStart);
        Vma moved = old.copyAt(newStart);
        pageTables.moveRange(oldStart, newStart, length);
        old.close();
        insert(moved);
    }

    /** Grows an area in place (mremap without moving): the following range must be free. */
    public void growInPlace(Vma vma, long newEnd) {
        vma.setEnd(newEnd);
    }

    // ---- areas ---------------------------------------------------------------------------------

    /** The area containing {@code address}, or null. */
    public Vma vmaAt(long address) {
        Map.Entry<Long, Vma> e = vmas.floorEntry(address);
        return e != null && e.getValue().contains(address) ? e.getValue() : null;
    }

    /** Linux's find_vma(): the first area that ends above {@code address} (it may start above it). */
    public Vma findVma(long address) {
        Vma containing = vmaAt(address);
        if (containing != null) {
            return containing;
        }
        Map.Entry<Long, Vma> next = vmas.higherEntry(address);
        return next == null ? null : next.getValue();
    }

    /** The area just below {@code vma}, or null. */
    public Vma previous(Vma vma) {
        Map.Entry<Long, Vma> e = vmas.lowerEntry(vma.start());
        return e == null ? null : e.getValue();
    }

    public List<Vma> vmas() {
        return List.copyOf(vmas.values());
    }

    /** True if no area overlaps [start, end). */
    public boolean isFree(long start, long end) {
        Vma v = findVma(start);
        return v == null || v.start() >= end;
    }

    /**
     * Adds an area over a free range, merging it with an anonymous neighbour of the same flags as
     * Linux's vma_merge() does, so repeated brk and mmap calls do not pile up areas.
     */
    public void insert(Vma vma) {
        if (!isFree(vma.start(), vma.end())) {
            throw new IllegalStateException("overlapping VMA " + vma);
        }
        if (vma.isPrivateAnonymous()) {
            Vma below = vmas.floorEntry(vma.start()) == null ? null : vmas.floorEntry(vma.start()).getValue();
            if (below != null && below.end() == vma.start() && mergeable(below, vma)) {
                below.setEnd(vma.end());
                Vma above = vmas.get(vma.end());
                if (above != null && mergeable(below, above)) {
                    vmas.remove(above.start());
                    below.setEnd(above.end());
                }
                return;
            }
            Vma above = vmas.get(vma.end());
            if (above != null && mergeable(vma, above)) {
                vmas.remove(above.start());
                above.setStart(vma.start());
                vmas.put(above.start(), above);
                return;
            }
        }
        vmas.put(vma.start(), vma);
    }

    private static boolean mergeable(Vma a, Vma b) {
        return a.isPrivateAnonymous() && b.isPrivateAnonymous() && a.flags() == b.flags();
    }

    /**
     * Grows a VM_GROWSDOWN area down to cover {@code address} (expand_downwards): false if that
     * would exceed the stack limit or come within the guard gap of the area below.
     */
    boolean expandDown(Vma stack, long address) {
        long newStart = address & ~0xfffL;
        if (stack.end() - newStart > stackLimit || newStart < MMAP_MIN_ADDR) {
            return false;
        }
        Vma below = previous(stack);
        if (below != null && below.end() + STACK_GUARD_GAP > newStart) {
            return false;
        }
        vmas.remove(stack.start());
        stack.setStart(newStart);
        vmas.put(newStart, stack);
        return true;
    }

    /** Makes an area start or end exactly at {@code address} by splitting the area across it. */
    private void splitAt(long address) {
        Vma v = vmaAt(address);
        if (v != null && v.start() != address) {
            Vma upper = v.splitAt(address);
            vmas.put(upper.start(), upper);
        }
    }

    /** msync: the shared file areas in [start, end) write their pages back. */
    public void writeback(long start, long end) {
        for (Vma v : areasIn(start, end)) {
            v.writeback(Math.max(start, v.start()), Math.min(end, v.end()));
        }
    }

    /**
     * Removes every mapping in [start, end), splitting areas at the edges (Linux's do_munmap).
     * Returns the number of pages that were mapped; the caller flushes the TLB when it is not zero.
     */
    public int unmap(long start, long end) {
        splitAt(start);
        splitAt(end);
        int pages = 0;
        for (Vma v : new ArrayList<>(vmas.subMap(start, end).values())) {
            vmas.remove(v.start());
            pages += pageTables.zapRange(v.start(), v.end());
            v.close();
        }
        return pages;
    }

    /**
     * Sets the protection of [start, end), which must be fully mapped, to {@code vmFlags}'s
     * read/write/exec bits (mprotect_fixup). Returns false (EACCES) when an area forbids it.
     */
    public boolean protect(long start, long end, int protFlags) {
        for (Vma v : areasIn(start, end)) {
            if ((protFlags & VmFlags.VM_WRITE) != 0 && !v.has(VmFlags.VM_MAYWRITE)
                    || (protFlags & VmFlags.VM_EXEC) != 0 && !v.has(VmFlags.VM_MAYEXEC)) {
                return false;
            }
        }
        splitAt(start);
        splitAt(end);
        for (Vma v : areasIn(start, end)) {
            int flags = v.flags() & ~(VmFlags.VM_READ | VmFlags.VM_WRITE | VmFlags.VM_EXEC) | protFlags;
            v.setFlags(flags);
            pageTables.changeProtection(v.start(), v.end(), flags);
        }
        mergeAround(start, end);
        return true;
    }

    /**
     * vma_merge() after mprotect: neighbouring private anonymous areas that now have the same flags
     * become one again, from the area before {@code start} to the one after {@code end}.
     */
    private void mergeAround(long start, long end) {
        Vma v = vmaAt(start - 1) != null ? vmaAt(start - 1) : vmaAt(start);
        while (v != null && v.start() <= end) {
            Vma next = vmas.get(v.end());
            if (next != null && mergeable(v, next)) {
                vmas.remove(next.start());
                v.setEnd(next.end());
                continue;
            }
            v = next;
        }
    }

    /** True if [start, end) is covered by areas without holes. */
    public boolean fullyMapped(long start, long end) {
        long at = start;
        for (Vma v : areasIn(start, end)) {
            if (v.start() > at) {
                return false;
            }
            at = v.end();
        }
        return at >= end;
    }

    List<Vma> areasIn(long start, long end) {
        List<Vma> list = new ArrayList<>();
        Vma v = findVma(start);
        while (v != null && v.start() < end) {
            list.add(v);
            Map.Entry<Long, Vma> next = vmas.higherEntry(v.start());
            v = next == null ? null : next.getValue();
        }
        return list;
    }

    /**
     * A free range of {@code length} bytes for mmap, the highest one below MMAP_BASE
     * (arch_get_unmapped_area_topdown); -1 if none. The stack's room to grow lies above MMAP_BASE.
     */
    public long getUnmappedArea(long length) {
        long top = MMAP_BASE;
        for (Vma v : vmas.descendingMap().values()) {
            if (v.end() <= top) {
                if (top - v.end() >= length) {
                    return top - length;
                }
                top = v.start();
            } else {
                top = Math.min(top, v.start());
            }
        }
        return top - length >= Math.max(MMAP_MIN_ADDR, (brk + 0xfff) & ~0xfffL) ? top - length : -1;
    }

    // ---- layout markers (set by exec; read by brk and /proc) ------------------------------------

    public void setCode(long start, long end) {
        startCode = start;
        endCode = end;
    }

    public void setData(long start, long end) {
        startData = start;
        endData = end;
    }

    public void setBrk(long startBrk, long brk) {
        this.startBrk = startBrk;
        this.brk = brk;
    }

    public void setStack(long startStack, long argStart, long argEnd, long envStart, long envEnd) {
        this.startStack = startStack;
        this.argStart = argStart;
        this.argEnd = argEnd;
        this.envStart = envStart;
        this.envEnd = envEnd;
    }

    public long startCode() {
        return startCode;
    }

    public long endCode() {
        return endCode;
    }

    public long startData() {
        return startData;
    }

    public long endData() {
        return endData;
    }

    public long startBrk() {
        return startBrk;
    }

    public long brk() {
        return brk;
    }

    public long startStack() {
        return startStack;
    }

    public long argStart() {
        return argStart;
    }

    public long argEnd() {
        return argEnd;
    }

    public long envStart() {
        return envStart;
    }

    public long envEnd() {
        return envEnd;
    }

    /** How far the stack may grow (acct_stack_growth's RLIMIT_STACK check); unlimited counts as 1 GiB. */
    public void setStackLimit(long bytes) {
        stackLimit = Long.compareUnsigned(bytes, 1L << 30) > 0 ? 1L << 30 : bytes;
    }

    public boolean readImpliesExec() {
        return readImpliesExec;
    }

    public void setReadImpliesExec(boolean on) {
        readImpliesExec = on;
    }

    public String exePath() {
        return exePath;
    }

    public void setExePath(String path) {
        exePath = path;
    }

    /** Total mapped bytes (VmSize). */
    public long totalVm() {
        long total = 0;
        for (Vma v : vmas.values()) {
            total += v.length();
        }
        return total;
    }

    /** Frames mapped by this address space's page tables (VmRSS in pages). */
    public int residentPages() {
        return pageTables.residentPages();
    }

    /** The largest resident set this address space has had (VmHWM in pages). */
    public int peakResidentPages() {
        return pageTables.peakResidentPages();
    }

}
