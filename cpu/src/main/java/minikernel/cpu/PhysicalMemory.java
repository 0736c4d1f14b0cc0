package minikernel.cpu;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The machine's physical RAM: one off-heap segment that Unicorn maps at physical address 0 and the
 * kernel reads and writes directly (no uc_mem_read/uc_mem_write). It comes from an anonymous
 * {@code mmap(MAP_NORESERVE)}, so the host commits a page only when it is first touched: a 256 MiB
 * machine costs the host only what its guests use (Arena.allocate would zero-fill all of it).
 */
public final class PhysicalMemory implements AutoCloseable {
    public static final int PAGE_SIZE = 4096;
    public static final int PAGE_SHIFT = 12;

    private final Arena arena = Arena.ofShared();
    private final MemorySegment ram;

    public PhysicalMemory(long bytes) {
        if (bytes < 4L << 20 || bytes > 3L << 30 || bytes % PAGE_SIZE != 0) {
            throw new IllegalArgumentException("physical memory must be 4 MiB .. 3 GiB in whole pages, not " + bytes);
        }
        ram = Mmap.anonymous(bytes, arena);
    }

    /** The whole of RAM, for uc_mem_map_ptr and bulk copies. */
    public MemorySegment segment() {
        return ram;
    }

    public long size() {
        return ram.byteSize();
    }

    /** Number of 4 KiB page frames. */
    public int frames() {
        return (int) (ram.byteSize() >>> PAGE_SHIFT);
    }

    /** A 32-bit word (a page-table entry). The unaligned layout skips a per-access alignment check. */
    public int getInt(long physical) {
        return ram.get(JAVA_INT_UNALIGNED, physical);
    }

    public void setInt(long physical, int value) {
        ram.set(JAVA_INT_UNALIGNED, physical, value);
    }

    /** A whole page of 32-bit words (a page table) into {@code into}, in one copy. */
    public void readInts(long physical, int[] into) {
        MemorySegment.copy(ram, JAVA_INT_UNALIGNED, physical, into, 0, into.length);
    }

    public void writeInts(long physical, int[] from) {
        MemorySegment.copy(from, 0, ram, JAVA_INT_UNALIGNED, physical, from.length);
    }

    public int getIntUnaligned(long physical) {
        return ram.get(JAVA_INT_UNALIGNED, physical);
    }

    public void setIntUnaligned(long physical, int value) {
        ram.set(JAVA_INT_UNALIGNED, physical, value);
    }

    public byte getByte(long physical) {
        return ram.get(JAVA_BYTE, physical);
    }

    public void setByte(long physical, byte value) {
        ram.set(JAVA_BYTE, physical, value);
    }

    /** Zero-fills one page frame. */
    public void clearPage(long physical) {
        ram.asSlice(physical, PAGE_SIZE).fill((byte) 0);
    }

    /** Copies one page frame to another (copy-on-write). */
    public void copyPage(long from, long to) {
        MemorySegment.copy(ram, from, ram, to, PAGE_SIZE);
    }

    public void read(long physical, byte[] into, int offset, int length) {
        MemorySegment.copy(ram, JAVA_BYTE, physical, into, offset, length);
    }

    public void write(long physical, byte[] from, int offset, int length) {
        MemorySegment.copy(from, offset, ram, JAVA_BYTE, physical, length);
    }

    @Override
    public void close() {
        arena.close();
    }

    /** mmap/munmap from the host's libc. */
    private static final class Mmap {
        private static final int PROT_READ_WRITE = 3, MAP_PRIVATE = 2, MAP_ANONYMOUS = 0x20, MAP_NORESERVE = 0x4000;
        private static final Linker LINKER = Linker.nativeLinker();
        private static final MethodHandle MMAP = LINKER.downcallHandle(LINKER.defaultLookup().find("mmap").orElseThrow(),
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
        private static final MethodHandle MUNMAP = LINKER.downcallHandle(LINKER.defaultLookup().find("munmap").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));

        static MemorySegment anonymous(long bytes, Arena arena) {
            MemorySegment p;
            try {
                p = (MemorySegment) MMAP.invokeExact(MemorySegment.NULL, bytes, PROT_READ_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0L);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
            if (p.address() == -1L) {
                throw new IllegalStateException("cannot reserve " + (bytes >> 20) + " MiB of host memory for guest RAM");
            }
            long address = p.address();
            return p.reinterpret(bytes, arena, segment -> unmap(address, bytes));
        }

        private static void unmap(long address, long bytes) {
            try {
                int ignored = (int) MUNMAP.invokeExact(MemorySegment.ofAddress(address), bytes);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }
}
