package minikernel.cpu;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the native libraries the CPU layer binds to: libunicorn.so.2 (>= 2.1), libcapstone.so.5 and
 * libminikernel-hooks.so (the C block hook). {@code scripts/setup-native.sh} puts all three into
 * {@code .native/lib}; the launcher and the test runner pass that folder as the system property
 * {@code minikernel.native}. Each library is opened once, on first use, for the life of the JVM; a
 * failure is reported again on the next call (as a {@link NativeLibraryException}, never wrapped).
 */
public final class NativeLibraries {
    /** The command that installs or repairs the native libraries, named in every error message. */
    public static final String SETUP_COMMAND = "scripts/setup-native.sh";

    private NativeLibraries() {
    }

    /** The folder holding the libraries, from {@code -Dminikernel.native}, else {@code ./.native/lib}. */
    public static Path directory() {
        String dir = System.getProperty("minikernel.native");
        return dir != null ? Path.of(dir) : Path.of(".native", "lib").toAbsolutePath();
    }

    private static SymbolLookup unicorn;
    private static SymbolLookup capstone;
    private static SymbolLookup hooks;

    /** libunicorn.so.2; its version is checked by {@link minikernel.cpu.unicorn.Unicorn}. */
    public static synchronized SymbolLookup unicorn() {
        if (unicorn == null) {
            unicorn = open("libunicorn.so.2");
        }
        return unicorn;
    }

    /** libcapstone.so.5. */
    public static synchronized SymbolLookup capstone() {
        if (capstone == null) {
            capstone = open("libcapstone.so.5");
        }
        return capstone;
    }

    /** libminikernel-hooks.so, built from cpu/src/main/c/hooks.c. */
    public static synchronized SymbolLookup hooks() {
        if (hooks == null) {
            hooks = open("libminikernel-hooks.so");
        }
        return hooks;
    }

    private static SymbolLookup open(String name) {
        Path file = directory().resolve(name);
        if (!Files.exists(file)) {
            throw new NativeLibraryException(name + " not found in " + directory()
                    + ": run " + SETUP_COMMAND + " (./minikernel does it on first use)");
        }
        try {
            return SymbolLookup.libraryLookup(file, Arena.global());
        } catch (IllegalArgumentException e) {
            throw new NativeLibraryException("cannot load " + file + ": " + e.getMessage()
                    + "; run " + SETUP_COMMAND + " --force", e);
        }
    }

    /** A native library is missing, unloadable or too old; the message says what to run. */
    public static final class NativeLibraryException extends RuntimeException {
        public NativeLibraryException(String message) {
            super(message);
        }

        public NativeLibraryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
