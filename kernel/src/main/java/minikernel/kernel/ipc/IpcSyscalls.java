package minikernel.kernel.ipc;

import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * The SysV IPC entry points of i386: the old ipc(2) multiplexer (ipc/syscall.c), and the direct
 * semget, semctl and semtimedop_time64 calls. Message queues and shared memory segments answer
 * -ENOSYS.
 */
public final class IpcSyscalls {
    private static final int SEMOP = 1, SEMGET = 2, SEMCTL = 3, SEMTIMEDOP = 4;

    private IpcSyscalls() {
    }

    /** ipc(call, first, second, third, ptr, fifth): the low 16 bits of call select the operation. */
    public static long ipc(Task current, long call, long first, long second, long third, long ptr, long fifth) {
        Sem sem = current.kernel().sem();
        return switch ((int) call & 0xffff) {
            case SEMOP -> sem.semop(current, (int) first, ptr, (int) second, -1);
            case SEMTIMEDOP -> semtimedop(current, first, ptr, second, fifth, false);
            case SEMGET -> sem.semget((int) first, (int) second, (int) third);
            case SEMCTL -> {
                // The union semun arrives by reference here (the direct semctl takes it by value),
                // and IPC_64 in the command only says which struct layout (ipc_parse_version).
                long arg = ptr == 0 ? 0 : current.kernel().userAccess().getUser32(current.mm(), ptr);
                yield arg == Long.MIN_VALUE ? Errno.EFAULT.negative()
                        : sem.semctl(current, (int) first, (int) second, (int) third & ~Sem.IPC_64, arg);
            }
            default -> Errno.ENOSYS.negative();
        };
    }

    public static long semget(Task current, long key, long nsems, long semflg) {
        return current.kernel().sem().semget((int) key, (int) nsems, (int) semflg);
    }

    public static long semctl(Task current, long semid, long semnum, long cmd, long arg) {
        return current.kernel().sem().semctl(current, (int) semid, (int) semnum, (int) cmd, arg);
    }

    public static long semtimedopTime64(Task current, long semid, long sops, long nsops, long timeout) {
        return semtimedop(current, semid, sops, nsops, timeout, true);
    }

    private static long semtimedop(Task current, long semid, long sops, long nsops, long timeout, boolean time64) {
        long deadline = -1;
        if (timeout != 0) {
            long[] ts = minikernel.kernel.time.Time.getTimespec(current, timeout, time64);
            if (ts == null) {
                return Errno.EFAULT.negative();
            }
            if (ts[0] < 0 || ts[1] < 0 || ts[1] >= 1_000_000_000L) {
                return Errno.EINVAL.negative();
            }
            Long started = current.syscallStart();
            long now = current.kernel().clock().monotonicNanos();
            deadline = (started != null ? started : now) + ts[0] * 1_000_000_000L + ts[1];
            current.setSyscallStart(started != null ? started : now);
        }
        long r = current.kernel().sem().semop(current, (int) semid, sops, (int) nsops, deadline);
        if (!current.syscallRestart()) {
            current.setSyscallStart(null);
        }
        return r;
    }
}
