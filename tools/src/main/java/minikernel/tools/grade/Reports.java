package minikernel.tools.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;

/** What the grader writes: gradelib's report, Gradescope's results.json, JUnit XML. */
public final class Reports {
    private Reports() {
    }

    public static int score(List<Grader.Result> results) {
        return results.stream().mapToInt(Grader.Result::score).sum();
    }

    public static int max(List<Grader.Result> results) {
        return results.stream().mapToInt(r -> r.test().points()).sum();
    }

    /** "name: OK" / "name: FAIL (reason)" lines and "Score: N/M", as xv6's gradelib prints them. */
    public static void text(List<Grader.Result> results, PrintStream out) {
        for (Grader.Result r : results) {
            if (r.passed()) {
                out.printf("%s: OK (%d seed%s)%n", r.test().name(), r.seedsRun(), r.seedsRun() == 1 ? "" : "s");
            } else {
                out.printf("%s: FAIL (%s)%n", r.test().name(), detail(r));
                if (r.replay() != null) {
                    out.println("    replay it in the debugger: " + r.replay());
                }
            }
        }
        out.printf("Score: %d/%d%n", score(results), max(results));
    }

    private static String detail(Grader.Result r) {
        return (r.seed() != null ? "seed " + r.seed() + ": " : "") + r.failure();
    }

    /** Gradescope's autograder results format. */
    public static String gradescope(List<Grader.Result> results) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("score", score(results));
        ArrayNode tests = root.putArray("tests");
        for (Grader.Result r : results) {
            ObjectNode t = tests.addObject();
            t.put("name", r.test().name());
            t.put("score", r.score());
            t.put("max_score", r.test().points());
            t.put("status", r.passed() ? "passed" : "failed");
            t.put("output", r.passed() ? "OK under " + r.seedsRun() + " seed(s)"
                    : detail(r) + (r.replay() != null ? "\nreplay: " + r.replay() : ""));
            t.put("visibility", "visible");
        }
        try {
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JUnit XML: one testsuite, a testcase per test, a failure with the reason. */
    public static String junit(String suite, List<Grader.Result> results) {
        long failures = results.stream().filter(r -> !r.passed()).count();
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format("<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\">%n", xml(suite), results.size(),
                failures));
        for (Grader.Result r : results) {
            b.append(String.format("  <testcase classname=\"%s\" name=\"%s\">", xml(suite), xml(r.test().name())));
            if (!r.passed()) {
                b.append(String.format("%n    <failure message=\"%s\">%s</failure>%n  ", xml(firstLine(detail(r))),
                        xml(detail(r) + (r.replay() != null ? "\nreplay: " + r.replay() : ""))));
            }
            b.append("</testcase>\n");
        }
        return b.append("</testsuite>\n").toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String xml(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
