package minikernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
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
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "no script(1) (util-linux) here");
        Path source = tmp.resolve("spin.c"), program = tmp.resolve("spin");
        Files.writeString(source, "int main(void) { volatile unsigned x = 0; for (;;) x++; }\n");
        Process cc = new ProcessBuilder(guest.root().resolve("userland/bin/minikernel-cc").toString(), "-O1", "-o",
                program.toString(), source.toString()).redirectErrorStream(true).start();
        assertEquals(0, cc.waitFor(), new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

        String command = String.join(" ", guest.minikernelCommandLine(List.of("debug", program.toString())).stream()
                .map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
        Process p = new ProcessBuilder("script", "-qefc", command, "/dev/null").redirectErrorStream(true).start();
        StringBuffer screen = new StringBuffer();
        Thread reader = new Thread(() -> copy(p.getInputStream(), screen));
        reader.setDaemon(true);
        reader.start();
        OutputStream keys = p.getOutputStream();
        try {
            waitFor(screen, "Stopped at the program's entry point");
            // JLine asks the terminal what it is and waits a moment for an answer script never gives.
            Thread.sleep(2500);
            type(keys, "continue\r");
            Thread.sleep(1500);
            type(keys, "\u0003");
            waitFor(screen, "Interrupted.");
            type(keys, "info registers\r");
            waitFor(screen, "eflags");
            type(keys, "kill\r");
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the debugger did not end:\n" + screen);
        } finally {
            p.destroyForcibly();
        }
        String s = screen.toString().replace("\r", "");
        assertTrue(s.matches("(?s).*Interrupted\\.\n0x[0-9a-f]{8} <main\\+\\d+> in pid 2 \\(spin\\).*"), s);
        assertTrue(s.contains("[the program was killed]"), s);
    }

    private static void type(OutputStream keys, String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private static void waitFor(StringBuffer screen, String text) throws InterruptedException {
        for (int i = 0; i < 600 && !screen.toString().contains(text); i++) {
            Thread.sleep(100);
        }
        assertTrue(screen.toString().contains(text), "never saw '" + text + "':\n" + screen);
    }

    private static void copy(InputStream in, StringBuffer screen) {
        byte[] b = new byte[4096];
        try {
            for (int n; (n = in.read(b)) > 0; ) {
                screen.append(new String(b, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
