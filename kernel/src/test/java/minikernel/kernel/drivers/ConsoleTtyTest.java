package minikernel.kernel.drivers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import minikernel.kernel.Guests;
import minikernel.kernel.Kernel;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.exec.Executable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The console as a terminal, end to end: a guest program runs on a kernel whose stdin, stdout
 * and stderr are the slave of a host pseudo-terminal, and the test types at the master and reads
 * the screen, as a user at a real terminal would. Skipped where the host has no ptys or the
 * guest SDK is not built.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConsoleTtyTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Wait for {@code await} on the screen, then type {@code keys}. */
    private record Step(String await, String keys) {
    }

    private record Result(int status, String screen) {
    }

    /**
     * Runs {@code program} on the pty while a second thread plays the user; checks that the
     * user's terminal settings are back afterwards.
     */
    private static Result run(Path program, Step... steps) throws Exception {
        return run(program, List.of("HOME=/", "PATH=/bin"), steps);
    }

    private static Result run(Path program, List<String> env, Step... steps) throws Exception {
        Pty pty = Pty.open();
        assumeTrue(pty != null, "the host has no pseudo-terminals");
        try (pty) {
            byte[] before = pty.termios();
            String[] failed = new String[1];
            Thread user = new Thread(() -> {
                int from = 0;
                try {
                    for (Step s : steps) {
                        if (!pty.waitFor(s.await, from, WAIT)) {
                            failed[0] = "never saw \"" + s.await + "\" in:\n" + pty.screen();
                            return;
                        }
                        from = pty.screen().indexOf(s.await, from) + s.await.length();
                        pty.type(s.keys);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "user");
            user.start();
            int status;
            try (Kernel kernel = new Kernel(KernelConfig.defaults().withConsole(pty.slave, pty.slave, pty.slave))) {
                status = kernel.runProgram(new Executable(program.toString(), Files.readAllBytes(program)),
                        List.of(program.getFileName().toString()), env);
            }
            user.join(WAIT.toMillis());
            assertNull(failed[0]);
            assertArrayEquals(before, pty.termios(), "the terminal's settings are the user's again");
            Thread.sleep(100);       // the last output on its way through the pty
            return new Result(status, pty.screen());
        }
    }

    @Test
    void canonicalModeEditsLinesEchoesAndEndsOnControlD() throws Exception {
        Path lines = Guests.compile("lines", """
                #include <stdio.h>
                #include <termios.h>
                #include <unistd.h>
                int main(void) {
                    struct termios t;
                    char buf[100];
                    printf("isatty %d %d %d\\n", isatty(0), isatty(1), isatty(2));
                    tcgetattr(0, &t);
                    printf("lflag %o iflag %o oflag %o\\n", t.c_lflag, t.c_iflag, t.c_oflag);
                    printf("pgrp %d fg %d sid %d\\n", (int)getpgrp(), (int)tcgetpgrp(0), (int)tcgetsid(0));
                    for (;;) {
                        printf("> ");
                        fflush(stdout);
                        ssize_t n = read(0, buf, sizeof buf);
                        if (n <= 0) {
                            printf("read %d: end\\n", (int)n);
                            return 0;
                        }
                        printf("got %d: [%.*s]\\n", (int)n, (int)n, buf);
                    }
                }
                """);
        Result r = run(lines,
                new Step("> ", "hello\r"),
                new Step("> ", "ab\177c\r"),
                new Step("> ", "x\004"),
                new Step("> ", "\004"));
        assertEquals(0, r.status);
        assertEquals("isatty 1 1 1\r\n"
                + "lflag 105073 iflag 2400 oflag 5\r\n"
                + "pgrp 1 fg 1 sid 1\r\n"
                + "> hello\r\ngot 6: [hello\r\n]\r\n"
                + "> ab\b \bc\r\ngot 3: [ac\r\n]\r\n"
                + "> xgot 1: [x]\r\n"
                + "> read 0: end\r\n", r.screen);
    }

    @Test
    void controlCInterruptsAProgramThatComputes() throws Exception {
        Path spin = Guests.compile("spin", """
                #include <stdio.h>
                int main(void) {
                    volatile unsigned long i = 0;
                    printf("spinning\\n");
                    fflush(stdout);
                    for (;;)
                        i++;
                }
                """);
        Result r = run(spin, new Step("spinning\r\n", "\003"));
        assertEquals(128 + 2, r.status, "killed by SIGINT");
        assertTrue(r.screen.endsWith("^C"), r.screen);
    }

    @Test
    void rawModeReadsBytesAsTypedWithoutSignals() throws Exception {
        Path raw = Guests.compile("raw", """
                #include <stdio.h>
                #include <termios.h>
                #include <unistd.h>
                int main(void) {
                    struct termios saved, t;
                    unsigned char c;
                    tcgetattr(0, &saved);
                    t = saved;
                    cfmakeraw(&t);
                    tcsetattr(0, TCSAFLUSH, &t);
                    printf("raw\\r\\n");
                    fflush(stdout);
                    for (int i = 0; i < 3; i++) {
                        read(0, &c, 1);
                        printf("%02x\\r\\n", c);
                        fflush(stdout);
                    }
                    tcsetattr(0, TCSANOW, &saved);
                    printf("cooked\\n");
                    return 0;
                }
                """);
        Result r = run(raw, new Step("raw\r\n", "a\003\r"));
        assertEquals(0, r.status);
        assertEquals("raw\r\n61\r\n03\r\n0d\r\ncooked\r\n", r.screen);
    }

    /**
     * A background job that reads the terminal is stopped by SIGTTIN (its group is not orphaned:
     * its parent, in another group of the session, can continue it); the typed line waits for it.
     * The "shell" then hands it the terminal and continues it with SIGCONT, as fg does, and its
     * read runs again, in the foreground.
     */
    @Test
    void aBackgroundReaderStopsUntilTheShellContinuesItInTheForeground() throws Exception {
        Path jobs = Guests.compile("jobs", """
                #include <errno.h>
                #include <poll.h>
                #include <signal.h>
                #include <stdio.h>
                #include <string.h>
                #include <termios.h>
                #include <unistd.h>
                #include <sys/ioctl.h>
                #include <sys/wait.h>
                static void show(const char *what, long r) {
                    printf("%s: %ld%s%s\\n", what, r, r < 0 ? " " : "", r < 0 ? strerror(errno) : "");
                }
                int main(void) {
                    char buf[64];
                    int n, st;
                    signal(SIGTTOU, SIG_IGN);          /* as a shell does */
                    show("FIONREAD", ioctl(0, FIONREAD, &n));
                    pid_t c = fork();
                    if (c == 0) {
                        setpgid(0, 0);
                        ssize_t r = read(0, buf, sizeof buf);     /* stopped by SIGTTIN until continued in front */
                        printf("child read %d [%.*s]\\n", (int)r, (int)(r > 0 ? r - 1 : 0), buf);
                        return 0;
                    }
                    setpgid(c, c);
                    sleep(1);                          /* the child tries its read in the background */
                    printf("type a line\\n");
                    struct pollfd p = {0, POLLIN, 0};
                    poll(&p, 1, -1);
                    sleep(1);                          /* it would have taken the line by now if it could */
                    ioctl(0, FIONREAD, &n);
                    printf("unread with the child in the background: %d\\n", n);
                    show("tcsetpgrp child", tcsetpgrp(0, c));
                    printf("fg is the child: %d\\n", tcgetpgrp(0) == c);
                    waitpid(c, &st, WUNTRACED | WNOHANG);
                    printf("the child was stopped by SIGTTIN: %d\\n", WIFSTOPPED(st) && WSTOPSIG(st) == SIGTTIN);
                    show("SIGCONT to its group", kill(-c, SIGCONT));
                    show("background read, orphaned group", read(0, buf, sizeof buf));
                    fflush(stdout);
                    waitpid(c, &st, 0);
                    show("tcsetpgrp back", tcsetpgrp(0, getpgrp()));
                    show("tcsetpgrp nobody", tcsetpgrp(0, 9999));
                    show("TIOCSCTTY", ioctl(0, TIOCSCTTY, 0));
                    show("TIOCNOTTY", ioctl(0, TIOCNOTTY, 0));
                    printf("fg %d sid %d\\n", (int)tcgetpgrp(0), (int)tcgetsid(0));
                    return 0;
                }
                """);
        Result r = run(jobs, new Step("type a line\r\n", "early\r"));
        assertEquals(0, r.status, r.screen);
        assertEquals("FIONREAD: 0\r\n"
                + "type a line\r\n"
                + "early\r\n"
                + "unread with the child in the background: 6\r\n"
                + "tcsetpgrp child: 0\r\n"
                + "fg is the child: 1\r\n"
                + "the child was stopped by SIGTTIN: 1\r\n"
                + "SIGCONT to its group: 0\r\n"
                + "background read, orphaned group: -1 Input/output error\r\n"
                + "child read 6 [early]\r\n"
                + "tcsetpgrp back: 0\r\n"
                + "tcsetpgrp nobody: -1 No such process\r\n"
                + "TIOCSCTTY: -1 Operation not permitted\r\n"
                + "TIOCNOTTY: 0\r\n"
                + "fg 1 sid 1\r\n", r.screen);
    }

    /**
     * While a task waits for the person at the terminal, virtual time runs as the host's: a
     * child sleeping 5 s is still asleep when the line typed at once arrives (with the clock
     * jumping whenever every task sleeps, it would wake first).
     */
    @Test
    void aSleeperDoesNotOutrunTheTypist() throws Exception {
        Path typist = Guests.compile("typist", """
                #include <stdio.h>
                #include <time.h>
                #include <unistd.h>
                #include <sys/wait.h>
                int main(void) {
                    char buf[64];
                    if (fork() == 0) {
                        struct timespec ts = { 5, 0 };
                        nanosleep(&ts, NULL);
                        printf("child awake\\n");
                        return 0;
                    }
                    printf("type: ");
                    fflush(stdout);
                    ssize_t n = read(0, buf, sizeof buf);
                    printf("read %d\\n", (int)n);
                    fflush(stdout);
                    wait(NULL);
                    return 0;
                }
                """);
        Result r = run(typist, new Step("type: ", "x\r"));
        assertEquals(0, r.status);
        assertEquals("type: x\r\nread 2\r\nchild awake\r\n", r.screen);
    }

    /**
     * Job control in the userland's shell: ^Z stops the foreground job (SIGTSTP to its group, the
     * shell's wait4(WUNTRACED) sees it), jobs lists it stopped, fg continues it (SIGCONT) in the
     * foreground again, where it reads the terminal.
     */
    @Test
    void controlZStopsAJobAndFgContinuesIt() throws Exception {
        Path bin = Guests.root().resolve("userland/target/bin");
        assumeTrue(Files.isExecutable(bin.resolve("sh")) && Files.isExecutable(bin.resolve("cat")),
                "the userland is not built (make -C userland)");
        String prompt = KernelConfig.defaults().uid() == 0 ? "# " : "$ ";    // the shell's PS1 for its euid
        Result r = run(bin.resolve("sh"), List.of("HOME=/", "PATH=" + bin),
                new Step(prompt, "cat\r"),
                new Step("cat\r\n", "one\r"),
                new Step("one\r\none\r\n", "\032"),
                new Step("Stopped", "jobs\r"),
                new Step("jobs\r\n", ""),
                new Step(prompt, "fg\r"),
                new Step("fg\r\ncat\r\n", "two\r"),
                new Step("two\r\ntwo\r\n", "\004"),
                new Step(prompt, "exit 5\r"));
        assertEquals(5, r.status, r.screen);
        assertTrue(r.screen.contains("^Z\r\n[1]+  Stopped                 cat\r\n"), r.screen);
        assertTrue(r.screen.contains("jobs\r\n[1]+  Stopped                 cat\r\n"), r.screen);
    }
}
