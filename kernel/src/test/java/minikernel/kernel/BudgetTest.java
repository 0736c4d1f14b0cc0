package minikernel.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The budget: a deterministic time limit. A program that never ends is stopped after the
 * configured blocks of guest code, the same way in every run, with a line that says so; a
 * program inside its budget is not touched.
 */
class BudgetTest {
    private static Path spin, threads;

    @BeforeAll
    static void compile() throws Exception {
        spin = Guests.compile("spin", "int main(void) { volatile unsigned x = 0; for (;;) x++; }\n");
        threads = Guests.compile("spinners", """
                #include <pthread.h>
                #include <stdio.h>
                static void *spin(void *a) { volatile unsigned x = 0; (void)a; for (;;) x++; return 0; }
                int main(void) { pthread_t t; printf("started\\n"); fflush(stdout);
                    pthread_create(&t, 0, spin, 0); spin(0); return 0; }
                """);
    }

    @Test
    void anEndlessLoopStopsAtTheBudgetWithSigkillsStatus() throws Exception {
        KernelConfig config = KernelConfig.defaults().withBudget(200_000);
        try (Guests.Run a = Guests.run(config, spin); Guests.Run b = Guests.run(config, spin)) {
            assertEquals(128 + 9, a.status());
            assertTrue(a.stderr().contains("minikernel: budget of 200,000 blocks used up; stopping:"), a.stderr());
            assertTrue(a.stderr().contains("spin[2] R (running)"), a.stderr());
            long blocksA = a.kernel().cpu().quantum().blocks(), blocksB = b.kernel().cpu().quantum().blocks();
            assertEquals(blocksA, blocksB, "the same stop in every run");
            assertTrue(blocksA >= 200_000 && blocksA < 200_000 + KernelConfig.DEFAULT_QUANTUM, "at most a quantum over");
        }
    }

    @Test
    void everyThreadStopsAndNothingIsLeftRunning() throws Exception {
        try (Guests.Run r = Guests.run(KernelConfig.defaults().withBudget(300_000).withSeed(5), threads)) {
            assertEquals(128 + 9, r.status());
            assertEquals("started\n", r.stdout());
            assertTrue(r.stderr().contains("spinners[2]") && r.stderr().contains("spinners[3]"), r.stderr());
        }
    }

    @Test
    void aProgramWithinItsBudgetIsNotTouched() throws Exception {
        Path hello = Guests.compile("hello_budget", "#include <stdio.h>\nint main(void) { puts(\"hi\"); return 3; }\n");
        try (Guests.Run r = Guests.run(KernelConfig.defaults().withBudget(10_000_000), hello)) {
            assertEquals(3, r.status());
            assertEquals("hi\n", r.stdout());
            assertEquals("", r.stderr());
        }
    }
}
