package minikernel.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Debian's busybox-static:i386, an unmodified Linux binary (fetched by scripts/fetch-busybox.sh,
 * which .ci/run calls), runs the shell scripts of tests/busybox natively and under minikernel:
 * stdout, stderr and exit status must match. Skipped, saying why, without busybox or on a host
 * that cannot run i386 programs.
 */
class BusyboxTest {
    private final Guest guest = Guest.fromSystemProperties();

    private Path busybox() {
        Path b = guest.root().resolve(".native/busybox/busybox");
        assumeTrue(Files.isExecutable(b), "no " + b + ": run scripts/fetch-busybox.sh (.ci/run does)");
        assumeTrue(guest.hostRunsI386(), guest.whyHostCannotRunI386());
        return b;
    }

    static Stream<String> scripts() throws IOException {
        Path dir = Guest.fromSystemProperties().root().resolve("tests/busybox");
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sh")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void aScriptRunsAsOnLinux(String script) throws Exception {
        Path bb = busybox();
        List<String> args = List.of("sh", guest.root().resolve("tests/busybox").resolve(script).toString());
        GuestRun linux = guest.runNative(bb, args, "");
        GuestRun minikernel = guest.runMinikernel(bb, args, "", List.of());
        assertAll(
                () -> assertFalse(linux.stdout().isBlank(), "the script printed nothing natively\n" + linux.describe()),
                () -> assertEquals(linux.stdout(), minikernel.stdout(), "stdout\n" + minikernel.describe()),
                () -> assertEquals(linux.stderr(), minikernel.stderr(), "stderr\n" + minikernel.describe()),
                () -> assertEquals(linux.exitStatus(), minikernel.exitStatus(), "exit status\n" + minikernel.describe()));
    }

    /**
     * Applets exec'd through /proc/self/exe (comm "exe") name themselves after the applet with
     * prctl(PR_SET_NAME), as ps then shows.
     */
    @Test
    void appletsRunThroughProcSelfExeAndNameThemselves() throws Exception {
        Path bb = busybox();
        String script = "echo hi | cat; readlink /proc/self/exe >/dev/null && echo exe-ok;"
                + " sh -c 'cat /proc/$$/comm; true'; cat /proc/self/comm";
        GuestRun run = guest.runMinikernel(bb, List.of("sh", "-c", script), "", List.of("--trace"));
        assertAll(
                () -> assertEquals("hi\nexe-ok\nsh\ncat\n", run.stdout(), run.describe()),
                () -> assertEquals(0, run.exitStatus(), run.describe()),
                // rseq is the one call glibc makes that minikernel leaves ENOSYS (glibc then does without)
                () -> assertFalse(run.stderr().lines().anyMatch(l -> l.contains("ENOSYS") && !l.contains("rseq(")),
                        "a call returned ENOSYS\n" + run.stderr()));
    }

    /**
     * An interactive busybox shell on a terminal, rooted in the fetched busybox tree: job control
     * (^Z stops the foreground job, bg and fg move it, ^C ends it with status 130).
     */
    @Test
    void anInteractiveShellHasJobControl() throws Exception {
        busybox();
        Path root = guest.root().resolve(".native/busybox/root");
        assumeTrue(Files.isDirectory(root.resolve("bin")), "no " + root + ": run scripts/fetch-busybox.sh");
        try (ScriptTerminal t = ScriptTerminal.start(guest.minikernelCommandLine(
                List.of("run", "--clock", "host", "--root", root.toString(), "sh")))) {
            t.waitFor("# ");
            t.type("sleep 30\r");
            t.waitFor("sleep 30");
            Thread.sleep(1000);                       // sleep is the foreground job now
            t.type("\u001a");
            t.waitFor("Stopped");
            t.type("bg\r");
            t.waitFor("[1] sleep 30");
            t.type("jobs\r");
            t.waitFor("Running");
            t.type("fg\r");
            t.waitFor("sleep 30", 5);
            Thread.sleep(1000);
            t.type("\u0003");
            t.type("echo status=$?\r");
            t.waitFor("status=130");
            t.type("exit\r");
            assertTrue(t.ended(), t.screen());
        }
    }

    /**
     * A static glibc program's system(), popen() and posix_spawn() run /bin/sh: in a root whose
     * /bin/sh is busybox they work as natively (where /bin/sh is the host's shell).
     */
    @Test
    void glibcSystemPopenAndPosixSpawnRunTheRootsShell() throws Exception {
        Path bb = busybox();
        Path root = Files.createTempDirectory("minikernel-bbroot");
        try {
            Path program = root.resolve("spawn");
            Process cc = new ProcessBuilder("gcc", "-m32", "-static", "-O1", "-o", program.toString(),
                    guest.root().resolve("tests/busybox/spawn.c").toString()).redirectErrorStream(true).start();
            String log = new String(cc.getInputStream().readAllBytes());
            assumeTrue(cc.waitFor() == 0, "gcc -m32 -static cannot build glibc programs here (gcc-multilib?):\n" + log);
            Files.createDirectories(root.resolve("bin"));
            Files.copy(bb, root.resolve("bin/busybox"));
            Files.createSymbolicLink(root.resolve("bin/sh"), Path.of("busybox"));
            Files.createSymbolicLink(root.resolve("bin/echo"), Path.of("busybox"));
            GuestRun linux = guest.runNative(program, List.of(), "");
            GuestRun minikernel = guest.runMinikernel(Path.of("/spawn"), List.of(), "",
                    List.of("--root", root.toString()));
            assertAll(
                    () -> assertEquals("from-system\nsystem: 3\npopen read: from-popen\npclose: 0\nposix_spawn: 0\n"
                            + "spawned exit: 5\n", linux.stdout(), linux.describe()),
                    () -> assertEquals(linux.stdout(), minikernel.stdout(), minikernel.describe()),
                    () -> assertEquals(0, minikernel.exitStatus(), minikernel.describe()));
        } finally {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
