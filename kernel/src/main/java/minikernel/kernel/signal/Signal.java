package minikernel.kernel.signal;

/**
 * The standard signals of Linux on x86 (arch/x86/include/uapi/asm/signal.h) with their default
 * actions from signal(7). Real-time signals 32..64 have no names here (SIGRTMIN+n).
 */
public enum Signal {
    SIGHUP(1, Action.TERM), SIGINT(2, Action.TERM), SIGQUIT(3, Action.CORE), SIGILL(4, Action.CORE),
    SIGTRAP(5, Action.CORE), SIGABRT(6, Action.CORE), SIGBUS(7, Action.CORE), SIGFPE(8, Action.CORE),
    SIGKILL(9, Action.TERM), SIGUSR1(10, Action.TERM), SIGSEGV(11, Action.CORE), SIGUSR2(12, Action.TERM),
    SIGPIPE(13, Action.TERM), SIGALRM(14, Action.TERM), SIGTERM(15, Action.TERM), SIGSTKFLT(16, Action.TERM),
    SIGCHLD(17, Action.IGNORE), SIGCONT(18, Action.CONTINUE), SIGSTOP(19, Action.STOP), SIGTSTP(20, Action.STOP),
    SIGTTIN(21, Action.STOP), SIGTTOU(22, Action.STOP), SIGURG(23, Action.IGNORE), SIGXCPU(24, Action.CORE),
    SIGXFSZ(25, Action.CORE), SIGVTALRM(26, Action.TERM), SIGPROF(27, Action.TERM), SIGWINCH(28, Action.IGNORE),
    SIGIO(29, Action.TERM), SIGPWR(30, Action.TERM), SIGSYS(31, Action.CORE);

    /** _NSIG: signals are numbered 1..64. */
    public static final int NSIG = 64;

    /** What happens when a signal with the default disposition arrives. */
    public enum Action { TERM, CORE, IGNORE, STOP, CONTINUE }

    private static final Signal[] BY_NUMBER = new Signal[32];

    static {
        for (Signal s : values()) {
            BY_NUMBER[s.number] = s;
        }
    }

    public final int number;
    public final Action defaultAction;

    Signal(int number, Action defaultAction) {
        this.number = number;
        this.defaultAction = defaultAction;
    }

    /** The signal with this number, or null for 0, real-time and out-of-range numbers. */
    public static Signal of(int number) {
        return number > 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
    }

    /** "SIGSEGV", or "SIGRT_n" style names for real-time signals as strace prints them. */
    public static String name(int number) {
        Signal s = of(number);
        if (s != null) {
            return s.name();
        }
        return number >= 32 && number <= NSIG ? "SIGRT_" + (number - 32) : String.valueOf(number);
    }

    /** The mask bit of signal {@code n} (sigmask(n) = 1 << (n - 1)). */
    public static long mask(int n) {
        return 1L << (n - 1);
    }
}
