package minikernel.cpu.unicorn;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import minikernel.cpu.NativeLibraries;

/**
 * Downcall handles for the libunicorn functions the binding calls, created when the first engine
 * opens (a holder class: nothing is linked for a command that never starts the CPU).
 */
final class Api {
    private Api() {
    }

    private static final Linker LINKER = Linker.nativeLinker();
    /** Allowed only for calls that can never run a Java upcall. */
    private static final Linker.Option CRITICAL = Linker.Option.critical(false);

    static final MethodHandle VERSION = handle("uc_version", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    static final MethodHandle OPEN = handle("uc_open", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    static final MethodHandle CLOSE = handle("uc_close", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle REG_READ =
            handle("uc_reg_read", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS), CRITICAL);
    /** General registers: no descriptor load, so no upcall. */
    static final MethodHandle REG_WRITE =
            handle("uc_reg_write", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS), CRITICAL);
    /** Segment and control registers: loading a selector reads the GDT through the TLB-fill hook. */
    static final MethodHandle REG_WRITE_SLOW =
            handle("uc_reg_write", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
    static final MethodHandle REG_READ_BATCH =
            handle("uc_reg_read_batch", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT), CRITICAL);
    static final MethodHandle REG_WRITE_BATCH =
            handle("uc_reg_write_batch", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT));
    static final MethodHandle MEM_MAP_PTR = handle("uc_mem_map_ptr",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS));
    static final MethodHandle EMU_START = handle("uc_emu_start",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    static final MethodHandle EMU_STOP = handle("uc_emu_stop", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    /** uc_hook_add(uc, hh, type, callback, user, begin, end, ...) is variadic after its 7th argument. */
    static final MethodHandle HOOK_ADD = handle("uc_hook_add", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG), Linker.Option.firstVariadicArg(7));
    static final MethodHandle HOOK_ADD_INSN = handle("uc_hook_add", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT),
            Linker.Option.firstVariadicArg(7));
    /** uc_ctl(uc, request, ...) is variadic after its 2nd argument. */
    static final MethodHandle CTL_NONE = handle("uc_ctl",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), Linker.Option.firstVariadicArg(2));
    static final MethodHandle CTL_INT = handle("uc_ctl",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    static final MethodHandle CTL_LONG2 = handle("uc_ctl",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, JAVA_LONG), Linker.Option.firstVariadicArg(2));
    static final MethodHandle CONTEXT_ALLOC =
            handle("uc_context_alloc", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    static final MethodHandle CONTEXT_SIZE = handle("uc_context_size", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
    static final MethodHandle CONTEXT_SAVE =
            handle("uc_context_save", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), CRITICAL);
    static final MethodHandle CONTEXT_RESTORE =
            handle("uc_context_restore", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), CRITICAL);
    static final MethodHandle CONTEXT_FREE = handle("uc_context_free", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle CONTEXT_REG_READ = handle("uc_context_reg_read",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS), CRITICAL);
    static final MethodHandle CONTEXT_REG_WRITE = handle("uc_context_reg_write",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS), CRITICAL);

    static MemorySegment lookup(String name) {
        return NativeLibraries.unicorn().find(name)
                .orElseThrow(() -> new UnicornException("libunicorn has no " + name + ": is it older than 2.1?"));
    }

    private static MethodHandle handle(String name, FunctionDescriptor fd, Linker.Option... options) {
        return LINKER.downcallHandle(lookup(name), fd, options);
    }
}
