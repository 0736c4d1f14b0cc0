package minikernel.kernel.mm;

import minikernel.cpu.Cpu;
import minikernel.cpu.PhysicalMemory;

/**
 * The physical page-frame allocator with a reference count per frame, the role of Linux's buddy
 * allocator and {@code struct page}'s {@code _refcount}: {@link #allocPage} hands out a zeroed frame
 * with count 1, {@link #getPage} adds a reference (a page shared after fork), {@link #putPage}
 * drops one and frees the frame when the count reaches zero.
 *
 * <p>One twist Linux does not need: the emulator keeps translated code keyed by physical address,
 * and Java writes to RAM do not invalidate it. A freed frame that ever held executed code therefore
 * waits in a quarantine until the next full translation flush, which the scheduler does between
 * runs ({@link #reclaimQuarantine}); only then may it hold new code.
 */
public final class FrameAllocator {
    /** Frame 0 stays unused (a stray physical 0 hits nothing); frame 1 is the kernel page. */
    private static final int FIRST_FREE_FRAME = 2;
    /** A quarantine this large is reclaimed at the next opportunity (16 MiB). */
    private static final int QUARANTINE_LIMIT = 4096;

    private final PhysicalMemory ram;
    private final Cpu cpu;
    private final int[] refcount;
    private final int[] freeList;
    private int freeCount;
    private final int[] quarantine;
    private int quarantineCount;
    private long allocations;

    public FrameAllocator(PhysicalMemory ram, Cpu cpu) {
        this.ram = ram;
        this.cpu = cpu;
        int frames = ram.frames();
        refcount = new int[frames];
        freeList = new int[frames];
        quarantine = new int[frames];
        // Hand out low frames first: push the highest frame first.
        for (int pfn = frames - 1; pfn >= FIRST_FREE_FRAME; pfn--) {
            freeList[freeCount++] = pfn;
        }
    }

    /**
     * A zero-filled frame with reference count 1, or -1 when memory is exhausted (the caller fails
     * with -ENOMEM or kills the task, as Linux's VM_FAULT_OOM does).
     */
    public long allocPage() {
        if (freeCount == 0) {
            return -1;
        }
        int pfn = freeList[--freeCount];
        refcount[pfn] = 1;
        allocations++;
        long frame = (long) pfn << PhysicalMemory.PAGE_SHIFT;
        ram.clearPage(frame);
        return frame;
    }

    /** One more reference to an allocated frame. */
    public void getPage(long frame) {
        int pfn = pfn(frame);
        if (refcount[pfn] <= 0) {
            throw new IllegalStateException("get_page on free frame 0x" + Long.toHexString(frame));
        }
        refcount[pfn]++;
    }

    /** Drops a reference; the last one frees the frame. */
    public void putPage(long frame) {
        int pfn = pfn(frame);
        if (refcount[pfn] <= 0) {
            throw new IllegalStateException("put_page on free frame 0x" + Long.toHexString(frame));
        }
        if (--refcount[pfn] == 0) {
            if (cpu.mmu().wasExecuted(frame)) {
                quarantine[quarantineCount++] = pfn;
            } else {
                freeList[freeCount++] = pfn;
            }
        }
    }

    public PhysicalMemory ram() {
        return ram;
    }

    public int refcount(long frame) {
        return refcount[pfn(frame)];
    }

    /**
     * The low watermark: frames kept back for page faults, so that a new address space (fork) is
     * refused with ENOMEM while running tasks can still fault pages in and finish (the role of
     * Linux's min_free_kbytes). 1/64 of RAM, at least 32 frames.
     */
    public boolean aboveWatermark(int wanted) {
        int reserve = Math.max(32, refcount.length / 64);
        return freeCount + quarantineCount - wanted >= reserve;
    }

    /** True when the quarantine should be reclaimed before the next run. */
    public boolean quarantineFull() {
        return quarantineCount >= QUARANTINE_LIMIT || quarantineCount > 0 && freeCount < QUARANTINE_LIMIT;
    }

    /**
     * Flushes all translated code and returns the quarantined frames to the free list. Only between
     * runs of the engine, never from inside a hook.
     */
    public void reclaimQuarantine() {
        if (quarantineCount == 0) {
            return;
        }
        cpu.flushTranslations();
        for (int i = 0; i < quarantineCount; i++) {
            freeList[freeCount++] = quarantine[i];
        }
        quarantineCount = 0;
    }

    /** Frames in use (reference count above zero). */
    public int usedFrames() {
        return ram.frames() - FIRST_FREE_FRAME - freeCount - quarantineCount;
    }

    public int freeFrames() {
        return freeCount + quarantineCount;
    }

    public long allocations() {
        return allocations;
    }

    private int pfn(long frame) {
        if ((frame & 0xfff) != 0 || frame < (long) FIRST_FREE_FRAME << 12 || frame >= ram.size()) {
            throw new IllegalArgumentException("not an allocatable frame: 0x" + Long.toHexString(frame));
        }
        return (int) (frame >>> PhysicalMemory.PAGE_SHIFT);
    }
}
