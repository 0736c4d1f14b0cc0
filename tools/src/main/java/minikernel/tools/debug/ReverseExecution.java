package minikernel.tools.debug;

import java.util.ArrayList;
import java.util.List;

/**
 * Going backwards by going forwards again. A debugged run is deterministic (same program, input,
 * seed and virtual clock: same instructions in the same order, stops or not), so "one instruction
 * earlier" is a fresh kernel replaying silently up to the instruction count before it. The switch
 * log (which task ran from which count) says which count was a task's previous instruction; a
 * first silent replay with the breakpoints armed says where the last hit before now was.
 */
final class ReverseExecution {
    /** {count of the first instruction after the switch, pid}, in order. */
    private final List<long[]> switches = new ArrayList<>();
    private final List<Long> hits = new ArrayList<>();
    private long target;          // > 0: a silent replay is running up to this instruction count
    private long scanUntil;       // > 0: a silent replay records breakpoint hits up to this count
    private long requested;       // the replay asked for, for the next kernel
    private boolean scanRequested;

    /** A new kernel starts: what it is to do. */
    void startRun() {
        switches.clear();
        hits.clear();
        target = scanRequested ? 0 : requested;
        scanUntil = scanRequested ? requested : 0;
        requested = 0;
        scanRequested = false;
    }

    /** The replay in progress runs silently: nothing stops, nothing is printed. */
    boolean silent() {
        return target > 0 || scanUntil > 0;
    }

    long target() {
        return target;
    }

    long scanUntil() {
        return scanUntil;
    }

    void arrived() {
        target = 0;
    }

    void recordSwitch(long firstCount, int pid) {
        switches.add(new long[]{firstCount, pid});
    }

    void recordHit(long count) {
        hits.add(count);
    }

    /** The last breakpoint or watchpoint hit before {@code count}, or 0. */
    long lastHitBefore(long count) {
        long best = 0;
        for (long h : hits) {
            if (h < count && h > best) {
                best = h;
            }
        }
        return best;
    }

    /** The count of {@code pid}'s last instruction before {@code count}, or 0 if it ran none. */
    long previousOf(int pid, long count) {
        for (int i = switches.size() - 1; i >= 0; i--) {
            long start = switches.get(i)[0];
            long end = i + 1 < switches.size() ? switches.get(i + 1)[0] - 1 : Long.MAX_VALUE;
            if (start >= count || switches.get(i)[1] != pid) {
                continue;
            }
            long last = Math.min(end, count - 1);
            if (last >= start) {
                return last;
            }
        }
        return 0;
    }

    /** Ask the next kernel to stop at instruction {@code count}. */
    void request(long count) {
        requested = count;
        scanRequested = false;
    }

    /** Ask the next kernel to record breakpoint hits up to {@code count}, then go back to the last. */
    void requestScan(long count) {
        requested = count;
        scanRequested = true;
    }

    boolean requested() {
        return requested > 0;
    }
}
