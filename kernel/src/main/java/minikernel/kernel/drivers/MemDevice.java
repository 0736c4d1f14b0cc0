package minikernel.kernel.drivers;

import minikernel.kernel.Kernel;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.Path;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * The memory devices of drivers/char/mem.c: /dev/null (reads end at once, writes vanish),
 * /dev/zero (reads zeros), /dev/full (reads zeros, writes fail with ENOSPC) and /dev/random,
 * /dev/urandom (the kernel's seeded generator, so runs stay reproducible).
 */
public final class MemDevice extends File {
    public static final int NULL = 3, ZERO = 5, FULL = 7, RANDOM = 8, URANDOM = 9;

    private final int minor;
    private final Kernel kernel;

    private MemDevice(Kernel kernel, int minor, Path path, int flags) {
        super(flags, path);
        this.kernel = kernel;
        this.minor = minor;
    }

    /** The device for {@code minor}, or null if mem.c has none. */
    public static File open(Kernel kernel, int minor, Path path, int flags) {
        return switch (minor) {
            case NULL, ZERO, FULL, RANDOM, URANDOM -> new MemDevice(kernel, minor, path, flags);
            default -> null;
        };
    }

    @Override
    public long read(Task current, long buf, long count) {
        if (minor == NULL) {
            return 0;
        }
        UserAccess ua = current.kernel().userAccess();
        long done = 0;
        while (done < count) {
            int n = (int) Math.min(count - done, 65536);
            byte[] b = minor == ZERO || minor == FULL ? new byte[n] : kernel.randomBytes(n);
            if (!ua.copyToUser(current.mm(), buf + done, b)) {
                return done > 0 ? done : Errno.EFAULT.negative();
            }
            done += n;
        }
        return done;
    }

    @Override
    public long write(Task current, long buf, long count) {
        return minor == FULL ? Errno.ENOSPC.negative() : count;
    }

    @Override
    public long writeKernel(Task current, byte[] b, int len, boolean mayBlock) {
        return minor == FULL ? Errno.ENOSPC.negative() : len;
    }

    @Override
    public long pread(Task current, long buf, long count, long offset) {
        return read(current, buf, count);
    }

    @Override
    public long pwrite(Task current, long buf, long count, long offset) {
        return write(current, buf, count);
    }

    /** null_lseek / memory_lseek: the offset is always 0 for these devices. */
    @Override
    public long llseek(long offset, int whence) {
        pos = 0;
        return 0;
    }

    /** mmap_zero(): a mapping of /dev/zero is anonymous memory; the other devices cannot be mapped. */
    @Override
    public minikernel.kernel.mm.MappedFile mmap(Task current) {
        if (minor != ZERO) {
            throw new minikernel.kernel.fs.VfsError(Errno.ENODEV);
        }
        return null;
    }

    /** Reading the zero page through a private mapping of /dev/zero is anonymous memory. */
    @Override
    public long readAt(long offset, byte[] b, int off, int len) {
        java.util.Arrays.fill(b, off, off + len, (byte) 0);
        return minor == NULL ? 0 : len;
    }
}
