package minikernel.kernel.drivers;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import minikernel.kernel.drivers.tty.Termios;
import minikernel.kernel.drivers.tty.TtyOperations;
import minikernel.kernel.drivers.tty.Winsize;

/**
 * The host's terminal as the device under the console tty. While the kernel runs it is in raw
 * mode (cfmakeraw: bytes come in as typed and go out as written, no echo, no signals from keys),
 * because the guest's own line discipline does all that. The user's settings are put back when
 * the machine stops, and also from a JVM shutdown hook, so that neither a crash nor a kill of the
 * JVM leaves the terminal raw (only SIGKILL can: then {@code stty sane} repairs it).
 */
final class HostTerminal implements TtyOperations {
    private final HostFd in, out;
    /** A descriptor object of its own for the shutdown hook, which runs on another thread. */
    private final HostFd control;
    private final byte[] saved;
    private final Thread restoreHook;
    private final ByteArrayOutputStream xmit = new ByteArrayOutputStream();
    private boolean restored;

    private HostTerminal(int inFd, int outFd, byte[] saved) {
        this.in = new HostFd(inFd);
        this.out = new HostFd(outFd);
        this.control = new HostFd(inFd);
        this.saved = saved;
        this.restoreHook = new Thread(this::restore, "minikernel: restore the terminal");
    }

    /**
     * The terminal on host descriptor {@code inFd}, now raw, writing to {@code outFd}; null if
     * it is not a terminal, or not the JVM's to take (a background job of the user's shell).
     */
    static HostTerminal open(int inFd, int outFd) {
        HostFd probe = new HostFd(inFd);
        byte[] saved;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment t = a.allocate(HostFd.TERMIOS_SIZE);
            if (probe.tcgets(t) != 0 || !probe.mayChangeTerminal()) {
                return null;
            }
            saved = t.toArray(ValueLayout.JAVA_BYTE);
        }
        HostTerminal terminal = new HostTerminal(inFd, outFd, saved);
        Runtime.getRuntime().addShutdownHook(terminal.restoreHook);
        terminal.set(raw(saved));
        return terminal;
    }

    /** cfmakeraw(3) of the user's settings. */
    private static byte[] raw(byte[] user) {
        Termios t = new Termios();
        t.fromUser(user, false);
        t.iflag &= ~(Termios.IGNBRK | Termios.BRKINT | Termios.PARMRK | Termios.ISTRIP | Termios.INLCR
                | Termios.IGNCR | Termios.ICRNL | Termios.IXON);
        t.oflag &= ~Termios.OPOST;
        t.lflag &= ~(Termios.ECHO | Termios.ECHONL | Termios.ICANON | Termios.ISIG | Termios.IEXTEN);
        t.cflag = t.cflag & ~(Termios.CSIZE | Termios.PARENB) | Termios.CS8;
        t.cc[Termios.VMIN] = 1;
        t.cc[Termios.VTIME] = 0;
        return t.toUser(false);
    }

    /** tcsetattr(TCSADRAIN). */
    private synchronized void set(byte[] termios) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment t = a.allocate(HostFd.TERMIOS_SIZE);
            MemorySegment.copy(termios, 0, t, ValueLayout.JAVA_BYTE, 0, HostFd.TERMIOS_SIZE);
            control.ioctl(HostFd.TCSETSW, t);
        }
    }

    /** The user's settings back (once; from the kernel's close or the shutdown hook). */
    synchronized void restore() {
        if (restored) {
            return;
        }
        restored = true;
        set(saved);
        if (Thread.currentThread() != restoreHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(restoreHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs and finds the work done
            }
        }
    }

    // ---- input ----------------------------------------------------------------------------------

    /** True if typed input is waiting, after waiting up to {@code timeoutMs} (-1: until some is). */
    boolean readable(int timeoutMs) {
        return in.readable(timeoutMs);
    }

    /** What was typed, up to {@code into.length} bytes; 0 or less when the terminal has gone. */
    int read(byte[] into) {
        MemorySegment buf = in.buffer(into.length);
        long n = in.read(buf, into.length);
        if (n > 0) {
            MemorySegment.copy(buf, ValueLayout.JAVA_BYTE, 0, into, 0, (int) n);
        }
        return (int) n;
    }

    /** TIOCGWINSZ on the host: the window's size now. */
    synchronized Winsize winsize() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ws = a.allocate(Winsize.SIZE);
            if (control.ioctl(HostFd.TIOCGWINSZ, ws) < 0) {
                return Winsize.ZERO;
            }
            return Winsize.fromUser(ws.toArray(ValueLayout.JAVA_BYTE));
        }
    }

    // ---- output (tty_operations) ---------------------------------------------------------------

    @Override
    public void write(byte[] buf, int off, int len) {
        xmit.write(buf, off, len);
    }

    @Override
    public void flushChars() {
        if (xmit.size() == 0) {
            return;
        }
        byte[] b = xmit.toByteArray();
        xmit.reset();
        MemorySegment native_ = out.buffer(b.length);
        MemorySegment.copy(b, 0, native_, ValueLayout.JAVA_BYTE, 0, b.length);
        out.write(native_, b.length);
    }

    /**
     * A kernel message, written as a console driver does (not through the line discipline):
     * each newline as CR LF, since the raw terminal will not add the CR.
     */
    void printk(String text) {
        byte[] b = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        write(b, 0, b.length);
        flushChars();
    }
}
