package minikernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gradescope autograder bundle, tried the way Gradescope uses it but in a fake /autograder
 * tree: unpacked into source/, run_autograder grades submission/ (the threads lab's racy bounded
 * buffer, or for the kernel lab a kernel source) and writes results/results.json with its score.
 * (setup.sh, which installs a JDK on
 * Gradescope's image, is not run here.)
 */
class GradescopeBundleTest {
    private final Guest guest = Guest.fromSystemProperties();

    @TempDir
    Path tmp;

    @Test
    void runAutograderGradesTheSubmissionInAFakeAutograderTree() throws Exception {
        Path lab = guest.root().resolve("tests/labs/threads");
        Path root = unpack(lab);
        Files.copy(lab.resolve("racy/bbuf.c"), root.resolve("submission/bbuf.c"));
        String log = runAutograder(root);
        String results = Files.readString(root.resolve("results/results.json"));
        assertTrue(results.contains("\"score\" : 2"), results);
        assertTrue(results.contains("\"status\" : \"failed\""), results);
        assertTrue(log.contains("Score: 2/10"), log);
    }

    /** A kernel lab's submission is Java: the bundle compiles it and grades on it, in a JVM of its own. */
    @Test
    void aKernelLabsBundleGradesTheSubmittedKernel() throws Exception {
        Path lab = guest.root().resolve("tests/labs/kernel");
        Path root = unpack(lab);
        String source = Files.readString(guest.root().resolve(
                "kernel/src/main/java/minikernel/kernel/fork/CopyFiles.java"));
        assertTrue(source.contains("oldf.isCloseOnExec(fd))"));
        Files.writeString(root.resolve("submission/CopyFiles.java"), source.replace("oldf.isCloseOnExec(fd))", "false)"));
        String log = runAutograder(root);
        assertTrue(log.contains("the copy keeps numbers and close-on-exec flags: FAIL"), log);
        assertTrue(log.contains("Score: 7/10"), log);
        assertTrue(Files.readString(root.resolve("results/results.json")).contains("\"score\" : 7"));
    }

    /** The lab's bundle unpacked into a fake /autograder: source/, run_autograder, an empty submission/. */
    private Path unpack(Path lab) throws Exception {
        Path zip = tmp.resolve("autograder.zip");
        GuestRun made = guest.runMinikernelCommand(List.of("grade", lab.resolve("suite.json").toString(),
                "--gradescope-bundle", zip.toString()), "");
        assertEquals(0, made.exitStatus(), made.describe());
        Path root = tmp.resolve("autograder"), source = Files.createDirectories(root.resolve("source"));
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                Path p = source.resolve(e.getName()).normalize();
                assertTrue(p.startsWith(source), e.getName());
                Files.createDirectories(p.getParent());
                Files.copy(z, p);
            }
        }
        assertTrue(Files.isRegularFile(source.resolve("setup.sh")));
        // setup.sh downloads a JDK, which cannot run here; bash at least parses it.
        Process syntax = new ProcessBuilder("bash", "-n", source.resolve("setup.sh").toString())
                .redirectErrorStream(true).start();
        assertEquals(0, syntax.waitFor(), new String(syntax.getInputStream().readAllBytes()));
        Files.copy(source.resolve("run_autograder"), root.resolve("run_autograder"));
        source.resolve("userland/bin/minikernel-cc").toFile().setExecutable(true);
        Files.createDirectories(root.resolve("submission"));
        return root;
    }

    /** Runs run_autograder as Gradescope would (but rooted at {@code root}); returns what it printed. */
    private static String runAutograder(Path root) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("run_autograder").toString())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("AUTOGRADER_ROOT", root.toString());
        env.put("JAVA", ProcessHandle.current().info().command().orElse("java"));
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), log);
        assertEquals(0, p.exitValue(), log);
        return log;
    }
}
