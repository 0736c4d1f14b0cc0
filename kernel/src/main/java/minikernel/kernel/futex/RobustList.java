package minikernel.kernel.futex;

import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * Robust futexes (kernel/futex/core.c, Documentation/locking/robust-futexes.rst): a thread tells
 * the kernel where its list of held robust locks is (set_robust_list); when it dies, the kernel
 * walks the list and marks every lock the dead thread still owned with FUTEX_OWNER_DIED, waking a
 * waiter, so the next locker gets EOWNERDEAD instead of blocking forever.
 */
public final class RobustList {
    /** sizeof(struct robust_list_head) on i386: next, futex_offset, list_op_pending. */
    private static final int HEAD_SIZE = 12;
    private static final int ROBUST_LIST_LIMIT = 2048;
    private static final long FUTEX_WAITERS = 0x80000000L, FUTEX_OWNER_DIED = 0x40000000L, FUTEX_TID_MASK = 0x3fffffffL;

    private RobustList() {
    }

    public static long setRobustList(Task current, long head, long len) {
        if (len != HEAD_SIZE) {
            return Errno.EINVAL.negative();
        }
        current.setRobustList(head);
        return 0;
    }

    public static long getRobustList(Task current, long pid, long headPtr, long lenPtr) {
        Task t = pid == 0 ? current : current.kernel().scheduler().findTask((int) pid);
        if (t == null) {
            return Errno.ESRCH.negative();
        }
        UserAccess ua = current.kernel().userAccess();
        if (!ua.putUser32(current.mm(), lenPtr, HEAD_SIZE) || !ua.putUser32(current.mm(), headPtr, t.robustList())) {
            return Errno.EFAULT.negative();
        }
        return 0;
    }

    /** exit_robust_list(): at thread exit, release every robust lock the thread still holds. */
    public static void exitRobustList(Task tsk, MmStruct mm) {
        long head = tsk.robustList();
        if (head == 0) {
            return;
        }
        tsk.setRobustList(0);
        UserAccess ua = tsk.kernel().userAccess();
        long entry = ua.getUser32(mm, head);
        long offset = ua.getUser32(mm, head + 4);
        long pending = ua.getUser32(mm, head + 8);
        if (entry == Long.MIN_VALUE || offset == Long.MIN_VALUE || pending == Long.MIN_VALUE) {
            return;
        }
        int futexOffset = (int) offset;
        for (int i = 0; i < ROBUST_LIST_LIMIT && (entry & ~1L) != head && entry != 0; i++) {
            long e = entry & ~1L;
            long next = ua.getUser32(mm, e);
            if (e != (pending & ~1L)) {
                handleFutexDeath(tsk, mm, e + futexOffset);
            }
            if (next == Long.MIN_VALUE) {
                return;
            }
            entry = next;
        }
        if (pending != 0) {
            handleFutexDeath(tsk, mm, (pending & ~1L) + futexOffset);
        }
    }

    /** handle_futex_death(): if the dead thread owns the word, mark it and wake one waiter. */
    private static void handleFutexDeath(Task tsk, MmStruct mm, long uaddr) {
        UserAccess ua = tsk.kernel().userAccess();
        long uval = ua.getUser32(mm, uaddr);
        if (uval == Long.MIN_VALUE || (uval & FUTEX_TID_MASK) != tsk.pid()) {
            return;
        }
        ua.putUser32(mm, uaddr, uval & FUTEX_WAITERS | FUTEX_OWNER_DIED);
        if ((uval & FUTEX_WAITERS) != 0) {
            tsk.kernel().futex().wake(mm, uaddr, 1);
        }
    }
}
