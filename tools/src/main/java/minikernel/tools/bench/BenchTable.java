package minikernel.tools.bench;

import java.io.PrintStream;
import java.util.Optional;

/**
 * The table {@code minikernel bench} prints: per row and system the median time per operation with
 * its spread, minikernel's ratios to the others, then the kernel's counters per operation that
 * explain the differences, and the process-vs-thread comparison the seed article ends with.
 */
public final class BenchTable {
    private BenchTable() {
    }

    public static void print(BenchResults r, PrintStream out) {
        out.printf("median time per operation of %d run%s (± half the range, as a share of the median)%s%n%n",
                r.runs(), r.runs() == 1 ? "" : "s", r.quick() ? ", --quick" : "");
        StringBuilder head = new StringBuilder(String.format("%-30s", "benchmark"));
        for (BenchSystem s : r.systems()) {
            head.append(String.format(" %16s", s.label()));
        }
        for (BenchSystem s : r.systems()) {
            if (s != BenchSystem.MINIKERNEL && r.systems().contains(BenchSystem.MINIKERNEL)) {
                head.append(String.format(" %10s", "vs " + (s == BenchSystem.QEMU ? "qemu" : s.label())));
            }
        }
        out.println(head);
        for (BenchRow row : r.rows()) {
            StringBuilder line = new StringBuilder(String.format("%-30s", row.title()));
            for (BenchSystem s : r.systems()) {
                line.append(String.format(" %16s", cell(r.get(row, s))));
            }
            for (BenchSystem s : r.systems()) {
                if (s != BenchSystem.MINIKERNEL && r.systems().contains(BenchSystem.MINIKERNEL)) {
                    line.append(String.format(" %10s", r.ratio(row, s).map(x -> String.format("%.2fx", x)).orElse("-")));
                }
            }
            out.println(line);
        }
        failures(r, out);
        if (r.systems().contains(BenchSystem.MINIKERNEL)) {
            counters(r, out);
        }
    }

    private static String cell(Optional<Measurement> m) {
        if (m.isEmpty() || !m.get().ok()) {
            return "-";
        }
        return String.format("%s ±%.0f%%", BenchResults.time(m.get().median()), m.get().spread() * 100);
    }

    private static void failures(BenchResults r, PrintStream out) {
        boolean first = true;
        for (Measurement m : r.measurements()) {
            if (!m.ok()) {
                if (first) {
                    out.println();
                    first = false;
                }
                out.printf("  -: %s did not run %s: %s%n", m.system().label(), m.row().title(), m.failure());
            }
        }
    }

    private static void counters(BenchResults r, PrintStream out) {
        out.printf("%nminikernel's counters per operation (run --stats prints them for any program)%n");
        out.printf("%-30s %9s %9s %9s %9s %9s %9s%n", "benchmark", "switches", "(threads)", "TLB flush",
                "TLB fills", "PTEs copd", "COW copies");
        for (BenchRow row : r.rows()) {
            Optional<Measurement> m = r.get(row, BenchSystem.MINIKERNEL).filter(Measurement::ok);
            if (m.isEmpty()) {
                continue;
            }
            Measurement.Counters c = m.get().counters();
            out.printf("%-30s %9s %9s %9s %9s %9s %9s%n", row.title(), n(c.switches()), n(c.threadSwitches()),
                    n(c.tlbFlushes()), n(c.tlbFills()), n(c.ptesCopied()), n(c.copiedOnWrite()));
        }
        processVersusThread(r, out);
    }

    /** The seed's point in one sentence, with this run's figures. */
    private static void processVersusThread(BenchResults r, PrintStream out) {
        BenchRow proc = byId(r, "pingpong-proc"), thread = byId(r, "pingpong-thread");
        if (proc == null || thread == null) {
            return;
        }
        Optional<Measurement> p = r.get(proc, BenchSystem.MINIKERNEL).filter(Measurement::ok);
        Optional<Measurement> t = r.get(thread, BenchSystem.MINIKERNEL).filter(Measurement::ok);
        if (p.isEmpty() || t.isEmpty()) {
            return;
        }
        out.printf("%nA round trip between two processes took %s on minikernel, between two threads %s: each"
                        + " process%nswitch loads CR3 and flushes the TLB (%s flushes and %s refills per round trip),"
                        + " a thread%nswitch keeps the mm and its TLB (%s flushes, %s refills).%n",
                BenchResults.time(p.get().median()), BenchResults.time(t.get().median()),
                n(p.get().counters().tlbFlushes()), n(p.get().counters().tlbFills()),
                n(t.get().counters().tlbFlushes()), n(t.get().counters().tlbFills()));
    }

    static BenchRow byId(BenchResults r, String id) {
        return r.rows().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
    }

    /** A counter per operation: "0", "2", "0.01", "16,390". */
    private static String n(double v) {
        if (v == 0) {
            return "0";
        }
        if (v >= 100) {
            return String.format("%,.0f", v);
        }
        return String.format(v >= 10 ? "%.1f" : "%.2f", v);
    }
}
