package minikernel.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code console} block of a document (README.md, docs/*.md): the commands in it, each after
 * {@code $ }, and the output printed under each. A comment on the line above the block says how
 * {@link TranscriptsTest} checks it; without one, each command runs through bash from the
 * repository's root and must print exactly what follows it.
 *
 * <pre>
 * &lt;!-- transcript: terminal --&gt;            the one command runs at a pseudo-terminal; the text after
 *                                          each "# " prompt is typed there when the prompt shows
 * &lt;!-- transcript: console --&gt;             the "(mk) CMD" lines are given to ./minikernel debug as -ex CMD
 * &lt;!-- transcript: figures vary --&gt;        numbers, their units and column widths are not compared
 * &lt;!-- transcript: needs PATH-OR-PROGRAM --&gt; not run (and said so) where the host lacks it
 * &lt;!-- transcript: not run: REASON --&gt;     shown as is; the reason says what checks it instead
 * </pre>
 *
 * Attributes combine with {@code ;} ({@code not run} comes last: its reason is the rest). In expected output a line {@code ...} stands for any number of
 * lines (none included).
 */
final class Transcript {
    enum Mode { COMMANDS, TERMINAL, CONSOLE }

    /** A command and the output the document shows for it. */
    record Step(String command, String expected) {}

    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!-- transcript: ([^\\n]*?) -->\\n)?```console\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");
    private static final Pattern DURATION = Pattern.compile("N ?(?:ns|us|µs|ms|s)\\b");

    final int start; // offsets in the document of the text between ```console\n and ```
    final int end;
    final int line;
    final Mode mode;
    final boolean figuresVary;
    final List<String> needs = new ArrayList<>();
    final String notRun; // null when the block is run
    final List<Step> steps = new ArrayList<>();

    private Transcript(int start, int end, int line, String attributes, String body) {
        this.start = start;
        this.end = end;
        this.line = line;
        Mode mode = Mode.COMMANDS;
        boolean figures = false;
        String notRun = null;
        String[] list = attributes == null ? new String[0] : attributes.split(";");
        for (int i = 0; i < list.length; i++) {
            String a = list[i].strip();
            if (a.startsWith("not run:")) { // the reason is the rest, ';' included
                a = String.join(";", java.util.Arrays.copyOfRange(list, i, list.length)).strip();
                i = list.length;
            }
            if (a.equals("terminal")) {
                mode = Mode.TERMINAL;
            } else if (a.equals("console")) {
                mode = Mode.CONSOLE;
            } else if (a.equals("figures vary")) {
                figures = true;
            } else if (a.startsWith("needs ")) {
                needs.add(a.substring("needs ".length()).strip());
            } else if (a.startsWith("not run:") && !a.substring("not run:".length()).isBlank()) {
                notRun = a.substring("not run:".length()).strip();
            } else {
                throw new IllegalArgumentException("line " + line + ": unknown transcript attribute '" + a + "'");
            }
        }
        this.mode = mode;
        this.figuresVary = figures;
        this.notRun = notRun;
        if (notRun == null) {
            parseSteps(body);
        }
    }

    /** Every console block of a document, in order. */
    static List<Transcript> parse(String text) {
        List<Transcript> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            int line = (int) text.substring(0, m.start(2)).chars().filter(c -> c == '\n').count();
            blocks.add(new Transcript(m.start(2), m.end(2), line, m.group(1), m.group(2)));
        }
        return blocks;
    }

    private void parseSteps(String body) {
        String command = null;
        StringBuilder out = new StringBuilder();
        for (String l : body.split("\n", -1)) {
            if (l.startsWith("$ ")) {
                if (command != null) {
                    steps.add(new Step(command, withoutSeparator(out.toString())));
                }
                command = l.substring(2);
                out.setLength(0);
            } else if (command == null) {
                if (!l.isEmpty()) {
                    throw new IllegalArgumentException("line " + line + ": output before the first '$ ' command");
                }
            } else {
                out.append(l).append('\n');
            }
        }
        if (command == null) {
            throw new IllegalArgumentException("line " + line + ": a console block without a '$ ' command");
        }
        String last = out.toString(); // ends with the "\n" of the split's empty last element
        steps.add(new Step(command, last.substring(0, last.length() - 1)));
        if (mode != Mode.COMMANDS && steps.size() != 1) {
            throw new IllegalArgumentException("line " + line + ": a " + mode + " transcript has one command");
        }
    }

    /** A command's output ends before the blank line that separates it from the next command. */
    private static String withoutSeparator(String out) {
        return out.endsWith("\n\n") || out.equals("\n") ? out.substring(0, out.length() - 1) : out;
    }

    /** Whether {@code actual} output is what {@code expected} shows, under this block's rules. */
    boolean matches(String expected, String actual) {
        return matchLines(expected.split("\n"), 0, actual.split("\n"), 0);
    }

    /** Whether the block can be rewritten from actual output (no "..." to keep, figures that stay). */
    boolean rewritable() {
        return !figuresVary && steps.stream().allMatch(s -> s.expected().lines().noneMatch(l -> l.strip().equals("...")));
    }

    /** The block's text with these outputs, one per step. */
    String render(List<String> outputs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0 && !outputs.get(i - 1).isEmpty()) {
                b.append('\n'); // a blank line after a command's output, none after a silent one
            }
            b.append("$ ").append(steps.get(i).command()).append('\n').append(outputs.get(i));
        }
        return b.toString();
    }

    private boolean matchLines(String[] want, int w, String[] got, int g) {
        if (w == want.length) {
            return g == got.length;
        }
        if (want[w].strip().equals("...")) {
            for (int skip = g; skip <= got.length; skip++) {
                if (matchLines(want, w + 1, got, skip)) {
                    return true;
                }
            }
            return false;
        }
        return g < got.length && sameLine(want[w], got[g]) && matchLines(want, w + 1, got, g + 1);
    }

    private boolean sameLine(String want, String got) {
        return figuresVary ? figures(want).equals(figures(got)) : want.equals(got);
    }

    /** A line with every number as N, every duration as T, and runs of spaces as one. */
    static String figures(String line) {
        String s = NUMBER.matcher(line).replaceAll("N");
        return DURATION.matcher(s).replaceAll("T").replaceAll("\\s+", " ").strip();
    }
}
