package minikernel.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The programs of the default image, run by name ({@code minikernel run forkdemo} finds
 * /bin/forkdemo in the image embedded in the jar), against the same binary from
 * userland/target/bin run natively: the teaching programs a student tries first must say exactly
 * what Linux says.
 */
class DefaultImageProgramsTest {

    private final Guest guest = Guest.fromSystemProperties();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hello", "forkdemo", "sharedemo"})
    void imageProgramSameAsNativeLinux(String name) throws Exception {
        Path binary = guest.root().resolve("userland/target/bin").resolve(name);
        assertTrue(Files.isExecutable(binary), binary + " was not built: make -C " + guest.root().resolve("userland"));
        GuestRun minikernel = guest.runMinikernel(Path.of(name), List.of(), "", List.of());
        assertAll(
                () -> assertEquals(0, minikernel.exitStatus(), "exit status\n" + minikernel.describe()),
                () -> assertFalse(minikernel.stderrHasJavaStackTrace(), "a Java exception reached stderr\n"
                        + minikernel.describe()));
        Assumptions.assumeTrue(guest.hostRunsI386(), guest::whyHostCannotRunI386);
        GuestRun linux = guest.runNative(binary, List.of(), "");
        assertEquals(linux.stdout(), minikernel.stdout(),
                "stdout differs from native Linux\n=== native Linux ===\n" + linux.describe()
                        + "\n=== minikernel ===\n" + minikernel.describe());
    }

    @Test
    void sharedemoShowsThreadsSharingAndTheChildCopying() throws Exception {
        GuestRun run = guest.runMinikernel(Path.of("sharedemo"), List.of(), "", List.of());
        assertAll(
                () -> assertEquals(0, run.exitStatus(), run.describe()),
                () -> assertTrue(run.stdout().contains(
                        "thread 1       P         shared     shared     shared       shared\n"), run.describe()),
                () -> assertTrue(run.stdout().contains(
                        "thread 2       P         shared     shared     shared       shared\n"), run.describe()),
                () -> assertTrue(run.stdout().contains(
                        "child process  C         own copy   own copy   own copy     own copy\n"), run.describe()));
    }

    @Test
    void forkdemoTellsTheCopyOnWriteStory() throws Exception {
        GuestRun run = guest.runMinikernel(Path.of("forkdemo"), List.of(), "", List.of());
        assertAll(
                () -> assertEquals(0, run.exitStatus(), run.describe()),
                () -> assertTrue(run.stdout().contains("child:  after my writes, counter = 2"), run.describe()),
                () -> assertTrue(run.stdout().contains("parent: the child exited with status 7"), run.describe()),
                () -> assertTrue(run.stdout().contains("parent: my copies are unchanged, counter = 1"), run.describe()));
    }
}
