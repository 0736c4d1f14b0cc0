package minikernel.kernel;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import minikernel.kernel.fs.ImageRootFs;
import minikernel.kernel.fs.Initramfs;
import minikernel.kernel.inspect.Invariants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * tests/fuzz/syscall_fuzz.c in an in-process kernel on an in-memory root: random system calls
 * with adversarial arguments from several processes and threads, beside a canary process. For
 * each seed the kernel must hit no bug (an exception out of a handler is an oops, reported with
 * the call and its arguments), the canary must find its memory and descriptors as it left them,
 * and afterwards every task must be reaped and every frame free.
 *
 * <p>CI runs 3 seeds of 20,000 calls; the full run is
 * {@code ./run-tests -pl cpu,kernel -Dtest=SyscallFuzzTest -Dfuzz.seeds=10 -Dfuzz.calls=100000}.
 */
class SyscallFuzzTest {
    private static final int SEEDS = Integer.getInteger("fuzz.seeds", 3);
    private static final int CALLS = Integer.getInteger("fuzz.calls", 20_000);
    private static final Pattern REPORT = Pattern.compile("fuzz: (\\d+) calls by (\\d+) workers \\((\\d+) died");
    private static Path program;
    private static long totalCalls, totalWorkers, totalDeaths;

    @BeforeAll
    static void build() throws Exception {
        program = Guests.compile("syscall_fuzz", Files.readString(Guests.root().resolve("tests/fuzz/syscall_fuzz.c")));
    }

    @AfterAll
    static void report() {
        System.out.printf("syscall fuzz: %,d calls over %d seeds, %,d worker processes, %,d of them killed by a"
                + " signal%n", totalCalls, SEEDS, totalWorkers, totalDeaths);
    }

    static List<Integer> seeds() {
        List<Integer> s = new ArrayList<>();
        for (int i = 1; i <= SEEDS; i++) {
            s.add(i);
        }
        return s;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void theKernelSurvivesAndTheCanaryIsUntouched(int seed) throws Exception {
        KernelConfig config = KernelConfig.defaults().withSeed(seed).withRoot(sandbox(), "/");
        try (Guests.Run run = Guests.run(config, program, Integer.toString(seed), Integer.toString(CALLS))) {
            Kernel k = run.kernel();
            Matcher m = REPORT.matcher(run.stdout());
            if (m.find()) {
                synchronized (SyscallFuzzTest.class) {
                    totalCalls += Long.parseLong(m.group(1));
                    totalWorkers += Long.parseLong(m.group(2));
                    totalDeaths += Long.parseLong(m.group(3));
                }
            }
            assertAll(
                    () -> assertTrue(k.oopses().isEmpty(), () -> "the kernel hit a bug: " + k.oopses().stream()
                            .map(o -> o.where() + ": " + o.cause()).toList() + "\n" + run.stderr()),
                    () -> assertTrue(run.stdout().contains("canary: OK"), run.stdout()),
                    () -> assertEquals(0, run.status(), "the canary or the fuzzer's parent failed\n" + run.stdout()),
                    () -> assertTrue(m.find(0) && Long.parseLong(m.group(1)) >= CALLS, run.stdout()),
                    () -> assertEquals(List.of(), Invariants.check(k)));
        }
    }

    /** The fuzzer's whole world: /tmp, and the mount points of the kernel's /dev and /proc, in memory. */
    private static ImageRootFs sandbox() {
        List<Initramfs.Entry> entries = new ArrayList<>();
        long ino = 2;
        for (String dir : List.of("dev", "proc", "tmp")) {
            entries.add(new Initramfs.Entry(dir, 0040000 | (dir.equals("tmp") ? 01777 : 0755), 0, 0, 0, 2, ino++, 0, 0,
                    0, 0, Optional.empty(), new byte[0]));
        }
        return new ImageRootFs(entries);
    }
}
