package minikernel.kernel.drivers;

import java.util.List;
import minikernel.kernel.Kernel;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.Kstat;
import minikernel.kernel.fs.Path;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.WaitQueue;

/**
 * /dev/tty (5:0) and /dev/console (5:1) opened by name: the console's tty when there is one
 * ({@link Console#openDevice}); otherwise reads come from the host's standard input and writes
 * go to its standard output, through the same console files the first task's descriptors 0 and
 * 1 use, so a program that reopens its terminal reads and writes where its stdin and stdout do.
 */
public final class ConsoleDevice extends File {
    private final HostConsoleFile in, out;

    private ConsoleDevice(HostConsoleFile in, HostConsoleFile out, Path path, int flags) {
        super(flags, path);
        this.in = in;
        this.out = out;
    }

    /** chrdev_open() of a console device; null (ENXIO) for /dev/tty without a controlling terminal. */
    public static File open(Kernel kernel, Path path, int flags) {
        return kernel.console().openDevice(Kstat.minor(path.inode().rdev()), path, flags);
    }

    static File passThrough(Console console, Path path, int flags) {
        return new ConsoleDevice(console.passThroughIn(), console.passThroughOut(), path, flags);
    }

    @Override
    public long read(Task current, long buf, long count) {
        return in.read(current, buf, count);
    }

    @Override
    public long write(Task current, long buf, long count) {
        return out.write(current, buf, count);
    }

    @Override
    public long ioctl(Task current, int request, long arg) {
        return in.ioctl(current, request, arg);
    }

    @Override
    public int poll(Task current) {
        return in.poll(current) | POLLOUT | POLLWRNORM;
    }

    @Override
    public void pollWait(List<WaitQueue> table) {
        in.pollWait(table);
    }
}
