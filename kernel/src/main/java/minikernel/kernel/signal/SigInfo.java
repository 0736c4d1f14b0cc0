package minikernel.kernel.signal;

/**
 * A queued signal's information: Linux's {@code kernel_siginfo}, copied to the handler's stack
 * as the 128-byte i386 {@code siginfo_t} (include/uapi/asm-generic/siginfo.h). Which union fields
 * mean something depends on the code: the sender for kill and tkill, the address for a fault, the
 * child and its status for SIGCHLD.
 */
public record SigInfo(int signo, int code, int pid, int uid, long addr, int status) {
    // status is SIGCHLD's si_status, or the si_value a sigqueue passes
    /** si_code values: sent by kill (SI_USER), by tkill/tgkill (SI_TKILL), by the kernel (SI_KERNEL). */
    public static final int SI_USER = 0, SI_KERNEL = 0x80, SI_QUEUE = -1, SI_TKILL = -6;
    /** SIGSEGV's codes: no mapping there, or a mapping that forbids the access. */
    public static final int SEGV_MAPERR = 1, SEGV_ACCERR = 2;
    /** SIGBUS, SIGILL, SIGFPE, SIGTRAP codes the traps use. */
    public static final int BUS_ADRERR = 2, ILL_ILLOPN = 2, FPE_INTDIV = 1, TRAP_BRKPT = 1;
    /** SIGCHLD's codes. */
    public static final int CLD_EXITED = 1, CLD_KILLED = 2, CLD_DUMPED = 3, CLD_STOPPED = 5, CLD_CONTINUED = 6;

    public static final int SIZE = 128;

    /** kill(2)'s information: the sending process and its user. */
    public static SigInfo user(int signo, int code, int pid, int uid) {
        return new SigInfo(signo, code, pid, uid, 0, 0);
    }

    /** A signal the kernel raises about the task itself (SI_KERNEL, a fault at an address). */
    public static SigInfo fault(int signo, int code, long addr) {
        return new SigInfo(signo, code, 0, 0, addr, 0);
    }

    /** The 128 bytes a handler sees: si_signo, si_errno, si_code, then the union. */
    public byte[] toBytes() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(SIZE).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(signo).putInt(0).putInt(code);
        boolean isFault = code > 0 && code < SI_KERNEL
                && (signo == 4 || signo == 5 || signo == 7 || signo == 8 || signo == 11);
        if (isFault) {
            b.putInt((int) addr);                       // _sigfault._addr
        } else {
            // _kill: _pid, _uid; _rt adds the sigval (sigqueue) and _sigchld the status (times 0)
            b.putInt(pid).putInt(uid).putInt(status);
        }
        return b.array();
    }
}
