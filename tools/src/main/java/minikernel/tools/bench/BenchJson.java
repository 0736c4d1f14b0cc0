package minikernel.tools.bench;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * {@code bench --json FILE}: the same data as the table, every sample included, for plotting and
 * for comparing machines. Times are nanoseconds per operation.
 */
public final class BenchJson {
    private BenchJson() {
    }

    public static String write(BenchResults r) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"runs\": ").append(r.runs()).append(",\n");
        b.append("  \"quick\": ").append(r.quick()).append(",\n");
        b.append("  \"programs\": ").append(string(r.programs())).append(",\n");
        StringJoiner systems = new StringJoiner(", ", "[", "]");
        r.systems().forEach(s -> systems.add(string(s.label())));
        b.append("  \"systems\": ").append(systems).append(",\n");
        b.append("  \"unit\": \"ns per operation\",\n");
        b.append("  \"rows\": [\n");
        StringJoiner rows = new StringJoiner(",\n");
        for (BenchRow row : r.rows()) {
            rows.add(row(r, row));
        }
        b.append(rows).append("\n  ]\n}\n");
        return b.toString();
    }

    private static String row(BenchResults r, BenchRow row) {
        StringBuilder b = new StringBuilder("    {");
        b.append("\"id\": ").append(string(row.id())).append(", \"title\": ").append(string(row.title()));
        b.append(", \"program\": ").append(string(row.program()));
        StringJoiner args = new StringJoiner(", ", "[", "]");
        row.args(r.quick()).forEach(a -> args.add(string(a)));
        b.append(", \"args\": ").append(args).append(", \"kernel_bound\": ").append(row.kernelBound());
        b.append(",\n     \"results\": {");
        StringJoiner results = new StringJoiner(",");
        for (BenchSystem s : r.systems()) {
            r.get(row, s).ifPresent(m -> results.add("\n       " + string(s.label()) + ": " + measurement(m)));
        }
        b.append(results).append("}");
        for (BenchSystem s : r.systems()) {
            if (s != BenchSystem.MINIKERNEL) {
                r.ratio(row, s).ifPresent(x -> b.append(",\n     \"minikernel_vs_").append(
                        s == BenchSystem.QEMU ? "qemu" : s.label()).append("\": ").append(number(x)));
            }
        }
        return b.append("}").toString();
    }

    private static String measurement(Measurement m) {
        if (!m.ok()) {
            return "{\"failure\": " + string(m.failure()) + "}";
        }
        StringJoiner samples = new StringJoiner(", ", "[", "]");
        m.samples().forEach(s -> samples.add(number(s.nsPerOp())));
        StringBuilder b = new StringBuilder("{\"median\": ").append(number(m.median()))
                .append(", \"min\": ").append(number(m.min())).append(", \"max\": ").append(number(m.max()))
                .append(", \"samples\": ").append(samples)
                .append(", \"operations\": ").append(m.samples().get(0).operations());
        if (m.system() == BenchSystem.MINIKERNEL) {
            Measurement.Counters c = m.counters();
            b.append(", \"counters_per_operation\": {\"context_switches\": ").append(number(c.switches()))
                    .append(", \"thread_switches\": ").append(number(c.threadSwitches()))
                    .append(", \"tlb_flushes\": ").append(number(c.tlbFlushes()))
                    .append(", \"tlb_fills\": ").append(number(c.tlbFills()))
                    .append(", \"ptes_copied\": ").append(number(c.ptesCopied()))
                    .append(", \"copied_on_write\": ").append(number(c.copiedOnWrite()))
                    .append(", \"page_faults\": ").append(number(c.pageFaults())).append("}");
        }
        return b.append("}").toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
