package minikernel.kernel.mm;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import minikernel.cpu.PhysicalMemory;

/**
 * The page cache of one file while it is mapped shared (Linux's {@code struct address_space},
 * i_mapping): page index -> frame, each frame holding one reference. Every MAP_SHARED mapping of
 * the file, in any process, maps these same frames, so a write through one is seen by all; the
 * frames are written back to the file by msync, munmap and exit, and read() and write() on the
 * file go through them while they exist. The last shared mapping to go releases them.
 */
public final class AddressSpace {
    private final Map<Long, Long> pages = new TreeMap<>();
    private FrameAllocator frames;
    private PhysicalMemory ram;
    private int mappings;                  // shared VMAs over this file (i_mmap_writable, roughly)

    /** One more shared area maps the file. */
    void mapped(FrameAllocator allocator) {
        frames = allocator;
        ram = allocator.ram();
        mappings++;
    }

    /** A shared area is gone; the last one releases the cached frames (already written back). */
    void unmapped() {
        if (--mappings == 0) {
            for (long frame : pages.values()) {
                frames.putPage(frame);
            }
            pages.clear();
        }
    }

    public boolean isEmpty() {
        return pages.isEmpty();
    }

    /** The cached frame of page {@code index}, or -1. */
    long cached(long index) {
        Long f = pages.get(index);
        return f == null ? -1 : f;
    }

    /** filemap_fault(): the frame of page {@code index}, read in by {@code file} on first use; -1 if out of memory. */
    long page(long index, MappedFile file) {
        Long f = pages.get(index);
        if (f != null) {
            return f;
        }
        long frame = frames.allocPage();
        if (frame < 0) {
            return -1;
        }
        byte[] b = new byte[PhysicalMemory.PAGE_SIZE];
        int n = file.read(index << 12, b);
        ram.write(frame, b, 0, Math.max(n, 0));
        pages.put(index, frame);
        return frame;
    }

    /** writeback of pages [first, last] that are cached, up to the file's end (a mapping never extends it). */
    void writeback(MappedFile file, long first, long last) {
        long size = file.size();
        byte[] b = new byte[PhysicalMemory.PAGE_SIZE];
        for (Map.Entry<Long, Long> e : new HashMap<>(pages).entrySet()) {
            long index = e.getKey();
            long at = index << 12;
            if (index < first || index > last || at >= size) {
                continue;
            }
            int n = (int) Math.min(PhysicalMemory.PAGE_SIZE, size - at);
            ram.read(e.getValue(), b, 0, n);
            file.write(at, b, n);
        }
    }

    /** read() of a file with cached pages: the cached bytes of [offset, offset+len) over what the file gave. */
    public void overlay(long offset, byte[] b, int off, int len) {
        for (long at = offset & ~0xfffL; at < offset + len; at += PhysicalMemory.PAGE_SIZE) {
            Long frame = pages.get(at >>> 12);
            if (frame == null) {
                continue;
            }
            long from = Math.max(offset, at), to = Math.min(offset + len, at + PhysicalMemory.PAGE_SIZE);
            ram.read(frame + (from - at), b, off + (int) (from - offset), (int) (to - from));
        }
    }

    /** write() to a file with cached pages: the new bytes go into the cached pages too. */
    public void update(long offset, byte[] b, int off, int len) {
        for (long at = offset & ~0xfffL; at < offset + len; at += PhysicalMemory.PAGE_SIZE) {
            Long frame = pages.get(at >>> 12);
            if (frame == null) {
                continue;
            }
            long from = Math.max(offset, at), to = Math.min(offset + len, at + PhysicalMemory.PAGE_SIZE);
            ram.write(frame + (from - at), b, off + (int) (from - offset), (int) (to - from));
        }
    }
}
