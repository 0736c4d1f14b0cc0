package minikernel.tools;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import minikernel.kernel.Stats;
import minikernel.tools.bench.BarChart;
import minikernel.tools.bench.BenchJson;
import minikernel.tools.bench.BenchResults;
import minikernel.tools.bench.BenchRow;
import minikernel.tools.bench.BenchSystem;
import minikernel.tools.bench.BenchTable;
import minikernel.tools.bench.Measurement;
import minikernel.tools.bench.Sample;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * What {@code minikernel bench} makes of its measurements: the line it parses from a benchmark
 * program, the table, the JSON and the SVG chart, from fixed samples (the timings themselves are
 * the benchmark's business, never a test's).
 */
class BenchOutputTest {
    private static final Stats STATS = new Stats(4000, 2000, 2000, 14000, 30, 0, 1, 1, 7);

    private static BenchResults results() {
        List<BenchRow> rows = BenchRow.all();
        List<BenchSystem> systems = List.of(BenchSystem.NATIVE, BenchSystem.QEMU, BenchSystem.MINIKERNEL);
        List<Measurement> m = new ArrayList<>();
        for (BenchRow row : rows) {
            for (BenchSystem s : systems) {
                if (row.id().equals("clone-vm") && s == BenchSystem.QEMU) {
                    m.add(new Measurement(row, s, List.of(), "exit status 1: clone/waitpid failed: -1"));
                    continue;
                }
                double base = 1000 * (s.ordinal() + 1);
                m.add(new Measurement(row, s, List.of(new Sample(base, 2000, STATS), new Sample(base * 1.1, 2000, STATS),
                        new Sample(base * 0.9, 2000, STATS)), null));
            }
        }
        return new BenchResults(rows, systems, m, 3, false, "test");
    }

    @Test
    void benchHLinesParse() {
        Sample s = Sample.parse("fork+exit+wait: 175.500 us per iteration (2000 iterations in 351.0 ms)\n", STATS)
                .orElseThrow();
        assertEquals(175500, s.nsPerOp(), 1e-6);
        assertEquals(2000, s.operations());
        Sample c = Sample.parse("compute: 200000000 LCG steps, checksum 00f28d1c\n"
                + "compute loop: 612.345 ms per loop (1 loops in 612.3 ms)\n", null).orElseThrow();
        assertEquals(612.345e6, c.nsPerOp(), 1);
        assertTrue(Sample.parse("Segmentation fault\n", null).isEmpty());
    }

    @Test
    void tableHasMediansRatiosCountersAndFailures() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        BenchTable.print(results(), new PrintStream(b, true, StandardCharsets.UTF_8));
        String t = b.toString(StandardCharsets.UTF_8);
        assertAll(
                () -> assertTrue(t.contains("fork+exit+wait"), t),
                () -> assertTrue(t.contains("1.00 us ±10%"), t),
                () -> assertTrue(t.contains("3.00x"), t),
                () -> assertTrue(t.contains("1.50x"), t),
                () -> assertTrue(t.contains("qemu-i386 did not run clone(CLONE_VM)+exit+wait"), t),
                () -> assertTrue(t.contains("(1.00 flushes and 7.00 refills per round trip)"), t));
    }

    @Test
    void chartIsValidSvgWithABarPerMeasurement() throws Exception {
        String svg = BarChart.svg(results());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", d.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", d.getDocumentElement().getNamespaceURI());
        // A background, 3 legend swatches, and a bar for each measurement that ran.
        int bars = BenchRow.all().size() * 3 - 1;
        assertEquals(1 + 3 + bars, d.getElementsByTagName("rect").getLength());
        assertTrue(svg.contains("qemu-i386: did not run"));
    }

    @Test
    void jsonHasEverySampleAndBalancedBrackets() {
        String json = BenchJson.write(results());
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"' && json.charAt(i - 1) != '\\') {
                inString = !inString;
            } else if (!inString && (c == '{' || c == '[')) {
                depth++;
            } else if (!inString && (c == '}' || c == ']')) {
                depth--;
                assertTrue(depth >= 0, json);
            }
        }
        assertEquals(0, depth, json);
        assertTrue(json.contains("\"samples\": [1000, 1100, 900]"), json);
        assertTrue(json.contains("\"tlb_flushes\": 1"), json);
        assertTrue(json.contains("\"failure\": \"exit status 1: clone/waitpid failed: -1\""), json);
        assertTrue(json.contains("\"minikernel_vs_native\": 3"), json);
    }

    @Test
    void aQuickRunMeasuresOnMinikernelAndNatively(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path json = tmp.resolve("bench.json"), svg = tmp.resolve("bench.svg");
        assertEquals(0, Main.run(new String[]{"bench", "--quick", "--runs", "1", "--only", "null,pingpong-thread",
                "--systems", "minikernel,native", "--json", json.toString(), "--chart", svg.toString()}));
        String data = java.nio.file.Files.readString(json);
        assertTrue(data.contains("\"minikernel\": {\"median\": "), data);
        // A ping-pong round trip is two switches (and a few more for the whole run: start, thread, exit).
        assertTrue(java.util.regex.Pattern.compile("\"context_switches\": 2(\\.00\\d*)?,").matcher(data).find(), data);
        assertTrue(java.nio.file.Files.readString(svg).contains("pipe ping-pong, 2 threads"));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, Main.run(new String[]{"bench", "--runs", "0"}));
        assertEquals(2, Main.run(new String[]{"bench", "--systems", "bochs"}));
        assertEquals(2, Main.run(new String[]{"bench", "--only", "nothing"}));
        assertEquals(2, Main.run(new String[]{"bench", "extra"}));
    }
}
