package minikernel.kernel;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import minikernel.kernel.inspect.Invariants;
import org.junit.jupiter.api.Test;

/**
 * A guest that exhausts what it can, one resource after another: processes (a fork bomb stops at
 * pid_max with EAGAIN), threads (the same), descriptors (EMFILE at RLIMIT_NOFILE) and memory (the
 * hog is killed, and the kernel names it); each time the program carries on. When it has ended
 * every task is reaped and every frame is free: nothing leaked on the way.
 */
class ExhaustionTest {
    private static final String PROGRAM = """
            #include <errno.h>
            #include <fcntl.h>
            #include <pthread.h>
            #include <signal.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <sys/mman.h>
            #include <sys/wait.h>
            #include <unistd.h>

            static void *sleeper(void *arg) { (void)arg; pause(); return NULL; }

            int main(void)
            {
                setvbuf(stdout, NULL, _IONBF, 0);
                /* A fork bomb, contained: children that wait, until fork says no. */
                static pid_t kids[1000];
                int n = 0;
                for (;;) {
                    pid_t p = fork();
                    if (p == 0) { pause(); _exit(0); }
                    if (p < 0) { printf("fork bomb: %d children, then %s\\n", n, errno == EAGAIN ? "EAGAIN" : "?"); break; }
                    kids[n++] = p;
                }
                for (int i = 0; i < n; i++) kill(kids[i], SIGKILL);
                while (wait(NULL) > 0) ;
                /* A memory hog, in a child: it touches page after page until the kernel kills it. */
                pid_t hog = fork();
                if (hog < 0) { printf("memory hog: fork failed (%d)\\n", errno); return 1; }
                if (hog == 0) {
                    for (;;) {
                        char *p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                        if (p == MAP_FAILED) { printf("hog: mmap failed\\n"); _exit(3); }
                        memset(p, 1, 1 << 20);
                    }
                }
                int status;
                waitpid(hog, &status, 0);
                if (WIFSIGNALED(status))
                    printf("memory hog: killed by signal %d\\n", WTERMSIG(status));
                else
                    printf("memory hog: exited with %d\\n", WEXITSTATUS(status));
                /* A thread bomb. */
                int t = 0, e;
                pthread_t th;
                while ((e = pthread_create(&th, NULL, sleeper, NULL)) == 0) t++;
                printf("thread bomb: %s after %d threads\\n", e == EAGAIN ? "EAGAIN" : e == ENOMEM ? "ENOMEM" : "?", t);
                /* An fd hog. */
                int fds = 0;
                while (open("/", O_RDONLY) >= 0) fds++;
                printf("fd hog: EMFILE after %d more (%s)\\n", fds, errno == EMFILE ? "EMFILE" : "?");
                for (int fd = 3; fd < 1024; fd++) close(fd);
                printf("survivor: carries on\\n");
                exit(0);          /* the sleeping threads go with the process */
            }
            """;

    @Test
    void eachExhaustionStopsAtItsLimitAndNothingLeaks() throws Exception {
        var program = Guests.compile("exhaust", PROGRAM);
        KernelConfig config = KernelConfig.defaults().withPidMax(400).withMemory(32L << 20);
        try (Guests.Run run = Guests.run(config, program)) {
            assertAll(
                    () -> assertTrue(run.stdout().matches("(?s)fork bomb: \\d+ children, then EAGAIN\n.*"), run.stdout()),
                    () -> assertTrue(run.stdout().matches("(?s).*\nthread bomb: (EAGAIN|ENOMEM) after \\d+ threads\n.*"),
                            run.stdout()),
                    () -> assertTrue(run.stdout().contains("(EMFILE)"), run.stdout()),
                    () -> assertTrue(run.stdout().contains("memory hog: killed by signal 9"), run.stdout()),
                    () -> assertTrue(run.stdout().endsWith("survivor: carries on\n"), run.stdout()),
                    () -> assertTrue(run.stderr().contains("killed: out of memory"), "the victim is named\n" + run.stderr()),
                    () -> assertEquals(0, run.status(), run.stderr()),
                    () -> assertTrue(run.kernel().oopses().isEmpty(), () -> run.kernel().oopses().toString()),
                    () -> assertEquals(List.of(), Invariants.check(run.kernel())));
        }
    }
}
