package minikernel.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two replay checks every determinism test makes of its {@link #cases()}: two minikernel runs
 * with the same {@code --seed} print the same, and, traced, make the same system calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SeedReplayTest {

    static final List<String> SEEDED = List.of("--seed", "7");

    final Guest guest = Guest.fromSystemProperties();

    /** The programs to replay. */
    abstract Stream<GuestCase> cases();

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameSeedSameOutput(GuestCase c) throws Exception {
        var program = guest.requireProgram(c.build(), c.program());
        GuestRun first = guest.runMinikernel(program, c.args(), c.stdin(), SEEDED, c.workDir());
        GuestRun second = guest.runMinikernel(program, c.args(), c.stdin(), SEEDED, c.workDir());
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
        GuestRun first = guest.runMinikernel(program, c.args(), c.stdin(), traced, c.workDir());
        GuestRun second = guest.runMinikernel(program, c.args(), c.stdin(), traced, c.workDir());
        assertAll(
                () -> assertEquals(c.exitStatus(), first.exitStatus(), "exit status\n" + first.describe()),
                () -> assertEquals(first.stderr(), second.stderr(),
                        "two traced runs with the same seed made different system calls\n"
                                + first.describe() + "\n" + second.describe()));
    }
}
