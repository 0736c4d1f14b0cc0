package minikernel.kernel.exec;

import static minikernel.kernel.exec.ElfFile.PAGE_SIZE;
import static minikernel.kernel.exec.ElfFile.TASK_SIZE;
import static minikernel.kernel.exec.ElfFile.hex;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The program header table, read and checked in the order load_elf_binary() in
 * fs/binfmt_elf.c walks it: load_elf_phdrs(), then the PT_INTERP loop, then PT_GNU_STACK,
 * then the PT_LOAD loop with its address checks, then the entry point. The checks Linux
 * leaves to mmap (page congruence) or to nobody (ascending order, overlap, the entry point
 * being in executable memory, PT_TLS and PT_PHDR being loaded) are made here too, so the
 * loader receives a file it can map without surprises.
 *
 * @param loads           the PT_LOAD segments in file order
 * @param tls             the first PT_TLS, or null
 * @param hasGnuStack     whether a PT_GNU_STACK exists (its absence means READ_IMPLIES_EXEC)
 * @param executableStack whether PT_GNU_STACK has PF_X
 * @param phdrAddress     AT_PHDR before load bias, if the headers are loaded
 */
record ElfProgramHeaders(List<ElfSegment> loads, ElfSegment tls, boolean hasGnuStack, boolean executableStack,
        OptionalLong phdrAddress) {

    static final long PT_LOAD = 1;
    static final long PT_INTERP = 3;
    static final long PT_PHDR = 6;
    static final long PT_TLS = 7;
    static final long PT_GNU_STACK = 0x6474e551L;
    private static final long PF_X = 1;
    /** load_elf_phdrs() reads at most 64 KiB of program headers. */
    private static final int MAX_PHDR_BYTES = 65536;
    /** The longest PT_INTERP path load_elf_binary() reads. */
    private static final long PATH_MAX = 4096;

    /** One Elf32_Phdr as it appears in the file, with its index for messages. */
    private record Phdr(int index, long type, long offset, long vaddr, long filesz, long memsz, long flags,
            long align) {

        ElfSegment segment() {
            return new ElfSegment(vaddr, memsz, offset, filesz, ElfSegment.Flag.decode(flags), align);
        }

        String name(String type) {
            return "program header " + index + " (" + type + ")";
        }
    }

    static ElfProgramHeaders read(ElfBytes file, ElfHeader header) throws ElfException {
        List<Phdr> phdrs = loadElfPhdrs(file, header);
        checkInterpreter(file, phdrs);
        boolean hasGnuStack = false;
        boolean executableStack = false;
        for (Phdr phdr : phdrs) {
            if (phdr.type() == PT_GNU_STACK) {
                hasGnuStack = true;
                executableStack = (phdr.flags() & PF_X) != 0;
            }
        }
        List<ElfSegment> loads = checkLoads(file, phdrs);
        checkEntry(header.entry(), loads, !hasGnuStack);
        return new ElfProgramHeaders(loads, checkTls(phdrs, loads), hasGnuStack, executableStack,
                findPhdrAddress(header, phdrs, loads));
    }

    /** Whether a process may execute {@code segment}'s memory: PF_X, or PF_R under READ_IMPLIES_EXEC. */
    static boolean isExecutable(ElfSegment segment, boolean readImpliesExec) {
        return segment.executable() || (readImpliesExec && segment.readable());
    }

    /** Mirrors load_elf_phdrs(): right entry size, a sane count, all inside the file. */
    private static List<Phdr> loadElfPhdrs(ElfBytes file, ElfHeader header) throws ElfException {
        if (header.phentsize() != ElfHeader.PHDR_SIZE) {
            throw new ElfException("bad program header size e_phentsize=" + header.phentsize() + " (expected "
                    + ElfHeader.PHDR_SIZE + ")");
        }
        long size = (long) header.phnum() * ElfHeader.PHDR_SIZE;
        if (size == 0) {
            throw new ElfException("no program headers (e_phnum is 0)");
        }
        if (size > MAX_PHDR_BYTES) {
            throw new ElfException("too many program headers: " + header.phnum() + " (Linux reads at most "
                    + MAX_PHDR_BYTES / ElfHeader.PHDR_SIZE + ")");
        }
        if (!file.contains(header.phoff(), size)) {
            throw new ElfException("program headers lie outside the file: " + header.phnum() + " entries at offset "
                    + hex(header.phoff()) + " need " + size + " bytes, the file has " + file.length());
        }
        List<Phdr> phdrs = new ArrayList<>(header.phnum());
        for (int i = 0; i < header.phnum(); i++) {
            long at = header.phoff() + (long) i * ElfHeader.PHDR_SIZE;
            phdrs.add(new Phdr(i, file.u32(at, "p_type"), file.u32(at + 4, "p_offset"), file.u32(at + 8, "p_vaddr"),
                    file.u32(at + 16, "p_filesz"), file.u32(at + 20, "p_memsz"), file.u32(at + 24, "p_flags"),
                    file.u32(at + 28, "p_align")));
        }
        return phdrs;
    }

    /** PT_INTERP means ld.so must load the program; minikernel has none, so say how to fix it. */
    private static void checkInterpreter(ElfBytes file, List<Phdr> phdrs) throws ElfException {
        for (Phdr phdr : phdrs) {
            if (phdr.type() != PT_INTERP) {
                continue;
            }
            String path = null;
            if (phdr.filesz() >= 2 && phdr.filesz() <= PATH_MAX && file.contains(phdr.offset(), phdr.filesz())) {
                path = file.cString(phdr.offset(), phdr.filesz());
            }
            boolean printable = path != null && !path.isEmpty() && path.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
            String which = printable ? "interpreter " + path : "it asks for an interpreter";
            throw new ElfException("dynamically linked (" + which
                    + "); minikernel runs static programs: build with -static");
        }
    }

    /** The PT_LOAD loop of load_elf_binary(), plus the ordering rule of the ELF specification. */
    private static List<ElfSegment> checkLoads(ElfBytes file, List<Phdr> phdrs) throws ElfException {
        List<ElfSegment> loads = new ArrayList<>();
        ElfSegment previous = null;
        for (Phdr phdr : phdrs) {
            if (phdr.type() != PT_LOAD) {
                continue;
            }
            String name = phdr.name("PT_LOAD");
            if (phdr.filesz() > phdr.memsz()) {
                throw new ElfException(name + ": file size " + hex(phdr.filesz()) + " is larger than memory size "
                        + hex(phdr.memsz()));
            }
            if (phdr.filesz() > 0 && !file.contains(phdr.offset(), phdr.filesz())) {
                throw new ElfException("truncated ELF file: " + name + " needs file bytes " + hex(phdr.offset()) + "-"
                        + hex(phdr.offset() + phdr.filesz()) + ", the file has " + hex(file.length()));
            }
            if (phdr.vaddr() + phdr.memsz() > TASK_SIZE) {
                throw new ElfException(name + " at " + hex(phdr.vaddr()) + " (size " + hex(phdr.memsz())
                        + ") reaches past the end of user memory at " + hex(TASK_SIZE));
            }
            // elf_map() maps the file page that holds p_offset at the page that holds p_vaddr.
            if (phdr.filesz() > 0 && (phdr.offset() - phdr.vaddr()) % PAGE_SIZE != 0) {
                throw new ElfException(name + ": offset " + hex(phdr.offset()) + " and address " + hex(phdr.vaddr())
                        + " differ modulo the page size (" + PAGE_SIZE + ")");
            }
            if (previous != null && phdr.vaddr() < previous.vaddr()) {
                throw new ElfException("PT_LOAD segments are not in ascending address order: program header "
                        + phdr.index() + " at " + hex(phdr.vaddr()) + " follows one at " + hex(previous.vaddr()));
            }
            if (previous != null && phdr.vaddr() < previous.end()) {
                throw new ElfException("PT_LOAD segments overlap: program header " + phdr.index() + " at "
                        + hex(phdr.vaddr()) + " starts before the previous one ends at " + hex(previous.end()));
            }
            previous = phdr.segment();
            loads.add(previous);
        }
        if (loads.isEmpty()) {
            throw new ElfException("no loadable segment (PT_LOAD)");
        }
        return List.copyOf(loads);
    }

    private static void checkEntry(long entry, List<ElfSegment> loads, boolean readImpliesExec) throws ElfException {
        for (ElfSegment segment : loads) {
            if (segment.contains(entry) && isExecutable(segment, readImpliesExec)) {
                return;
            }
        }
        throw new ElfException("entry point " + hex(entry) + " is not inside an executable PT_LOAD segment");
    }

    /** The first PT_TLS, as glibc's __libc_setup_tls() uses it; its image must be loaded. */
    private static ElfSegment checkTls(List<Phdr> phdrs, List<ElfSegment> loads) throws ElfException {
        for (Phdr phdr : phdrs) {
            if (phdr.type() != PT_TLS) {
                continue;
            }
            String name = phdr.name("PT_TLS");
            if (phdr.filesz() > phdr.memsz()) {
                throw new ElfException(name + ": file size " + hex(phdr.filesz()) + " is larger than memory size "
                        + hex(phdr.memsz()));
            }
            for (ElfSegment load : loads) {
                if (phdr.vaddr() >= load.vaddr() && phdr.vaddr() + phdr.filesz() <= load.end()) {
                    return phdr.segment();
                }
            }
            throw new ElfException(name + ": its initial image at " + hex(phdr.vaddr()) + " (size "
                    + hex(phdr.filesz()) + ") is not inside a PT_LOAD segment");
        }
        return null;
    }

    /** AT_PHDR: PT_PHDR if present, else the PT_LOAD holding e_phoff, as in load_elf_binary(). */
    private static OptionalLong findPhdrAddress(ElfHeader header, List<Phdr> phdrs, List<ElfSegment> loads)
            throws ElfException {
        long size = (long) header.phnum() * ElfHeader.PHDR_SIZE;
        for (Phdr phdr : phdrs) {
            if (phdr.type() != PT_PHDR) {
                continue;
            }
            for (ElfSegment load : loads) {
                if (load.fileBackedContains(phdr.vaddr(), size)) {
                    return OptionalLong.of(phdr.vaddr());
                }
            }
            throw new ElfException(phdr.name("PT_PHDR") + " at " + hex(phdr.vaddr())
                    + " is not inside the file-backed part of a PT_LOAD segment");
        }
        for (ElfSegment load : loads) {
            long phoff = header.phoff();
            if (load.filesz() > 0 && phoff >= load.offset() && phoff - load.offset() + size <= load.filesz()) {
                return OptionalLong.of(phoff - load.offset() + load.vaddr());
            }
        }
        return OptionalLong.empty();
    }
}
