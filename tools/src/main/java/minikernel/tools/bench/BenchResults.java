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

    /** A figure in the unit it reads best in, to three significant digits: "230 ns", "37.7 us", "2.36 ms". */
    public static String time(double ns) {
        String[] units = {"ns", "us", "ms", "s"};
        int u = 0;
        while (u < units.length - 1 && ns >= 999.5) {
            ns /= 1000;
            u++;
        }
        return String.format(ns < 9.995 ? "%.2f %s" : ns < 99.95 ? "%.1f %s" : "%.0f %s", ns, units[u]);
    }

    /** A power of ten as an axis label: "100 ns", "1 us", "10 ms". */
    public static String decade(int exponent) {
        String[] units = {"ns", "us", "ms", "s"};
        int u = Math.min(Math.max(exponent, 0) / 3, units.length - 1);
        return String.format("%.0f %s", Math.pow(10, exponent - 3 * u), units[u]);
    }
}
