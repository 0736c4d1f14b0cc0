package minikernel.kernel.ipc;

import java.util.HashMap;
import java.util.Map;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.WaitQueue;

/** One semaphore set (ipc/sem.c's struct sem_array): values, last operator, and who waits. */
final class SemSet {
    final int id;
    final int key;
    final int mode;
    final int[] value;
    final int[] pid;                               // sempid: the last process to operate on each
    final WaitQueue waiters = new WaitQueue("semop");
    /** What each sleeping task waits for: its operations, for GETNCNT and GETZCNT. */
    final Map<Task, short[][]> blocked = new HashMap<>();

    SemSet(int id, int key, int mode, int nsems) {
        this.id = id;
        this.key = key;
        this.mode = mode;
        this.value = new int[nsems];
        this.pid = new int[nsems];
    }

    /** Tasks waiting for semaphore {@code num} to grow (semop < 0) or reach zero (semop == 0). */
    int count(int num, boolean zero) {
        int n = 0;
        for (short[][] ops : blocked.values()) {
            for (short[] op : ops) {
                if (op[0] == num && (zero ? op[1] == 0 : op[1] < 0)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }
}
