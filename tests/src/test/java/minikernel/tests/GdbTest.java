package minikernel.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stock gdb against {@code minikernel run --gdb 0}: non-interactive sessions (gdb -batch) whose
 * printed output is checked: breakpoints on symbols, registers, memory, stepi, every task in
 * info threads, watchpoints, writes, and the end of the program (exit code, or the signal).
 * Skipped where gdb is not installed (.ci/run installs it).
 */
class GdbTest {
    private static final Pattern PORT = Pattern.compile("waiting for gdb on 127\\.0\\.0\\.1:(\\d+)");
    private final Guest guest = Guest.fromSystemProperties();

    @TempDir
    Path tmp;

    /** gdb's output for {@code commands} against PROGRAM run under minikernel, and minikernel's stderr. */
    private record Session(String gdb, String minikernel, int status) {
    }

    private Session session(Path program, String... commands) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gdb")), "no gdb here (.ci/run installs it)");
        List<String> cmd = new ArrayList<>(guest.minikernelCommandLine(List.of("run", "--gdb", "0",
                program.toString())));
        Process mk = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("guest.out").toFile()).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(mk.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder mkErr = new StringBuilder();
        int port = -1;
        for (String line; port < 0 && (line = err.readLine()) != null; ) {
            mkErr.append(line).append('\n');
            Matcher m = PORT.matcher(line);
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            }
        }
        assertTrue(port > 0, "minikernel never said its port:\n" + mkErr);
        List<String> g = new ArrayList<>(List.of("gdb", "-nx", "-batch", "-ex", "set pagination off",
                "-ex", "target remote :" + port));
        for (String c : commands) {
            g.addAll(List.of("-ex", c));
        }
        g.add(program.toString());
        Process gdb = new ProcessBuilder(g).redirectErrorStream(true).start();
        String out = new String(gdb.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(gdb.waitFor(120, TimeUnit.SECONDS), out);
        assertTrue(mk.waitFor(60, TimeUnit.SECONDS), "minikernel did not end after gdb:\n" + out);
        mkErr.append(new String(mk.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return new Session(out, mkErr.toString(), mk.exitValue());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"image/forkdemo", "image/sharedemo", "ours/hello", "glibc/hello", "glibc/mutex_counter"})
    void breakContinueRegistersMemoryStepThreadsKill(String which) throws Exception {
        String[] buildName = which.split("/");
        // image/NAME: the default image's demo, as the userland build left it on the host (gdb reads its symbols)
        Path program = buildName[0].equals("image") ? guest.root().resolve("userland/target/bin").resolve(buildName[1])
                : guest.requireProgram(buildName[0], buildName[1]);
        assumeTrue(Files.isRegularFile(program), "no " + program);
        Session s = session(program, "break main", "continue", "info registers eip", "x/4xb $esp", "stepi",
                "info threads", "kill");
        assertAll(
                () -> assertTrue(s.gdb().matches("(?s).*Breakpoint 1, (0x[0-9a-f]+ in )?main \\(.*"), s.gdb()),
                () -> assertTrue(s.gdb().matches("(?s).*\\neip +0x[0-9a-f]+ +0x[0-9a-f]+ <main(\\+\\d+)?>\\n.*"), s.gdb()),
                () -> assertTrue(s.gdb().matches("(?s).*\\n0x[0-9a-f]+:\\t0x[0-9a-f]{2}\\t0x[0-9a-f]{2}\\t0x[0-9a-f]{2}"
                        + "\\t0x[0-9a-f]{2}\\n.*"), s.gdb()),
                () -> assertTrue(s.gdb().matches("(?s).*\\* 1 +Thread 2 \\(pid 2 \\([a-z_]+\\), process, R \\(running\\)\\).*"),
                        s.gdb()),
                () -> assertTrue(s.gdb().contains("[Inferior 1 (Remote target) killed]"), s.gdb()),
                () -> assertEquals(137, s.status(), s.minikernel()));
    }

    /** Every thread of a threaded program is a gdb thread, with its pid, comm and group. */
    @Test
    void infoThreadsListsEveryTask() throws Exception {
        Session s = session(guest.requireProgram("ours", "mutex_counter"), "break add_many", "continue", "continue",
                "continue", "info threads", "delete", "continue");
        long threads = s.gdb().lines().filter(l -> l.matches(" *\\*? *\\d+ +Thread \\d+ \\(pid \\d+ \\(mutex_counter\\),"
                + " thread of 2, .*")).count();
        assertAll(
                () -> assertTrue(threads >= 4, "fewer than 4 threads listed:\n" + s.gdb()),
                () -> assertTrue(s.gdb().contains("Thread 2 (pid 2 (mutex_counter), process,"), s.gdb()),
                () -> assertTrue(s.gdb().contains("[Inferior 1 (Remote target) exited normally]"), s.gdb()),
                () -> assertEquals(0, s.status(), s.minikernel()));
    }

    /**
     * A watchpoint stops after each write with the old and new values; set var writes the guest's
     * memory; gdb hears the end: an exit code (W, which gdb prints in octal), or the signal (X).
     */
    @ParameterizedTest(name = "counter set to {0}")
    @ValueSource(ints = {69, 89})
    void watchpointsWritesAndTheEnd(int value) throws Exception {
        Path src = tmp.resolve("w.c"), program = tmp.resolve("w");
        Files.writeString(src, """
                int counter;
                int main(void)
                {
                	for (int i = 0; i < 3; i++)
                		counter += 10;
                	if (counter == 99)
                		*(volatile int *)0 = 1;
                	return counter;
                }
                """);
        Process cc = new ProcessBuilder(guest.root().resolve("userland/bin/minikernel-cc").toString(), "-g", "-O0",
                "-o", program.toString(), src.toString()).redirectErrorStream(true).start();
        assertEquals(0, cc.waitFor(), new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        // Two passes of the loop under the watchpoint; the third adds 10 to what gdb wrote.
        Session s = session(program, "break main", "continue", "watch counter", "continue", "continue", "delete",
                "print counter", "set var counter = " + value, "print counter", "continue", "continue");
        assertAll(
                () -> assertTrue(s.gdb().contains("Old value = 0\nNew value = 10"), s.gdb()),
                () -> assertTrue(s.gdb().contains("Old value = 10\nNew value = 20"), s.gdb()),
                () -> assertTrue(s.gdb().contains("$1 = 20\n$2 = " + value + "\n"), s.gdb()),
                () -> assertTrue(value == 69
                        ? s.gdb().contains("[Inferior 1 (Remote target) exited with code 0117]")     // 79
                        : s.gdb().contains("Program received signal SIGSEGV, Segmentation fault.\n")
                        && s.gdb().contains("Program terminated with signal SIGSEGV, Segmentation fault."), s.gdb()),
                () -> assertEquals(value == 69 ? 79 : 139, s.status(), s.minikernel()));
    }

    /** An access watchpoint (awatch, Z4) stops at each read (the value) and each write (old and new). */
    @Test
    void accessWatchpointsStopAtReadsAndWrites() throws Exception {
        Path src = tmp.resolve("a.c"), program = tmp.resolve("a");
        Files.writeString(src, """
                int counter;
                int main(void)
                {
                	int sum = 0;
                	for (int i = 0; i < 2; i++) {
                		sum += counter;
                		counter = sum + 5;
                	}
                	return counter;
                }
                """);
        Process cc = new ProcessBuilder(guest.root().resolve("userland/bin/minikernel-cc").toString(), "-g", "-O0",
                "-o", program.toString(), src.toString()).redirectErrorStream(true).start();
        assertEquals(0, cc.waitFor(), new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        Session s = session(program, "break main", "continue", "awatch counter", "continue", "continue", "continue",
                "continue", "delete", "continue");
        String values = s.gdb().lines().filter(l -> l.startsWith("Value =") || l.contains("value ="))
                .reduce("", (a, l) -> a + l + "\n");
        assertAll(
                () -> assertTrue(s.gdb().contains("Hardware access (read/write) watchpoint 2: counter"), s.gdb()),
                () -> assertEquals("Value = 0\nOld value = 0\nNew value = 5\nValue = 5\nOld value = 5\nNew value = 10\n",
                        values, s.gdb()),
                () -> assertTrue(s.gdb().contains("[Inferior 1 (Remote target) exited with code 012]"), s.gdb()));
    }

    /**
     * As under ptrace, each signal stops its task before it acts (gdb's numbering on the wire,
     * not Linux's: SIGUSR1 is 10 on Linux and 30 to gdb), $_siginfo shows it, and gdb decides
     * what the task gets: passed on (the handler runs; the fault kills), or withheld.
     */
    @ParameterizedTest(name = "SIGUSR1 passed: {0}")
    @ValueSource(booleans = {true, false})
    void signalsStopTheTaskAndGdbSaysWhatGoesOn(boolean pass) throws Exception {
        Path program = signalsProgram();
        Session s = pass
                ? session(program, "continue", "print $_siginfo.si_signo", "print $_siginfo._sifields._kill.si_pid",
                        "continue", "print $_siginfo._sifields._sigfault.si_addr", "print $_siginfo.si_code", "continue")
                : session(program, "handle SIGUSR1 nostop noprint nopass", "continue", "continue");
        String out = Files.readString(tmp.resolve("guest.out"));
        assertAll(
                () -> assertEquals(pass, s.gdb().contains("Program received signal SIGUSR1, User defined signal 1."),
                        s.gdb()),
                () -> assertTrue(!pass || s.gdb().contains("$1 = 10\n$2 = 2\n"), s.gdb()),
                () -> assertTrue(s.gdb().contains("Program received signal SIGSEGV, Segmentation fault.\n"), s.gdb()),
                () -> assertTrue(s.gdb().matches("(?s).*\n(0x[0-9a-f]+ in )?main \\(\\) at .*signalled\\.c:21\n.*"), s.gdb()),
                () -> assertTrue(!pass || s.gdb().contains("$3 = (void *) 0x0\n$4 = 1\n"), s.gdb()),  // SEGV_MAPERR
                () -> assertTrue(s.gdb().contains("Program terminated with signal SIGSEGV, Segmentation fault."), s.gdb()),
                () -> assertEquals(pass ? "handler saw 10\n" : "handler saw 0\n", out),
                () -> assertEquals(139, s.status(), s.minikernel()));
    }

    /** A signal gdb would only pass on (QPassSignals) reaches the task without a stop: no T packet for it. */
    @Test
    void signalsGdbOnlyPassesGoThroughWithoutAStop() throws Exception {
        Session s = session(signalsProgram(), "set debug remote 1", "handle SIGUSR1 nostop noprint pass", "continue",
                "continue");
        assertAll(
                () -> assertTrue(s.gdb().matches("(?s).*Sending packet: \\$QPassSignals:[0-9a-f;]*\\b1e;.*"), s.gdb()),
                () -> assertTrue(!s.gdb().contains("Packet received: T1e"), s.gdb()),
                () -> assertTrue(s.gdb().contains("Packet received: T0b"), s.gdb()),
                () -> assertEquals("handler saw 10\n", Files.readString(tmp.resolve("guest.out"))),
                () -> assertEquals(139, s.status(), s.minikernel()));
    }

    /**
     * tools/src/test/c/signalled.c (the console's tests use it too): SIGUSR1 to itself (a handler
     * notes it), a line saying what the handler saw, then a store to NULL on line 21.
     */
    private Path signalsProgram() throws Exception {
        Path program = tmp.resolve("signalled");
        Process cc = new ProcessBuilder(guest.root().resolve("userland/bin/minikernel-cc").toString(), "-g", "-O0",
                "-o", program.toString(), guest.root().resolve("tools/src/test/c/signalled.c").toString())
                .redirectErrorStream(true).start();
        assertEquals(0, cc.waitFor(), new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return program;
    }
}
