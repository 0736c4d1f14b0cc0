package minikernel.kernel.drivers;

import java.lang.foreign.MemorySegment;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.Kstat;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * The guest's view of one of the host's standard descriptors when the host's stdin is not a
 * terminal: reads and writes go to the host descriptor, TCGETS and fstat are answered by the host,
 * so a guest finds a pipe or a file where the host has those (and a terminal on an output that is
 * one), and its C library buffers output exactly as it would natively. One object per host
 * descriptor; the guest's 0, 1 and 2 point to these. With a terminal on stdin the console is a
 * tty instead ({@link Console}); an output that is not that terminal is still one of these.
 */
public final class HostConsoleFile extends File {
    /** Bytes moved through the host per call at most; larger requests loop (like MAX_RW_COUNT chunks). */
    private static final int CHUNK = 1 << 20;

    private final HostFd host;
    private volatile boolean muted;
    private final String path;
    private final UserAccess uaccess;
    private final minikernel.kernel.sched.WaitQueue inputWaiters = new minikernel.kernel.sched.WaitQueue("console read");

    public HostConsoleFile(int hostFd, int flags, String path, UserAccess uaccess) {
        super(flags);
        this.host = new HostFd(hostFd);
        this.path = path;
        this.uaccess = uaccess;
    }

    /**
     * Copies the guest's buffer page by page into a native buffer and writes it. A buffer that turns
     * bad part-way is written up to the bad page, as Linux's write() returns the bytes it managed;
     * a buffer bad from its first byte is -EFAULT.
     */
    /**
     * Muted, writes succeed but reach no one: the debugger's replays (reverse-step) run the program
     * again silently, and the guest must see the very same file (a tty stays a tty) or it would take
     * another path.
     */
    void setMuted(boolean on) {
        muted = on;
    }

    @Override
    public long write(Task current, long buf, long count) {
        if (!writable()) {
            return Errno.EBADF.negative();
        }
        long total = 0;
        while (total < count) {
            int want = (int) Math.min(CHUNK, count - total);
            MemorySegment native_ = host.buffer(want);
            int copied = uaccess.copyFromUserToNative(current.mm(), buf + total, native_, want);
            if (copied <= 0) {
                return total > 0 ? total : Errno.EFAULT.negative();
            }
            long written = muted ? copied : host.write(native_, copied);
            if (written < 0) {
                return total > 0 ? total : written;
            }
            total += written;
            if (written < want) {
                break;
            }
        }
        return total;
    }

    /**
     * One host read(2), copied into the guest's buffer. With no input yet, the reader sleeps while
     * other tasks run (the call restarts when input arrives); if nothing else can run, the machine
     * itself waits for the host, as an idle CPU waits for an interrupt.
     */
    @Override
    public long read(Task current, long buf, long count) {
        if (!readable()) {
            return Errno.EBADF.negative();
        }
        int want = (int) Math.min(CHUNK, count);
        if (want == 0) {
            return 0;
        }
        if (!uaccess.accessOk(current.mm(), buf, want, true)) {
            return Errno.EFAULT.negative();
        }
        if (!host.readable(0) && current.kernel().scheduler().othersRunnable(current)) {
            current.kernel().scheduler().blockAndRestart(current, inputWaiters);
            return 0;
        }
        MemorySegment native_ = host.buffer(want);
        long n = host.read(native_, want);
        if (n <= 0) {
            return n;
        }
        if (uaccess.copyNativeToUser(current.mm(), buf, native_, (int) n) != n) {
            return Errno.EFAULT.negative();
        }
        return n;
    }

    /** TCGETS is answered by the host's terminal (or its ENOTTY); other requests are not supported. */
    @Override
    public long ioctl(Task current, int request, long arg) {
        if (request != HostFd.TCGETS) {
            return Errno.ENOTTY.negative();
        }
        MemorySegment termios = host.buffer(HostFd.TERMIOS_SIZE);
        long r = host.tcgets(termios);
        if (r < 0) {
            return r;
        }
        if (uaccess.copyNativeToUser(current.mm(), arg, termios, HostFd.TERMIOS_SIZE) != HostFd.TERMIOS_SIZE) {
            return Errno.EFAULT.negative();
        }
        return 0;
    }

    /** The host's statx of the descriptor, as a Kstat. */
    @Override
    public Kstat stat() {
        return host.kstat();
    }

    /**
     * Wakes readers waiting for input if the host has some, waiting up to {@code timeoutMs} for it
     * (0: just look; -1: until input comes). False if no reader waits or no input came.
     */
    public boolean pollInput(minikernel.kernel.sched.Scheduler scheduler, int timeoutMs) {
        if (inputWaiters.isEmpty() || !host.readable(timeoutMs)) {
            return false;
        }
        inputWaiters.wakeUpAll(scheduler);
        return true;
    }

    @Override
    public long writeKernel(Task current, byte[] b, int len, boolean mayBlock) {
        if (!writable()) {
            return Errno.EBADF.negative();
        }
        if (muted) {
            return len;
        }
        MemorySegment native_ = host.buffer(len);
        MemorySegment.copy(b, 0, native_, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, len);
        return host.write(native_, len);
    }

    /** Writes kernel text (printk) straight to the host descriptor behind this console. */
    public void printk(String line) {
        if (muted) {
            return;
        }
        byte[] b = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        MemorySegment native_ = host.buffer(b.length);
        MemorySegment.copy(b, 0, native_, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, b.length);
        host.write(native_, b.length);
    }

    @Override
    protected String anonymousName() {
        return path;
    }

    /** poll: readable when the host descriptor has input (or this is an output side). */
    @Override
    public int poll(Task current) {
        if (!readable()) {
            return POLLOUT | POLLWRNORM;
        }
        return host.readable(0) ? POLLIN | POLLRDNORM : 0;
    }

    @Override
    public void pollWait(java.util.List<minikernel.kernel.sched.WaitQueue> table) {
        if (readable()) {
            table.add(inputWaiters);
        }
    }
}
