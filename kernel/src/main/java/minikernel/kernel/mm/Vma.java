package minikernel.kernel.mm;

/**
 * A virtual memory area: one contiguous range of an address space with one set of permissions and
 * one backing, Linux's {@code struct vm_area_struct}. A file-backed area maps {@code file} from
 * byte {@code fileOffset} on; only its first {@code fileBytes} bytes come from the file, the rest
 * of the area reads as zeros (the tail of an ELF segment's last file page before its bss).
 *
 * <p>Mutable only by the mm code that splits, merges and re-protects areas ({@code mprotect},
 * {@code munmap}, {@code brk}, stack growth), always while the owning {@link MmStruct} is locked by
 * being the single kernel thread's current work.
 */
public final class Vma {
    private long start;          // vm_start: first byte
    private long end;            // vm_end: first byte after
    private int flags;           // vm_flags: VmFlags.VM_*
    private final MappedFile file; // vm_file, or null for anonymous memory
    private final Shmem shmem;     // the shared object of a MAP_SHARED anonymous area, else null
    private long fileOffset;     // vm_pgoff << PAGE_SHIFT: file offset of vm_start
    private long fileBytes;      // bytes from vm_start that come from the file; beyond them, zeros

    public Vma(long start, long end, int flags, MappedFile file, long fileOffset, long fileBytes) {
        this(start, end, flags, file, null, fileOffset, fileBytes);
    }

    /**
     * A MAP_SHARED area of a file: its pages are the file's page cache. {@code frames} is where the
     * cache takes frames from.
     */
    public static Vma sharedFile(long start, long end, int flags, MappedFile file, long fileOffset,
                                 FrameAllocator frames) {
        Vma v = new Vma(start, end, flags, file, null, fileOffset, end - start);
        file.mapping().mapped(frames);
        v.frames = frames;
        return v;
    }

    /**
     * A private mapping of a file with a page cache: its pages are the cache's, mapped read-only,
     * until a write copies one (so until then it sees the file's later writes, as on Linux).
     */
    public static Vma privateFile(long start, long end, int flags, MappedFile file, long fileOffset,
                                  FrameAllocator frames) {
        Vma v = new Vma(start, end, flags, file, null, fileOffset, end - start);
        file.mapping().mapped(frames);
        v.frames = frames;
        return v;
    }

    private FrameAllocator frames;   // set for an area over a file's page cache: the cache's allocator

    private Vma(long start, long end, int flags, MappedFile file, Shmem shmem, long fileOffset, long fileBytes) {
        if ((start & 0xfff) != 0 || (end & 0xfff) != 0 || end <= start) {
            throw new IllegalArgumentException(String.format("bad VMA %08x-%08x", start, end));
        }
        this.start = start;
        this.end = end;
        this.flags = flags;
        this.file = file;
        this.shmem = shmem;
        this.fileOffset = fileOffset;
        this.fileBytes = fileBytes;
    }

    public static Vma anonymous(long start, long end, int flags) {
        return new Vma(start, end, flags, null, 0, 0);
    }

    /** A MAP_SHARED anonymous area over a new shared object; its offset 0 is at {@code start}. */
    static Vma sharedAnonymous(long start, long end, int flags, Shmem shmem) {
        return new Vma(start, end, flags, null, shmem, 0, 0);
    }

    public Shmem shmem() {
        return shmem;
    }

    /** Not file-backed and not shared: what brk and private anonymous mmap create. */
    public boolean isPrivateAnonymous() {
        return file == null && shmem == null;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public int flags() {
        return flags;
    }

    /** The name /proc/PID/maps shows for a file mapping (its path), or null for anonymous memory. */
    public String mappedName() {
        return file == null ? null : file.name();
    }

    public MappedFile file() {
        return file;
    }

    public long fileOffset() {
        return fileOffset;
    }

    public long fileBytes() {
        return fileBytes;
    }

    public long length() {
        return end - start;
    }

    public boolean contains(long address) {
        return address >= start && address < end;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    void setFlags(int flags) {
        this.flags = flags;
    }

    /** Moves vm_start down (stack growth) or up (a split); the file offset follows. */
    void setStart(long newStart) {
        long delta = newStart - start;
        start = newStart;
        if (shmem != null) {
            fileOffset += delta;
        }
        if (file != null) {
            fileOffset += delta;
            fileBytes = Math.max(0, fileBytes - delta);
        }
    }

    void setEnd(long newEnd) {
        end = newEnd;
        if (file != null) {
            fileBytes = Math.min(fileBytes, end - start);
        }
    }

    /** The part of this area from {@code at} on, as a new area (this one keeps the part below). */
    Vma splitAt(long at) {
        long offset = file == null && shmem == null ? 0 : fileOffset + (at - start);
        long bytesAbove = file == null ? 0 : Math.max(0, fileBytes - (at - start));
        Vma upper = new Vma(at, end, flags, file == null ? null : file.get(), shmem == null ? null : shmem.get(),
                offset, bytesAbove);
        upper.shareCache(frames);
        setEnd(at);
        return upper;
    }

    /** A copy for another mm (fork's dup_mmap), or at another address (mremap). */
    Vma copyAt(long newStart) {
        Vma copy = new Vma(newStart, newStart + (end - start), flags, file == null ? null : file.get(),
                shmem == null ? null : shmem.get(), fileOffset, fileBytes);
        copy.shareCache(frames);
        return copy;
    }

    /** A new area over the same shared file mapping counts as one more user of its page cache. */
    private void shareCache(FrameAllocator allocator) {
        if (allocator != null) {
            frames = allocator;
            file.mapping().mapped(allocator);
        }
    }

    /** A MAP_SHARED area of a file (its pages are the file's page cache). */
    public boolean isSharedFile() {
        return frames != null && has(VmFlags.VM_SHARED);
    }

    /** An area whose pages come from the file's page cache (every mmap of a file; not exec's segments). */
    public boolean usesPageCache() {
        return frames != null;
    }

    /** The file's page index of address {@code va}. */
    long filePage(long va) {
        return (fileOffset + (va - start)) >>> 12;
    }

    /** The shared object's page offset of address {@code va}. */
    long shmemOffset(long va) {
        return (fileOffset + (va - start)) >>> 12;
    }

    /** The area is gone from its mm: drop its hold on a shared object. */
    void close() {
        if (shmem != null) {
            shmem.put();
        }
        if (file != null) {
            if (frames != null) {
                if (has(VmFlags.VM_SHARED) && has(VmFlags.VM_MAYWRITE)) {
                    writeback(start, end);
                }
                file.mapping().unmapped();
            }
            file.put();
        }
    }

    /** Writes the cached pages of [from, to) of a shared file area back to the file (msync). */
    void writeback(long from, long to) {
        if (isSharedFile()) {
            file.mapping().writeback(file, filePage(from), filePage(to - 1));
        }
    }

    /** One line as /proc/PID/maps shows it. */
    @Override
    public String toString() {
        return String.format("%08x-%08x %s %08x %s", start, end, VmFlags.permissions(flags), fileOffset,
                file != null ? file.name() : shmem != null ? "/dev/zero (deleted)"
                        : has(VmFlags.VM_GROWSDOWN) ? "[stack]" : "");
    }
}
