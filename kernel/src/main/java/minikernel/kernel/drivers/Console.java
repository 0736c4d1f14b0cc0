package minikernel.kernel.drivers;

import java.util.ArrayList;
import java.util.List;
import minikernel.kernel.Kernel;
import minikernel.kernel.drivers.tty.NTty;
import minikernel.kernel.drivers.tty.Tty;
import minikernel.kernel.drivers.tty.TtyFile;
import minikernel.kernel.drivers.tty.Winsize;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.Kstat;
import minikernel.kernel.fs.Path;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.WaitQueue;
import minikernel.kernel.signal.Kill;

/**
 * The machine's console, on the host's standard descriptors: the first tasks' descriptors 0, 1
 * and 2, and /dev/tty and /dev/console opened by name.
 *
 * <p>When the host's stdin is a terminal, the console is a tty ({@link Tty}) over it: the host
 * terminal is made raw, and the guest's line discipline does the editing, echo and ^C. It is the
 * controlling terminal of the first session (session 1, the first task's), with the first task's
 * group (1) in the foreground. Host input is read into it by the kernel between runs of tasks
 * ({@link #pollInput}), as a keyboard interrupt would deliver it, so typing is echoed and ^C
 * works while every task computes; readers sleep on the tty until a line is there. Descriptors 1
 * and 2 are the tty too when they are the same host terminal, and pass through to the host (a
 * file, a pipe) otherwise.
 *
 * <p>Without a terminal on stdin (a pipe, a file, /dev/null, as under tests), every descriptor
 * passes straight through ({@link HostConsoleFile}), and the console is no tty (TCGETS is the
 * host's answer: ENOTTY).
 */
public final class Console {
    private static final String NAME = "/dev/console";
    /** The console's device number, 5:1; fstat of the tty descriptors reports it. */
    private static final long CONSOLE_RDEV = Kstat.encodeDev(5, 1);
    /** How often the host window's size is looked at (a resize sends SIGWINCH). */
    private static final long RESIZE_CHECK_NANOS = 250_000_000L;
    /**
     * How often, at most, the scheduler's look at the keyboard asks the host (poll(2) costs a
     * system call; a millisecond is far below what a typist notices).
     */
    private static final long INPUT_CHECK_NANOS = 1_000_000L;

    private final Kernel kernel;
    private final List<File> files;
    private final HostConsoleFile input;       // pass-through stdin, or null
    private final HostConsoleFile err;         // printk's way out when stderr is not the tty
    private final HostTerminal terminal;       // the tty's device, or null
    private final Tty tty;
    private final byte[] typed = new byte[NTty.N_TTY_BUF_SIZE];
    private Winsize hostSize = Winsize.ZERO;
    private long lastResizeCheck, lastInputCheck;

    private Console(Kernel kernel, List<File> files, HostConsoleFile input, HostConsoleFile err,
                    HostTerminal terminal, Tty tty) {
        this.kernel = kernel;
        this.files = files;
        this.input = input;
        this.err = err;
        this.terminal = terminal;
        this.tty = tty;
    }

    /** Mutes (or unmutes) what the console writes to the host: see {@link HostConsoleFile#setMuted}. */
    public void setMuted(boolean on) {
        for (File f : files) {
            if (f instanceof HostConsoleFile h) {
                h.setMuted(on);
            }
        }
        if (err != null) {
            err.setMuted(on);
        }
    }

    /** The console on host descriptors {@code fds} (stdin, stdout, stderr). */
    public static Console open(Kernel kernel, int[] fds) {
        var ua = kernel.userAccess();
        HostConsoleFile err = new HostConsoleFile(fds[2], File.O_WRONLY, NAME, ua);
        HostFd stdin = new HostFd(fds[0]);
        boolean isatty = stdin.isatty();
        boolean outTty = isatty && sameTerminal(stdin, fds[1]), errTty = isatty && sameTerminal(stdin, fds[2]);
        HostTerminal terminal = isatty ? HostTerminal.open(fds[0], outTty ? fds[1] : errTty ? fds[2] : fds[0]) : null;
        if (terminal == null) {
            HostConsoleFile in = new HostConsoleFile(fds[0], File.O_RDONLY, NAME, ua);
            return new Console(kernel, List.of(in, new HostConsoleFile(fds[1], File.O_WRONLY, NAME, ua), err),
                    in, err, null, null);
        }
        Tty tty = new Tty(terminal, hooks(kernel));
        java.util.function.Supplier<Kstat> stat = () -> consoleStat(stdin);
        List<File> files = new ArrayList<>();
        files.add(TtyFile.anonymous(tty, File.O_RDONLY, NAME, stat));
        files.add(outTty ? TtyFile.anonymous(tty, File.O_WRONLY, NAME, stat)
                : new HostConsoleFile(fds[1], File.O_WRONLY, NAME, ua));
        files.add(errTty ? TtyFile.anonymous(tty, File.O_WRONLY, NAME, stat) : err);
        Console console = new Console(kernel, List.copyOf(files), null, errTty ? null : err, terminal, tty);
        console.checkResize(true);
        tty.setSession(1, 1);
        return console;
    }

    /** Is host descriptor {@code fd} the terminal {@code stdin} is? */
    private static boolean sameTerminal(HostFd stdin, int fd) {
        HostFd other = new HostFd(fd);
        if (!other.isatty()) {
            return false;
        }
        Kstat a = stdin.kstat(), b = other.kstat();
        return a != null && b != null && a.rdev() == b.rdev();
    }

    /** The host terminal's attributes, but with the console's device number, which /dev/console has too. */
    private static Kstat consoleStat(HostFd stdin) {
        Kstat k = stdin.kstat();
        if (k == null) {
            return null;
        }
        return new Kstat(k.dev(), k.ino(), k.mode(), k.nlink(), k.uid(), k.gid(), CONSOLE_RDEV, k.size(),
                k.blksize(), k.blocks(), k.atimeSec(), k.atimeNsec(), k.mtimeSec(), k.mtimeNsec(),
                k.ctimeSec(), k.ctimeNsec(), k.btimeSec(), k.btimeNsec());
    }

    /** What the tty needs of the kernel: signals to a group, wake-ups, the clock. */
    private static Tty.Hooks hooks(Kernel kernel) {
        return new Tty.Hooks() {
            @Override
            public void killPgrp(int pgrp, int sig) {
                for (Task t : new ArrayList<>(kernel.scheduler().tasks())) {
                    if (t == t.groupLeader() && t.pgrp() == pgrp) {
                        Kill.send(t, sig);
                    }
                }
            }

            @Override
            public void wakeUp(WaitQueue queue) {
                queue.wakeUpAll(kernel.scheduler());
            }

            @Override
            public long now() {
                return kernel.clock().monotonicNanos();
            }
        };
    }

    /** The first tasks' descriptors 0, 1 and 2; the kernel holds one reference on each. */
    public List<File> files() {
        return files;
    }

    /** The console tty, or null when the host's stdin is not a terminal. */
    public Tty tty() {
        return tty;
    }

    /**
     * /dev/tty (minor 0) or /dev/console (minor 1) opened by name. On the tty, /dev/tty is the
     * caller's controlling terminal (ENXIO, a null here, if it has none) and /dev/console the
     * same tty without job control; without a tty both are the pass-through console.
     */
    File openDevice(int minor, Path path, int flags) {
        if (tty == null) {
            return ConsoleDevice.passThrough(this, path, flags);
        }
        if (minor == 0) {
            Task current = kernel.scheduler().current();
            return current != null && tty.isControllingTerminalOf(current)
                    ? TtyFile.opened(tty, flags, path, false) : null;
        }
        return TtyFile.opened(tty, flags, path, true);
    }

    /** The pass-through files, for {@link ConsoleDevice}. */
    HostConsoleFile passThroughIn() {
        return (HostConsoleFile) files.get(0);
    }

    HostConsoleFile passThroughOut() {
        return (HostConsoleFile) files.get(1);
    }

    // ---- input: the kernel's "keyboard interrupt" ---------------------------------------------

    /**
     * Takes in what the host has for the console, waiting up to {@code timeoutMs} for it (0:
     * just look; -1: until some comes). On the tty every look reads what was typed into the line
     * discipline (echo and ^C happen then, read or not); waiting is only worth it when a task
     * waits on the console. True if input came.
     */
    public boolean pollInput(int timeoutMs) {
        if (tty == null) {
            return input.pollInput(kernel.scheduler(), timeoutMs);
        }
        if (timeoutMs != 0 && tty.readWait().isEmpty() && tty.writeWait().isEmpty()) {
            return false;
        }
        if (timeoutMs == 0) {
            long t = System.nanoTime();
            if (t - lastInputCheck < INPUT_CHECK_NANOS) {
                return false;
            }
            lastInputCheck = t;
        }
        return readTerminal(timeoutMs);
    }

    /**
     * Every task sleeps until a timer, {@code timeoutMs} away on the host's clock: wait for
     * input meanwhile, so that typing (^C above all) is seen at once. True if input came first.
     */
    public boolean idle(int timeoutMs) {
        return tty == null ? input.pollInput(kernel.scheduler(), timeoutMs) : readTerminal(timeoutMs);
    }

    /** True when the console is a terminal and a task waits to read what a person types on it. */
    public boolean personAwaited() {
        return tty != null && !tty.readWait().isEmpty();
    }

    private boolean readTerminal(int timeoutMs) {
        checkResize(false);
        if (tty.hungUp()) {
            return false;
        }
        tty.flushToLdisc();
        if (tty.throttled() || !terminal.readable(timeoutMs)) {
            return false;
        }
        int n = terminal.read(typed);
        if (n <= 0) {
            tty.hangup();                 // the host terminal is gone
        } else {
            tty.receive(typed, n);
        }
        return true;
    }

    /** A new size of the host's window becomes the tty's (SIGWINCH to the foreground group). */
    private void checkResize(boolean now) {
        long t = System.nanoTime();
        if (!now && t - lastResizeCheck < RESIZE_CHECK_NANOS) {
            return;
        }
        lastResizeCheck = t;
        Winsize ws = terminal.winsize();
        if (!ws.equals(hostSize)) {
            hostSize = ws;
            tty.resize(ws);
        }
    }

    // ---- output and shutdown -------------------------------------------------------------------

    /** Kernel text (printk) to where the console's errors go. */
    public void printk(String text) {
        if (err == null) {
            terminal.printk(text);
        } else {
            err.printk(text);
        }
    }

    /** The machine stopped: the host terminal gets the user's settings back. */
    public void shutdown() {
        if (terminal != null) {
            terminal.restore();
        }
    }
}
