package minikernel.kernel.ipc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SEM_UNDO adjustments of a task (ipc/sem.c's sem_undo_list): for each semaphore it changed
 * with SEM_UNDO, the amount to add back when the task exits. Threads created with CLONE_SYSVSEM
 * share one list (and it is applied when the last of them exits); fork gives the child none.
 */
public final class SemUndoList {
    /** A semaphore: set id and index in the set. */
    record Sem(int id, int num) {
    }

    private int refcnt = 1;
    private final Map<Sem, Integer> adjust = new LinkedHashMap<>();

    public int refcnt() {
        return refcnt;
    }

    /** CLONE_SYSVSEM: one more sharer. */
    public SemUndoList share() {
        refcnt++;
        return this;
    }

    /** A sharer exits; true when it was the last (the adjustments must now be applied). */
    boolean release() {
        return --refcnt == 0;
    }

    void add(int id, int num, int delta) {
        adjust.merge(new Sem(id, num), delta, Integer::sum);
    }

    /** SETVAL and IPC_RMID clear the adjustments of a semaphore (or a whole set). */
    void forget(int id, int num) {
        adjust.keySet().removeIf(s -> s.id == id && (num < 0 || s.num == num));
    }

    Map<Sem, Integer> adjustments() {
        return adjust;
    }
}
