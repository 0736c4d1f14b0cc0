package minikernel.kernel.futex;

import java.util.HashMap;
import java.util.Map;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.sched.Scheduler;
import minikernel.kernel.sched.WaitQueue;

/**
 * Futex wait queues (kernel/futex/): tasks sleeping on a 32-bit word of user memory, keyed by the
 * address space and the address (a private futex's key). The CLONE_CHILD_CLEARTID word of an
 * exiting thread is woken here, which is how pthread_join learns a thread ended.
 */
public final class Futex {
    private record Key(MmStruct mm, long address) {
    }

    private final Map<Key, WaitQueue> queues = new HashMap<>();
    private final Scheduler scheduler;

    public Futex(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** The queue for a word, created on first use. */
    public WaitQueue queue(MmStruct mm, long address) {
        return queues.computeIfAbsent(new Key(mm, address), k -> new WaitQueue("futex"));
    }

    /** futex_wake(): wakes the sleepers on the word (all of them here: they re-check and sleep again). */
    public int wake(MmStruct mm, long address, int count) {
        WaitQueue q = queues.remove(new Key(mm, address));
        if (q == null || q.isEmpty()) {
            return 0;
        }
        q.wakeUpAll(scheduler);
        return Math.min(count, 1);
    }
}
