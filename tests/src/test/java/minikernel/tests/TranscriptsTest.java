package minikernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The documents never drift from the code: every {@code console} block of README.md and docs/*.md
 * is run and its output must be the one printed there (see {@link Transcript} for how a block says
 * it is checked). Commands run from the repository's root, which the output calls
 * {@code ~/minikernel}, in a small fixed environment, with {@code ./minikernel} being the jar this
 * build made. With
 * {@code -Dtranscripts.update=true} (scripts/update-transcripts.sh) the blocks that differ are
 * rewritten instead, except those holding "..." or varying figures, which are reported.
 */
class TranscriptsTest {
    /**
     * The launcher as a command word (not ~/minikernel or a path that ends in it), except before
     * {@code cc}, which the launcher script itself handles (the SDK's gcc wrapper).
     */
    private static final Pattern MINIKERNEL =
            Pattern.compile("(?<![\\w/.~-])\\./minikernel(?=\\s|$)(?!\\s+cc\\b)");
    private final Guest guest = Guest.fromSystemProperties();

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/tour.md", "docs/grading.md"})
    void everyTranscriptIsWhatItsCommandPrints(String document) throws Exception {
        Path file = guest.root().resolve(document);
        String text = Files.readString(file);
        List<Transcript> blocks = Transcript.parse(text);
        StringBuilder updated = new StringBuilder();
        List<String> wrong = new ArrayList<>();
        List<String> kept = new ArrayList<>(); // differing blocks an update cannot rewrite
        int from = 0;
        int run = 0;
        for (Transcript block : blocks) {
            String missing = missing(block);
            if (block.notRun != null || missing != null) {
                System.err.printf("%s:%d: not run (%s)%n", document, block.line,
                        block.notRun != null ? block.notRun : "this host lacks " + missing);
                continue;
            }
            run++;
            List<String> outputs = new ArrayList<>();
            boolean same = true;
            for (Transcript.Step step : block.steps) {
                String actual = run(block, step);
                outputs.add(actual);
                if (!block.matches(step.expected(), actual)) {
                    same = false;
                    wrong.add(document + ":" + block.line + ": $ " + step.command() + "\n--- expected\n"
                            + step.expected() + "--- actual\n" + actual);
                }
            }
            if (!same && block.rewritable()) {
                updated.append(text, from, block.start).append(block.render(outputs));
                from = block.end;
            } else if (!same) {
                kept.add(document + ":" + block.line + ": has '...' or varying figures: mend it by hand");
            }
        }
        updated.append(text, from, text.length());
        assertTrue(run >= 1, document + " has " + run + " transcripts that run: did its format change?");
        if (Boolean.getBoolean("transcripts.update")) {
            Files.writeString(file, updated.toString());
            assertEquals(List.of(), kept, String.join("\n", wrong));
            return;
        }
        assertEquals(List.of(), wrong, "a transcript of " + document
                + " differs (scripts/update-transcripts.sh rewrites those without '...' or varying figures)");
    }

    /** What the block needs and this host lacks, or null. */
    private String missing(Transcript block) {
        for (String need : block.needs) {
            boolean here = need.contains("/") ? Files.exists(guest.root().resolve(need))
                    : Guest.onPath(need).isPresent();
            if (!here) {
                return need;
            }
        }
        return null;
    }

    private String run(Transcript block, Transcript.Step step) throws Exception {
        String command = MINIKERNEL.matcher(step.command())
                .replaceAll(Matcher.quoteReplacement(quote(guest.minikernelCommandLine(List.of()))));
        String out = switch (block.mode) {
            case COMMANDS -> bash(command);
            case CONSOLE -> bash(command.replaceFirst(" debug ", Matcher.quoteReplacement(" debug "
                    + step.expected().lines().filter(l -> l.startsWith("(mk) "))
                            .map(l -> "-ex " + quote(List.of(l.substring(5)))).collect(Collectors.joining(" ")) + " ")));
            case TERMINAL -> terminal(command, step.expected());
        };
        String root = guest.root().toAbsolutePath().normalize().toString();
        out = expandTabs(out.replace(root, "~/minikernel"));
        return out.endsWith("\n") || out.isEmpty() ? out : out + "\n";
    }

    /**
     * bash running {@code command} in a small fixed environment: a guest sees its environment on
     * its stack, so addresses there are the same on every machine.
     */
    private static List<String> bashCommand(String command) {
        return List.of("env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/tmp", "LANG=C.UTF-8", "TERM=xterm",
                "bash", "-c", command);
    }

    /** stdout and stderr as the command line sends them, stdin /dev/null. */
    private String bash(String command) throws Exception {
        Process p = new ProcessBuilder(bashCommand(command)).directory(guest.root().toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), command);
        return out;
    }

    /** The screen of a pseudo-terminal where each line after a "# " prompt is typed once the prompt shows. */
    private String terminal(String command, String expected) throws Exception {
        List<String> typed = expected.lines().filter(l -> l.startsWith("# ")).map(l -> l.substring(2)).toList();
        try (ScriptTerminal t = ScriptTerminal.start(bashCommand(command), guest.root())) {
            for (int i = 0; i < typed.size(); i++) {
                t.waitFor("\n# ", i + 1);
                t.type(typed.get(i) + "\n");
            }
            assertTrue(t.ended(), "the terminal session did not end: " + t.screen());
            return t.screen();
        }
    }

    private static String quote(List<String> words) {
        return words.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }

    /** Tabs as spaces to the next multiple of 8, as a terminal shows them (Markdown renderers differ). */
    static String expandTabs(String s) {
        StringBuilder b = new StringBuilder();
        int column = 0;
        for (char c : s.toCharArray()) {
            if (c == '\t') {
                do {
                    b.append(' ');
                } while (++column % 8 != 0);
            } else {
                b.append(c);
                column = c == '\n' ? 0 : column + 1;
            }
        }
        return b.toString();
    }
}
