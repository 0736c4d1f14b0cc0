package minikernel.tools;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader on the threads lab (tests/labs/threads): the reference solution scores full marks
 * under all 20 seeds; a racy one (put() without the lock) fails with the seed and a replay
 * command; Gradescope's JSON and JUnit XML say the same; bad suites and broken submissions get a
 * clear one-line reason.
 */
class GradeTest {
    private static final Path ROOT = Path.of(System.getProperty("minikernel.root", ".."));
    private static final Path LAB = ROOT.resolve("tests/labs/threads");

    @TempDir
    Path tmp;

    /** Runs {@code minikernel grade ARGS}; returns the exit status and what it printed. */
    record Outcome(int status, String out, String err) {
    }

    static Outcome grade(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "grade";
            System.arraycopy(args, 0, all, 1, args.length);
            return new Outcome(Main.run(all), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void theReferenceScoresFullMarksUnderEverySeed() {
        Outcome r = grade(LAB.resolve("suite.json").toString(), "--jobs", "2");
        assertAll(
                () -> assertEquals(0, r.status(), r.out() + r.err()),
                () -> assertTrue(r.out().contains("every item arrives exactly once: OK (20 seeds)"), r.out()),
                () -> assertTrue(r.out().contains("prints what the reference prints on Linux: OK (3 seeds)"), r.out()),
                () -> assertTrue(r.out().endsWith("Score: 10/10\n"), r.out()));
    }

    @Test
    void aRacySubmissionFailsWithItsSeedAndAReplayCommand() throws Exception {
        Path json = tmp.resolve("results.json"), junit = tmp.resolve("junit");
        Outcome r = grade(LAB.resolve("suite.json").toString(), "--submission", LAB.resolve("racy").toString(),
                "--json", json.toString(), "--junit", junit.toString());
        assertAll(
                () -> assertEquals(1, r.status(), r.out()),
                () -> assertTrue(r.out().matches("(?s)every item arrives exactly once: FAIL \\(seed \\d+: stdout differs.*"),
                        r.out()),
                () -> assertTrue(r.out().contains("  - taken 10000 items, sum 25005000\n"), r.out()),
                () -> assertTrue(r.out().contains("replay it in the debugger: ./minikernel grade "), r.out()),
                () -> assertTrue(r.out().contains("the producers and consumers are threads: OK"), r.out()),
                () -> assertTrue(r.out().endsWith("Score: 2/10\n"), r.out()));
        JsonNode results = new ObjectMapper().readTree(Files.readString(json));
        assertEquals(2, results.get("score").asInt());
        assertEquals("failed", results.get("tests").get(0).get("status").asText());
        assertEquals(6, results.get("tests").get(0).get("max_score").asInt());
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(junit.resolve("TEST-minikernel-grade.xml").toFile());
        assertEquals("2", doc.getDocumentElement().getAttribute("failures"));
    }

    @Test
    void theProcessesLabCatchesAShellThatLeavesZombies() {
        Path lab = ROOT.resolve("tests/labs/processes");
        Outcome good = grade(lab.resolve("suite.json").toString(), "--jobs", "2");
        assertEquals(0, good.status(), good.out() + good.err());
        assertTrue(good.out().contains("a pipeline is two children joined by a pipe: OK"), good.out());
        Outcome leaky = grade(lab.resolve("suite.json").toString(), "--submission", lab.resolve("leaky").toString());
        assertAll(
                () -> assertEquals(1, leaky.status()),
                () -> assertTrue(leaky.out().contains("runs commands, pipes and redirections: OK"), leaky.out()),
                () -> assertTrue(leaky.out().contains("no child is left a zombie: FAIL"), leaky.out()),
                () -> assertTrue(leaky.out().matches("(?s).*\n +3 +2 Z +1 echo\n.*"), leaky.out()),
                () -> assertTrue(leaky.out().endsWith("Score: 8/10\n"), leaky.out()));
    }

    @Test
    void theReplayCommandRunsTheFailingRunUnderTheDebugger() {
        Outcome r = grade(LAB.resolve("suite.json").toString(), "--submission", LAB.resolve("racy").toString(),
                "--replay", "every item arrives exactly once", "--seed", "1", "-ex", "info program", "-ex", "continue");
        assertAll(
                () -> assertTrue(r.out().contains("Stopped at the program's entry point, pid 2."), r.out()),
                () -> assertTrue(r.out().contains("[the program exited with status 0]"), r.out()));
    }

    @Test
    void aCompileErrorAndAnEndlessLoopAreReportedAsSuch() throws Exception {
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("bbuf.c"), "int main(void) { return undeclared; }\n");
        Outcome c = grade(LAB.resolve("suite.json").toString(), "--submission", broken.toString());
        assertTrue(c.out().contains("every item arrives exactly once: FAIL (compile error:"), c.out());
        assertTrue(c.out().contains("undeclared"), c.out());

        Path spin = Files.createDirectories(tmp.resolve("spin"));
        Files.writeString(spin.resolve("bbuf.c"), "int main(void) { volatile int x = 0; for (;;) x++; }\n");
        Files.writeString(tmp.resolve("suite.json"), """
                {"name": "loops", "tests": [{"name": "ends", "sources": ["bbuf.c"], "budget": 100000,
                  "expect": {"exit": 0}}]}
                """);
        Outcome s = grade(tmp.resolve("suite.json").toString(), "--submission", spin.toString());
        assertEquals(1, s.status());
        assertTrue(s.out().contains("ends: FAIL (seed 1: ran out of its budget of 100,000 blocks"), s.out());
    }

    @Test
    void memoryAndTaskLimitsHoldPerTest() throws Exception {
        Path sub = Files.createDirectories(tmp.resolve("limits"));
        Files.writeString(sub.resolve("forks.c"), """
                #include <stdio.h>
                #include <sys/wait.h>
                #include <unistd.h>
                int main(void) { int made = 0, refused = 0;
                  for (int i = 0; i < 400; i++) { pid_t p = fork(); if (p == 0) _exit(0);
                    if (p < 0) refused++; else made++; }
                  while (wait(NULL) > 0) ;
                  printf("made %d, refused %d\\n", made, refused); return 0; }
                """);
        Files.writeString(sub.resolve("hog.c"), """
                #include <stdlib.h>
                int main(void) { volatile char *p = malloc(64 << 20); for (long i = 0; i < (64L << 20); i += 4096) p[i] = 1;
                  return 0; }
                """);
        Files.writeString(tmp.resolve("limits.json"), """
                {"name": "limits", "tests": [
                  {"name": "tasks", "sources": ["forks.c"], "tasks": 302, "expect": {"stdout_lines": ["made 2\\\\d\\\\d, refused 1\\\\d\\\\d"], "invariants": true}},
                  {"name": "memory", "sources": ["hog.c"], "memory": "16M", "expect": {"signal": "SIGKILL"}}]}
                """);
        Outcome r = grade(tmp.resolve("limits.json").toString(), "--submission", sub.toString());
        assertEquals(0, r.status(), r.out() + r.err());
    }

    @Test
    void malformedSuitesGetOneLineAndStatus2() throws Exception {
        String[][] cases = {
            {"{", "not valid JSON"},
            {"{\"name\": \"x\"}", "tests: must be a list of at least one test"},
            {"{\"name\": \"x\", \"tests\": [{\"name\": \"t\", \"sources\": [\"a.c\"], \"expect\": {}, \"colour\": 1}]}",
                "tests[0]: unknown field \"colour\""},
            {"{\"name\": \"x\", \"tests\": [{\"name\": \"t\", \"sources\": [\"a.c\"], \"points\": 0, \"expect\": {}}]}",
                "tests[0].points: must be a whole number from 1"},
            {"{\"name\": \"x\", \"tests\": [{\"name\": \"t\", \"sources\": [\"a.c\"], \"seeds\": \"9-1\", \"expect\": {}}]}",
                "tests[0].seeds: \"9-1\""},
            {"{\"name\": \"x\", \"tests\": [{\"name\": \"t\", \"expect\": {}}]}", "exactly one of \"sources\""},
            {"{\"name\": \"x\", \"tests\": [{\"name\": \"t\", \"elf\": \"p\", \"expect\": {\"signal\": \"SIGFOO\"}}]}",
                "is not a signal name"},
            {"{\"name\": \"x\", \"tests\": [{\"name\": \"t\", \"elf\": \"p\", \"from_image\": [\"bin/cat\"],"
                + " \"expect\": {}}]}", "an absolute path of the default image"},
        };
        for (String[] c : cases) {
            Path suite = tmp.resolve("bad.json");
            Files.writeString(suite, c[0]);
            Outcome r = grade(suite.toString());
            assertEquals(2, r.status(), c[0] + "\n" + r.err());
            assertTrue(r.err().contains(c[1]), c[0] + "\n" + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }
}
