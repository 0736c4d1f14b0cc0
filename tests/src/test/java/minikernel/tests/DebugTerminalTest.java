package minikernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The debugger console at a real terminal: `script` gives `minikernel debug` a pseudo-terminal, the
 * test types at it. Ctrl-C while the guest spins in a loop stops it at once, inside the loop, and
 * the console takes commands again.
 */
class DebugTerminalTest {
    private final Guest guest = Guest.fromSystemProperties();

    @TempDir
    Path tmp;

    @Test
    void ctrlCStopsARunningGuest() throws Exception {
        Path source = tmp.resolve("spin.c"), program = tmp.resolve("spin");
        Files.writeString(source, "int main(void) { volatile unsigned x = 0; for (;;) x++; }\n");
        Process cc = new ProcessBuilder(guest.root().resolve("userland/bin/minikernel-cc").toString(), "-O1", "-o",
                program.toString(), source.toString()).redirectErrorStream(true).start();
        assertEquals(0, cc.waitFor(), new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

        String s;
        try (ScriptTerminal t = ScriptTerminal.start(guest.minikernelCommandLine(List.of("debug", program.toString())))) {
            t.waitFor("Stopped at the program's entry point");
            // JLine asks the terminal what it is and waits a moment for an answer script never gives.
            Thread.sleep(2500);
            t.type("continue\r");
            Thread.sleep(1500);
            t.type("\u0003");
            t.waitFor("Interrupted.");
            t.type("info registers\r");
            t.waitFor("eflags");
            t.type("kill\r");
            assertTrue(t.ended(), "the debugger did not end:\n" + t.screen());
            s = t.screen();
        }
        assertTrue(s.matches("(?s).*Interrupted\\.\n0x[0-9a-f]{8} <main\\+\\d+> in pid 2 \\(spin\\).*"), s);
        assertTrue(s.contains("[the program was killed]"), s);
    }
}
