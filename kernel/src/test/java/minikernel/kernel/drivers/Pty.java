package minikernel.kernel.drivers;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A pseudo-terminal of the host, to give a kernel under test a real terminal on its stdin (CI
 * has none): the test is the user at the master side, typing and reading the screen, and the
 * kernel's console is the slave. A thread keeps reading the master, so the kernel's writes never
 * fill it.
 */
final class Pty implements AutoCloseable {
    private static final int O_RDWR = 2, O_NOCTTY = 0400;
    private static final long TIOCGPTN = 0x80045430L, TIOCSPTLCK = 0x40045431L;

    final int master, slave;
    private final StringBuffer screen = new StringBuffer();
    private final Thread reader;
    private volatile boolean closing;

    private Pty(int master, int slave) {
        this.master = master;
        this.slave = slave;
        this.reader = new Thread(this::readScreen, "pty master");
        reader.setDaemon(true);
        reader.start();
    }

    /** A new pty (posix_openpt, unlockpt, ptsname, open), or null if the host has none. */
    static Pty open() {
        int master = HostFd.open("/dev/ptmx", O_RDWR | O_NOCTTY, 0);
        if (master < 0) {
            return null;
        }
        HostFd m = new HostFd(master);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment n = a.allocate(ValueLayout.JAVA_INT);
            n.set(ValueLayout.JAVA_INT, 0, 0);
            if (m.ioctl(TIOCSPTLCK, n) < 0 || m.ioctl(TIOCGPTN, n) < 0) {
                HostFd.close(master);
                return null;
            }
            int slave = HostFd.open("/dev/pts/" + n.get(ValueLayout.JAVA_INT, 0), O_RDWR | O_NOCTTY, 0);
            if (slave < 0) {
                HostFd.close(master);
                return null;
            }
            return new Pty(master, slave);
        }
    }

    private void readScreen() {
        HostFd m = new HostFd(master);
        while (!closing) {
            if (!m.readable(50)) {
                continue;
            }
            MemorySegment buf = m.buffer(4096);
            long n = m.read(buf, 4096);
            if (n <= 0) {
                return;
            }
            screen.append(new String(buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.ISO_8859_1));
        }
    }

    /** The user types {@code keys}. */
    void type(String keys) {
        HostFd m = new HostFd(master);
        byte[] b = keys.getBytes(StandardCharsets.ISO_8859_1);
        MemorySegment buf = m.buffer(b.length);
        MemorySegment.copy(b, 0, buf, ValueLayout.JAVA_BYTE, 0, b.length);
        m.write(buf, b.length);
    }

    /** Everything the screen has shown. */
    String screen() {
        return screen.toString();
    }

    /** Waits until the screen shows {@code text} (after {@code from}); false on time-out. */
    boolean waitFor(String text, int from, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (screen.indexOf(text, from) < 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** The user's settings of the slave now (TCGETS), to see that the kernel put them back. */
    byte[] termios() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment t = a.allocate(HostFd.TERMIOS_SIZE);
            new HostFd(slave).tcgets(t);
            return t.toArray(ValueLayout.JAVA_BYTE);
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        reader.join(2000);
        HostFd.close(slave);
        HostFd.close(master);
    }
}
