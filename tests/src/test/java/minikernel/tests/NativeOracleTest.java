package minikernel.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guest programs themselves, before minikernel is involved: an oracle is only useful if it
 * repeats itself. Natively, each program gives the same stdout and exit status twice in a row and
 * the status the table expects, with no FAIL line; under qemu-i386 (a second, independent
 * emulation) it prints the same, apart from the lines the table marks as qemu's own deviations
 * (or, for the few programs qemu cannot run at all, not compared).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NativeOracleTest {

    private final Guest guest = Guest.fromSystemProperties();

    Stream<GuestCase> cases() {
        return GuestCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void repeatsNatively(GuestCase c) throws Exception {
        var program = guest.requireProgram(c.build(), c.program());
        Assumptions.assumeTrue(guest.hostRunsI386(), guest::whyHostCannotRunI386);
        GuestRun first = guest.runNative(program, c.args(), c.stdin(), c.workDir());
        GuestRun second = guest.runNative(program, c.args(), c.stdin(), c.workDir());
        assertAll(
                () -> assertEquals(c.exitStatus(), first.exitStatus(), "exit status\n" + first.describe()),
                () -> assertFalse(first.stdout().contains("FAIL"), "the program reported a failure\n" + first.describe()),
                () -> assertEquals(first.stdout(), second.stdout(),
                        "stdout changed between two native runs\n" + first.describe() + "\n" + second.describe()),
                () -> assertEquals(first.exitStatus(), second.exitStatus(), "exit status changed between runs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void qemuAgrees(GuestCase c) throws Exception {
        var program = guest.requireProgram(c.build(), c.program());
        Assumptions.assumeTrue(guest.hostRunsI386(), guest::whyHostCannotRunI386);
        Assumptions.assumeTrue(guest.qemu().isPresent(), "qemu-i386 is not installed");
        Assumptions.assumeTrue(c.qemuCannot() == null, () -> "qemu-i386 cannot run it: " + c.qemuCannot());
        GuestRun linux = guest.runNative(program, c.args(), c.stdin(), c.workDir());
        GuestRun qemu = guest.runQemu(program, c.args(), c.stdin(), c.workDir());
        String both = "\n=== native Linux ===\n" + linux.describe() + "\n=== qemu-i386 ===\n" + qemu.describe();
        assertAll(
                () -> assertEquals(withoutQemuMisses(c, linux.stdout()), withoutQemuMisses(c, qemu.stdout()),
                        "stdout differs under qemu-i386" + both),
                () -> assertEquals(linux.exitStatus(), qemu.exitStatus(), "exit status differs under qemu-i386" + both));
    }

    private static String withoutQemuMisses(GuestCase c, String stdout) {
        return stdout.lines()
                .filter(line -> c.qemuMisses().stream().noneMatch(line::startsWith))
                .collect(Collectors.joining("\n"));
    }
}
