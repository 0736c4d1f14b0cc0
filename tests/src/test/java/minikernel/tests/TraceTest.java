package minikernel.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code minikernel run --trace} prints each system call to stderr in strace's format, and
 * leaves the guest's own output alone. strace pads the " = result" part to a column and may
 * prefix "[pid N] "; both are accepted. strace's closing "+++ exited with 0 +++" may follow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceTest {

    private static final Pattern HELLO_WRITE =
            Pattern.compile("(\\[pid\\s+\\d+\\] )?write\\(1, \"Hello, world!\\\\n\", 14\\)\\s*= 14");
    private static final Pattern EXIT_GROUP = Pattern.compile("(\\[pid\\s+\\d+\\] )?exit_group\\(0\\)\\s*= \\?");
    private static final Pattern EXITED = Pattern.compile("\\+\\+\\+ exited with 0 \\+\\+\\+");

    private final Guest guest = Guest.fromSystemProperties();

    @ParameterizedTest(name = "hello[{0}]")
    @ValueSource(strings = {"ours", "glibc"})
    void traceShowsWriteAndExitGroup(String build) throws Exception {
        var hello = guest.requireProgram(build, "hello");
        GuestRun run = guest.runMinikernel(hello, List.of(), "", List.of("--trace"));
        List<String> lines = run.stderr().lines().filter(line -> !line.isBlank()).toList();
        List<String> ending = lines.isEmpty() || !EXITED.matcher(lines.getLast()).matches()
                ? lines : lines.subList(0, lines.size() - 1);
        assertAll(
                () -> assertEquals(0, run.exitStatus(), "exit status\n" + run.describe()),
                () -> assertEquals("Hello, world!\n", run.stdout(), "tracing changed the guest's stdout\n" + run.describe()),
                () -> assertTrue(lines.stream().anyMatch(line -> HELLO_WRITE.matcher(line).matches()),
                        "no line 'write(1, \"Hello, world!\\n\", 14) = 14' on stderr\n" + run.describe()),
                () -> assertTrue(!ending.isEmpty() && EXIT_GROUP.matcher(ending.getLast()).matches(),
                        "stderr does not end with 'exit_group(0) = ?'\n" + run.describe()),
                () -> assertFalse(run.stderrHasJavaStackTrace(), "a Java exception reached stderr\n" + run.describe()));
    }

    @ParameterizedTest(name = "printf_formats[{0}]")
    @ValueSource(strings = {"ours", "glibc"})
    void traceLeavesStdoutAlone(String build) throws Exception {
        var program = guest.requireProgram(build, "printf_formats");
        GuestRun plain = guest.runMinikernel(program, List.of(), "", List.of());
        GuestRun traced = guest.runMinikernel(program, List.of(), "", List.of("--trace"));
        assertEquals(plain.stdout(), traced.stdout(),
                "stdout with --trace differs from stdout without\n" + plain.describe() + "\n" + traced.describe());
    }

    /** --syscalls-report: a row per call made (calls, errors, ENOSYS), unimplemented numbers marked. */
    @ParameterizedTest(name = "sys_info[{0}]")
    @ValueSource(strings = {"ours", "glibc"})
    void syscallsReportCountsCallsErrorsAndEnosys(String build) throws Exception {
        var program = guest.requireProgram(build, "sys_info");
        GuestRun run = guest.runMinikernel(program, List.of(), "", List.of("--syscalls-report"));
        String err = run.stderr();
        assertAll(
                () -> assertEquals(0, run.exitStatus(), run.describe()),
                () -> assertTrue(err.contains("minikernel: system calls made ("), err),
                // prctl: the program's calls, three of them refused (a bad option, a bad pointer, dumpable 2)
                () -> assertTrue(Pattern.compile("(?m)^  prctl +172 +\\d+ +3 +- *$").matcher(err).find(), err),
                () -> assertTrue(Pattern.compile("(?m)^  syscall_500 +500 +1 +1 +1  not implemented$").matcher(err).find(), err),
                () -> assertTrue(err.lines().anyMatch(l -> l.startsWith("  returned ENOSYS: ")
                        && l.contains("syscall_500")), err));
    }
}
