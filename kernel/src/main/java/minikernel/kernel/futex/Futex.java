package minikernel.kernel.futex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.mm.Shmem;
import minikernel.kernel.mm.Vma;
import minikernel.kernel.sched.Scheduler;
import minikernel.kernel.sched.Task;

/**
 * The futex hash (kernel/futex/core.c): tasks waiting on a 32-bit word of user memory, grouped by
 * the word's key. A word in private memory is keyed by (mm, address), so only the threads of one
 * process meet there; a word in a MAP_SHARED area by (shared object, offset), so processes that
 * map it meet. Each waiter records whether it was woken, which is how a blocked FUTEX_WAIT, run
 * again after its task wakes, knows to return 0 rather than look at the word again.
 */
public final class Futex {
    /** A futex_q: one sleeping task, with its bitset for the _BITSET operations. */
    public static final class Waiter {
        private final Task task;
        private final int bitset;
        private final long deadline;   // monotonic nanoseconds, or -1 for none
        private Object key;
        private boolean woken;

        Waiter(Task task, Object key, int bitset, long deadline) {
            this.task = task;
            this.key = key;
            this.bitset = bitset;
            this.deadline = deadline;
        }

        public boolean woken() {
            return woken;
        }

        public long deadline() {
            return deadline;
        }

        /** The sleeping task. */
        public Task task() {
            return task;
        }

        /** FUTEX_WAIT_BITSET's bitset (FUTEX_BITSET_MATCH_ANY, -1, for a plain FUTEX_WAIT). */
        public int bitset() {
            return bitset;
        }

        /** The key it waits on: a {@link PrivateKey} or a {@link SharedKey}. */
        public Object key() {
            return key;
        }
    }

    /**
     * A word in one address space. {@code mmShared} is Linux's FUT_OFF_MMSHARED: a futex used
     * without FUTEX_PRIVATE_FLAG on private memory gets this key with the flag set, so private and
     * shared operations on one word never meet (glibc's join and robust wakes are shared ones).
     */
    public record PrivateKey(MmStruct mm, long address, boolean mmShared) {
    }

    /** A word in a MAP_SHARED anonymous area: the shared object and the byte offset into it. */
    public record SharedKey(Shmem object, long offset) {
    }

    private final Map<Object, ArrayDeque<Waiter>> hash = new HashMap<>();
    private final Map<Task, Waiter> waiting = new HashMap<>();
    private final Scheduler scheduler;

    public Futex(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** The hash's queues now, each key with its waiters in wake order (a copy: for display only). */
    public Map<Object, List<Waiter>> queues() {
        Map<Object, List<Waiter>> copy = new java.util.LinkedHashMap<>();
        for (Map.Entry<Object, ArrayDeque<Waiter>> e : hash.entrySet()) {
            copy.put(e.getKey(), List.copyOf(e.getValue()));
        }
        return copy;
    }

    /** get_futex_key(): the key of the word at {@code address} in {@code mm}. */
    public static Object key(MmStruct mm, long address, boolean privateFlag) {
        if (!privateFlag) {
            Vma vma = mm.vmaAt(address);
            if (vma != null && vma.shmem() != null) {
                return new SharedKey(vma.shmem(), address - vma.start() + vma.fileOffset());
            }
        }
        return new PrivateKey(mm, address, !privateFlag);
    }

    /** futex_wait_setup(): queue {@code task} on {@code key}; the caller then puts it to sleep. */
    public Waiter enqueue(Task task, Object key, int bitset, long deadline) {
        Waiter w = new Waiter(task, key, bitset, deadline);
        hash.computeIfAbsent(key, k -> new ArrayDeque<>()).add(w);
        waiting.put(task, w);
        return w;
    }

    /** The waiter a task left queued (or woken) when it went to sleep in FUTEX_WAIT, if any. */
    public Waiter waiterOf(Task task) {
        return waiting.get(task);
    }

    /** Forgets a task's wait: after it returned (woken, timed out) or when it exits. */
    public void dequeue(Task task) {
        Waiter w = waiting.remove(task);
        if (w != null && !w.woken) {
            ArrayDeque<Waiter> q = hash.get(w.key);
            if (q != null) {
                q.remove(w);
                if (q.isEmpty()) {
                    hash.remove(w.key);
                }
            }
        }
    }

    /** futex_wake(): wakes up to {@code count} waiters whose bitset meets {@code bitset}; returns how many. */
    public int wake(Object key, int count, int bitset) {
        ArrayDeque<Waiter> q = hash.get(key);
        if (q == null) {
            return 0;
        }
        int woken = 0;
        for (Iterator<Waiter> it = q.iterator(); it.hasNext() && woken < count; ) {
            Waiter w = it.next();
            if ((w.bitset & bitset) != 0) {
                it.remove();
                w.woken = true;
                scheduler.wakeUp(w.task);
                woken++;
            }
        }
        if (q.isEmpty()) {
            hash.remove(key);
        }
        return woken;
    }

    /** The word at an address of an mm is being cleared by an exiting thread: wake one waiter. */
    public int wake(MmStruct mm, long address, int count) {
        return wake(key(mm, address, false), count, -1);
    }

    /**
     * futex_requeue(): wakes up to {@code wake} waiters on {@code from}, then moves up to
     * {@code requeue} of the rest to {@code to} without waking them. Returns {woken, requeued}.
     */
    public int[] requeue(Object from, Object to, int wake, int requeue) {
        int woken = wake(from, wake, -1);
        ArrayDeque<Waiter> q = hash.get(from);
        int moved = 0;
        if (q != null && !from.equals(to)) {
            List<Waiter> take = new ArrayList<>();
            for (Iterator<Waiter> it = q.iterator(); it.hasNext() && moved < requeue; moved++) {
                take.add(it.next());
                it.remove();
            }
            if (q.isEmpty()) {
                hash.remove(from);
            }
            for (Waiter w : take) {
                w.key = to;
                hash.computeIfAbsent(to, k -> new ArrayDeque<>()).add(w);
            }
        }
        return new int[]{woken, moved};
    }
}
