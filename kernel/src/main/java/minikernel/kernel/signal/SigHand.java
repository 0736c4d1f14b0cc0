package minikernel.kernel.signal;

/**
 * The signal handlers of a task: Linux's {@code struct sighand_struct}, an array of
 * {@code k_sigaction} indexed by signal number, shared by threads created with CLONE_SIGHAND and
 * copied by fork. {@link Signals#getSignal} reads it when a signal is taken for delivery.
 */
public final class SigHand {
    /** The i386 kernel's struct sigaction: handler, flags, restorer, 64-bit mask. */
    public record SigAction(long handler, long flags, long restorer, long mask) {
        public static final long SIG_DFL = 0, SIG_IGN = 1;
        public static final SigAction DEFAULT = new SigAction(SIG_DFL, 0, 0, 0);
    }

    private int count = 1;   // tasks sharing these handlers
    private final SigAction[] action = new SigAction[Signal.NSIG + 1];

    public SigHand() {
        java.util.Arrays.fill(action, SigAction.DEFAULT);
    }

    /** copy_sighand(): a private copy for fork. */
    public SigHand copy() {
        SigHand c = new SigHand();
        System.arraycopy(action, 0, c.action, 0, action.length);
        return c;
    }

    /** CLONE_SIGHAND: one more sharer. */
    public SigHand share() {
        count++;
        return this;
    }

    /** Drops a sharer; true when it was the last. */
    public boolean release() {
        if (count <= 0) {
            throw new IllegalStateException("sighand released twice");
        }
        return --count == 0;
    }

    public int count() {
        return count;
    }

    public SigAction get(int signal) {
        return action[signal];
    }

    public void set(int signal, SigAction act) {
        action[signal] = act;
    }

    /** exec resets caught signals to the default and keeps ignored ones (flush_signal_handlers). */
    public void flushHandlers() {
        for (int i = 1; i <= Signal.NSIG; i++) {
            if (action[i].handler() != SigAction.SIG_IGN) {
                action[i] = SigAction.DEFAULT;
            }
        }
    }
}
