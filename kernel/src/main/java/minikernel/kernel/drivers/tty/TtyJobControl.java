package minikernel.kernel.drivers.tty;

import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.signal.SigHand;
import minikernel.kernel.signal.Signal;
import minikernel.kernel.signal.Signals;
import minikernel.kernel.syscall.Errno;

/**
 * Job control on a terminal, drivers/tty/tty_jobctrl.c: who may use it (a background process
 * group that reads gets SIGTTIN, one that changes the settings, or writes under TOSTOP, gets
 * SIGTTOU), and the ioctls that name its session and foreground group (TIOCSCTTY, TIOCNOTTY,
 * TIOCGPGRP, TIOCSPGRP, TIOCGSID).
 *
 * <p>A task's controlling terminal ({@code current->signal->tty}) is not stored: there is one
 * terminal, and it is the controlling terminal of exactly the tasks in its session (a new
 * session, made by setsid, starts without one, as on Linux).
 */
final class TtyJobControl {
    /** -ERESTARTSYS: the caller's group was sent SIGTTIN or SIGTTOU, and the call runs again after. */
    static final long ERESTARTSYS = -512;
    /** -ENOIOCTLCMD: not a request of this layer; the next one is asked. */
    static final long ENOIOCTLCMD = -515;

    static final int TIOCSCTTY = 0x540E, TIOCGPGRP = 0x540F, TIOCSPGRP = 0x5410, TIOCNOTTY = 0x5422,
            TIOCGSID = 0x5429;

    private TtyJobControl() {
    }

    /** current->signal->tty == tty. */
    static boolean isCtty(Task t, Tty tty) {
        return tty.isControllingTerminalOf(t);
    }

    /**
     * __tty_check_change(): may {@code current} read ({@code sig} SIGTTIN) or change
     * (SIGTTOU) the terminal? Yes (0) unless it is its controlling terminal and it is in a
     * background group. Then: if it ignores or blocks the signal, a write or a change goes ahead
     * and a read fails with EIO; an orphaned group (no parent in the session outside it to
     * continue it) gets EIO; otherwise the whole group is sent the signal, and -ERESTARTSYS.
     */
    static long checkChange(Task current, Tty tty, int sig) {
        if (!isCtty(current, tty)) {
            return 0;
        }
        int ttyPgrp = tty.pgrp();
        if (ttyPgrp == 0 || current.pgrp() == ttyPgrp) {
            return 0;
        }
        if (isIgnored(current, sig)) {
            return sig == Signal.SIGTTIN.number ? Errno.EIO.negative() : 0;
        }
        if (isCurrentPgrpOrphaned(current)) {
            return Errno.EIO.negative();
        }
        tty.killPgrp(current.pgrp(), sig);
        return ERESTARTSYS;
    }

    /** is_ignored(): the signal is blocked, or its action is SIG_IGN. */
    private static boolean isIgnored(Task t, int sig) {
        return (t.blocked() & Signal.mask(sig)) != 0
                || t.sighand().get(sig).handler() == SigHand.SigAction.SIG_IGN;
    }

    /** is_current_pgrp_orphaned(): see {@link Signals#pgrpOrphaned}. */
    private static boolean isCurrentPgrpOrphaned(Task current) {
        return Signals.pgrpOrphaned(current);
    }

    /** tty_jobctrl_ioctl(): one of the job control requests, or ENOIOCTLCMD. */
    static long ioctl(Task current, TtyFile file, Tty tty, int cmd, long arg) {
        return switch (cmd) {
            case TIOCNOTTY -> tiocnotty(current, tty);
            case TIOCSCTTY -> tiocsctty(current, file, tty, (int) arg);
            case TIOCGPGRP -> tiocgpgrp(current, tty, arg);
            case TIOCSPGRP -> tiocspgrp(current, tty, arg);
            case TIOCGSID -> tiocgsid(current, tty, arg);
            default -> ENOIOCTLCMD;
        };
    }

    private static boolean capable(Task t) {
        return t.cred().isRoot();
    }

    /**
     * tiocsctty(): a session leader without a controlling terminal takes this one. If it is
     * another session's, only root asking with arg 1 may steal it. The caller's group becomes
     * the foreground group.
     */
    private static long tiocsctty(Task current, TtyFile file, Tty tty, int arg) {
        boolean leader = current.session() == current.tgid();
        if (leader && isCtty(current, tty)) {
            return 0;
        }
        if (!leader) {
            return Errno.EPERM.negative();
        }
        if (tty.session() != 0 && !(arg == 1 && capable(current))) {
            return Errno.EPERM.negative();      // the controlling terminal of another session
        }
        if (!file.readable() && !capable(current)) {
            return Errno.EPERM.negative();
        }
        tty.setSession(current.session(), current.pgrp());
        return 0;
    }

    /**
     * TIOCNOTTY: give up the controlling terminal. For the session leader that is
     * disassociate_ctty(): the foreground group gets SIGHUP and SIGCONT and the terminal
     * belongs to no session. Another member of the session cannot leave it alone here (its
     * terminal is its session's), so for it the request succeeds and changes nothing.
     */
    private static long tiocnotty(Task current, Tty tty) {
        if (!isCtty(current, tty)) {
            return Errno.ENOTTY.negative();
        }
        if (current.session() == current.tgid()) {
            int fg = tty.pgrp();
            if (fg != 0) {
                tty.killPgrp(fg, Signal.SIGHUP.number);
                tty.killPgrp(fg, Signal.SIGCONT.number);
            }
            tty.setSession(0, 0);
        }
        return 0;
    }

    /** tiocgpgrp(): the foreground group, for a task whose controlling terminal this is (0 if none). */
    private static long tiocgpgrp(Task current, Tty tty, long arg) {
        if (!isCtty(current, tty)) {
            return Errno.ENOTTY.negative();
        }
        return put(current, arg, tty.pgrp());
    }

    /**
     * tiocspgrp(): tcsetpgrp(). Only on the caller's controlling terminal (a background caller
     * is sent SIGTTOU first, and ENOTTY if it is orphaned), and only to a group of its own
     * session (EPERM); a number nobody uses is ESRCH.
     */
    private static long tiocspgrp(Task current, Tty tty, long arg) {
        long r = checkChange(current, tty, Signal.SIGTTOU.number);
        if (r == Errno.EIO.negative()) {
            return Errno.ENOTTY.negative();
        }
        if (r != 0) {
            return r;
        }
        long nr = current.kernel().userAccess().getUser32(current.mm(), arg);
        if (nr == Long.MIN_VALUE) {
            return Errno.EFAULT.negative();
        }
        int pgrpNr = (int) nr;
        if (pgrpNr < 0) {
            return Errno.EINVAL.negative();
        }
        if (!isCtty(current, tty)) {
            return Errno.ENOTTY.negative();
        }
        // find_vpid(): a number in use as a process, group or session id.
        Task member = null, process = null;
        boolean inUse = false;
        for (Task t : current.kernel().scheduler().tasks()) {
            if (t.isKernelThread()) {
                continue;
            }
            if (t.pgrp() == pgrpNr && member == null) {
                member = t;
            }
            if (t.tgid() == pgrpNr) {
                process = t;
            }
            inUse |= t.pid() == pgrpNr || t.tgid() == pgrpNr || t.pgrp() == pgrpNr || t.session() == pgrpNr;
        }
        if (!inUse) {
            return Errno.ESRCH.negative();
        }
        // session_of_pgrp(): the session of a member of the group, else of the process so numbered.
        Task of = member != null ? member : process;
        if (of == null || of.session() != current.session()) {
            return Errno.EPERM.negative();
        }
        tty.setPgrp(pgrpNr);
        return 0;
    }

    /** tiocgsid(): the session of the caller's controlling terminal. */
    private static long tiocgsid(Task current, Tty tty, long arg) {
        if (!isCtty(current, tty)) {
            return Errno.ENOTTY.negative();
        }
        return put(current, arg, tty.session());
    }

    private static long put(Task current, long arg, int value) {
        UserAccess ua = current.kernel().userAccess();
        return ua.putUser32(current.mm(), arg, value) ? 0 : Errno.EFAULT.negative();
    }
}
