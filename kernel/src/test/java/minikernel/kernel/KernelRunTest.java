package minikernel.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import minikernel.kernel.sched.TaskState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One program under the built-in init, end to end inside the JVM, and what it leaves behind. */
class KernelRunTest {
    private static Path hello, exit42, segv, ill, fpe, brkUser;

    @BeforeAll
    static void build() throws Exception {
        hello = Guests.compile("hello", "#include <stdio.h>\nint main(void){ printf(\"Hello, world!\\n\"); return 0; }\n");
        exit42 = Guests.compile("exit42", "int main(void){ return 42; }\n");
        segv = Guests.compile("segv", "int main(void){ *(volatile int *)0 = 1; return 0; }\n");
        ill = Guests.compile("ill", "int main(void){ __asm__ volatile(\"ud2\"); return 0; }\n");
        fpe = Guests.compile("fpe", "volatile int seven = 7, zero; int main(void){ return seven / zero; }\n");
        brkUser = Guests.compile("brkuser", """
                #include <stdlib.h>
                #include <string.h>
                #include <sys/mman.h>
                int main(void) {
                    for (int i = 0; i < 100; i++) { char *p = malloc(10000 * (i + 1)); memset(p, i, 10000 * (i + 1)); free(p); }
                    char *m = mmap(0, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                    memset(m, 7, 1 << 20);
                    return 0;
                }
                """);
    }

    @Test
    void helloPrintsItsLineAndExitsZero() throws Exception {
        try (Guests.Run r = Guests.run(KernelConfig.defaults(), hello)) {
            assertEquals("Hello, world!\n", r.stdout());
            assertEquals(0, r.status());
            assertEquals("", r.stderr());
        }
    }

    @Test
    void exitStatusIsTheProgramsStatus() throws Exception {
        try (Guests.Run r = Guests.run(KernelConfig.defaults(), exit42)) {
            assertEquals(42, r.status());
        }
    }

    @Test
    void faultsKillWithTheRightSignal() throws Exception {
        try (Guests.Run r = Guests.run(KernelConfig.defaults(), segv)) {
            assertEquals(128 + 11, r.status());
            assertTrue(r.stderr().matches("segv\\[2\\]: SIGSEGV at eip 0x[0-9a-f]{8} writing 0x00000000\\n"), "stderr: [" + r.stderr() + "]");
        }
        try (Guests.Run r = Guests.run(KernelConfig.defaults(), ill)) {
            assertEquals(128 + 4, r.status());
            assertTrue(r.stderr().startsWith("ill[2]: SIGILL at eip 0x"), r.stderr());
        }
        try (Guests.Run r = Guests.run(KernelConfig.defaults(), fpe)) {
            assertEquals(128 + 8, r.status());
            assertTrue(r.stderr().startsWith("fpe[2]: SIGFPE at eip 0x"), r.stderr());
        }
    }

    @Test
    void referenceCountsReturnToZeroAfterTheLastTask() throws Exception {
        for (Path program : new Path[]{hello, segv, brkUser}) {
            try (Guests.Run r = Guests.run(KernelConfig.defaults(), program)) {
                Kernel k = r.kernel();
                assertEquals(1, k.frames().usedFrames(), program + ": only init_mm's page directory stays allocated");
                assertEquals(0, k.pids().inUse(), program + ": every pid is free again");
                assertTrue(k.scheduler().tasks().isEmpty(), program + ": every task was reaped");
            }
        }
    }

    @Test
    void aRunIsReproducible() throws Exception {
        String first, second;
        try (Guests.Run r = Guests.run(KernelConfig.defaults().withSeed(7), brkUser)) {
            first = r.kernel().clock().monotonicNanos() + " " + r.kernel().cpu().quantum().blocks();
        }
        try (Guests.Run r = Guests.run(KernelConfig.defaults().withSeed(7), brkUser)) {
            second = r.kernel().clock().monotonicNanos() + " " + r.kernel().cpu().quantum().blocks();
        }
        assertEquals(first, second, "virtual time and work are the same in two runs");
        assertEquals(TaskState.RUNNING, TaskState.valueOf("RUNNING"));
    }
}
