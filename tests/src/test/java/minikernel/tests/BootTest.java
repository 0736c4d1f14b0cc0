package minikernel.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's first command: {@code minikernel} boots the default image, whose init prints the
 * welcome screen and runs the shell on the console; here the console's input is a script (as
 * when stdin is a file), and the boot ends with the shell's exit status. init is pid 1 and, as on
 * Linux, cannot be killed by a signal it has no handler for, not even SIGKILL.
 */
class BootTest {
    private final Guest guest = Guest.fromSystemProperties();

    @Test
    void bootRunsTheShellOnTheConsoleAndEndsWithItsStatus() throws Exception {
        GuestRun run = guest.runMinikernelCommand(List.of("boot"), """
                echo hello from the shell
                ps | grep -c init
                kill -9 1; echo "kill -9 1: $?"
                kill -TERM 1; echo "kill -TERM 1: $?"
                ps | grep -c init
                exit 7
                """);
        assertAll(
                () -> assertFalse(run.stderrHasJavaStackTrace(), run.describe()),
                () -> assertEquals(7, run.exitStatus(), run.describe()),
                () -> assertTrue(run.stdout().startsWith("Welcome to minikernel"), run.describe()),
                () -> assertTrue(run.stdout().contains("init: running as pid 1\n"), run.describe()),
                () -> assertTrue(run.stdout().endsWith("""
                        hello from the shell
                        1
                        kill -9 1: 0
                        kill -TERM 1: 0
                        1
                        """), run.describe()));
    }
}
