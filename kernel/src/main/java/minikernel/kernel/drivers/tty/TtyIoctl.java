package minikernel.kernel.drivers.tty;

import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.signal.Signal;
import minikernel.kernel.syscall.Errno;

/**
 * ioctl(2) on a terminal, in the order Linux asks its layers: tty_ioctl() in tty_io.c (window
 * size, breaks, line discipline number), tty_jobctrl_ioctl() ({@link TtyJobControl}), then the
 * line discipline's n_tty_ioctl() (TIOCINQ, TIOCOUTQ), n_tty_ioctl_helper() (TCXONC, TCFLSH)
 * and tty_mode_ioctl() in tty_ioctl.c (the termios requests). A request none of them knows is
 * ENOTTY. Request numbers are i386's (include/uapi/asm-generic/ioctls.h).
 */
final class TtyIoctl {
    static final int TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404, TCGETA = 0x5405,
            TCSETA = 0x5406, TCSETAW = 0x5407, TCSETAF = 0x5408, TCSBRK = 0x5409, TCXONC = 0x540A,
            TCFLSH = 0x540B, TIOCOUTQ = 0x5411, TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414,
            TIOCINQ = 0x541B, TIOCSETD = 0x5423, TIOCGETD = 0x5424, TCSBRKP = 0x5425, TIOCSBRK = 0x5427,
            TIOCCBRK = 0x5428, TCGETS2 = 0x802C542A, TCSETS2 = 0x402C542B, TCSETSW2 = 0x402C542C,
            TCSETSF2 = 0x402C542D;
    /** FIONREAD is TIOCINQ. */
    static final int FIONREAD = TIOCINQ;
    /** TCXONC's and TCFLSH's arguments. */
    static final int TCOOFF = 0, TCOON = 1, TCIOFF = 2, TCION = 3, TCIFLUSH = 0, TCOFLUSH = 1, TCIOFLUSH = 2;
    /** N_TTY, the only line discipline. */
    private static final int N_TTY = 0;

    /** Which layout a set_termios() request passes, and what it asks first (tty_ioctl.c's opt bits). */
    private enum Layout { TERMIOS, TERMIOS2, TERMIO }

    private TtyIoctl() {
    }

    /** tty_ioctl(). */
    static long ioctl(Task current, TtyFile file, Tty tty, int cmd, long arg) {
        // Breaks and a line discipline change are changes: a background job asks first.
        if (cmd == TIOCSETD || cmd == TIOCSBRK || cmd == TIOCCBRK || cmd == TCSBRK || cmd == TCSBRKP) {
            long r = TtyJobControl.checkChange(current, tty, Signal.SIGTTOU.number);
            if (r != 0) {
                return r;
            }
            // tty_wait_until_sent(): output is written at once here, nothing is left to drain.
        }
        switch (cmd) {
            case TIOCGWINSZ:
                return copyToUser(current, arg, tty.winsize().toUser());
            case TIOCSWINSZ: {
                byte[] ws = copyFromUser(current, arg, Winsize.SIZE);
                if (ws == null) {
                    return Errno.EFAULT.negative();
                }
                tty.resize(Winsize.fromUser(ws));
                return 0;
            }
            case TIOCGETD:
                return put(current, arg, N_TTY);
            case TIOCSETD: {
                long disc = current.kernel().userAccess().getUser32(current.mm(), arg);
                if (disc == Long.MIN_VALUE) {
                    return Errno.EFAULT.negative();
                }
                return (int) disc == N_TTY ? 0 : Errno.EINVAL.negative();
            }
            case TIOCSBRK, TIOCCBRK, TCSBRK, TCSBRKP:
                return 0;           // the host terminal has no line to send a break on (no break_ctl)
            default:
                break;
        }
        long r = TtyJobControl.ioctl(current, file, tty, cmd, arg);
        return r != TtyJobControl.ENOIOCTLCMD ? r : nTtyIoctl(current, tty, cmd, arg);
    }

    /** n_tty_ioctl() and n_tty_ioctl_helper(). */
    private static long nTtyIoctl(Task current, Tty tty, int cmd, long arg) {
        switch (cmd) {
            case TIOCOUTQ:
                return put(current, arg, 0);         // nothing waits to be sent: writes go out at once
            case TIOCINQ:
                return put(current, arg, tty.ldisc().inq());
            case TCXONC: {
                long r = TtyJobControl.checkChange(current, tty, Signal.SIGTTOU.number);
                return r != 0 ? r : tcxonc(tty, (int) arg);
            }
            case TCFLSH: {
                long r = TtyJobControl.checkChange(current, tty, Signal.SIGTTOU.number);
                return r != 0 ? r : performFlush(tty, (int) arg);
            }
            default:
                return modeIoctl(current, tty, cmd, arg);
        }
    }

    private static long tcxonc(Tty tty, int arg) {
        switch (arg) {
            case TCOOFF -> tty.setTcoStopped(true);
            case TCOON -> tty.setTcoStopped(false);
            case TCIOFF -> sendIfEnabled(tty, tty.termios().cc(Termios.VSTOP));
            case TCION -> sendIfEnabled(tty, tty.termios().cc(Termios.VSTART));
            default -> {
                return Errno.EINVAL.negative();
            }
        }
        return 0;
    }

    private static void sendIfEnabled(Tty tty, int c) {
        if (c != Termios.DISABLED_CHAR) {
            tty.sendXchar(c);
        }
    }

    /** __tty_perform_flush(): TCIFLUSH drops unread input; there is never unsent output. */
    static long performFlush(Tty tty, int arg) {
        switch (arg) {
            case TCIFLUSH, TCIOFLUSH -> {
                tty.bufferFlush();
                tty.ldisc().flushBuffer();
            }
            case TCOFLUSH -> {
                // tty_driver_flush_buffer(): the host terminal keeps no output to throw away
            }
            default -> {
                return Errno.EINVAL.negative();
            }
        }
        return 0;
    }

    /** tty_mode_ioctl(): the termios requests. */
    private static long modeIoctl(Task current, Tty tty, int cmd, long arg) {
        return switch (cmd) {
            case TCGETS -> copyToUser(current, arg, tty.termios().toUser(false));
            case TCGETS2 -> copyToUser(current, arg, tty.termios().toUser(true));
            case TCGETA -> copyToUser(current, arg, tty.termios().toUserTermio());
            case TCSETS, TCSETSW -> setTermios(current, tty, arg, Layout.TERMIOS, false);
            case TCSETSF -> setTermios(current, tty, arg, Layout.TERMIOS, true);
            case TCSETS2, TCSETSW2 -> setTermios(current, tty, arg, Layout.TERMIOS2, false);
            case TCSETSF2 -> setTermios(current, tty, arg, Layout.TERMIOS2, true);
            case TCSETA, TCSETAW -> setTermios(current, tty, arg, Layout.TERMIO, false);
            case TCSETAF -> setTermios(current, tty, arg, Layout.TERMIO, true);
            default -> Errno.ENOTTY.negative();
        };
    }

    /**
     * set_termios(): a background job asks first (SIGTTOU); the new settings start from the
     * current ones (a struct termio sets only the low half of each flag word, struct termios no
     * speeds), the speeds are worked out from c_cflag, pending input is dropped for the "F"
     * forms, and the line discipline is told. The "W" forms would wait for output to drain,
     * which never waits here.
     */
    private static long setTermios(Task current, Tty tty, long arg, Layout layout, boolean flush) {
        long r = TtyJobControl.checkChange(current, tty, Signal.SIGTTOU.number);
        if (r != 0) {
            return r;
        }
        Termios tmp = tty.termios().copy();
        int size = switch (layout) {
            case TERMIOS -> Termios.TERMIOS_SIZE;
            case TERMIOS2 -> Termios.TERMIOS2_SIZE;
            case TERMIO -> Termios.TERMIO_SIZE;
        };
        byte[] user = copyFromUser(current, arg, size);
        if (user == null) {
            return Errno.EFAULT.negative();
        }
        if (layout == Layout.TERMIO) {
            tmp.fromUserTermio(user);
        } else {
            tmp.fromUser(user, layout == Layout.TERMIOS2);
        }
        tmp.computeSpeeds();
        if (flush) {
            tty.ldisc().flushBuffer();
        }
        tty.setTermios(tmp);
        return 0;
    }

    // ---- user memory --------------------------------------------------------------------------

    private static long put(Task current, long arg, int value) {
        return current.kernel().userAccess().putUser32(current.mm(), arg, value) ? 0 : Errno.EFAULT.negative();
    }

    private static long copyToUser(Task current, long arg, byte[] data) {
        return current.kernel().userAccess().copyToUser(current.mm(), arg, data) ? 0 : Errno.EFAULT.negative();
    }

    private static byte[] copyFromUser(Task current, long arg, int size) {
        UserAccess ua = current.kernel().userAccess();
        byte[] b = new byte[size];
        return ua.copyFromUser(current.mm(), arg, b, 0, size) ? b : null;
    }
}
