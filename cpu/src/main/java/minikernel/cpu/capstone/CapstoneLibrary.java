package minikernel.cpu.capstone;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import minikernel.cpu.NativeLibraries;
import minikernel.cpu.NativeLibraries.NativeLibraryException;

/**
 * The part of libcapstone 5's C API the disassembler uses (include/capstone/capstone.h, 5.0):
 * constants, the cs_insn layout, and downcall handles. Handles are created on first use, through
 * holder classes, so a JVM that never disassembles never loads the library.
 */
final class CapstoneLibrary {
    static final int CS_ARCH_X86 = 3;
    static final int CS_MODE_32 = 1 << 2;
    static final int CS_OPT_SYNTAX = 1;
    static final int CS_ERR_OK = 0;
    static final int CS_ERR_MEM = 1;

    /** The only major version whose cs_insn matches {@link #CS_INSN}: 4.x has bytes[16], 6.x adds alias_id. */
    static final int SUPPORTED_MAJOR = 5;

    /**
     * cs_insn in Capstone 5: {@code unsigned id; uint64_t address; uint16_t size; uint8_t bytes[24];
     * char mnemonic[32]; char op_str[160]; cs_detail *detail;}, 248 bytes on x86-64.
     */
    static final StructLayout CS_INSN = MemoryLayout.structLayout(
            JAVA_INT.withName("id"),
            MemoryLayout.paddingLayout(4),
            JAVA_LONG.withName("address"),
            JAVA_SHORT.withName("size"),
            MemoryLayout.sequenceLayout(24, JAVA_BYTE).withName("bytes"),
            MemoryLayout.sequenceLayout(32, JAVA_BYTE).withName("mnemonic"),
            MemoryLayout.sequenceLayout(160, JAVA_BYTE).withName("op_str"),
            MemoryLayout.paddingLayout(6),
            ADDRESS.withName("detail"));

    static final long INSN_ADDRESS = offset("address");
    static final long INSN_SIZE = offset("size");
    static final long INSN_BYTES = offset("bytes");
    static final long INSN_MNEMONIC = offset("mnemonic");
    static final long INSN_OP_STR = offset("op_str");
    static final long MNEMONIC_LENGTH = 32;
    static final long OP_STR_LENGTH = 160;

    private CapstoneLibrary() {
    }

    private static long offset(String field) {
        return CS_INSN.byteOffset(PathElement.groupElement(field));
    }

    /**
     * The library, opened and version-checked once. A failure is remembered as well, so that every
     * later caller gets the same clear {@link NativeLibraryException} rather than the
     * NoClassDefFoundError a failed class initialiser leaves behind.
     */
    private static final class Loaded {
        static final SymbolLookup LOOKUP;
        static final RuntimeException FAILURE;

        static {
            SymbolLookup lookup = null;
            RuntimeException failure = null;
            try {
                lookup = openAndCheck();
            } catch (RuntimeException e) {
                failure = e;
            }
            LOOKUP = lookup;
            FAILURE = failure;
        }
    }

    /** The checked library; throws {@link NativeLibraryException} if it is missing, unloadable or not 5.x. */
    static SymbolLookup lookup() {
        if (Loaded.FAILURE != null) {
            throw new NativeLibraryException(Loaded.FAILURE.getMessage(), Loaded.FAILURE);
        }
        return Loaded.LOOKUP;
    }

    private static SymbolLookup openAndCheck() {
        SymbolLookup lookup = NativeLibraries.capstone();
        MethodHandle csVersion = Linker.nativeLinker().downcallHandle(find(lookup, "cs_version"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        int version;
        try {
            version = (int) csVersion.invokeExact(MemorySegment.NULL, MemorySegment.NULL);
        } catch (Throwable t) {
            throw new IllegalStateException("cs_version failed", t);
        }
        checkVersion(version);
        return lookup;
    }

    /** Accepts cs_version()'s {@code (major << 8) | minor} only for Capstone 5.x. */
    static void checkVersion(int version) {
        int major = (version >>> 8) & 0xff;
        int minor = version & 0xff;
        if (major != SUPPORTED_MAJOR) {
            throw new NativeLibraryException("libcapstone.so.5 in " + NativeLibraries.directory()
                    + " is Capstone " + major + "." + minor + ", but minikernel needs Capstone "
                    + SUPPORTED_MAJOR + ".x (the cs_insn layout differs in other versions): run "
                    + NativeLibraries.SETUP_COMMAND + " --force");
        }
    }

    /** "5.0", for version displays. */
    static String versionString() {
        try {
            return versionText((int) Handles.CS_VERSION.invokeExact(MemorySegment.NULL, MemorySegment.NULL));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static String versionText(int version) {
        return ((version >>> 8) & 0xff) + "." + (version & 0xff);
    }

    private static MemorySegment find(SymbolLookup lookup, String name) {
        return lookup.find(name).orElseThrow(() -> new NativeLibraryException(
                "libcapstone.so.5 has no symbol " + name + ": run " + NativeLibraries.SETUP_COMMAND + " --force"));
    }

    /** The downcalls; initialised on first use, after {@link #lookup()} has succeeded. */
    static final class Handles {
        static final MethodHandle CS_VERSION = downcall("cs_version", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        /** {@code cs_err cs_open(cs_arch, cs_mode, csh *handle)}; csh is a size_t. */
        static final MethodHandle CS_OPEN = downcall("cs_open", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
        static final MethodHandle CS_CLOSE = downcall("cs_close", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle CS_OPTION = downcall("cs_option", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG));
        static final MethodHandle CS_ERRNO = downcall("cs_errno", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
        static final MethodHandle CS_STRERROR = downcall("cs_strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        static final MethodHandle CS_MALLOC = downcall("cs_malloc", FunctionDescriptor.of(ADDRESS, JAVA_LONG));
        static final MethodHandle CS_FREE = downcall("cs_free", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG));
        /**
         * {@code bool cs_disasm_iter(csh, const uint8_t **code, size_t *size, uint64_t *address, cs_insn *insn)}.
         * It could be critical (Capstone never calls back without a SKIPDATA callback), but measured
         * with DisassemblerBench that saves nothing visible next to its ~0.3 us of decoding.
         */
        static final MethodHandle CS_DISASM_ITER = downcall("cs_disasm_iter",
                FunctionDescriptor.of(JAVA_BOOLEAN, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        /**
         * {@code size_t cs_disasm(csh, const uint8_t *code, size_t size, uint64_t address, size_t count, cs_insn **insn)}.
         * The disassembler iterates instead; this one is here because the stride of the array it
         * returns is sizeof(cs_insn), which is how the tests check {@link #CS_INSN} against the library.
         */
        static final MethodHandle CS_DISASM = downcall("cs_disasm",
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS));

        private Handles() {
        }

        private static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
            return Linker.nativeLinker().downcallHandle(find(lookup(), name), descriptor);
        }
    }

    /** The text of a cs_err, from cs_strerror. */
    static String strerror(int code) {
        try {
            MemorySegment text = (MemorySegment) Handles.CS_STRERROR.invokeExact(code);
            return text.equals(MemorySegment.NULL) ? "unknown error" : text.reinterpret(256).getString(0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Throws a {@link CapstoneException} naming {@code operation} unless {@code code} is CS_ERR_OK. */
    static void check(String operation, int code) {
        if (code != CS_ERR_OK) {
            throw new CapstoneException(operation, code, strerror(code));
        }
    }

    /** Downcalls declare Throwable; nothing but runtime exceptions and errors can come out of them. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
