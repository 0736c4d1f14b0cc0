package minikernel.kernel.sched;

import java.util.ArrayList;
import java.util.List;

/**
 * Tasks asleep until something happens: Linux's {@code wait_queue_head_t}. A sleeper is woken by
 * {@link #wakeUpAll}, and then checks again whether what it waited for is there (a blocking system
 * call is restarted and re-tests its condition), exactly as a Linux wait loop does.
 */
public final class WaitQueue {
    private final String name;
    private final List<Task> waiters = new ArrayList<>();

    /** {@code name} is what the sleepers wait on, for ps and deadlock reports ("wait4", "pipe_read"). */
    public WaitQueue(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    void add(Task t) {
        if (!waiters.contains(t)) {
            waiters.add(t);
        }
    }

    void remove(Task t) {
        waiters.remove(t);
    }

    public boolean isEmpty() {
        return waiters.isEmpty();
    }

    /** wake_up_all(): every sleeper becomes runnable again. */
    public void wakeUpAll(Scheduler scheduler) {
        for (Task t : new ArrayList<>(waiters)) {
            scheduler.wakeUp(t);
        }
        waiters.clear();
    }
}
