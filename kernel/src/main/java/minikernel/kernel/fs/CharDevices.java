package minikernel.kernel.fs;

import minikernel.kernel.Kernel;
import minikernel.kernel.drivers.ConsoleDevice;
import minikernel.kernel.drivers.MemDevice;
import minikernel.kernel.syscall.Errno;

/**
 * chrdev_open() (fs/char_dev.c): the driver for a character device is chosen by the device
 * number of the inode opened: 1 is drivers/char/mem.c (null, zero, full, random, urandom), 5 the
 * terminal devices (/dev/tty, /dev/console). Other numbers have no driver here: ENXIO.
 */
public final class CharDevices {
    public static final int MEM_MAJOR = 1, TTYAUX_MAJOR = 5;

    private CharDevices() {
    }

    public static File open(Kernel kernel, long rdev, Path path, int flags) {
        int major = Kstat.major(rdev), minor = Kstat.minor(rdev);
        File f = switch (major) {
            case MEM_MAJOR -> MemDevice.open(kernel, minor, path, flags);
            case TTYAUX_MAJOR -> minor <= 1 ? ConsoleDevice.open(kernel, path, flags) : null;
            default -> null;
        };
        if (f == null) {
            throw new VfsError(Errno.ENXIO);
        }
        return f;
    }
}
