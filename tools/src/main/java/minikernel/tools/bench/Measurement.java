package minikernel.tools.bench;

import java.util.Arrays;
import java.util.List;
import minikernel.kernel.Stats;

/**
 * A row's runs on one system: the samples, or why there are none (the system could not run the
 * program: qemu-i386 refuses CLONE_VM without CLONE_THREAD, say).
 */
public record Measurement(BenchRow row, BenchSystem system, List<Sample> samples, String failure) {

    public boolean ok() {
        return !samples.isEmpty();
    }

    private double[] sorted() {
        double[] v = samples.stream().mapToDouble(Sample::nsPerOp).toArray();
        Arrays.sort(v);
        return v;
    }

    /** The median time per operation, in nanoseconds. */
    public double median() {
        double[] v = sorted();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    public double min() {
        return sorted()[0];
    }

    public double max() {
        double[] v = sorted();
        return v[v.length - 1];
    }

    /** Half the range, as a fraction of the median: the "±" of the table. */
    public double spread() {
        return (max() - min()) / 2 / median();
    }

    /**
     * The kernel's counters per operation, from the sample nearest the median (minikernel only):
     * context switches, switches between threads, TLB flushes, PTEs copied, copies on write.
     */
    public Counters counters() {
        Sample s = samples.stream().min((a, b) -> Double.compare(Math.abs(a.nsPerOp() - median()),
                Math.abs(b.nsPerOp() - median()))).orElseThrow();
        Stats st = s.stats();
        double n = s.operations();
        return new Counters(st.contextSwitches() / n, st.threadSwitches() / n, st.tlbFlushes() / n,
                st.tlbFills() / n, st.ptesCopied() / n, st.copiedOnWrite() / n, st.pageFaults() / n);
    }

    /** Kernel counters divided by the operations timed. */
    public record Counters(double switches, double threadSwitches, double tlbFlushes, double tlbFills,
                           double ptesCopied, double copiedOnWrite, double pageFaults) {
    }
}
