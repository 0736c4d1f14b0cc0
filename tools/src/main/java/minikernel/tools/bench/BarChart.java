package minikernel.tools.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code bench --chart FILE.svg}: grouped horizontal bars, one group per benchmark and one bar per
 * system, on a logarithmic time axis (the rows span nanoseconds to milliseconds). Plain SVG 1.1
 * with no script or external reference, so a README or a browser shows it as it is.
 */
public final class BarChart {
    private static final int WIDTH = 920, LABEL = 250, RIGHT = 90, TOP = 70, BAR = 13, GAP = 12;
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f"};   // native, qemu, minikernel

    private BarChart() {
    }

    public static String svg(BenchResults r) {
        List<BenchSystem> systems = r.systems();
        double lo = Double.MAX_VALUE, hi = 0;
        for (Measurement m : r.measurements()) {
            if (m.ok()) {
                lo = Math.min(lo, m.median());
                hi = Math.max(hi, m.median());
            }
        }
        if (hi == 0) {
            lo = 1;
            hi = 10;
        }
        int d0 = (int) Math.floor(Math.log10(lo)), d1 = (int) Math.ceil(Math.log10(hi));
        if (d1 <= d0) {
            d1 = d0 + 1;
        }
        int group = systems.size() * BAR + GAP;
        int plotHeight = r.rows().size() * group;
        int height = TOP + plotHeight + 40;
        double plotWidth = WIDTH - LABEL - RIGHT;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height, WIDTH, height));
        b.append(String.format("<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        b.append(String.format("<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", 10,
                escape("Time per operation, median of " + r.runs() + " run" + (r.runs() == 1 ? "" : "s")
                        + " (log scale; shorter is faster)")));
        for (int i = 0; i < systems.size(); i++) {
            int x = LABEL + i * 130;
            b.append(String.format("<rect x=\"%d\" y=\"36\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"46\">%s</text>%n", x, colour(systems.get(i)), x + 17,
                    escape(systems.get(i).label())));
        }
        for (int d = d0; d <= d1; d++) {
            double x = LABEL + plotWidth * (d - d0) / (d1 - d0);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ccc\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n", x, TOP - 6, x,
                    TOP + plotHeight, x, TOP + plotHeight + 16, escape(BenchResults.decade(d))));
        }
        int y = TOP;
        for (BenchRow row : r.rows()) {
            b.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LABEL - 8,
                    y + systems.size() * BAR / 2 + 4, escape(row.title())));
            for (BenchSystem s : systems) {
                Optional<Double> median = r.median(row, s);
                if (median.isPresent()) {
                    double w = Math.max(1, plotWidth * (Math.log10(median.get()) - d0) / (d1 - d0));
                    b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                            + "fill=\"%s\"><title>%s</title></rect>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%s</text>%n", LABEL, y, w, BAR - 2,
                            colour(s), escape(s.label() + ": " + BenchResults.time(median.get())), LABEL + w + 3,
                            y + BAR - 3, escape(BenchResults.time(median.get()))));
                } else {
                    b.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#888\">%s</text>%n",
                            LABEL + 3, y + BAR - 3, escape(s.label() + ": did not run")));
                }
                y += BAR;
            }
            y += GAP;
        }
        return b.append("</svg>\n").toString();
    }

    private static String colour(BenchSystem s) {
        return COLOURS[s.ordinal()];
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
