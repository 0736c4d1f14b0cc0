package minikernel.cpu;

import static minikernel.cpu.PageTableEntry.PAGE_NX;
import static minikernel.cpu.PageTableEntry.PAGE_PRESENT;
import static minikernel.cpu.PageTableEntry.PAGE_RW;
import static minikernel.cpu.PageTableEntry.PAGE_USER;

import java.util.ArrayList;
import java.util.List;

/**
 * A bare machine for CPU tests: RAM, a {@link Cpu}, a bump frame allocator and a page directory
 * built by hand, standing in for the kernel's mm. Code is given as machine-code bytes.
 */
final class TestMachine implements AutoCloseable {
    static final long CODE = 0x08048000L;
    static final long DATA = 0x0804a000L;
    static final long STACK_TOP = 0xbf800000L;

    final PhysicalMemory ram = new PhysicalMemory(16 << 20);
    final Cpu cpu = new Cpu(ram);
    final List<Long> syscalls = new ArrayList<>();
    long nextFrame = 0x100000;
    long pgd;

    TestMachine() {
        pgd = newPageDirectory();
        cpu.switchMm(pgd);
        cpu.setSyscallHandler(number -> {
            long nr = number & 0xffffffffL;
            syscalls.add(nr);
            if (nr == 1) {          // exit: stop the engine, leave EAX
                cpu.stopAfterHook();
                return Cpu.NO_RESULT;
            }
            return nr + 1000;
        });
    }

    long newPageDirectory() {
        return allocFrame();
    }

    long allocFrame() {
        long f = nextFrame;
        nextFrame += PhysicalMemory.PAGE_SIZE;
        ram.clearPage(f);
        return f;
    }

    long pteAddress(long pageDirectory, long va) {
        long pdeAt = pageDirectory + 4L * PageTableEntry.pgdIndex(va);
        int pde = ram.getInt(pdeAt);
        if ((pde & PAGE_PRESENT) == 0) {
            pde = (int) allocFrame() | PAGE_PRESENT | PAGE_RW | PAGE_USER;
            ram.setInt(pdeAt, pde);
        }
        return PageTableEntry.frame(pde) + 4L * PageTableEntry.pteIndex(va);
    }

    /** Maps one page at {@code va} to a new frame; returns the frame. */
    long map(long va, boolean writable, boolean executable) {
        long frame = allocFrame();
        ram.setInt(pteAddress(pgd, va), (int) frame | PAGE_PRESENT | PAGE_USER
                | (writable ? PAGE_RW : 0) | (executable ? 0 : PAGE_NX));
        return frame;
    }

    int pte(long va) {
        return ram.getInt(pteAddress(pgd, va));
    }

    void poke(long va, int... bytes) {
        long pa = PageTableEntry.frame(pte(va)) + (va & 0xfff);
        for (int i = 0; i < bytes.length; i++) {
            ram.setByte(pa + i, (byte) bytes[i]);
        }
    }

    int peek32(long va) {
        return ram.getIntUnaligned(PageTableEntry.frame(pte(va)) + (va & 0xfff));
    }

    /** Maps code (read-only, executable), data and a stack page; loads a fresh context at CODE. */
    CpuContext load(int... code) {
        map(CODE, false, true);
        poke(CODE, code);
        map(DATA, true, false);
        map(STACK_TOP - 4096, true, false);
        CpuContext c = cpu.newUserContext(CODE, STACK_TOP);
        return c;
    }

    @Override
    public void close() {
        cpu.close();
        ram.close();
    }
}
