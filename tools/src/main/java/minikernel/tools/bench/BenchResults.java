package minikernel.tools.bench;

import java.util.List;
import java.util.Optional;

/** Everything one {@code minikernel bench} measured: the rows, the systems, every measurement. */
public record BenchResults(List<BenchRow> rows, List<BenchSystem> systems, List<Measurement> measurements,
                           int runs, boolean quick, String programs) {

    public Optional<Measurement> get(BenchRow row, BenchSystem system) {
        return measurements.stream().filter(m -> m.row().equals(row) && m.system() == system).findFirst();
    }

    /** The median on {@code system}, if it ran the row. */
    public Optional<Double> median(BenchRow row, BenchSystem system) {
        return get(row, system).filter(Measurement::ok).map(Measurement::median);
    }

    /** minikernel's median over {@code other}'s: below 1, minikernel is faster. */
    public Optional<Double> ratio(BenchRow row, BenchSystem other) {
        return median(row, BenchSystem.MINIKERNEL).flatMap(mk -> median(row, other).map(o -> mk / o));
    }

    /** A figure in the unit it reads best in: "230 ns", "37.7 us", "2.36 ms". */
    public static String time(double ns) {
        if (ns < 1e3) {
            return String.format("%.0f ns", ns);
        }
        if (ns < 1e6) {
            return String.format(ns < 1e4 ? "%.2f us" : "%.1f us", ns / 1e3);
        }
        return String.format(ns < 1e7 ? "%.2f ms" : "%.0f ms", ns / 1e6);
    }
}
