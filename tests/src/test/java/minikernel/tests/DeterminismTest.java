package minikernel.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Under minikernel a run is reproducible from its seed: time is virtual (it advances with
 * executed work) and memory layout is chosen from the seed, so two runs with the same
 * {@code --seed} print exactly the same, including the measured durations and addresses that
 * differ between two native runs, and make exactly the same system calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeterminismTest {

    private static final List<String> SEEDED = List.of("--seed", "7");

    private final Guest guest = Guest.fromSystemProperties();

    Stream<GuestCase> cases() {
        return Stream.of(
                        GuestCase.of("time_virtual", "raw").named("time_virtual_raw"),
                        GuestCase.of("malloc_stress", "addresses").named("malloc_stress_addresses"))
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
