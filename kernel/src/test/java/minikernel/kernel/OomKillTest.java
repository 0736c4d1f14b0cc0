package minikernel.kernel;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import minikernel.kernel.inspect.Invariants;
import org.junit.jupiter.api.Test;

/**
 * The OOM killer kills the biggest process, not the one that happened to fault: a hog fills most
 * of memory and waits; then its small parent touches page after page. When memory runs out, the
 * hog is killed (and named, in Linux's words), and the parent's fault is tried again and succeeds.
 */
class OomKillTest {
    private static final String PROGRAM = """
            #include <signal.h>
            #include <stdio.h>
            #include <sys/mman.h>
            #include <sys/wait.h>
            #include <unistd.h>

            int main(void)
            {
                setvbuf(stdout, NULL, _IONBF, 0);
                int ready[2];
                pipe(ready);
                pid_t hog = fork();
                if (hog == 0) {
                    /* The hog: 20 of the 32 MiB, touched, then it waits. */
                    char *p = mmap(NULL, 20 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                    for (long i = 0; i < (20 << 20); i += 4096) p[i] = 1;
                    write(ready[1], "r", 1);
                    pause();
                    _exit(0);
                }
                char c;
                read(ready[0], &c, 1);
                printf("hog %s: holding 20 MiB\\n", hog > 0 ? "started" : "failed");
                /* The parent now wants 16 MiB: more than is left. */
                char *q = mmap(NULL, 16 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                for (long i = 0; i < (16 << 20); i += 4096) q[i] = 2;
                int status;
                waitpid(hog, &status, 0);
                printf("hog: %s %d\\n", WIFSIGNALED(status) ? "killed by signal" : "exited with", WIFSIGNALED(status)
                        ? WTERMSIG(status) : WEXITSTATUS(status));
                printf("parent: touched all 16 MiB, q[last] = %d\\n", q[(16 << 20) - 4096]);
                return 0;
            }
            """;

    @Test
    void theBiggestProcessIsKilledAndTheFaultingOneCarriesOn() throws Exception {
        var program = Guests.compile("oom", PROGRAM);
        try (Guests.Run run = Guests.run(KernelConfig.defaults().withMemory(32L << 20), program)) {
            assertAll(
                    () -> assertEquals("hog started: holding 20 MiB\nhog: killed by signal 9\n"
                            + "parent: touched all 16 MiB, q[last] = 2\n", run.stdout(), run.stderr()),
                    () -> assertTrue(run.stderr().matches("(?s)Out of memory: Killed process 3 \\(oom\\) total-vm:\\d+kB,"
                            + " rss:2\\d{4}kB, pgtables:\\d+kB\n"), run.stderr()),
                    () -> assertEquals(0, run.status(), run.stderr()),
                    () -> assertTrue(run.kernel().oopses().isEmpty(), () -> run.kernel().oopses().toString()),
                    () -> assertEquals(List.of(), Invariants.check(run.kernel())));
        }
    }
}
