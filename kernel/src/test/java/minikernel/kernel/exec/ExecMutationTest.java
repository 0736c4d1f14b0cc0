package minikernel.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import minikernel.kernel.Guests;
import minikernel.kernel.Kernel;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.drivers.HostFd;
import minikernel.kernel.fs.ImageRootFs;
import minikernel.kernel.fs.Initramfs;
import minikernel.kernel.inspect.Invariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated programs (ElfFileMutationTest's mutations) executed, not just parsed: each is refused
 * by exec with a one-line reason, or runs and ends (an exit, a signal, the budget) in a kernel
 * that hit no bug and, unless the budget stopped it, got every frame back. 10,000 of them (about
 * 25 s; -Delf.mutants=N for more).
 */
class ExecMutationTest {
    private static final long SEED = 0xe1f_e0ecL;
    private static final int ROUNDS = Integer.getInteger("elf.mutants", 10_000);

    @TempDir
    Path dir;

    @Test
    void everyMutantIsRefusedOrRunsToAnEnd() throws Exception {
        List<byte[]> originals = new ArrayList<>(List.of(Elf32Builder.minimal().build()));
        Gcc.Result tiny = new Gcc(dir).compile("tiny", ElfFileRealBinariesTest.TINY, "-m32", "-ffreestanding",
                "-nostdlib", "-static", "-no-pie", "-O1");
        if (tiny.built()) {
            originals.add(Files.readAllBytes(tiny.file()));
        }
        originals.add(Files.readAllBytes(Guests.compile("hello", "#include <stdio.h>\nint main(void) {"
                + " puts(\"hello\"); return 0; }\n")));
        Random random = new Random(SEED);
        int refused = 0, ran = 0, budget = 0;
        int devNull = HostFd.open("/dev/null", 2, 0);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                int index = random.nextInt(originals.size());
                byte[] file = originals.get(index).clone();
                for (int m = 1 + random.nextInt(3); m > 0; m--) {
                    file = ElfFileMutationTest.mutate(file, random);
                }
                KernelConfig config = KernelConfig.defaults().withMemory(32L << 20).withBudget(2_000_000)
                        .withConsole(devNull, devNull, devNull).withRoot(sandbox(), "/");
                String where = "seed " + SEED + " round " + round + " (original " + index + ")";
                try (Kernel k = new Kernel(config)) {
                    try {
                        k.runProgram(new Executable("/mutant", file), List.of("mutant"), List.of());
                        ran++;
                    } catch (ExecException e) {
                        assertTrue(e.getMessage() != null && !e.getMessage().contains("\n"), where + ": " + e);
                        refused++;
                    }
                    assertTrue(k.oopses().isEmpty(), () -> where + ": the kernel hit a bug: " + k.oopses());
                    if ("budget".equals(k.haltReason())) {
                        budget++;                 // stopped mid-run (a loop): its tasks are still there
                    } else {
                        assertEquals(List.of(), Invariants.check(k), where);
                    }
                } catch (RuntimeException crash) {
                    fail(where + ": " + crash, crash);
                }
            }
        } finally {
            HostFd.close(devNull);
        }
        System.out.printf("ELF mutants: %d tried, %d refused by exec, %d ran (%d of them stopped by the budget)%n",
                ROUNDS, refused, ran, budget);
        assertTrue(ran > ROUNDS / 50 && refused > ROUNDS / 50, "both outcomes are exercised: " + ran + "/" + refused);
    }

    private static ImageRootFs sandbox() {
        List<Initramfs.Entry> entries = new ArrayList<>();
        long ino = 2;
        for (String d : List.of("dev", "proc", "tmp")) {
            entries.add(new Initramfs.Entry(d, 0040755, 0, 0, 0, 2, ino++, 0, 0, 0, 0, Optional.empty(), new byte[0]));
        }
        return new ImageRootFs(entries);
    }
}
