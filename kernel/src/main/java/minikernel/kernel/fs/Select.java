package minikernel.kernel.fs;

import java.util.ArrayList;
import java.util.List;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.WaitQueue;
import minikernel.kernel.syscall.Errno;
import minikernel.kernel.time.Time;

/**
 * poll, ppoll, select and pselect6 (fs/select.c): ask every file for its readiness (f_op->poll);
 * if none is ready and there is time left, sleep on all their wait queues at once and ask
 * again when any of them wakes or the time is up. The deadline is kept across those restarts,
 * so a poll with a timeout lasts that long in all, however often it wakes.
 */
public final class Select {
    private static final int POLLIN_SET = File.POLLIN | File.POLLRDNORM | File.POLLHUP | File.POLLERR | 0x80;
    private static final int POLLOUT_SET = File.POLLOUT | File.POLLWRNORM | File.POLLERR | 0x200;
    private static final int POLLEX_SET = File.POLLPRI;

    private Select() {
    }

    // ---- the deadline across restarts ---------------------------------------------------------

    /** The absolute deadline for a relative {@code timeoutNs} (-1: none), fixed at the first try. */
    private static long deadline(Task current, long timeoutNs) {
        long now = current.kernel().clock().monotonicNanos();
        Long started = current.syscallStart();
        if (started == null) {
            current.setSyscallStart(now);
            started = now;
        }
        return timeoutNs < 0 ? -1 : started + timeoutNs;
    }

    private static boolean expired(Task current, long deadline) {
        return deadline >= 0 && current.kernel().clock().monotonicNanos() >= deadline;
    }

    /** Sleeps on {@code queues} until one wakes or {@code deadline}; the call then runs again. */
    private static void sleep(Task current, List<WaitQueue> queues, String wchan, long deadline) {
        // A handler makes poll and select return EINTR, SA_RESTART or not; with none they go on.
        current.setRestartKind(minikernel.kernel.arch.SignalDelivery.ERESTARTNOHAND);
        current.kernel().scheduler().blockAndRestart(current, queues, wchan, deadline);
    }

    private static void done(Task current) {
        current.setSyscallStart(null);
    }

    // ---- poll --------------------------------------------------------------------------------

    public static long poll(Task current, long ufds, long nfds, long timeoutMs) {
        long timeout = (int) timeoutMs < 0 ? -1 : (int) timeoutMs * 1_000_000L;
        return doSysPoll(current, ufds, nfds, timeout, 0, false);
    }

    public static long ppoll(Task current, long ufds, long nfds, long tsp, long sigmask, long sigsetsize) {
        return ppollCommon(current, ufds, nfds, tsp, sigmask, sigsetsize, false);
    }

    public static long ppollTime64(Task current, long ufds, long nfds, long tsp, long sigmask, long sigsetsize) {
        return ppollCommon(current, ufds, nfds, tsp, sigmask, sigsetsize, true);
    }

    /** ppoll: a timespec (NULL waits for ever) and a signal mask (checked, not yet applied). */
    private static long ppollCommon(Task current, long ufds, long nfds, long tsp, long sigmask, long sigsetsize,
                                    boolean time64) {
        if (sigmask != 0 && sigsetsize != 8) {
            return Errno.EINVAL.negative();
        }
        long timeout = -1;
        if (tsp != 0) {
            long[] ts = Time.getTimespec(current, tsp, time64);
            if (ts == null) {
                return Errno.EFAULT.negative();
            }
            if (ts[0] < 0 || ts[1] < 0 || ts[1] >= 1_000_000_000L) {
                return Errno.EINVAL.negative();
            }
            timeout = ts[0] * 1_000_000_000L + ts[1];
        }
        return doSysPoll(current, ufds, nfds, timeout, tsp, time64);
    }

    /**
     * do_sys_poll(): struct pollfd {int fd; short events; short revents;} times nfds. A negative fd
     * is skipped, a closed one reports POLLNVAL; POLLERR and POLLHUP are reported unasked.
     */
    private static long doSysPoll(Task current, long ufds, long nfds, long timeout, long tsp, boolean time64) {
        if (nfds < 0 || nfds > Fcntl.nofile(current)) {
            done(current);
            return Errno.EINVAL.negative();
        }
        UserAccess ua = current.kernel().userAccess();
        int n = (int) nfds;
        byte[] raw = new byte[8 * n];
        if (n > 0 && !ua.copyFromUser(current.mm(), ufds, raw, 0, raw.length)) {
            done(current);
            return Errno.EFAULT.negative();
        }
        long deadline = deadline(current, timeout);
        List<WaitQueue> queues = new ArrayList<>();
        int ready = 0;
        for (int i = 0; i < n; i++) {
            int fd = le32(raw, 8 * i);
            int events = le16(raw, 8 * i + 4);
            int revents = 0;
            if (fd >= 0) {
                File f = current.files().get(fd);
                if (f == null) {
                    revents = File.POLLNVAL;
                } else {
                    revents = f.poll(current) & (events | File.POLLERR | File.POLLHUP);
                    f.pollWait(queues);
                }
            }
            raw[8 * i + 6] = (byte) revents;
            raw[8 * i + 7] = (byte) (revents >>> 8);
            if (revents != 0) {
                ready++;
            }
        }
        if (ready == 0 && timeout != 0 && !expired(current, deadline)) {
            sleep(current, queues, "do_sys_poll", deadline);
            return 0;
        }
        done(current);
        if (n > 0 && !ua.copyToUser(current.mm(), ufds, raw, 0, raw.length)) {
            return Errno.EFAULT.negative();
        }
        if (tsp != 0 && !writeRemaining(current, tsp, deadline, time64, false)) {
            return Errno.EFAULT.negative();
        }
        return ready;
    }

    // ---- select ------------------------------------------------------------------------------

    /** select(2) as _newselect: a struct timeval (NULL waits for ever), updated with the time left. */
    public static long newselect(Task current, long n, long inp, long outp, long exp, long tvp) {
        long timeout = -1;
        if (tvp != 0) {
            UserAccess ua = current.kernel().userAccess();
            long sec = ua.getUser32(current.mm(), tvp), usec = ua.getUser32(current.mm(), tvp + 4);
            if (sec == Long.MIN_VALUE || usec == Long.MIN_VALUE) {
                return Errno.EFAULT.negative();
            }
            sec = (int) sec;
            usec = (int) usec;
            if (sec < 0 || usec < 0) {
                return Errno.EINVAL.negative();
            }
            timeout = sec * 1_000_000_000L + usec * 1000L;
        }
        return coreSysSelect(current, n, inp, outp, exp, timeout, tvp, false, true);
    }

    /** The old select(2) (number 82): its five arguments in a struct in user memory. */
    public static long oldSelect(Task current, long args) {
        UserAccess ua = current.kernel().userAccess();
        long[] a = new long[5];
        for (int i = 0; i < 5; i++) {
            a[i] = ua.getUser32(current.mm(), args + 4L * i);
            if (a[i] == Long.MIN_VALUE) {
                return Errno.EFAULT.negative();
            }
        }
        return newselect(current, a[0], a[1], a[2], a[3], a[4]);
    }

    public static long pselect6(Task current, long n, long inp, long outp, long exp, long tsp, long sig) {
        return pselectCommon(current, n, inp, outp, exp, tsp, sig, false);
    }

    public static long pselect6Time64(Task current, long n, long inp, long outp, long exp, long tsp, long sig) {
        return pselectCommon(current, n, inp, outp, exp, tsp, sig, true);
    }

    /** pselect6: a timespec, and {sigset pointer, size} for the mask (checked, not yet applied). */
    private static long pselectCommon(Task current, long n, long inp, long outp, long exp, long tsp, long sig,
                                      boolean time64) {
        if (sig != 0) {
            UserAccess ua = current.kernel().userAccess();
            long set = ua.getUser32(current.mm(), sig), size = ua.getUser32(current.mm(), sig + 4);
            if (set == Long.MIN_VALUE || size == Long.MIN_VALUE) {
                return Errno.EFAULT.negative();
            }
            if (set != 0 && size != 8) {
                return Errno.EINVAL.negative();
            }
        }
        long timeout = -1;
        if (tsp != 0) {
            long[] ts = Time.getTimespec(current, tsp, time64);
            if (ts == null) {
                return Errno.EFAULT.negative();
            }
            if (ts[0] < 0 || ts[1] < 0 || ts[1] >= 1_000_000_000L) {
                return Errno.EINVAL.negative();
            }
            timeout = ts[0] * 1_000_000_000L + ts[1];
        }
        return coreSysSelect(current, n, inp, outp, exp, timeout, tsp, time64, false);
    }

    /**
     * core_sys_select(): three bitmaps of {@code n} descriptors; a set bit on a closed descriptor
     * is EBADF. On return each bitmap holds only the ready descriptors, and the count of set bits
     * is the result.
     */
    private static long coreSysSelect(Task current, long n, long inp, long outp, long exp, long timeout,
                                      long timeoutPtr, boolean time64, boolean timeval) {
        if ((int) n < 0) {
            done(current);
            return Errno.EINVAL.negative();
        }
        int nfds = (int) Math.min(n, Fcntl.nofile(current));
        int bytes = (nfds + 31) / 32 * 4;
        UserAccess ua = current.kernel().userAccess();
        long[] ptrs = {inp, outp, exp};
        byte[][] in = new byte[3][bytes], out = new byte[3][bytes];
        for (int s = 0; s < 3; s++) {
            if (ptrs[s] != 0 && bytes > 0 && !ua.copyFromUser(current.mm(), ptrs[s], in[s], 0, bytes)) {
                done(current);
                return Errno.EFAULT.negative();
            }
        }
        long deadline = deadline(current, timeout);
        List<WaitQueue> queues = new ArrayList<>();
        int ready = 0;
        int[] sets = {POLLIN_SET, POLLOUT_SET, POLLEX_SET};
        for (int fd = 0; fd < nfds; fd++) {
            boolean wanted = false;
            for (int s = 0; s < 3; s++) {
                wanted |= bit(in[s], fd);
            }
            if (!wanted) {
                continue;
            }
            File f = current.files().get(fd);
            if (f == null) {
                done(current);
                return Errno.EBADF.negative();
            }
            int mask = f.poll(current);
            f.pollWait(queues);
            for (int s = 0; s < 3; s++) {
                if (bit(in[s], fd) && (mask & sets[s]) != 0) {
                    out[s][fd / 8] |= (byte) (1 << (fd % 8));
                    ready++;
                }
            }
        }
        if (ready == 0 && timeout != 0 && !expired(current, deadline)) {
            sleep(current, queues, "do_select", deadline);
            return 0;
        }
        done(current);
        for (int s = 0; s < 3; s++) {
            if (ptrs[s] != 0 && bytes > 0 && !ua.copyToUser(current.mm(), ptrs[s], out[s], 0, bytes)) {
                return Errno.EFAULT.negative();
            }
        }
        if (timeoutPtr != 0 && !writeRemaining(current, timeoutPtr, deadline, time64, timeval)) {
            return Errno.EFAULT.negative();
        }
        return ready;
    }

    /** poll_select_finish(): the time that was left, written back where the timeout came from. */
    private static boolean writeRemaining(Task current, long ptr, long deadline, boolean time64, boolean timeval) {
        if (deadline < 0) {
            return true;
        }
        long left = Math.max(0, deadline - current.kernel().clock().monotonicNanos());
        long sec = left / 1_000_000_000L, nsec = left % 1_000_000_000L;
        UserAccess ua = current.kernel().userAccess();
        if (timeval) {
            return ua.putUser32s(current.mm(), ptr, sec, nsec / 1000);
        }
        return time64 ? ua.putUser32s(current.mm(), ptr, sec, sec >>> 32, nsec, 0) : ua.putUser32s(current.mm(), ptr, sec, nsec);
    }

    private static boolean bit(byte[] set, int fd) {
        return (set[fd / 8] & (1 << (fd % 8))) != 0;
    }

    private static int le32(byte[] b, int o) {
        return b[o] & 0xff | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | b[o + 3] << 24;
    }

    private static int le16(byte[] b, int o) {
        return b[o] & 0xff | (b[o + 1] & 0xff) << 8;
    }
}
