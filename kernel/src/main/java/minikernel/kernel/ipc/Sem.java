package minikernel.kernel.ipc;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Scheduler;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * System V semaphores (ipc/sem.c): semget, semop/semtimedop (all operations of a call happen
 * together or not at all; a call that cannot proceed sleeps, or fails with EAGAIN under
 * IPC_NOWAIT) and semctl, with SEM_UNDO lists that {@code CLONE_SYSVSEM} shares and exit applies.
 */
public final class Sem {
    static final int IPC_PRIVATE = 0, IPC_CREAT = 01000, IPC_EXCL = 02000, IPC_NOWAIT = 04000;
    static final int IPC_RMID = 0, IPC_SET = 1, IPC_STAT = 2, IPC_INFO = 3, IPC_64 = 0x100;
    static final int GETPID = 11, GETVAL = 12, GETALL = 13, GETNCNT = 14, GETZCNT = 15, SETVAL = 16, SETALL = 17;
    static final int SEM_UNDO = 0x1000;
    static final int SEMMSL = 32000, SEMOPM = 500, SEMVMX = 32767;

    private final Map<Integer, SemSet> sets = new HashMap<>();
    /** Tasks that were blocked in semop on a set when it was removed: their semop fails with EIDRM. */
    private final Set<Task> removedUnder = new HashSet<>();
    private final Set<SemUndoList> undoLists = new HashSet<>();
    private final Scheduler scheduler;
    private int nextId;

    public Sem(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** semget(2). */
    public long semget(int key, int nsems, int semflg) {
        if (nsems < 0 || nsems > SEMMSL) {
            return Errno.EINVAL.negative();
        }
        if (key != IPC_PRIVATE) {
            for (SemSet s : sets.values()) {
                if (s.key == key) {
                    if ((semflg & IPC_CREAT) != 0 && (semflg & IPC_EXCL) != 0) {
                        return Errno.EEXIST.negative();
                    }
                    return nsems > s.value.length ? Errno.EINVAL.negative() : s.id;
                }
            }
            if ((semflg & IPC_CREAT) == 0) {
                return Errno.ENOENT.negative();
            }
        }
        if (nsems == 0) {
            return Errno.EINVAL.negative();
        }
        SemSet s = new SemSet(nextId++, key, semflg & 0777, nsems);
        sets.put(s.id, s);
        return s.id;
    }

    /** ipc_obtain_object_check(): an id that names no set (never made, or removed) is EINVAL. */
    private long find(int id) {
        return sets.containsKey(id) ? id : Errno.EINVAL.negative();
    }

    /**
     * semtimedop(2): {@code sops} holds {@code nsops} struct sembuf (u16 num, s16 op, s16 flg).
     * {@code deadline} is the monotonic time to give up at (EAGAIN), or -1.
     */
    public long semop(Task current, int semid, long sops, int nsops, long deadline) {
        if (nsops < 1) {
            return Errno.EINVAL.negative();
        }
        if (nsops > SEMOPM) {
            return Errno.E2BIG.negative();
        }
        if (removedUnder.remove(current)) {
            return Errno.EIDRM.negative();      // woken because the set went away while we slept
        }
        long found = find(semid);
        if (found < 0) {
            return found;
        }
        SemSet set = sets.get(semid);
        byte[] raw = new byte[6 * nsops];
        if (!current.kernel().userAccess().copyFromUser(current.mm(), sops, raw, 0, raw.length)) {
            return Errno.EFAULT.negative();
        }
        short[][] ops = new short[nsops][];
        for (int i = 0; i < nsops; i++) {
            ops[i] = new short[]{le16(raw, 6 * i), le16(raw, 6 * i + 2), le16(raw, 6 * i + 4)};
            if ((ops[i][0] & 0xffff) >= set.value.length) {
                return Errno.EFBIG.negative();
            }
        }
        set.blocked.remove(current);
        if (deadline >= 0 && current.kernel().clock().monotonicNanos() >= deadline) {
            return Errno.EAGAIN.negative();     // semtimedop's time ran out
        }
        int[] trial = set.value.clone();
        for (short[] op : ops) {
            int num = op[0] & 0xffff, delta = op[1];
            if (delta > 0) {
                if (trial[num] + delta > SEMVMX) {
                    return Errno.ERANGE.negative();
                }
                trial[num] += delta;
            } else if (delta < 0 ? trial[num] + delta < 0 : trial[num] != 0) {
                if ((op[2] & IPC_NOWAIT) != 0) {
                    return Errno.EAGAIN.negative();
                }
                set.blocked.put(current, ops);
                current.setRestartKind(minikernel.kernel.arch.SignalDelivery.ERESTARTNOHAND);   // semop: EINTR
                if (!scheduler.blockAndRestart(current, set.waiters, deadline)) {
                    set.blocked.remove(current);        // a signal interrupts it instead
                }
                return 0;
            } else {
                trial[num] += delta;
            }
        }
        System.arraycopy(trial, 0, set.value, 0, trial.length);
        for (short[] op : ops) {
            int num = op[0] & 0xffff;
            set.pid[num] = current.tgid();
            if ((op[2] & SEM_UNDO) != 0 && op[1] != 0) {
                undoList(current).add(semid, num, -op[1]);
            }
        }
        set.waiters.wakeUpAll(scheduler);
        return 0;
    }

    /** The caller's undo list, created on first SEM_UNDO (get_undo_list). */
    private SemUndoList undoList(Task t) {
        if (t.sysvsem() == null) {
            t.setSysvsem(new SemUndoList());
        }
        undoLists.add(t.sysvsem());
        return t.sysvsem();
    }

    /** semctl(2); {@code arg} is the union semun's value (an int, or a pointer for GETALL/SETALL). */
    public long semctl(Task current, int semid, int semnum, int cmd, long arg) {
        long found = find(semid);
        if (found < 0) {
            return found;
        }
        SemSet set = sets.get(semid);
        UserAccess ua = current.kernel().userAccess();
        boolean perSem = cmd == GETVAL || cmd == SETVAL || cmd == GETPID || cmd == GETNCNT || cmd == GETZCNT;
        if (perSem && (semnum < 0 || semnum >= set.value.length)) {
            return Errno.EINVAL.negative();
        }
        switch (cmd) {
            case IPC_RMID -> {
                sets.remove(semid);
                removedUnder.addAll(set.blocked.keySet());
                for (SemUndoList u : undoLists) {
                    u.forget(semid, -1);
                }
                set.waiters.wakeUpAll(scheduler);
                return 0;
            }
            case GETVAL -> {
                return set.value[semnum];
            }
            case GETPID -> {
                return set.pid[semnum];
            }
            case GETNCNT -> {
                return set.count(semnum, false);
            }
            case GETZCNT -> {
                return set.count(semnum, true);
            }
            case SETVAL -> {
                if ((int) arg < 0 || (int) arg > SEMVMX) {
                    return Errno.ERANGE.negative();
                }
                set.value[semnum] = (int) arg;
                set.pid[semnum] = current.tgid();
                for (SemUndoList u : undoLists) {
                    u.forget(semid, semnum);
                }
                set.waiters.wakeUpAll(scheduler);
                return 0;
            }
            case GETALL -> {
                byte[] b = new byte[2 * set.value.length];
                for (int i = 0; i < set.value.length; i++) {
                    b[2 * i] = (byte) set.value[i];
                    b[2 * i + 1] = (byte) (set.value[i] >> 8);
                }
                return ua.copyToUser(current.mm(), arg, b) ? 0 : Errno.EFAULT.negative();
            }
            case SETALL -> {
                byte[] b = new byte[2 * set.value.length];
                if (!ua.copyFromUser(current.mm(), arg, b, 0, b.length)) {
                    return Errno.EFAULT.negative();
                }
                for (int i = 0; i < set.value.length; i++) {
                    int v = b[2 * i] & 0xff | (b[2 * i + 1] & 0xff) << 8;
                    if (v > SEMVMX) {
                        return Errno.ERANGE.negative();
                    }
                }
                for (int i = 0; i < set.value.length; i++) {
                    set.value[i] = b[2 * i] & 0xff | (b[2 * i + 1] & 0xff) << 8;
                    set.pid[i] = current.tgid();
                }
                for (SemUndoList u : undoLists) {
                    u.forget(semid, -1);
                }
                set.waiters.wakeUpAll(scheduler);
                return 0;
            }
            case IPC_STAT, IPC_SET, IPC_INFO -> {
                return Errno.ENOSYS.negative();   // the semid_ds structures are not implemented
            }
            default -> {
                return Errno.EINVAL.negative();
            }
        }
    }

    /** exit_sem(): the last sharer of an undo list gone, its adjustments are applied. */
    public void exitSem(Task t) {
        SemUndoList list = t.sysvsem();
        if (list == null) {
            return;
        }
        t.setSysvsem(null);
        if (!list.release()) {
            return;
        }
        undoLists.remove(list);
        for (Map.Entry<SemUndoList.Sem, Integer> e : list.adjustments().entrySet()) {
            SemSet set = sets.get(e.getKey().id());
            if (set == null) {
                continue;
            }
            int num = e.getKey().num();
            set.value[num] = Math.max(0, Math.min(SEMVMX, set.value[num] + e.getValue()));
            set.pid[num] = t.tgid();
            set.waiters.wakeUpAll(scheduler);
        }
    }

    /** Forgets a task that was waiting (it exited while asleep in semop). */
    public void forgetWaiter(Task t) {
        removedUnder.remove(t);
        for (SemSet s : sets.values()) {
            s.blocked.remove(t);
        }
    }

    private static short le16(byte[] b, int o) {
        return (short) (b[o] & 0xff | b[o + 1] << 8);
    }
}
