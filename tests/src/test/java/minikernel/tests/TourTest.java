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
import org.junit.jupiter.api.Test;

/**
 * docs/tour.md never drifts from the code: each {@code console} block there starts with
 * {@code $ ./minikernel ...}; the command runs (through bash, from the repository's root, which
 * the output calls {@code ~/minikernel}) and its output must be the block's. With
 * {@code -Dtour.update=true} (scripts/update-tour.sh) the blocks are rewritten instead.
 */
class TourTest {
    private static final Pattern BLOCK = Pattern.compile("```console\\n\\$ (\\./minikernel[^\\n]*)\\n(.*?)```",
            Pattern.DOTALL);
    private final Guest guest = Guest.fromSystemProperties();

    @Test
    void everyTranscriptIsWhatTheCommandPrints() throws Exception {
        Path tour = guest.root().resolve("docs/tour.md");
        String text = Files.readString(tour);
        String minikernel = guest.minikernelCommandLine(List.of()).stream()
                .map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        Matcher m = BLOCK.matcher(text);
        StringBuilder updated = new StringBuilder();
        List<String> wrong = new ArrayList<>();
        int blocks = 0;
        while (m.find()) {
            blocks++;
            String command = m.group(1);
            String actual = run(command.replaceFirst("^\\./minikernel", java.util.regex.Matcher.quoteReplacement(
                    minikernel)));
            if (!actual.equals(m.group(2))) {
                wrong.add("$ " + command + "\n--- expected (docs/tour.md)\n" + m.group(2) + "--- actual\n" + actual);
            }
            m.appendReplacement(updated, Matcher.quoteReplacement("```console\n$ " + command + "\n" + actual + "```"));
        }
        m.appendTail(updated);
        assertTrue(blocks >= 3, "docs/tour.md has " + blocks + " transcripts: did its format change?");
        if (Boolean.getBoolean("tour.update")) {
            Files.writeString(tour, updated.toString());
            return;
        }
        assertEquals(List.of(), wrong, "a transcript of docs/tour.md differs (scripts/update-tour.sh rewrites them)");
    }

    /** The command's output (stdout and stderr as the command line sends them), the root's path as ~/minikernel. */
    private String run(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).directory(guest.root().toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), command);
        String root = guest.root().toAbsolutePath().normalize().toString();
        out = out.replace(root, "~/minikernel");
        return out.endsWith("\n") || out.isEmpty() ? out : out + "\n";
    }
}
