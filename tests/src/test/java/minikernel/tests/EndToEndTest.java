package minikernel.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every guest program in the table, in both builds, run under minikernel. Linux is the oracle:
 * {@link #sameAsNativeLinux} compares stdout and exit status with a native run (skipped on hosts
 * that cannot execute i386 binaries); {@link #endsAsExpected} checks what holds without a native
 * run: the expected exit status, no FAIL line, and for a fault a one-line report on stderr, never a
 * Java stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {

    private final Guest guest = Guest.fromSystemProperties();
    // Both tests look at the same minikernel run of a case: each JVM start costs a few hundred ms.
    private final Map<GuestCase, GuestRun> minikernelRuns = new HashMap<>();

    Stream<GuestCase> cases() {
        return GuestCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameAsNativeLinux(GuestCase c) throws Exception {
        var program = guest.requireProgram(c.build(), c.program());
        Assumptions.assumeTrue(guest.hostRunsI386(), guest::whyHostCannotRunI386);
        GuestRun linux = guest.runNative(program, c.args(), c.stdin(), c.workDir());
        GuestRun minikernel = runOnMinikernel(c);
        String both = "\n=== native Linux ===\n" + linux.describe() + "\n=== minikernel ===\n" + minikernel.describe();
        assertAll(
                () -> assertEquals(linux.stdout(), minikernel.stdout(), "stdout differs from native Linux" + both),
                () -> assertEquals(linux.exitStatus(), minikernel.exitStatus(),
                        "exit status differs from native Linux" + both));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsAsExpected(GuestCase c) throws Exception {
        guest.requireProgram(c.build(), c.program());
        GuestRun run = runOnMinikernel(c);
        assertAll(
                () -> assertEquals(c.exitStatus(), run.exitStatus(), "exit status\n" + run.describe()),
                () -> assertFalse(run.stdout().contains("FAIL"), "the guest reported a failure\n" + run.describe()),
                () -> assertFalse(run.stderrHasJavaStackTrace(), "a Java exception reached stderr\n" + run.describe()),
                () -> {
                    String signal = c.faultSignal();
                    if (signal != null) {
                        assertTrue(run.stderr().contains(signal + " at eip"),
                                "no '" + signal + " at eip' report on stderr\n" + run.describe());
                    }
                });
    }

    private GuestRun runOnMinikernel(GuestCase c) throws Exception {
        GuestRun run = minikernelRuns.get(c);
        if (run == null) {
            run = guest.runMinikernel(guest.program(c.build(), c.program()), c.args(), c.stdin(), List.of(),
                    c.workDir());
            minikernelRuns.put(c, run);
        }
        return run;
    }
}
