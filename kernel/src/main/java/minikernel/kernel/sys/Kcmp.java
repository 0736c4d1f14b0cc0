package minikernel.kernel.sys;

import java.util.Map;
import java.util.WeakHashMap;
import minikernel.kernel.fs.FilesStruct;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * kcmp(2), kernel/kcmp.c: do two tasks share a kernel object (their mm_struct, files_struct,
 * fs_struct, sighand_struct, SysV semaphore undo list, or the struct file behind two
 * descriptors)? The one way a Linux program can see what clone() shared: 0 means the same object;
 * 1 or 2 order two different objects by their obfuscated addresses. Here an object's "address" is
 * a serial number given the first time kcmp sees it, and the obfuscation cookies come from the
 * kernel's seeded generator, so the ordering is arbitrary but the same in every run of a seed.
 */
public final class Kcmp {
    public static final int KCMP_FILE = 0, KCMP_VM = 1, KCMP_FILES = 2, KCMP_FS = 3, KCMP_SIGHAND = 4,
            KCMP_IO = 5, KCMP_SYSVSEM = 6, KCMP_EPOLL_TFD = 7, KCMP_TYPES = 8;

    private final long[][] cookies = new long[KCMP_TYPES][2];
    private final Map<Object, Long> serials = new WeakHashMap<>();
    private long lastSerial;

    /**
     * kcmp_cookies_init(): two random words per type, the multiplier odd and with its top bit set;
     * from the kernel's seed (a generator of their own, so AT_RANDOM and getrandom stay as they were).
     */
    public Kcmp(long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed ^ 0x6b636d70L);
        for (long[] c : cookies) {
            c[0] = random.nextLong();
            c[1] = random.nextLong() | Long.MIN_VALUE | 1;
        }
    }

    /** SYSCALL_DEFINE5(kcmp, pid1, pid2, type, idx1, idx2). */
    public static long kcmp(Task current, long pid1, long pid2, long type, long idx1, long idx2) {
        var scheduler = current.kernel().scheduler();
        Task task1 = scheduler.findTask((int) pid1), task2 = scheduler.findTask((int) pid2);
        if (task1 == null || task2 == null) {
            return Errno.ESRCH.negative();
        }
        // ptrace_may_access(PTRACE_MODE_READ_REALCREDS) always holds: every task has the same credentials.
        Kcmp k = current.kernel().kcmp();
        return switch ((int) type == type ? (int) type : -1) {
            case KCMP_FILE -> {
                Object f1 = file(task1, idx1), f2 = file(task2, idx2);
                yield f1 == null || f2 == null ? Errno.EBADF.negative() : k.kcmpPtr(f1, f2, KCMP_FILE);
            }
            case KCMP_VM -> k.kcmpPtr(task1.mm(), task2.mm(), KCMP_VM);
            case KCMP_FILES -> k.kcmpPtr(task1.files(), task2.files(), KCMP_FILES);
            case KCMP_FS -> k.kcmpPtr(task1.fs(), task2.fs(), KCMP_FS);
            case KCMP_SIGHAND -> k.kcmpPtr(task1.sighand(), task2.sighand(), KCMP_SIGHAND);
            // No task has an io_context here (no block I/O scheduling): NULL against NULL, as Linux
            // answers for two tasks that never set an I/O priority.
            case KCMP_IO -> k.kcmpPtr(null, null, KCMP_IO);
            case KCMP_SYSVSEM -> k.kcmpPtr(task1.sysvsem(), task2.sysvsem(), KCMP_SYSVSEM);
            // A kernel built without epoll (CONFIG_EPOLL=n) answers this.
            case KCMP_EPOLL_TFD -> Errno.EOPNOTSUPP.negative();
            default -> Errno.EINVAL.negative();
        };
    }

    /** get_file_raw_ptr(): the file at descriptor {@code idx}, or null. */
    private static Object file(Task task, long idx) {
        FilesStruct files = task.files();
        if (files == null || idx < 0 || idx > Integer.MAX_VALUE) {
            return null;
        }
        return files.get((int) idx);
    }

    /** kcmp_ptr(): 0 if the same object, else 1 or 2 as the obfuscated addresses compare. */
    private long kcmpPtr(Object v1, Object v2, int type) {
        long t1 = obfuscate(v1, type), t2 = obfuscate(v2, type);
        int c = Long.compareUnsigned(t1, t2);
        return c == 0 ? 0 : c < 0 ? 1 : 2;
    }

    /** kptr_obfuscate(): (address ^ cookie0) * cookie1. */
    private long obfuscate(Object v, int type) {
        return (address(v) ^ cookies[type][0]) * cookies[type][1];
    }

    private long address(Object v) {
        return v == null ? 0 : serials.computeIfAbsent(v, o -> ++lastSerial);
    }
}
