package minikernel.kernel.drivers.tty;

import minikernel.kernel.sched.WaitQueue;

/**
 * A terminal: Linux's {@code struct tty_struct} (include/linux/tty.h) with the parts of
 * drivers/tty/tty_io.c that change it (start_tty, stop_tty, tty_set_termios, tty_do_resize). It
 * joins the device below ({@link TtyOperations}: here the host's terminal) to the N_TTY line
 * discipline ({@link NTty}), and records the job control state: the session it is the
 * controlling terminal of, and that session's foreground process group, whose reads it allows and
 * to which ^C, ^\ and ^Z send their signals. Files on it are {@link TtyFile}s.
 */
public final class Tty {
    /**
     * What a terminal asks of the rest of the kernel, as an interface so that the line
     * discipline can be tested without a machine.
     */
    public interface Hooks {
        /** kill_pgrp(): {@code sig} to every process of group {@code pgrp}. */
        void killPgrp(int pgrp, int sig);

        /** wake_up_interruptible(): every sleeper on {@code queue} tries again. */
        void wakeUp(WaitQueue queue);

        /** The kernel's monotonic clock in nanoseconds (VTIME is counted on it). */
        long now();
    }

    private final TtyOperations ops;
    private final Hooks hooks;
    private Termios termios = Termios.standard();
    private Winsize winsize = Winsize.ZERO;
    private final NTty ldisc;
    private final WaitQueue readWait = new WaitQueue("n_tty_read");
    private final WaitQueue writeWait = new WaitQueue("n_tty_write");
    /** Background jobs that read or wrote, sent SIGTTIN/SIGTTOU, waiting to be in the foreground. */
    private final WaitQueue jobStopped = new WaitQueue("do_signal_stop");
    private int pgrp, session;                  // ctrl.pgrp, ctrl.session (0: none)
    private boolean stopped, tcoStopped;        // flow.stopped (^S or TCOOFF), flow.tco_stopped (TCOOFF)
    private boolean hungUp;
    /** The port's flip buffer (tty_bufhead): input the line discipline had no room for yet. */
    private byte[] flip = new byte[0];

    /** tty_init_dev(): standard settings, an N_TTY line discipline, no session yet. */
    public Tty(TtyOperations ops, Hooks hooks) {
        this.ops = ops;
        this.hooks = hooks;
        this.ldisc = new NTty(this);
        ldisc.setTermios(null);
    }

    public Termios termios() {
        return termios;
    }

    public NTty ldisc() {
        return ldisc;
    }

    /** (termios.c_iflag & flags) != 0, Linux's I_*() macros; o() and l() the same for c_oflag, c_lflag. */
    boolean i(int flags) {
        return (termios.iflag & flags) != 0;
    }

    boolean o(int flags) {
        return (termios.oflag & flags) != 0;
    }

    boolean l(int flags) {
        return (termios.lflag & flags) != 0;
    }

    /**
     * tty_set_termios(): new settings, the line discipline told of the change. The device is
     * like a pseudo-terminal's slave (pty_set_termios): always 8 bits, no parity, receiver on.
     */
    public void setTermios(Termios newTermios) {
        Termios old = termios;
        termios = newTermios.copy();
        termios.cflag = termios.cflag & ~(Termios.CSIZE | Termios.PARENB) | Termios.CS8 | Termios.CREAD;
        ldisc.setTermios(old);
    }

    public Winsize winsize() {
        return winsize;
    }

    /** tty_do_resize(): a new size; if it differs, the foreground group gets SIGWINCH. */
    public void resize(Winsize ws) {
        if (ws.equals(winsize)) {
            return;
        }
        killForeground(minikernel.kernel.signal.Signal.SIGWINCH.number);
        winsize = ws;
    }

    // ---- job control state --------------------------------------------------------------------

    /** The foreground process group (0: none). */
    public int pgrp() {
        return pgrp;
    }

    /** The session this is the controlling terminal of (0: none). */
    public int session() {
        return session;
    }

    /** current->signal->tty == this: a task's controlling terminal is its session's. */
    public boolean isControllingTerminalOf(minikernel.kernel.sched.Task t) {
        return session != 0 && t.session() == session;
    }

    /** A new foreground group: stopped background jobs check again whether they may go on. */
    public void setPgrp(int pgrp) {
        this.pgrp = pgrp;
        hooks.wakeUp(jobStopped);
    }

    /** proc_set_tty()/session_clear_tty(): the terminal of {@code session} (0: of none). */
    public void setSession(int session, int pgrp) {
        this.session = session;
        setPgrp(pgrp);
    }

    /** __isig(): the signal to the foreground group, if there is one. */
    void killForeground(int sig) {
        if (pgrp != 0) {
            hooks.killPgrp(pgrp, sig);
        }
    }

    public void killPgrp(int group, int sig) {
        hooks.killPgrp(group, sig);
    }

    public WaitQueue jobStopped() {
        return jobStopped;
    }

    // ---- flow control -------------------------------------------------------------------------

    public boolean stopped() {
        return stopped;
    }

    public boolean tcoStopped() {
        return tcoStopped;
    }

    /** __stop_tty(): output stops (^S); writers wait. */
    public void stopTty() {
        stopped = true;
    }

    /** __start_tty(): output goes on (^Q), unless TCOOFF stopped it; writers are woken. */
    public void startTty() {
        if (!stopped || tcoStopped) {
            return;
        }
        stopped = false;
        wakeWriters();
    }

    /** TCXONC's TCOOFF and TCOON: a stop that only they undo. */
    public void setTcoStopped(boolean off) {
        if (off && !tcoStopped) {
            tcoStopped = true;
            stopTty();
        } else if (!off && tcoStopped) {
            tcoStopped = false;
            startTty();
        }
    }

    // ---- input from the device ----------------------------------------------------------------

    /**
     * tty_insert_flip_string() and tty_flip_buffer_push(): bytes from the device, handed to the
     * line discipline as far as it has room; the rest waits in the flip buffer.
     */
    public void receive(byte[] buf, int len) {
        byte[] all = new byte[flip.length + len];
        System.arraycopy(flip, 0, all, 0, flip.length);
        System.arraycopy(buf, 0, all, flip.length, len);
        flip = all;
        flushToLdisc();
    }

    /** flush_to_ldisc(): offers the waiting input again (a reader may have made room). */
    public void flushToLdisc() {
        if (flip.length > 0) {
            int taken = ldisc.receiveBuf(flip, 0, flip.length);
            flip = java.util.Arrays.copyOfRange(flip, taken, flip.length);
        }
    }

    /** Input is waiting for room: the device should not be read until it drains (throttling). */
    public boolean throttled() {
        return flip.length > 0;
    }

    /** tty_buffer_flush(): TCFLSH drops the input not yet given to the line discipline too. */
    void bufferFlush() {
        flip = new byte[0];
    }

    // ---- output to the device -----------------------------------------------------------------

    /**
     * tty_write_room(): the host terminal takes everything at once, except while output is
     * stopped, when it takes nothing (as a pseudo-terminal's pty_write_room says).
     */
    int writeRoom() {
        return stopped ? 0 : Integer.MAX_VALUE;
    }

    void driverWrite(byte[] buf, int off, int len) {
        if (len > 0) {
            ops.write(buf, off, len);
        }
    }

    /** tty_put_char(). */
    void putChar(int c) {
        ops.write(new byte[]{(byte) c}, 0, 1);
    }

    void flushChars() {
        ops.flushChars();
    }

    /** tty_send_xchar(): a START or STOP character to the device, ahead of other output (TCION, TCIOFF). */
    public void sendXchar(int c) {
        putChar(c);
        flushChars();
    }

    // ---- the kernel ---------------------------------------------------------------------------

    long now() {
        return hooks.now();
    }

    public WaitQueue readWait() {
        return readWait;
    }

    public WaitQueue writeWait() {
        return writeWait;
    }

    void wakeReaders() {
        hooks.wakeUp(readWait);
    }

    void wakeWriters() {
        hooks.wakeUp(writeWait);
    }

    // ---- hang-up ------------------------------------------------------------------------------

    public boolean hungUp() {
        return hungUp;
    }

    /**
     * The device went away (the host's terminal closed): like tty_vhangup(), reads return end of
     * file, writes fail with EIO, and every sleeper is woken to find that out.
     */
    public void hangup() {
        hungUp = true;
        bufferFlush();
        ldisc.flushBuffer();
        wakeReaders();
        wakeWriters();
        hooks.wakeUp(jobStopped);
    }
}
