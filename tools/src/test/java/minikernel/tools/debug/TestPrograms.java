package minikernel.tools.debug;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import minikernel.kernel.exec.ElfSymbol;
import minikernel.kernel.exec.ElfSymbol.Binding;
import minikernel.kernel.exec.ElfSymbol.Kind;

/** Symbol tables and programs the debug tests share. */
final class TestPrograms {
    static final long MAIN = 0x0804_9000L;
    static final long WORKER = 0x0804_9020L;
    static final long HELPER = 0x0804_9060L;
    static final long START = 0x0804_9100L;
    static final long COUNTER = 0x0804_a01cL;
    static final long MESSAGE = 0x0804_a020L;

    private TestPrograms() {
    }

    /** A small program's symbols: three sized functions, an unsized _start, two objects. */
    static Symbols symbols() {
        return Symbols.of(List.of(
                new ElfSymbol("main", MAIN, 0x20, Kind.FUNC, Binding.GLOBAL),
                new ElfSymbol("worker", WORKER, 0x40, Kind.FUNC, Binding.GLOBAL),
                new ElfSymbol("helper", HELPER, 0x10, Kind.FUNC, Binding.LOCAL),
                new ElfSymbol("_start", START, 0, Kind.FUNC, Binding.GLOBAL),
                new ElfSymbol("counter", COUNTER, 4, Kind.OBJECT, Binding.GLOBAL),
                new ElfSymbol("message", MESSAGE, 16, Kind.OBJECT, Binding.GLOBAL)));
    }

    /**
     * A guest program built by the userland Makefile (with symbols, by the project's libc).
     * Skips the test when the guest programs have not been built.
     */
    static byte[] guestProgram(String name) throws IOException {
        String root = System.getProperty("minikernel.root", "..");
        Path program = Path.of(root, "userland", "target", "bin", name);
        assumeTrue(Files.isRegularFile(program), program + " is not built");
        return Files.readAllBytes(program);
    }
}
