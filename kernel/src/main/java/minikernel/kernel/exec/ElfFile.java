package minikernel.kernel.exec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A parsed and validated i386 ELF executable: what load_elf_binary() in fs/binfmt_elf.c
 * reads before it maps anything. {@link #parse} refuses, with a one-line reason, every file
 * Linux would refuse (and a few it would run into a crash: a segment that is not in the file,
 * an entry point outside executable memory); a file it accepts satisfies every rule in the
 * list below, so the loader that maps the segments need not check again.
 *
 * <ul>
 * <li>ELFCLASS32, little-endian, EV_CURRENT, EM_386 (or EM_486), ET_EXEC or ET_DYN
 *     (see {@link ElfHeader});
 * <li>e_phentsize is 32, 1..2048 program headers (Linux's 64 KiB cap), all inside the file;
 * <li>no PT_INTERP: minikernel runs static programs only;
 * <li>at least one PT_LOAD; each has {@code filesz <= memsz} and
 *     {@code vaddr + memsz <= TASK_SIZE}; one with {@code filesz > 0} also has its file bytes
 *     inside the file and {@code p_offset == p_vaddr} modulo the page size (one with
 *     {@code filesz == 0} is all bss: Linux maps no file page for it);
 * <li>PT_LOADs in ascending p_vaddr order, not overlapping;
 * <li>the entry point inside an executable PT_LOAD;
 * <li>a PT_TLS, if any, whose initial image lies inside a PT_LOAD;
 * <li>a PT_PHDR, if any, inside the file-backed part of a PT_LOAD.
 * </ul>
 *
 * <p>The object is immutable: it keeps its own copy of the file.
 */
public final class ElfFile {
    /** ELF_MIN_ALIGN on i386. */
    public static final long PAGE_SIZE = 4096;
    /**
     * The top of user memory for an i386 program: TASK_SIZE of a 32-bit task on x86-64 Linux
     * (IA32_PAGE_OFFSET). A segment must end at or below it.
     */
    public static final long TASK_SIZE = 0xFFFFE000L;

    private final byte[] data;
    private final ElfHeader header;
    private final List<ElfSegment> loadSegments;
    private final ElfSegment tls;
    private final boolean hasGnuStack;
    private final boolean executableStack;
    private final OptionalLong programHeaderAddress;
    private final ElfSymbolTable symbols;

    private ElfFile(byte[] data, ElfHeader header, ElfProgramHeaders phdrs, ElfSymbolTable symbols) {
        this.data = data;
        this.header = header;
        this.loadSegments = phdrs.loads();
        this.tls = phdrs.tls();
        this.hasGnuStack = phdrs.hasGnuStack();
        this.executableStack = phdrs.executableStack();
        this.programHeaderAddress = phdrs.phdrAddress();
        this.symbols = symbols;
    }

    /** Parses and validates {@code file}; the array is copied, so the caller may reuse it. */
    public static ElfFile parse(byte[] file) throws ElfException {
        byte[] copy = file.clone();
        ElfBytes bytes = new ElfBytes(copy);
        ElfHeader header = ElfHeader.read(bytes);
        ElfProgramHeaders phdrs = ElfProgramHeaders.read(bytes, header);
        return new ElfFile(copy, header, phdrs, ElfSymbolTable.read(bytes, header));
    }

    /** Reads and parses a host file (for tools; execve reads from the kernel's own filesystem). */
    public static ElfFile parse(Path path) throws IOException, ElfException {
        return parse(Files.readAllBytes(path));
    }

    public ElfHeader header() {
        return header;
    }

    /** e_entry, before any load bias. */
    public long entry() {
        return header.entry();
    }

    /** True for a static-pie (ET_DYN): the loader chooses a load bias and adds it to every address. */
    public boolean isPositionIndependent() {
        return header.type() == ElfHeader.Type.DYN;
    }

    /** The PT_LOAD segments in file order, which is ascending address order. */
    public List<ElfSegment> loadSegments() {
        return loadSegments;
    }

    /** The PT_TLS template that static glibc copies into each thread's TLS block. */
    public Optional<ElfSegment> tls() {
        return Optional.ofNullable(tls);
    }

    /** True when PT_GNU_STACK asks for an executable stack (PF_X), EXSTACK_ENABLE_X in Linux. */
    public boolean executableStack() {
        return executableStack;
    }

    /**
     * Mirrors elf_read_implies_exec() for a 32-bit x86 program: with no PT_GNU_STACK at all
     * (an old toolchain), Linux sets READ_IMPLIES_EXEC, and every readable mapping is also
     * executable, the stack included.
     */
    public boolean readImpliesExec() {
        return !hasGnuStack;
    }

    /** True when the process may run code in {@code segment}, after {@link #readImpliesExec()}. */
    public boolean isExecutable(ElfSegment segment) {
        return ElfProgramHeaders.isExecutable(segment, readImpliesExec());
    }

    /**
     * Where the program headers are in memory, before any load bias: the value of AT_PHDR,
     * which static glibc uses to find its PT_TLS (and a static-pie its PT_DYNAMIC). It is
     * PT_PHDR's p_vaddr when there is one, else computed as load_elf_binary() does since
     * Linux 5.18, from the PT_LOAD whose file bytes hold e_phoff.
     *
     * <p>Empty when neither locates them (a program linked with {@code ld -N}, say). Linux
     * still runs such a program, passing a meaningless AT_PHDR; it works unless it reads its
     * headers, which only libc start-up code does. The loader chooses: refuse, or pass 0.
     */
    public OptionalLong programHeaderAddress() {
        return programHeaderAddress;
    }

    /**
     * Mirrors total_mapping_size() in fs/binfmt_elf.c: from the page holding the first PT_LOAD
     * to the end of the last, the span a static-pie needs reserved in one piece.
     */
    public long totalMappingSize() {
        ElfSegment first = loadSegments.getFirst();
        ElfSegment last = loadSegments.getLast();
        return last.end() - (first.vaddr() & -PAGE_SIZE);
    }

    /**
     * Mirrors maximum_alignment() in fs/binfmt_elf.c: the largest power-of-two p_align of the
     * PT_LOADs, at least a page; a static-pie's load bias must be a multiple of it.
     */
    public long maximumAlignment() {
        long alignment = PAGE_SIZE;
        for (ElfSegment segment : loadSegments) {
            long align = segment.align();
            if (align > alignment && Long.bitCount(align) == 1) {
                alignment = align;
            }
        }
        return alignment;
    }

    /** The size of the file in bytes. */
    public int size() {
        return data.length;
    }

    /** The whole file, read-only, little-endian. */
    public ByteBuffer contents() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * A copy of the {@code filesz} bytes of {@code segment} that come from the file (none for
     * an all-bss segment, whose p_offset may point anywhere).
     */
    public byte[] fileBytes(ElfSegment segment) {
        if (segment.filesz() == 0) {
            return new byte[0];
        }
        if (!new ElfBytes(data).contains(segment.offset(), segment.filesz())) {
            throw new IllegalArgumentException("not a segment of this file: " + segment);
        }
        return Arrays.copyOfRange(data, (int) segment.offset(), (int) (segment.offset() + segment.filesz()));
    }

    /** The symbol table (empty for a stripped program). */
    public ElfSymbolTable symbols() {
        return symbols;
    }

    /**
     * {@code address} as {@code symbol+offset}: the nearest function or object starting at or
     * below it within the same PT_LOAD, so that a stack or heap address is never named after
     * the last symbol of the data segment. Addresses are link-time ones (subtract a
     * static-pie's load bias first).
     */
    public Optional<ElfSymbolRef> symbolAt(long address) {
        ElfSegment segment = segmentContaining(address).orElse(null);
        if (segment == null) {
            return Optional.empty();
        }
        return symbols.nearestAtOrBelow(address)
                .filter(symbol -> symbol.address() >= segment.vaddr())
                .map(symbol -> new ElfSymbolRef(symbol, address - symbol.address()));
    }

    /** The link-time address of the function or object called {@code name}. */
    public OptionalLong addressOf(String name) {
        return symbols.lookup(name).map(symbol -> OptionalLong.of(symbol.address())).orElse(OptionalLong.empty());
    }

    /** The PT_LOAD whose memory range holds {@code address}. */
    public Optional<ElfSegment> segmentContaining(long address) {
        for (ElfSegment segment : loadSegments) {
            if (segment.contains(address)) {
                return Optional.of(segment);
            }
        }
        return Optional.empty();
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    @Override
    public String toString() {
        return "ElfFile[" + header.type() + ", entry " + hex(header.entry()) + ", " + loadSegments.size()
                + " PT_LOAD, " + symbols.symbols().size() + " symbols]";
    }
}
