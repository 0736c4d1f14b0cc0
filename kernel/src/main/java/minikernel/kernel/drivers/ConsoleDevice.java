package minikernel.kernel.drivers;

import java.util.List;
import minikernel.kernel.Kernel;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.Path;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.WaitQueue;

/**
 * /dev/console and /dev/tty opened by name: reads come from the host's standard input and writes
 * go to its standard output, through the same console files the first task's descriptors 0 and 1
 * use, so a program that reopens its terminal reads and writes where its stdin and stdout do.
 */
public final class ConsoleDevice extends File {
    private final HostConsoleFile in, out;

    private ConsoleDevice(Kernel kernel, Path path, int flags) {
        super(flags, path);
        List<File> console = kernel.consoleFiles();
        in = (HostConsoleFile) console.get(0);
        out = (HostConsoleFile) console.get(1);
    }

    public static File open(Kernel kernel, Path path, int flags) {
        return new ConsoleDevice(kernel, path, flags);
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
    public long writeKernel(Task current, byte[] b, int len, boolean mayBlock) {
        return out.writeKernel(current, b, len, mayBlock);
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
