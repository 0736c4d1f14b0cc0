package minikernel.cpu.capstone;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static minikernel.cpu.capstone.CapstoneLibrary.CS_ARCH_X86;
import static minikernel.cpu.capstone.CapstoneLibrary.CS_ERR_MEM;
import static minikernel.cpu.capstone.CapstoneLibrary.CS_INSN;
import static minikernel.cpu.capstone.CapstoneLibrary.CS_MODE_32;
import static minikernel.cpu.capstone.CapstoneLibrary.CS_OPT_SYNTAX;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import minikernel.cpu.NativeLibraries.NativeLibraryException;
import minikernel.cpu.capstone.CapstoneLibrary.Handles;

/**
 * A 32-bit x86 disassembler over libcapstone 5: one Capstone handle ({@code cs_open(CS_ARCH_X86,
 * CS_MODE_32)}) and one reusable instruction buffer, decoded with {@code cs_disasm_iter}. Detail
 * mode stays off. The methods are synchronized, so a debugger console and a tracer may share one.
 * Close it to release the native handle.
 *
 * <p>Decoding stops at the first bytes that are not a valid instruction, as {@code cs_disasm}
 * does; a caller that wants to go on prints {@code (bad)} and resumes one byte further, as
 * objdump does.
 */
public final class Disassembler implements AutoCloseable {
    private static final long MAX_ADDRESS = 0xffff_ffffL;

    private final Arena arena;           // shared: a debugger and a tracer may use one from two threads
    private final long handle;           // the csh from cs_open
    private final MemorySegment insn;    // cs_malloc'd cs_insn that cs_disasm_iter fills
    private final MemorySegment codeCell;    // const uint8_t *code, advanced by cs_disasm_iter
    private final MemorySegment sizeCell;    // size_t size, decremented by it
    private final MemorySegment addressCell; // uint64_t address, advanced by it
    private MemorySegment scratch;       // native copy of heap input; grows by doubling, freed at close
    private Syntax syntax;
    private boolean closed;

    /** Opens a disassembler printing AT&T syntax. */
    public Disassembler() {
        this(Syntax.ATT);
    }

    /**
     * Opens a disassembler printing {@code syntax}.
     *
     * @throws NativeLibraryException if libcapstone.so.5 is missing, unloadable or not Capstone 5
     * @throws CapstoneException      if Capstone refuses the handle or the syntax
     */
    public Disassembler(Syntax syntax) {
        Objects.requireNonNull(syntax, "syntax");
        CapstoneLibrary.lookup();
        arena = Arena.ofShared();
        try {
            MemorySegment handleCell = arena.allocate(JAVA_LONG);
            CapstoneLibrary.check("cs_open(CS_ARCH_X86, CS_MODE_32)",
                    (int) Handles.CS_OPEN.invokeExact(CS_ARCH_X86, CS_MODE_32, handleCell));
            handle = handleCell.get(JAVA_LONG, 0);
            MemorySegment allocated = (MemorySegment) Handles.CS_MALLOC.invokeExact(handle);
            if (allocated.equals(MemorySegment.NULL)) {
                closeHandle();
                throw new CapstoneException("cs_malloc", CS_ERR_MEM, CapstoneLibrary.strerror(CS_ERR_MEM));
            }
            insn = allocated.reinterpret(CS_INSN.byteSize());
        } catch (Throwable t) {
            arena.close();
            throw CapstoneLibrary.rethrow(t);
        }
        codeCell = arena.allocate(ADDRESS);
        sizeCell = arena.allocate(JAVA_LONG);
        addressCell = arena.allocate(JAVA_LONG);
        scratch = arena.allocate(256);
        try {
            setSyntax(syntax);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The Capstone version in use, e.g. {@code 5.0}. */
    public static String libraryVersion() {
        CapstoneLibrary.lookup();
        return CapstoneLibrary.versionString();
    }

    public synchronized Syntax syntax() {
        return syntax;
    }

    /** Switches the syntax of every instruction decoded from now on. */
    public synchronized void setSyntax(Syntax syntax) {
        Objects.requireNonNull(syntax, "syntax");
        ensureOpen();
        try {
            CapstoneLibrary.check("cs_option(CS_OPT_SYNTAX, " + syntax + ")",
                    (int) Handles.CS_OPTION.invokeExact(handle, CS_OPT_SYNTAX, (long) syntax.optionValue));
        } catch (Throwable t) {
            throw CapstoneLibrary.rethrow(t);
        }
        this.syntax = syntax;
    }

    /**
     * Decodes up to {@code maxCount} instructions from {@code code}, whose first byte is at guest
     * address {@code address}. Stops early at the end of the bytes or at an invalid instruction;
     * the sizes of the returned instructions add up to the bytes consumed.
     */
    public List<Instruction> disassemble(byte[] code, long address, int maxCount) {
        Objects.requireNonNull(code, "code");
        return disassemble(MemorySegment.ofArray(code), address, maxCount);
    }

    /** As {@link #disassemble(byte[], long, int)}, reading a heap or native segment (e.g. guest RAM). */
    public synchronized List<Instruction> disassemble(MemorySegment code, long address, int maxCount) {
        if (maxCount < 0) {
            throw new IllegalArgumentException("maxCount must be >= 0, not " + maxCount);
        }
        start(code, address, maxCount);
        List<Instruction> out = new ArrayList<>(Math.min(maxCount, 64));
        while (out.size() < maxCount && next()) {
            out.add(read());
        }
        return out;
    }

    /** Decodes the instruction at the start of {@code code}; empty if the bytes are not a valid one. */
    public Optional<Instruction> disassembleOne(byte[] code, long address) {
        Objects.requireNonNull(code, "code");
        return disassembleOne(MemorySegment.ofArray(code), address);
    }

    /** As {@link #disassembleOne(byte[], long)}, reading a heap or native segment. */
    public synchronized Optional<Instruction> disassembleOne(MemorySegment code, long address) {
        start(code, address, 1);
        return next() ? Optional.of(read()) : Optional.empty();
    }

    /** Points the iteration cells at {@code code}; heap bytes are copied (only as many as can be decoded). */
    private void start(MemorySegment code, long address, int maxCount) {
        Objects.requireNonNull(code, "code");
        ensureOpen();
        if (address < 0 || address > MAX_ADDRESS) {
            throw new IllegalArgumentException(String.format(
                    "address 0x%x is not a 32-bit guest address", address));
        }
        MemorySegment source = code;
        if (!code.isNative()) {
            long length = Math.min(code.byteSize(), (long) maxCount * Instruction.MAX_LENGTH);
            if (scratch.byteSize() < length) {
                scratch = arena.allocate(Math.max(length, scratch.byteSize() * 2));
            }
            MemorySegment.copy(code, 0, scratch, 0, length);
            source = scratch.asSlice(0, length);
        }
        codeCell.set(ADDRESS, 0, source);
        sizeCell.set(JAVA_LONG, 0, source.byteSize());
        addressCell.set(JAVA_LONG, 0, address);
    }

    /** Decodes the next instruction into {@link #insn}; false at the end or at invalid bytes. */
    private boolean next() {
        try {
            if ((boolean) Handles.CS_DISASM_ITER.invokeExact(handle, codeCell, sizeCell, addressCell, insn)) {
                return true;
            }
            // Undecodable bytes leave cs_errno at CS_ERR_OK; anything else is a real failure.
            CapstoneLibrary.check("cs_disasm_iter", (int) Handles.CS_ERRNO.invokeExact(handle));
            return false;
        } catch (Throwable t) {
            throw CapstoneLibrary.rethrow(t);
        }
    }

    private Instruction read() {
        int size = Short.toUnsignedInt(insn.get(JAVA_SHORT, CapstoneLibrary.INSN_SIZE));
        return new Instruction(
                insn.get(JAVA_LONG, CapstoneLibrary.INSN_ADDRESS),
                insn.asSlice(CapstoneLibrary.INSN_BYTES, size).toArray(JAVA_BYTE),
                cString(CapstoneLibrary.INSN_MNEMONIC, CapstoneLibrary.MNEMONIC_LENGTH),
                cString(CapstoneLibrary.INSN_OP_STR, CapstoneLibrary.OP_STR_LENGTH));
    }

    private String cString(long offset, long capacity) {
        return insn.asSlice(offset, capacity).getString(0);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("disassembler is closed");
        }
    }

    /** Frees the instruction buffer and closes the Capstone handle; later calls throw. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Handles.CS_FREE.invokeExact(insn, 1L);
            closeHandle();
        } catch (Throwable t) {
            throw CapstoneLibrary.rethrow(t);
        } finally {
            arena.close();
        }
    }

    private void closeHandle() throws Throwable {
        MemorySegment handleCell = arena.allocate(JAVA_LONG);
        handleCell.set(JAVA_LONG, 0, handle);
        CapstoneLibrary.check("cs_close", (int) Handles.CS_CLOSE.invokeExact(handleCell));
    }
}
