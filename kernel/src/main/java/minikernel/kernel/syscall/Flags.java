package minikernel.kernel.syscall;

import java.util.StringJoiner;

/**
 * Symbolic names of flag arguments, for the tracer, as the uapi headers name them. The kernel's
 * inspect views (the debugger) decode open flags, sa_flags and signal sets with it too.
 */
public final class Flags {
    private Flags() {
    }

    private record Bit(long value, String name) {
    }

    private static final Bit[] PROT = {new Bit(1, "PROT_READ"), new Bit(2, "PROT_WRITE"), new Bit(4, "PROT_EXEC"),
        new Bit(0x01000000, "PROT_GROWSDOWN"), new Bit(0x02000000, "PROT_GROWSUP")};
    private static final Bit[] MAP = {new Bit(0x10, "MAP_FIXED"), new Bit(0x20, "MAP_ANONYMOUS"),
        new Bit(0x100, "MAP_GROWSDOWN"), new Bit(0x800, "MAP_DENYWRITE"), new Bit(0x1000, "MAP_EXECUTABLE"),
        new Bit(0x2000, "MAP_LOCKED"), new Bit(0x4000, "MAP_NORESERVE"), new Bit(0x8000, "MAP_POPULATE"),
        new Bit(0x10000, "MAP_NONBLOCK"), new Bit(0x20000, "MAP_STACK"), new Bit(0x40000, "MAP_HUGETLB"),
        new Bit(0x100000, "MAP_FIXED_NOREPLACE")};
    private static final Bit[] OPEN = {new Bit(0100, "O_CREAT"), new Bit(0200, "O_EXCL"), new Bit(0400, "O_NOCTTY"),
        new Bit(01000, "O_TRUNC"), new Bit(02000, "O_APPEND"), new Bit(04000, "O_NONBLOCK"), new Bit(010000, "O_DSYNC"),
        new Bit(020000, "O_ASYNC"), new Bit(040000, "O_DIRECT"), new Bit(0100000, "O_LARGEFILE"),
        new Bit(0200000, "O_DIRECTORY"), new Bit(0400000, "O_NOFOLLOW"), new Bit(01000000, "O_NOATIME"),
        new Bit(02000000, "O_CLOEXEC"), new Bit(010000000, "O_PATH")};
    private static final Bit[] AT = {new Bit(0x100, "AT_SYMLINK_NOFOLLOW"), new Bit(0x200, "AT_REMOVEDIR"),
        new Bit(0x400, "AT_SYMLINK_FOLLOW"), new Bit(0x800, "AT_NO_AUTOMOUNT"), new Bit(0x1000, "AT_EMPTY_PATH")};
    private static final String[] CLOCKS = {"CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID",
        "CLOCK_THREAD_CPUTIME_ID", "CLOCK_MONOTONIC_RAW", "CLOCK_REALTIME_COARSE", "CLOCK_MONOTONIC_COARSE",
        "CLOCK_BOOTTIME", "CLOCK_REALTIME_ALARM", "CLOCK_BOOTTIME_ALARM"};
    private static final String[] RLIMITS = {"RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK",
        "RLIMIT_CORE", "RLIMIT_RSS", "RLIMIT_NPROC", "RLIMIT_NOFILE", "RLIMIT_MEMLOCK", "RLIMIT_AS",
        "RLIMIT_LOCKS", "RLIMIT_SIGPENDING", "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME"};

    static String prot(long v) {
        return v == 0 ? "PROT_NONE" : bits(v, PROT);
    }

    static String map(long v) {
        String type = switch ((int) (v & 0xf)) {
            case 1 -> "MAP_SHARED";
            case 2 -> "MAP_PRIVATE";
            case 3 -> "MAP_SHARED_VALIDATE";
            default -> "0x" + Long.toHexString(v & 0xf);
        };
        String rest = bits(v & ~0xfL, MAP);
        return (v & ~0xfL) == 0 ? type : type + "|" + rest;
    }

    public static String open(long v) {
        String mode = switch ((int) (v & 3)) {
            case 0 -> "O_RDONLY";
            case 1 -> "O_WRONLY";
            case 2 -> "O_RDWR";
            default -> "O_ACCMODE";
        };
        return (v & ~3L) == 0 ? mode : mode + "|" + bits(v & ~3L, OPEN);
    }

    /** The i386 sa_flags of struct sigaction (arch/x86/include/uapi/asm/signal.h). */
    private static final Bit[] SA = {new Bit(minikernel.kernel.signal.Signals.SA_NOCLDSTOP, "SA_NOCLDSTOP"),
        new Bit(minikernel.kernel.signal.Signals.SA_NOCLDWAIT, "SA_NOCLDWAIT"),
        new Bit(minikernel.kernel.signal.Signals.SA_SIGINFO, "SA_SIGINFO"),
        new Bit(minikernel.kernel.signal.Signals.SA_RESTORER, "SA_RESTORER"),
        new Bit(minikernel.kernel.signal.Signals.SA_ONSTACK, "SA_ONSTACK"),
        new Bit(minikernel.kernel.signal.Signals.SA_RESTART, "SA_RESTART"),
        new Bit(minikernel.kernel.signal.Signals.SA_NODEFER, "SA_NODEFER"),
        new Bit(minikernel.kernel.signal.Signals.SA_RESETHAND, "SA_RESETHAND")};

    /** "SA_SIGINFO|SA_RESTORER|SA_RESTART", or "0". */
    public static String saFlags(long v) {
        return v == 0 ? "0" : bits(v & 0xffffffffL, SA);
    }

    /** A sigset_t as strace prints one: "[INT CHLD RT_2]" (bit n-1 for signal n), "[]" when empty. */
    public static String sigset(long mask) {
        StringJoiner j = new StringJoiner(" ", "[", "]");
        for (int sig = 1; sig <= minikernel.kernel.signal.Signal.NSIG; sig++) {
            if ((mask & minikernel.kernel.signal.Signal.mask(sig)) != 0) {
                String name = minikernel.kernel.signal.Signal.name(sig);
                j.add(name.startsWith("SIG") ? name.substring(3) : name);
            }
        }
        return j.toString();
    }

    private static final Bit[] WAIT = {new Bit(1, "WNOHANG"), new Bit(2, "WUNTRACED"), new Bit(8, "WCONTINUED"),
        new Bit(0x20000000, "__WNOTHREAD"), new Bit(0x40000000, "__WALL"), new Bit(0x80000000L, "__WCLONE")};

    static String waitOptions(long v) {
        return v == 0 ? "0" : bits(v, WAIT);
    }

    private static final String[] FUTEX_OPS = {"FUTEX_WAIT", "FUTEX_WAKE", "FUTEX_FD", "FUTEX_REQUEUE",
        "FUTEX_CMP_REQUEUE", "FUTEX_WAKE_OP", "FUTEX_LOCK_PI", "FUTEX_UNLOCK_PI", "FUTEX_TRYLOCK_PI",
        "FUTEX_WAIT_BITSET", "FUTEX_WAKE_BITSET", "FUTEX_WAIT_REQUEUE_PI", "FUTEX_CMP_REQUEUE_PI"};

    static String futexOp(long v) {
        int cmd = (int) (v & 0x7f);
        String name = cmd < FUTEX_OPS.length ? FUTEX_OPS[cmd] : Integer.toString(cmd);
        return name + ((v & 128) != 0 ? "_PRIVATE" : "") + ((v & 256) != 0 ? "|FUTEX_CLOCK_REALTIME" : "");
    }

    static String at(long v) {
        return v == 0 ? "0" : bits(v, AT);
    }

    static String clock(long v) {
        return v >= 0 && v < CLOCKS.length ? CLOCKS[(int) v] : Integer.toString((int) v);
    }

    static String rlimit(long v) {
        return v >= 0 && v < RLIMITS.length ? RLIMITS[(int) v] : Long.toString(v);
    }

    static String sigmaskHow(long v) {
        return switch ((int) v) {
            case 0 -> "SIG_BLOCK";
            case 1 -> "SIG_UNBLOCK";
            case 2 -> "SIG_SETMASK";
            default -> Long.toString(v);
        };
    }

    static String ioctl(long v) {
        return switch ((int) v) {
            case 0x5401 -> "TCGETS";
            case 0x5402 -> "TCSETS";
            case 0x5403 -> "TCSETSW";
            case 0x540f -> "TIOCGPGRP";
            case 0x5410 -> "TIOCSPGRP";
            case 0x5413 -> "TIOCGWINSZ";
            case 0x5414 -> "TIOCSWINSZ";
            case 0x541b -> "FIONREAD";
            default -> "0x" + Long.toHexString(v);
        };
    }

    private static String bits(long v, Bit[] names) {
        StringJoiner j = new StringJoiner("|");
        long left = v;
        for (Bit b : names) {
            if ((left & b.value) == b.value) {
                j.add(b.name);
                left &= ~b.value;
            }
        }
        if (left != 0) {
            j.add("0x" + Long.toHexString(left));
        }
        return j.toString();
    }
}
