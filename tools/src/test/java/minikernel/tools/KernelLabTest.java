package minikernel.tools;

import static minikernel.tools.GradeTest.grade;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel lab (tests/labs/kernel): students write copy_files() and dup_fd() in the Java
 * kernel. The starter is the kernel's own CopyFiles with the LAB parts removed; a submission is
 * graded on its kernel in a JVM of its own. Wrong kernels are made from the real source by one
 * edit each, so they always match the kernel they are graded against.
 */
class KernelLabTest {
    private static final Path ROOT = Path.of(System.getProperty("minikernel.root", ".."));
    private static final Path LAB = ROOT.resolve("tests/labs/kernel");
    private static final Path SOURCE = ROOT.resolve("kernel/src/main/java/minikernel/kernel/fork/CopyFiles.java");

    @TempDir
    Path tmp;

    /** A kernel directory holding CopyFiles.java with {@code from} replaced by {@code to}. */
    private Path kernel(String name, String from, String to) throws Exception {
        String text = Files.readString(SOURCE);
        assertTrue(text.contains(from), "the kernel's CopyFiles no longer has " + from);
        Path file = tmp.resolve(name).resolve("minikernel/kernel/fork/CopyFiles.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.replace(from, to));
        return tmp.resolve(name);
    }

    private static GradeTest.Outcome gradeOn(Path kernel, String... more) {
        String[] args = new String[more.length + 3];
        args[0] = LAB.resolve("suite.json").toString();
        args[1] = "--kernel";
        args[2] = kernel.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return grade(args);
    }

    @Test
    void theStarterIsTheKernelsSourceWithTheLabPartsRemovedAndScoresNothing() throws Exception {
        Path starter = tmp.resolve("starter");
        GradeTest.Outcome w = grade(LAB.resolve("suite.json").toString(), "--starter", starter.toString());
        assertEquals(0, w.status(), w.err());
        String text = Files.readString(starter.resolve("minikernel/kernel/fork/CopyFiles.java"));
        assertAll(
                () -> assertTrue(text.contains("throw new UnsupportedOperationException(\"dup_fd(): yours to write"), text),
                () -> assertFalse(text.contains("f.get()"), text),
                () -> assertFalse(text.contains("LAB BEGIN"), text));
        GradeTest.Outcome r = gradeOn(starter, "--seeds", "1");
        assertAll(
                () -> assertEquals(1, r.status(), r.out() + r.err()),
                () -> assertTrue(r.out().contains("a forked child shares its parent's open files (one offset): FAIL (seed 1:"
                        + " the kernel hit a bug (an oops) while running prog[2]"), r.out()),
                () -> assertTrue(r.out().contains("UnsupportedOperationException: copy_files(): yours to write"), r.out()),
                () -> assertTrue(r.out().contains("at minikernel.kernel.fork.CopyFiles.copyFiles(CopyFiles.java:"), r.out()),
                () -> assertTrue(r.out().contains("--kernel " + starter + " "), r.out()),
                () -> assertTrue(r.out().endsWith("Score: 0/10\n"), r.out()));
    }

    @Test
    void theKernelsOwnCodeAsASubmissionScoresFullMarksInItsOwnJvm() throws Exception {
        GradeTest.Outcome r = gradeOn(kernel("own", "", ""));
        assertAll(
                () -> assertEquals(0, r.status(), r.out() + r.err()),
                () -> assertTrue(r.out().contains("the copy keeps numbers and close-on-exec flags: OK (3 seeds)"), r.out()),
                () -> assertTrue(r.out().endsWith("Score: 10/10\n"), r.out()));
    }

    @Test
    void aTableSharedInsteadOfCopiedFailsWhatADiffAgainstLinuxShows() throws Exception {
        GradeTest.Outcome r = gradeOn(kernel("shares", "if (CloneFlag.CLONE_FILES.in(cloneFlags))", "if (true)"),
                "--seeds", "1");
        assertAll(
                () -> assertTrue(r.out().contains("a forked child's descriptor table is a copy: FAIL (seed 1: stdout differs"
                        + " from the reference solution's on Linux:"), r.out()),
                () -> assertTrue(r.out().contains("  - parent: fd 7 is not open (EBADF)\n"), r.out()),
                () -> assertTrue(r.out().contains("the copy keeps numbers and close-on-exec flags: OK"), r.out()),
                () -> assertTrue(r.out().endsWith("Score: 5/10\n"), r.out()));
    }

    @Test
    void aMissingReferenceIsAnOopsEvenWhenTheExitThatFollowsHitsItAgain() throws Exception {
        GradeTest.Outcome r = gradeOn(kernel("noref", "newf.install(fd, f.get(),", "newf.install(fd, f,"), "--seeds", "1");
        assertAll(
                // the pipe test's child oopses in close, and its exit puts the same released file again
                () -> assertTrue(r.out().contains("a pipe ends when the last writer in any table closes: FAIL (seed 1: the"
                        + " kernel hit a bug (an oops)"), r.out()),
                () -> assertTrue(r.out().contains("IllegalStateException: fput on a released file"), r.out()),
                () -> assertFalse(r.out().contains("the kernel failed"), r.out()),
                () -> assertTrue(r.out().endsWith("Score: 0/10\n"), r.out()));
    }

    @Test
    void lostCloseOnExecFlagsFailTheTestsThatExec() throws Exception {
        GradeTest.Outcome r = gradeOn(kernel("nocloexec", "oldf.isCloseOnExec(fd));", "false);"), "--seeds", "1");
        assertAll(
                () -> assertTrue(r.out().contains("  - child: fd 3 open, FD_CLOEXEC set\n"), r.out()),
                () -> assertTrue(r.out().contains("exec in a task sharing its table unshares it first: FAIL"), r.out()),
                () -> assertTrue(r.out().endsWith("Score: 7/10\n"), r.out()));
    }

    @Test
    void aKernelThatDoesNotCompileOrEndsItsJvmCannotTouchTheGrader() throws Exception {
        GradeTest.Outcome bad = gradeOn(kernel("syntax", "return newf;", "return newf"), "--seeds", "1");
        assertAll(
                () -> assertEquals(1, bad.status()),
                () -> assertTrue(bad.out().contains("FAIL (the kernel does not compile:"), bad.out()),
                () -> assertTrue(bad.out().contains("CopyFiles.java:"), bad.out()));
        GradeTest.Outcome exits = gradeOn(kernel("exits", "FilesStruct newf = new FilesStruct();",
                "Runtime.getRuntime().halt(3); FilesStruct newf = null;"), "--seeds", "1");
        assertAll(
                () -> assertEquals(1, exits.status()),
                () -> assertTrue(exits.out().contains("FAIL (seed 1: the kernel's JVM ended with status 3 and no results"),
                        exits.out()),
                () -> assertTrue(exits.out().endsWith("Score: 0/10\n"), exits.out()));
    }

    @Test
    void theGradescopeBundleOfAKernelLabGradesTheSubmissionAsTheKernel() throws Exception {
        Path zip = tmp.resolve("lab.zip");
        Path jar = ROOT.resolve("tools/target/minikernel.jar");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(jar), "needs the packaged jar");
        GradeTest.Outcome r = grade(LAB.resolve("suite.json").toString(), "--gradescope-bundle", zip.toString());
        assertEquals(0, r.status(), r.err());
        try (ZipFile z = new ZipFile(zip.toFile())) {
            String run = new String(z.getInputStream(z.getEntry("run_autograder")).readAllBytes());
            assertTrue(run.contains("--kernel \"$root/submission\""), run);
            assertTrue(z.getEntry("suite/programs/pipes.c") != null);
        }
    }
}
