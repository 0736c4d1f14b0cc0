package minikernel.kernel.signal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A set of pending signals with their information: Linux's {@code struct sigpending}. Each task
 * has one (signals sent to that thread: tkill, faults), and each thread group one in its
 * signal_struct (kill's signals, for whichever thread takes them). A standard signal is pending
 * at most once (a second one while the first waits is lost); real-time signals (32 and up)
 * queue, each with its own information.
 */
public final class SigPending {
    private long signal;                                   // the set: bit n-1 for signal n
    @SuppressWarnings("unchecked")
    private final Deque<SigInfo>[] queue = new Deque[Signal.NSIG + 1];

    public long mask() {
        return signal;
    }

    public boolean has(int sig) {
        return (signal & Signal.mask(sig)) != 0;
    }

    /** __send_signal(): queue it; false when a standard signal was already pending (legacy_queue). */
    public boolean add(SigInfo info) {
        int sig = info.signo();
        if (sig < 32 && has(sig)) {
            return false;
        }
        if (queue[sig] == null) {
            queue[sig] = new ArrayDeque<>();
        }
        queue[sig].add(info);
        signal |= Signal.mask(sig);
        return true;
    }

    /** collect_signal(): takes the first queued instance of {@code sig}. */
    public SigInfo take(int sig) {
        Deque<SigInfo> q = queue[sig];
        SigInfo info = q == null ? null : q.poll();
        if (q == null || q.isEmpty()) {
            signal &= ~Signal.mask(sig);
        }
        return info != null ? info : SigInfo.user(sig, SigInfo.SI_USER, 0, 0);
    }

    /** Drops every instance of the signals in {@code mask} (an ignored signal, SIGCONT's stops). */
    public void flush(long mask) {
        for (int sig = 1; sig <= Signal.NSIG; sig++) {
            if ((mask & Signal.mask(sig)) != 0 && queue[sig] != null) {
                queue[sig].clear();
            }
        }
        signal &= ~mask;
    }

    /** next_signal(): the lowest pending signal not in {@code blocked}, synchronous faults first; 0 if none. */
    public int next(long blocked) {
        long ready = signal & ~blocked;
        if (ready == 0) {
            return 0;
        }
        long synchronous = ready & (Signal.mask(11) | Signal.mask(7) | Signal.mask(4) | Signal.mask(5)
                | Signal.mask(8) | Signal.mask(31));
        long pick = synchronous != 0 ? synchronous : ready;
        return Long.numberOfTrailingZeros(pick) + 1;
    }
}
