package minikernel.kernel.drivers.tty;

import java.util.List;
import java.util.function.Supplier;
import minikernel.cpu.PhysicalMemory;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.Kstat;
import minikernel.kernel.fs.Path;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.WaitQueue;
import minikernel.kernel.signal.Signal;
import minikernel.kernel.syscall.Errno;

/**
 * An open file on a terminal: drivers/tty/tty_io.c's tty_fops. Reads and writes pass the job
 * control check, then go through the line discipline; poll asks it what is ready; ioctl is
 * {@link TtyIoctl}. A call that must wait sleeps and runs again when woken, like every blocking
 * call here, so all it needs to remember across the wait is when it started (for VTIME).
 *
 * <p>A background job that reads (or writes under TOSTOP) is sent SIGTTIN (SIGTTOU) like on
 * Linux. Stopping a task is not implemented yet, so in place of being stopped the call sleeps
 * until its group is the foreground group (tcsetpgrp), and then runs again: what a job stopped
 * and later continued by the shell's {@code fg} sees.
 */
public final class TtyFile extends File {
    /** Bytes per step through the line discipline: its buffer holds no more (tty_read's chunks). */
    private static final int CHUNK = NTty.N_TTY_BUF_SIZE;

    private final Tty tty;
    private final boolean jobControl;
    private final String name;
    private final Supplier<Kstat> anonymousStat;

    private TtyFile(Tty tty, int flags, Path path, boolean jobControl, String name, Supplier<Kstat> stat) {
        super(flags, path);
        this.tty = tty;
        this.jobControl = jobControl;
        this.name = name;
        this.anonymousStat = stat;
    }

    /** A terminal file not opened by name (the first tasks' 0, 1 and 2), called {@code name}. */
    public static TtyFile anonymous(Tty tty, int flags, String name, Supplier<Kstat> stat) {
        return new TtyFile(tty, flags, null, true, name, stat);
    }

    /**
     * A terminal opened by name. Opened as /dev/console it does no job control: Linux's
     * console_fops (redirected_tty_write) never stops the programs that write to the console.
     */
    public static TtyFile opened(Tty tty, int flags, Path path, boolean console) {
        return new TtyFile(tty, flags, path, !console, null, null);
    }

    public Tty tty() {
        return tty;
    }

    /** -ERESTARTSYS from a job control check: wait to be in the foreground, then run again. */
    private static long sleepIfStopped(Task current, Tty tty, long r) {
        if (r == TtyJobControl.ERESTARTSYS) {
            current.kernel().scheduler().blockAndRestart(current, tty.jobStopped());
            return 0;
        }
        return r;
    }

    /** tty_read() and n_tty_read(). */
    @Override
    public long read(Task current, long buf, long count) {
        Long started = current.syscallStart();
        current.setSyscallStart(null);
        if (jobControl) {
            long r = TtyJobControl.checkChange(current, tty, Signal.SIGTTIN.number);
            if (r != 0) {
                return sleepIfStopped(current, tty, r);
            }
        }
        int want = (int) Math.min(count, CHUNK);
        if (want == 0) {
            return 0;
        }
        UserAccess ua = current.kernel().userAccess();
        if (!ua.accessOk(current.mm(), buf, want, true)) {
            return Errno.EFAULT.negative();      // before any input is taken from the buffer
        }
        if (started == null) {
            started = tty.now();
        }
        byte[] kbuf = new byte[want];
        NTty.Read r = tty.ldisc().read(kbuf, want, started);
        if (r.waits()) {
            if (tty.hungUp()) {
                return 0;
            }
            if (nonBlocking()) {
                return Errno.EAGAIN.negative();
            }
            current.setSyscallStart(started);
            current.kernel().scheduler().blockAndRestart(current, tty.readWait(), r.deadline());
            return 0;
        }
        if (r.count() > 0 && !ua.copyToUser(current.mm(), buf, kbuf, 0, r.count())) {
            return Errno.EFAULT.negative();
        }
        return r.count();
    }

    /**
     * tty_write() and n_tty_write(): the bytes go out through output processing. While output is
     * stopped (^S) nothing goes, and the writer waits for ^Q.
     */
    @Override
    public long write(Task current, long buf, long count) {
        if (jobControl && tty.l(Termios.TOSTOP)) {
            long r = TtyJobControl.checkChange(current, tty, Signal.SIGTTOU.number);
            if (r != 0) {
                return sleepIfStopped(current, tty, r);
            }
        }
        if (tty.hungUp()) {
            return Errno.EIO.negative();
        }
        UserAccess ua = current.kernel().userAccess();
        long total = 0;
        while (total < count) {
            int want = (int) Math.min(64 * 1024, count - total);
            byte[] chunk = new byte[want];
            int copied = copyFromUser(ua, current, buf + total, chunk);
            if (copied == 0) {
                return total > 0 ? total : Errno.EFAULT.negative();
            }
            int n = tty.ldisc().write(chunk, 0, copied);
            total += n;
            if (n < copied || copied < want) {
                break;                           // stopped, or the buffer turned bad part-way
            }
        }
        if (total == 0 && count > 0) {
            if (nonBlocking()) {
                return Errno.EAGAIN.negative();
            }
            current.kernel().scheduler().blockAndRestart(current, tty.writeWait());
        }
        return total;
    }

    /** Copies user bytes page by page, stopping at the first bad page; the bytes copied. */
    private static int copyFromUser(UserAccess ua, Task current, long va, byte[] into) {
        int done = 0;
        while (done < into.length) {
            int n = (int) Math.min(into.length - done, PhysicalMemory.PAGE_SIZE - ((va + done) & 0xfff));
            if (!ua.copyFromUser(current.mm(), va + done, into, done, n)) {
                break;
            }
            done += n;
        }
        return done;
    }

    /** tty_ioctl(); a background job's change waits as a read does. */
    @Override
    public long ioctl(Task current, int request, long arg) {
        return sleepIfStopped(current, tty, TtyIoctl.ioctl(current, this, tty, request, arg));
    }

    /** n_tty_poll(): input ready, hung up, output possible (not while stopped). */
    @Override
    public int poll(Task current) {
        int mask = 0;
        if (tty.ldisc().inputAvailable(true)) {
            mask |= POLLIN | POLLRDNORM;
        }
        if (tty.hungUp()) {
            mask |= POLLHUP;
        }
        if (tty.writeRoom() > 0) {
            mask |= POLLOUT | POLLWRNORM;
        }
        return mask;
    }

    @Override
    public void pollWait(List<WaitQueue> table) {
        table.add(tty.readWait());
        table.add(tty.writeWait());
    }

    @Override
    public Kstat stat() {
        return path() != null ? super.stat() : anonymousStat.get();
    }

    @Override
    protected String anonymousName() {
        return name;
    }
}
