package minikernel.kernel.sys;

import java.nio.charset.StandardCharsets;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * Process identity and system information: kernel/sys.c (getpid, getppid, gettid, the uid and gid
 * calls, uname, the rlimit calls), set_tid_address from kernel/fork.c, getrandom from
 * drivers/char/random.c and sched_yield from kernel/sched/core.c.
 */
public final class Sys {
    /** The 16-bit calls report ids that do not fit as overflowuid (65534), as Linux does. */
    private static final int OVERFLOW_ID = 65534;
    private static final int UTS_FIELD = 65;
    private static final String[] UTSNAME = {"Linux", "minikernel", "6.1.0-minikernel", "#1 SMP minikernel",
        "i686", "(none)"};

    private Sys() {
    }

    /** getpid() returns the thread group id: the process id. */
    public static long getpid(Task current) {
        return current.tgid();
    }

    /** The parent process's id, or 0 for a task without one (as for pid 1). */
    public static long getppid(Task current) {
        Task parent = current.groupLeader().realParent();
        return parent == null ? 0 : parent.tgid();
    }

    public static long gettid(Task current) {
        return current.pid();
    }

    public static long getuid(Task current) {
        return current.kernel().config().uid();
    }

    public static long getgid(Task current) {
        return current.kernel().config().gid();
    }

    /** getresuid(2): real, effective and saved ids are one here (no set-user-ID programs). */
    public static long getresuid(Task current, long ruid, long euid, long suid) {
        return putIds(current, current.kernel().config().uid(), ruid, euid, suid);
    }

    public static long getresgid(Task current, long rgid, long egid, long sgid) {
        return putIds(current, current.kernel().config().gid(), rgid, egid, sgid);
    }

    private static long putIds(Task current, int id, long... at) {
        for (long p : at) {
            if (!current.kernel().userAccess().putUser32(current.mm(), p, id)) {
                return Errno.EFAULT.negative();
            }
        }
        return 0;
    }

    /**
     * getgroups(2): guests have no supplementary groups, so the list is empty: 0, whatever the
     * size (a negative one is EINVAL, as Linux).
     */
    public static long getgroups(Task current, long size, long list) {
        return (int) size < 0 ? Errno.EINVAL.negative() : 0;
    }

    public static long getuid16(Task current) {
        return high2lowid(current.kernel().config().uid());
    }

    public static long getgid16(Task current) {
        return high2lowid(current.kernel().config().gid());
    }

    private static long high2lowid(int id) {
        return (id & ~0xffff) != 0 ? OVERFLOW_ID : id;
    }

    /** uname(2): struct new_utsname, six NUL-padded 65-byte fields; the names come from the UTS namespace. */
    public static long uname(Task current, long buf) {
        String[] fields = UTSNAME.clone();
        fields[1] = current.nsproxy().uts().nodename();
        fields[5] = current.nsproxy().uts().domainname();
        byte[] u = new byte[UTS_FIELD * fields.length];
        for (int i = 0; i < fields.length; i++) {
            byte[] s = fields[i].getBytes(StandardCharsets.UTF_8);
            System.arraycopy(s, 0, u, UTS_FIELD * i, Math.min(s.length, UTS_FIELD - 1));
        }
        return current.kernel().userAccess().copyToUser(current.mm(), buf, u) ? 0 : Errno.EFAULT.negative();
    }

    /** sethostname(2): root only (CAP_SYS_ADMIN), at most 64 bytes, in the caller's UTS namespace. */
    public static long sethostname(Task current, long name, long len) {
        return setUtsName(current, name, len, true);
    }

    public static long setdomainname(Task current, long name, long len) {
        return setUtsName(current, name, len, false);
    }

    private static long setUtsName(Task current, long name, long len, boolean host) {
        if (current.kernel().config().uid() != 0) {
            return Errno.EPERM.negative();
        }
        if ((int) len < 0 || len > 64) {
            return Errno.EINVAL.negative();
        }
        byte[] b = new byte[(int) len];
        if (!current.kernel().userAccess().copyFromUser(current.mm(), name, b, 0, b.length)) {
            return Errno.EFAULT.negative();
        }
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        String value = new String(b, 0, n, StandardCharsets.UTF_8);
        if (host) {
            current.nsproxy().uts().setNodename(value);
        } else {
            current.nsproxy().uts().setDomainname(value);
        }
        return 0;
    }

    /** set_tid_address(2): remember where to clear the tid at exit; return the tid. */
    public static long setTidAddress(Task current, long tidptr) {
        current.setClearChildTid(tidptr);
        return current.pid();
    }

    /** ugetrlimit(2): struct rlimit of two unsigned longs, infinity as all ones. */
    public static long ugetrlimit(Task current, long resource, long rlim) {
        return getrlimit32(current, resource, rlim, 0xffffffffL);
    }

    /** The old getrlimit(2) (number 76) reports at most 0x7fffffff. */
    public static long oldGetrlimit(Task current, long resource, long rlim) {
        return getrlimit32(current, resource, rlim, 0x7fffffffL);
    }

    private static long getrlimit32(Task current, long resource, long rlim, long ceiling) {
        if (resource >= Rlimits.RLIM_NLIMITS) {
            return Errno.EINVAL.negative();
        }
        Rlimits r = current.rlimits();
        return current.kernel().userAccess().putUser32s(current.mm(), rlim,
                clamp32(r.cur((int) resource), ceiling), clamp32(r.max((int) resource), ceiling))
                ? 0 : Errno.EFAULT.negative();
    }

    /** setrlimit(2), 32-bit values; all ones means infinity. */
    public static long setrlimit(Task current, long resource, long rlim) {
        UserAccess ua = current.kernel().userAccess();
        long soft = ua.getUser32(current.mm(), rlim), hard = ua.getUser32(current.mm(), rlim + 4);
        if (soft == Long.MIN_VALUE || hard == Long.MIN_VALUE) {
            return Errno.EFAULT.negative();
        }
        return doPrlimit(current, resource, widen(soft), widen(hard));
    }

    /** prlimit64(2) on the calling process (pid 0 or its own). */
    public static long prlimit64(Task current, long pid, long resource, long newRlim, long oldRlim) {
        if ((int) pid != 0 && (int) pid != current.tgid()) {
            return current.kernel().scheduler().findTask((int) pid) == null ? Errno.ESRCH.negative() : Errno.EPERM.negative();
        }
        if (resource >= Rlimits.RLIM_NLIMITS) {
            return Errno.EINVAL.negative();
        }
        UserAccess ua = current.kernel().userAccess();
        long oldCur = current.rlimits().cur((int) resource), oldMax = current.rlimits().max((int) resource);
        if (newRlim != 0) {
            byte[] b = new byte[16];
            if (!ua.copyFromUser(current.mm(), newRlim, b, 0, 16)) {
                return Errno.EFAULT.negative();
            }
            long r = doPrlimit(current, resource, le64(b, 0), le64(b, 8));
            if (r != 0) {
                return r;
            }
        }
        if (oldRlim != 0 && !ua.putUser32s(current.mm(), oldRlim, oldCur, oldCur >>> 32, oldMax, oldMax >>> 32)) {
            return Errno.EFAULT.negative();
        }
        return 0;
    }

    /** do_prlimit(): soft above hard is EINVAL; raising the hard limit needs root (EPERM). */
    private static long doPrlimit(Task current, long resource, long soft, long hard) {
        if (resource >= Rlimits.RLIM_NLIMITS) {
            return Errno.EINVAL.negative();
        }
        int res = (int) resource;
        Rlimits r = current.rlimits();
        if (Rlimits.above(soft, hard)) {
            return Errno.EINVAL.negative();
        }
        if (Rlimits.above(hard, r.max(res)) && current.kernel().config().uid() != 0) {
            return Errno.EPERM.negative();
        }
        if (res == Rlimits.RLIMIT_NOFILE && Rlimits.above(hard, 1024 * 1024)) {
            return Errno.EPERM.negative();
        }
        r.set(res, soft, hard);
        if (res == Rlimits.RLIMIT_STACK && current.mm() != null) {
            current.mm().setStackLimit(soft);
        }
        return 0;
    }

    private static long clamp32(long v, long max) {
        return Long.compareUnsigned(v, max) > 0 ? max : v;
    }

    private static long widen(long v32) {
        return v32 == 0xffffffffL ? Rlimits.INFINITY : v32;
    }

    private static long le64(byte[] b, int o) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (b[o + i] & 0xff);
        }
        return v;
    }

    /** getrandom(2): bytes from the kernel's seeded generator, so runs stay reproducible. */
    public static long getrandom(Task current, long buf, long count, long flags) {
        if ((flags & ~0x7L) != 0) {   // GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE
            return Errno.EINVAL.negative();
        }
        int n = (int) Math.min(count, Integer.MAX_VALUE >> 6);
        byte[] b = current.kernel().randomBytes(n);
        return current.kernel().userAccess().copyToUser(current.mm(), buf, b) ? n : Errno.EFAULT.negative();
    }

    /** sched_yield(2): to the back of the run queue. */
    public static long schedYield(Task current) {
        current.kernel().scheduler().yield(current);
        return 0;
    }
}
