package minikernel.kernel.exec;

import minikernel.kernel.mm.MappedFile;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.mm.Vma;
import minikernel.kernel.mm.VmFlags;

/**
 * Maps a validated ELF executable into a fresh address space, as load_elf_binary() in
 * fs/binfmt_elf.c does: each PT_LOAD becomes a private file mapping of its pages (elf_map), its
 * bss beyond the file part an anonymous mapping, and the break starts after the last segment.
 * Nothing is copied now: pages come in on first touch, through the page-fault handler.
 */
public final class ElfLoader {
    /** ELF_ET_DYN_BASE for a 32-bit program: where a static-pie is loaded (no randomisation). */
    public static final long ELF_ET_DYN_BASE = 0x00400000L;
    private static final long PAGE = 4096;

    /** What the loader learned, for the initial stack and the mm's markers. */
    public record Loaded(long entry, long phdr, int phnum, long loadBias, long brk) {
    }

    private ElfLoader() {
    }

    public static Loaded load(MmStruct mm, ElfFile elf, MappedFile file) {
        long loadBias = elf.isPositionIndependent() ? ELF_ET_DYN_BASE - (elf.loadSegments().get(0).vaddr() & ~(PAGE - 1)) : 0;
        // elf_read_implies_exec(): an i386 program without PT_GNU_STACK gets READ_IMPLIES_EXEC.
        mm.setReadImpliesExec(elf.readImpliesExec());
        long startCode = Long.MAX_VALUE, endCode = 0, startData = 0, endData = 0, elfBrk = 0;
        for (ElfSegment seg : elf.loadSegments()) {
            int prot = (seg.readable() ? VmFlags.VM_READ : 0) | (seg.writable() ? VmFlags.VM_WRITE : 0)
                    | (seg.executable() || elf.readImpliesExec() && seg.readable() ? VmFlags.VM_EXEC : 0);
            int flags = prot | VmFlags.VM_MAY_ALL;
            long vaddr = seg.vaddr() + loadBias;
            long pageStart = vaddr & ~(PAGE - 1);
            long fileEnd = pageUp(vaddr + seg.filesz());
            long memEnd = pageUp(vaddr + seg.memsz());
            if (seg.filesz() > 0) {
                mapFixed(mm, new Vma(pageStart, fileEnd, flags, file, seg.offset() & ~(PAGE - 1),
                        (vaddr & (PAGE - 1)) + seg.filesz()));
            }
            long bssStart = seg.filesz() > 0 ? fileEnd : pageStart;
            if (memEnd > bssStart) {
                mapFixed(mm, Vma.anonymous(bssStart, memEnd, flags));
            }
            if (seg.executable()) {
                startCode = Math.min(startCode, vaddr);
                endCode = Math.max(endCode, vaddr + seg.filesz());
            } else {
                startData = startData == 0 ? vaddr : Math.min(startData, vaddr);
                endData = Math.max(endData, vaddr + seg.filesz());
            }
            elfBrk = Math.max(elfBrk, vaddr + seg.memsz());
        }
        mm.setCode(startCode == Long.MAX_VALUE ? 0 : startCode, endCode);
        mm.setData(startData, endData);
        long brk = pageUp(elfBrk);
        mm.setBrk(brk, brk);
        mm.setExePath(file.name());
        long phdr = elf.programHeaderAddress().orElse(0) + (elf.programHeaderAddress().isPresent() ? loadBias : 0);
        return new Loaded(elf.entry() + loadBias, phdr, elf.header().phnum(), loadBias, brk);
    }

    /** MAP_FIXED semantics: whatever was mapped there (a shared page of the previous segment) goes. */
    private static void mapFixed(MmStruct mm, Vma vma) {
        mm.unmap(vma.start(), vma.end());
        mm.insert(vma);
    }

    private static long pageUp(long address) {
        return (address + PAGE - 1) & ~(PAGE - 1);
    }
}
