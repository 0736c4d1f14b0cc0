package minikernel.kernel.mm;

import minikernel.kernel.Kernel;
import minikernel.kernel.sched.Task;
import minikernel.kernel.signal.SigInfo;
import minikernel.kernel.signal.Signal;
import minikernel.kernel.signal.Signals;

/**
 * mm/oom_kill.c: a page fault found no free frame. out_of_memory() does not kill the task that
 * happened to fault, which may be the shell or init: it picks the process whose death gives the
 * most memory back and kills it, and the fault is tried again. init and kernel threads are never
 * picked. Linux also weighs oom_score_adj and swap; here every process has oom_score_adj 0 and
 * there is no swap.
 */
public final class OomKill {
    private OomKill() {
    }

    /**
     * oom_badness(): the pages the process would give back, its resident set and its page tables;
     * -1 for a task that may not be picked (oom_unkillable_task(): init, kernel threads) or has no
     * memory left to give.
     */
    static long oomBadness(Task p) {
        if (p.isKernelThread() || p.isZombieOrDead() || p.signal().unkillable() || p.mm() == null) {
            return -1;
        }
        MmStruct mm = p.mm();
        return mm.residentPages() + mm.pageTables().tableFrames();
    }

    /**
     * select_bad_process(): the process (thread group leader) with the highest badness; on a tie
     * the one created later, as Linux's walk of the task list keeps the last of equals.
     */
    static Task selectBadProcess(Kernel kernel) {
        Task chosen = null;
        long chosenPoints = 0;
        for (Task p : kernel.scheduler().tasks()) {
            if (p.pid() != p.tgid()) {
                continue;                       // threads count through their leader's mm
            }
            long points = oomBadness(p);
            if (points > 0 && points >= chosenPoints) {
                chosen = p;
                chosenPoints = points;
            }
        }
        return chosen;
    }

    /**
     * out_of_memory(): picks a victim and, unless it is {@code current}'s own process (which the
     * caller kills with its report of the fault), kills it and every other process using its mm
     * (oom_kill_process()). Returns the victim, or null when nothing can be killed.
     */
    public static Task outOfMemory(Kernel kernel, Task current) {
        Task victim = selectBadProcess(kernel);
        if (victim == null) {
            return null;
        }
        MmStruct mm = victim.mm();
        kernel.printk(String.format("Out of memory: Killed process %d (%s) total-vm:%dkB, rss:%dkB, pgtables:%dkB",
                victim.tgid(), victim.comm(), mm.totalVm() >> 10, (long) mm.residentPages() << 2,
                (long) mm.pageTables().tableFrames() << 2));
        if (victim.tgid() == current.tgid()) {
            return victim;
        }
        for (Task p : new java.util.ArrayList<>(kernel.scheduler().tasks())) {
            if (p.mm() == mm && p.tgid() != victim.tgid() && oomBadness(p) >= 0) {
                kill(p);                        // a CLONE_VM process (vfork's child) shares the memory
            }
        }
        kill(victim);
        return victim;
    }

    private static void kill(Task p) {
        Signals.send(p, SigInfo.user(Signal.SIGKILL.number, SigInfo.SI_KERNEL, 0, 0), true);
    }
}
