package minikernel.tools.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import minikernel.kernel.Stats;

/**
 * One run of a benchmark program: the time per operation it reported, in nanoseconds, how many
 * operations it timed and, on minikernel, the kernel's counters for the whole run.
 */
public record Sample(double nsPerOp, long operations, Stats stats) {
    /** bench.h's line: "NAME: VALUE UNIT per OP (N OPs in T ms)". */
    private static final Pattern LINE = Pattern.compile("(?m)^[^:\\n]+: ([0-9.]+) (ns|us|ms) per [^(\\n]+\\((\\d+) ");

    /** The sample a program's standard output reports, if it has bench.h's line. */
    public static Optional<Sample> parse(String stdout, Stats stats) {
        Matcher m = LINE.matcher(stdout);
        if (!m.find()) {
            return Optional.empty();
        }
        double scale = switch (m.group(2)) {
            case "ms" -> 1e6;
            case "us" -> 1e3;
            default -> 1;
        };
        return Optional.of(new Sample(Double.parseDouble(m.group(1)) * scale, Long.parseLong(m.group(3)), stats));
    }
}
