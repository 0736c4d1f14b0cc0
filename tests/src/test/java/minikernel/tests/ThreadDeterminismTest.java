package minikernel.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Threads of one process interleave at the scheduler's choice, as processes do, and under
 * minikernel that choice comes from the seed alone: two runs of a thread program with the same
 * {@code --seed} print the same and make the same system calls in the same order (futex waits and
 * wakes, tids included). A different seed is a different interleaving, and every one of them must
 * still give the answer native Linux gives: the programs print only what holds in any interleaving.
 */
class ThreadDeterminismTest extends SeedReplayTest {

    private static final List<Integer> OTHER_SEEDS = List.of(1, 2, 3);

    @Override
    Stream<GuestCase> cases() {
        return Stream.of(
                        GuestCase.of("mutex_counter"),
                        GuestCase.of("condvar_pc"),
                        GuestCase.of("futex_requeue"),
                        GuestCase.of("clone_raw"))
                .flatMap(GuestCase::inEachBuild);
    }

    Stream<GuestCase> otherSeedCases() {
        return Stream.of(
                        GuestCase.of("mutex_counter"),
                        GuestCase.of("condvar_pc"),
                        GuestCase.of("detached"),
                        GuestCase.of("thread_exit"),
                        GuestCase.of("futex_raw"),
                        GuestCase.of("futex_wake_op"),
                        GuestCase.of("clone_raw"))
                .flatMap(GuestCase::inEachBuild);
    }

    /**
     * Seeds 1, 2 and 3 each give the expected status and no FAIL line, and, where the host runs
     * i386 binaries, exactly native Linux's output.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("otherSeedCases")
    void everySeedCorrect(GuestCase c) throws Exception {
        var program = guest.requireProgram(c.build(), c.program());
        GuestRun linux = guest.hostRunsI386() ? guest.runNative(program, c.args(), c.stdin(), c.workDir()) : null;
        for (int seed : OTHER_SEEDS) {
            GuestRun run = guest.runMinikernel(program, c.args(), c.stdin(), List.of("--seed", Integer.toString(seed)),
                    c.workDir());
            String what = "with --seed " + seed + "\n" + run.describe();
            assertAll(
                    () -> assertEquals(c.exitStatus(), run.exitStatus(), "exit status " + what),
                    () -> assertFalse(run.stdout().contains("FAIL"), "the guest reported a failure " + what),
                    () -> assertFalse(run.stderrHasJavaStackTrace(), "a Java exception reached stderr " + what),
                    () -> {
                        if (linux != null) {
                            assertEquals(linux.stdout(), run.stdout(), "stdout differs from native Linux " + what
                                    + "\n=== native Linux ===\n" + linux.describe());
                        }
                    });
        }
    }
}
