package minikernel.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With several processes the interleaving is the scheduler's choice, and under minikernel that
 * choice must come from the seed alone: two runs of a fork-heavy program with the same
 * {@code --seed} print the same (including {@code nice_share raw}'s loop counts, which differ on
 * every native run) and make the same system calls in the same order, pids included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessDeterminismTest {

    private static final List<String> SEEDED = List.of("--seed", "7");

    private final Guest guest = Guest.fromSystemProperties();

    Stream<GuestCase> cases() {
        return Stream.of(
                        GuestCase.of("nice_share", "raw").named("nice_share_raw"),
                        GuestCase.of("many_children"),
                        GuestCase.of("pipes"),
                        GuestCase.of("sleep_yield"),
                        GuestCase.of("orphan_reparent"),
                        GuestCase.of("vfork_exec"))
                .flatMap(GuestCase::inEachBuild);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameSeedSameOutput(GuestCase c) throws Exception {
        var program = guest.requireProgram(c.build(), c.program());
        GuestRun first = guest.runMinikernel(program, c.args(), c.stdin(), SEEDED);
        GuestRun second = guest.runMinikernel(program, c.args(), c.stdin(), SEEDED);
        assertAll(
                () -> assertEquals(c.exitStatus(), first.exitStatus(), "exit status\n" + first.describe()),
                () -> assertEquals(first.stdout(), second.stdout(),
                        "two runs with the same seed printed differently\n" + first.describe() + "\n" + second.describe()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameSeedSameTrace(GuestCase c) throws Exception {
        var program = guest.requireProgram(c.build(), c.program());
        List<String> traced = Stream.concat(Stream.of("--trace"), SEEDED.stream()).toList();
        GuestRun first = guest.runMinikernel(program, c.args(), c.stdin(), traced);
        GuestRun second = guest.runMinikernel(program, c.args(), c.stdin(), traced);
        assertAll(
                () -> assertEquals(c.exitStatus(), first.exitStatus(), "exit status\n" + first.describe()),
                () -> assertEquals(first.stderr(), second.stderr(),
                        "two traced runs with the same seed made different system calls\n"
                                + first.describe() + "\n" + second.describe()));
    }
}
