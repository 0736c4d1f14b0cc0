package minikernel.tests;

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

/**
 * A command at a real terminal for a test: script(1) gives it a pseudo-terminal, the test types
 * keys (^C, ^Z included) and waits for text on the screen.
 */
final class ScriptTerminal implements AutoCloseable {
    private final Process process;
    private final StringBuffer screen = new StringBuffer();
    private final OutputStream keys;

    private ScriptTerminal(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), screen));
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command} under script; skips the test where script(1) is missing. */
    static ScriptTerminal start(List<String> command) throws IOException {
        return start(command, Path.of("").toAbsolutePath());
    }

    /** Starts {@code command} under script in the directory {@code dir}. */
    static ScriptTerminal start(List<String> command, Path dir) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "no script(1) (util-linux) here");
        String line = String.join(" ", command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
        return new ScriptTerminal(new ProcessBuilder("script", "-qefc", line, "/dev/null").directory(dir.toFile())
                .redirectErrorStream(true).start());
    }

    void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Waits (up to a minute) until {@code text} has appeared {@code times} times on the screen. */
    void waitFor(String text, int times) throws InterruptedException {
        for (int i = 0; i < 600 && count(text) < times; i++) {
            Thread.sleep(100);
        }
        assertTrue(count(text) >= times, "never saw '" + text + "' " + times + " time(s):\n" + screen);
    }

    void waitFor(String text) throws InterruptedException {
        waitFor(text, 1);
    }

    private int count(String text) {
        String s = screen.toString();
        int n = 0;
        for (int at = s.indexOf(text); at >= 0; at = s.indexOf(text, at + text.length())) {
            n++;
        }
        return n;
    }

    /** Waits for the command to end; false if it did not within a minute. */
    boolean ended() throws InterruptedException {
        return process.waitFor(60, TimeUnit.SECONDS);
    }

    /** What the terminal showed, carriage returns removed. */
    String screen() {
        return screen.toString().replace("\r", "");
    }

    @Override
    public void close() {
        process.destroyForcibly();
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
