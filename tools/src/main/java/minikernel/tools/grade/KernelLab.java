package minikernel.tools.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kernel lab's starter: the kernel's own sources that the suite names ({@code kernel_lab.sources},
 * relative to kernel/src/main/java), each region between {@code // LAB BEGIN: STATEMENT} and
 * {@code // LAB END} replaced by a TODO and that statement (typically a throw saying what to
 * write). Made from the kernel being graded against, so the starter never drifts from it.
 */
public final class KernelLab {
    private static final Pattern BEGIN = Pattern.compile("^(\\s*)// LAB BEGIN: (.+)$");
    private static final Pattern END = Pattern.compile("^\\s*// LAB END$");

    private KernelLab() {
    }

    /** Writes the starter under {@code out} (package directories kept); returns the files written. */
    public static List<Path> writeStarter(Suite suite, Path root, Path out) throws IOException {
        if (suite.kernelLab().isEmpty()) {
            throw new IOException(suite.file().getFileName() + " is not a kernel lab (it has no \"kernel_lab\")");
        }
        List<Path> written = new ArrayList<>();
        for (String source : suite.kernelLab()) {
            Path from = root.resolve("kernel/src/main/java").resolve(source);
            if (!Files.isRegularFile(from)) {
                throw new IOException("no kernel source " + from + " (a starter is made from a minikernel checkout)");
            }
            Path to = out.resolve(source);
            Files.createDirectories(to.getParent());
            Files.writeString(to, strip(Files.readString(from), source));
            written.add(to);
        }
        return written;
    }

    /** The source with every LAB region replaced; an unclosed or empty-handed marker is an error. */
    static String strip(String text, String where) throws IOException {
        StringBuilder out = new StringBuilder();
        String indent = null;
        int regions = 0, lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            Matcher begin = BEGIN.matcher(line);
            if (indent == null && begin.matches()) {
                indent = begin.group(1);
                out.append(indent).append("// TODO (kernel lab): write this part.\n")
                        .append(indent).append(begin.group(2)).append('\n');
                regions++;
            } else if (indent != null && END.matcher(line).matches()) {
                indent = null;
            } else if (indent == null) {
                out.append(line).append('\n');
            } else if (begin.matches()) {
                throw new IOException(where + ":" + lineNo + ": a LAB BEGIN inside another");
            }
        }
        if (indent != null) {
            throw new IOException(where + ": a LAB BEGIN without its LAB END");
        }
        if (regions == 0) {
            throw new IOException(where + ": has no \"// LAB BEGIN: ...\" region to remove");
        }
        return out.substring(0, out.length() - 1);
    }
}
