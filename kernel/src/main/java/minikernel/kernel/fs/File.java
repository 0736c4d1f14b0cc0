package minikernel.kernel.fs;

import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * An open file: Linux's {@code struct file} with its {@code file_operations} as overridable
 * methods. Descriptors in one or more fd tables point to it, and it counts them ({@code f_count}):
 * after fork, parent and child share the same File (and so its offset), which is exactly what
 * Linux does, while two open(2) calls of one file make two Files with offsets of their own. The
 * last {@link #put} releases it. A file opened by name remembers where ({@link #path}, f_path);
 * pipes and the console have no place in the tree.
 */
public abstract class File {
    /** O_ACCMODE values and the open flags, as include/uapi/asm-generic/fcntl.h (i386 and x86-64 alike). */
    public static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_ACCMODE = 3;
    public static final int O_CREAT = 0100, O_EXCL = 0200, O_NOCTTY = 0400, O_TRUNC = 01000, O_APPEND = 02000,
            O_NONBLOCK = 04000, O_DSYNC = 010000, O_ASYNC = 020000, O_DIRECT = 040000, O_LARGEFILE = 0100000,
            O_DIRECTORY = 0200000, O_NOFOLLOW = 0400000, O_NOATIME = 01000000, O_CLOEXEC = 02000000,
            O_SYNC = 04010000, O_PATH = 010000000, O_TMPFILE = 020200000;
    /** poll(2) event bits. */
    public static final int POLLIN = 0x1, POLLPRI = 0x2, POLLOUT = 0x4, POLLERR = 0x8, POLLHUP = 0x10,
            POLLNVAL = 0x20, POLLRDNORM = 0x40, POLLWRNORM = 0x100;
    public static final int SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2, SEEK_DATA = 3, SEEK_HOLE = 4;

    private int count = 1;       // f_count: descriptors and other references
    private int flags;           // f_flags
    private final Path path;     // f_path, or null for an anonymous file
    protected long pos;          // f_pos

    protected File(int flags) {
        this(flags, null);
    }

    protected File(int flags, Path path) {
        this.flags = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC);
        this.path = path;
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

    /** f_path: where the file was opened, or null (pipes, the console). */
    public final Path path() {
        return path;
    }

    /** file_inode(), or null for an anonymous file. */
    public final Inode inode() {
        return path == null ? null : path.inode();
    }

    /** A pipe's end (what F_GETPIPE_SZ asks about). */
    public boolean isPipe() {
        return false;
    }

    public final long pos() {
        return pos;
    }

    /** F_SETFL: only the status flags that fcntl may change (O_APPEND, O_NONBLOCK, ...). */
    public final void setStatusFlags(int newFlags) {
        int changeable = O_APPEND | O_NONBLOCK | O_ASYNC | O_DIRECT | O_NOATIME;
        flags = flags & ~changeable | newFlags & changeable;
    }

    public final boolean nonBlocking() {
        return (flags & O_NONBLOCK) != 0;
    }

    public final boolean readable() {
        return (flags & O_PATH) == 0 && (flags & O_ACCMODE) != O_WRONLY;
    }

    public final boolean writable() {
        return (flags & O_PATH) == 0 && (flags & O_ACCMODE) != O_RDONLY;
    }

    // ---- file_operations ------------------------------------------------------------------------

    /** f_op->read: up to {@code count} bytes into user memory at {@code buf}, at f_pos. */
    public long read(Task current, long buf, long count) {
        return Errno.EINVAL.negative();
    }

    /** f_op->write: up to {@code count} bytes from user memory at {@code buf}, at f_pos. */
    public long write(Task current, long buf, long count) {
        return Errno.EINVAL.negative();
    }

    /** pread64/pwrite64: at {@code offset}, without moving f_pos; ESPIPE for what cannot seek. */
    public long pread(Task current, long buf, long count, long offset) {
        return Errno.ESPIPE.negative();
    }

    public long pwrite(Task current, long buf, long count, long offset) {
        return Errno.ESPIPE.negative();
    }

    /** f_op->llseek: the new offset, or -errno (ESPIPE for pipes and terminals). */
    public long llseek(long offset, int whence) {
        return Errno.ESPIPE.negative();
    }

    /**
     * f_op->poll: which of POLLIN, POLLOUT, POLLHUP... hold now. A file that never blocks (a
     * regular file, /dev/null) is always ready to read and write.
     */
    public int poll(Task current) {
        return POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM;
    }

    /**
     * poll_wait(): adds the wait queues a poller must sleep on to hear of a change in this file's
     * readiness. A file that is always ready adds none.
     */
    public void pollWait(java.util.List<minikernel.kernel.sched.WaitQueue> table) {
    }

    /** f_op->iterate_shared: fills a getdents64 buffer; see {@link DirectoryFile}. */
    public long getdents64(Task current, long dirent, long count) {
        return Errno.ENOTDIR.negative();
    }

    /** f_op->unlocked_ioctl; files that are not devices answer ENOTTY. */
    public long ioctl(Task current, int request, long arg) {
        return Errno.ENOTTY.negative();
    }

    /** f_op->fsync: EINVAL for what has nothing to write back (pipes, devices). */
    public long fsync() {
        return Errno.EINVAL.negative();
    }

    /**
     * Kernel-internal positional read (kernel_read: exec, page faults of a mapping, sendfile):
     * bytes at {@code offset} into {@code b}; the count, 0 at end of file, or -errno.
     */
    public long readAt(long offset, byte[] b, int off, int len) {
        return Errno.EINVAL.negative();
    }

    /** Kernel-internal positional write (a shared mapping's dirty page going back to the file). */
    public long writeAt(long offset, byte[] b, int off, int len) {
        return Errno.EINVAL.negative();
    }

    /**
     * kernel_write() for files that are not regular (pipes, devices): bytes the kernel holds, at
     * f_pos. With {@code mayBlock} false a write that would wait writes what fits, maybe nothing.
     */
    public long writeKernel(Task current, byte[] b, int len, boolean mayBlock) {
        return Errno.EINVAL.negative();
    }

    /**
     * f_op->mmap: what an mmap of this file maps. A regular file maps itself (its pages, and its
     * page cache when shared); null means "anonymous memory" (/dev/zero); other files cannot be
     * mapped (ENODEV).
     */
    public minikernel.kernel.mm.MappedFile mmap(Task current) {
        if (inode() == null || !inode().isRegular()) {
            throw new VfsError(Errno.ENODEV);
        }
        return new FileMapping(this);
    }

    /** The file's attributes for fstat and statx: its inode's, unless the file says otherwise. */
    public Kstat stat() {
        return inode().getattr();
    }

    /** f_op->release: the last reference is gone. */
    protected void release() {
    }

    /**
     * What /proc/PID/fd/N points to: the path the file was opened by, as {@code current} names it,
     * or a pseudo name like "pipe:[4]" for a file that has none.
     */
    public String name(Task current) {
        return path == null ? anonymousName() : Namei.dPath(current, path);
    }

    /** The name of a file that is not in the tree ("pipe:[N]", "/dev/console"). */
    protected String anonymousName() {
        return "anon_inode:[" + getClass().getSimpleName() + "]";
    }
}
