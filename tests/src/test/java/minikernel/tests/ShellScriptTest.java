package minikernel.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shell scripts run by the userland's own {@code sh} under minikernel, compared with the same
 * binaries run natively: pipelines, redirections, here-documents, subshells, command substitution,
 * background jobs and {@code wait}. The scripts are userland/tests/sh/*.sh, which {@code make
 * check} also runs with dash as the oracle for the shell itself; here Linux is the oracle for the
 * kernel under it (every pipe, dup2, fork, execve and wait4 the shell makes).
 */
class ShellScriptTest {

    private final Guest guest = Guest.fromSystemProperties();

    static Stream<String> scripts() throws IOException {
        Path dir = Guest.fromSystemProperties().root().resolve("userland/tests/sh");
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".sh"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private Path bin(String name) {
        Path program = guest.root().resolve("userland/target/bin").resolve(name);
        assertTrue(Files.isExecutable(program), program + " was not built: make -C " + guest.root().resolve("userland"));
        return program;
    }

    /**
     * {@code env PATH=userland/target/bin sh SCRIPT}: the guest sees the host's files (the script,
     * the userland's programs) and starts in a fresh temporary directory, as the native run does.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void scriptSameAsNativeLinux(String script) throws Exception {
        List<String> args = List.of("PATH=" + bin("sh").getParent(), bin("sh").toString(),
                guest.root().resolve("userland/tests/sh").resolve(script).toString());
        GuestRun minikernel = guest.runMinikernel(bin("env"), args, "", List.of());
        assertFalse(minikernel.stderrHasJavaStackTrace(), "a Java exception reached stderr\n" + minikernel.describe());
        Assumptions.assumeTrue(guest.hostRunsI386(), guest::whyHostCannotRunI386);
        GuestRun linux = guest.runNative(bin("env"), args, "");
        assertAll(
                () -> assertEquals(linux.stdout(), minikernel.stdout(), "stdout differs from native Linux\n"
                        + "=== native Linux ===\n" + linux.describe() + "\n=== minikernel ===\n" + minikernel.describe()),
                () -> assertEquals(linux.exitStatus(), minikernel.exitStatus(), "exit status\n" + minikernel.describe()));
    }

    /**
     * The default image's shell, given a script on standard input the way a user types at the
     * boot prompt: the image's own /bin tools, /proc, and /tmp (in memory) through pipelines and
     * redirections.
     */
    @Test
    void defaultImageShellRunsAScriptFromStandardInput() throws Exception {
        String script = """
                cd /tmp
                echo one two three > words.txt
                echo four >> words.txt
                wc -l < words.txt
                cat words.txt | grep -c o
                ls /bin | grep -c '^sh$'
                ps | grep -c ' ps$'
                cat /proc/self/status | grep '^Name:'
                false || echo "false failed with $?"
                true && echo "true succeeded"
                sleep 0 & wait $! && echo "background job done"
                ( cd /; pwd ); pwd
                missing-command 2>&1 | wc -l
                exit 3
                """;
        GuestRun run = guest.runMinikernel(Path.of("sh"), List.of(), script, List.of("--image"));
        assertAll(
                () -> assertFalse(run.stderrHasJavaStackTrace(), run.describe()),
                () -> assertEquals(3, run.exitStatus(), run.describe()),
                () -> assertEquals("""
                        2
                        2
                        1
                        1
                        Name:\tcat
                        false failed with 1
                        true succeeded
                        background job done
                        /
                        /tmp
                        1
                        """, run.stdout(), run.describe()));
    }
}
