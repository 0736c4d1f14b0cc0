package minikernel.kernel.fs;

import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * An open file: Linux's {@code struct file} with its {@code file_operations} as overridable
 * methods. Descriptors in one or more fd tables point to it, and it counts them ({@code f_count}):
 * after fork, parent and child share the same File (and so its offset), which is exactly what
 * Linux does. The last {@link #put} releases it.
 */
public abstract class File {
    /** O_ACCMODE values and the flags fcntl(F_GETFL) reports, as include/uapi/asm-generic/fcntl.h. */
    public static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_ACCMODE = 3;
    public static final int O_APPEND = 0x400, O_NONBLOCK = 0x800;

    private int count = 1;       // f_count: descriptors and other references
    private int flags;           // f_flags
    protected long pos;          // f_pos

    protected File(int flags) {
        this.flags = flags;
    }

    /** get_file(): one more reference. */
    public final File get() {
        if (count <= 0) {
            throw new IllegalStateException("get_file on a released file");
        }
        count++;
        return this;
    }

    /** fput(): drops a reference; the last one releases the file. */
    public final void put() {
        if (count <= 0) {
            throw new IllegalStateException("fput on a released file");
        }
        if (--count == 0) {
            release();
        }
    }

    public final int count() {
        return count;
    }

    public final int flags() {
        return flags;
    }

    /** F_SETFL: only the status flags that fcntl may change (O_APPEND, O_NONBLOCK, ...). */
    public final void setStatusFlags(int newFlags) {
        int changeable = O_APPEND | O_NONBLOCK | 0x2000 | 0x4000 | 0x40000;   // | O_ASYNC | O_DIRECT | O_NOATIME
        flags = flags & ~changeable | newFlags & changeable;
    }

    public final boolean nonBlocking() {
        return (flags & O_NONBLOCK) != 0;
    }

    public final boolean readable() {
        return (flags & O_ACCMODE) != O_WRONLY;
    }

    public final boolean writable() {
        return (flags & O_ACCMODE) != O_RDONLY;
    }

    /** f_op->read: up to {@code count} bytes into user memory at {@code buf}. */
    public long read(Task current, long buf, long count) {
        return Errno.EINVAL.negative();
    }

    /** f_op->write: up to {@code count} bytes from user memory at {@code buf}. */
    public long write(Task current, long buf, long count) {
        return Errno.EINVAL.negative();
    }

    /** f_op->unlocked_ioctl; files that are not devices answer ENOTTY. */
    public long ioctl(Task current, int request, long arg) {
        return Errno.ENOTTY.negative();
    }

    /** The file's attributes for fstat and statx, or an -errno. */
    public abstract Kstat stat();

    /** f_op->release: the last reference is gone. */
    protected void release() {
    }

    /** What /proc/PID/fd/N points to, e.g. "/dev/console" or "pipe:[4]". */
    public abstract String path();
}
