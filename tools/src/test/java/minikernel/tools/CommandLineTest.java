package minikernel.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The command line's own answers: statuses a shell user expects, before any guest runs. */
class CommandLineTest {
    @Test
    void unknownProgramIsNotFound() {
        assertEquals(127, Main.run(new String[]{"run", "no-such-program-in-the-image"}));
        assertEquals(127, Main.run(new String[]{"run", "./no/such/file"}));
    }

    @Test
    void aDirectoryCannotBeExecuted() {
        assertEquals(126, Main.run(new String[]{"run", "/tmp/"}));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, Main.run(new String[]{"run", "--mem", "lots", "hello"}));
        assertEquals(2, Main.run(new String[]{"run", "--clock", "sundial", "hello"}));
        assertEquals(2, Main.run(new String[]{"run"}));
        assertEquals(2, Main.run(new String[]{"frobnicate"}));
        // an unknown option before the program is not a program named "--bogus"
        assertEquals(2, Main.run(new String[]{"run", "--bogus", "hello"}));
        assertEquals(2, Main.run(new String[]{"debug", "--bogus", "hello"}));
        assertEquals(2, Main.run(new String[]{"run", "--gdb", "70000", "hello"}));
        assertEquals(2, Main.run(new String[]{"grade", "/no/such/suite.json"}));
    }

    @Test
    void memorySizesParse() throws Exception {
        assertEquals(256L << 20, KernelOptions.size("256M"));
        assertEquals(1L << 30, KernelOptions.size("1g"));
        assertEquals(4096, KernelOptions.size("4096"));
    }
}
