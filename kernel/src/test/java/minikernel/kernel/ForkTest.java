package minikernel.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import minikernel.kernel.fs.File;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** fork, exit and wait inside one kernel, and what is left once every task is gone. */
class ForkTest {
    private static Path cow, tree, bomb, pingpong;

    @BeforeAll
    static void build() throws Exception {
        cow = Guests.compile("cow", """
                #include <stdio.h>
                #include <stdlib.h>
                #include <string.h>
                #include <unistd.h>
                #include <sys/mman.h>
                #include <sys/wait.h>
                int global = 1;
                int main(void) {
                    int local = 2;
                    int *heap = malloc(sizeof *heap); *heap = 3;
                    char *big = malloc(1 << 20); memset(big, 'p', 1 << 20);
                    int *shared = mmap(0, 4096, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0);
                    *shared = 4;
                    for (int i = 0; i < 5; i++) {
                        pid_t p = fork();
                        if (p == 0) {
                            global = 10; local = 20; *heap = 30; big[12345] = 'c'; *shared += 1;
                            printf("child %d: %d %d %d %c\\n", i, global, local, *heap, big[12345]); fflush(stdout);
                            _exit(i);
                        }
                        int status;
                        waitpid(p, &status, 0);
                        printf("parent after %d: %d %d %d %c shared %d exit %d\\n", i, global, local, *heap,
                               big[12345], *shared, WEXITSTATUS(status));
                    }
                    return 0;
                }
                """);
        tree = Guests.compile("tree", """
                #include <stdio.h>
                #include <unistd.h>
                #include <sys/wait.h>
                int main(void) {
                    for (int i = 0; i < 3; i++) {
                        pid_t p = fork();
                        if (p == 0) {
                            for (int j = 0; j < 3; j++) { if (fork() == 0) { printf("grandchild %d.%d\\n", i, j); fflush(stdout); _exit(j); } }
                            int s, sum = 0; while (wait(&s) > 0) sum += WEXITSTATUS(s);
                            _exit(10 + sum);
                        }
                    }
                    int s, sum = 0, n = 0; while (wait(&s) > 0) { sum += WEXITSTATUS(s); n++; }
                    printf("reaped %d sum %d\\n", n, sum);
                    return 0;
                }
                """);
        bomb = Guests.compile("bomb", """
                #include <stdio.h>
                #include <errno.h>
                #include <unistd.h>
                #include <sys/wait.h>
                int main(void) {
                    int fds[2]; pipe(fds);
                    int n = 0, err = 0;
                    for (;;) {
                        pid_t p = fork();
                        if (p == 0) { char c; close(fds[1]); read(fds[0], &c, 1); _exit(0); }
                        if (p < 0) { err = errno; break; }
                        n++;
                    }
                    close(fds[1]);
                    int reaped = 0; while (wait(0) > 0) reaped++;
                    printf("forked %d, stopped by %s, reaped %d\\n", n > 0 ? 1 : 0,
                           err == EAGAIN ? "EAGAIN" : err == ENOMEM ? "ENOMEM" : "other", reaped == n);
                    pid_t p = fork(); if (p == 0) _exit(5);
                    int s; waitpid(p, &s, 0); printf("still forks: %d\\n", WEXITSTATUS(s));
                    return 0;
                }
                """);
        pingpong = Guests.compile("pingpong", """
                #include <stdio.h>
                #include <unistd.h>
                #include <sys/wait.h>
                int main(void) {
                    int a[2], b[2]; pipe(a); pipe(b);
                    if (fork() == 0) { char c; for (int i = 0; i < 200; i++) { read(a[0], &c, 1); c++; write(b[1], &c, 1); } _exit(0); }
                    char c = 0; for (int i = 0; i < 200; i++) { write(a[1], &c, 1); read(b[0], &c, 1); }
                    wait(0); printf("%d\\n", (unsigned char) c);
                    return 0;
                }
                """);
    }

    static void assertNothingLeft(Kernel k) {
        assertEquals(1, k.frames().usedFrames(), "only init_mm's page directory stays allocated");
        assertEquals(0, k.pids().inUse(), "every pid is free again");
        assertTrue(k.scheduler().tasks().isEmpty(), "every task was reaped");
        for (File f : k.consoleFiles()) {
            assertEquals(1, f.count(), "only the kernel still holds the console");
        }
    }

    @Test
    void forkCopiesMemoryOnWriteAndSharesMapShared() throws Exception {
        try (Guests.Run r = Guests.run(KernelConfig.defaults(), cow)) {
            assertEquals(0, r.status());
            for (int i = 0; i < 5; i++) {
                assertTrue(r.stdout().contains("child " + i + ": 10 20 30 c\n"), r.stdout());
                assertTrue(r.stdout().contains("parent after " + i + ": 1 2 3 p shared " + (5 + i) + " exit " + i + "\n"),
                        r.stdout());
            }
            assertTrue(r.kernel().pageFault().copiedOnWrite() > 0, "copy-on-write copied frames");
            assertNothingLeft(r.kernel());
        }
    }

    @Test
    void aProcessTreeIsReapedLevelByLevel() throws Exception {
        try (Guests.Run r = Guests.run(KernelConfig.defaults(), tree)) {
            assertTrue(r.stdout().endsWith("reaped 3 sum 39\n"), r.stdout());
            assertEquals(9, r.stdout().lines().filter(l -> l.startsWith("grandchild")).count());
            assertNothingLeft(r.kernel());
        }
    }

    @Test
    void aForkBombStopsAtPidMaxWithEagain() throws Exception {
        try (Guests.Run r = Guests.run(KernelConfig.defaults().withPidMax(400), bomb)) {
            assertEquals("forked 1, stopped by EAGAIN, reaped 1\nstill forks: 5\n", r.stdout());
            assertNothingLeft(r.kernel());
        }
    }

    @Test
    void aForkBombStopsAtMemoryWithEnomem() throws Exception {
        try (Guests.Run r = Guests.run(KernelConfig.defaults().withMemory(8L << 20), bomb)) {
            // fork keeps a reserve for page faults, but children that had not yet run when it was
            // refused still copy their first written pages (or fault in a code page the parent never
            // ran): some find memory gone, and the OOM killer kills the biggest process, named in
            // Linux's words (the faulting one, if it is the biggest, also with the fault). The
            // kernel and the parent carry on.
            for (String line : r.stderr().lines().toList()) {
                assertTrue(line.matches("bomb\\[\\d+\\]: killed: out of memory at eip 0x\\p{XDigit}{8}"
                        + " (writing|reading|executing) 0x\\p{XDigit}{8}")
                        || line.matches("Out of memory: Killed process \\d+ \\(bomb\\) total-vm:\\d+kB, rss:\\d+kB,"
                        + " pgtables:\\d+kB"), line);
            }
            assertEquals("forked 1, stopped by ENOMEM, reaped 1\nstill forks: 5\n", r.stdout());
            assertNothingLeft(r.kernel());
        }
    }

    @Test
    void theSameSeedGivesTheSameTraceAndAnotherSeedAnotherInterleaving() throws Exception {
        String a = traced(7), b = traced(7), c = traced(8);
        assertEquals(a, b);
        assertTrue(a.contains("[pid 3]"), a);
        assertNotEquals("", c);
    }

    private static String traced(long seed) throws Exception {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        KernelConfig cfg = KernelConfig.defaults().withSeed(seed).withQuantum(200)
                .withTrace(new PrintStream(trace, true));
        try (Guests.Run r = Guests.run(cfg, pingpong)) {
            assertEquals("200\n", r.stdout());
            assertNothingLeft(r.kernel());
        }
        return trace.toString();
    }
}
