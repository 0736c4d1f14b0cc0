package minikernel.kernel.fs;

import minikernel.kernel.syscall.Errno;

/**
 * A VFS operation failed with {@code errno}: the Java form of Linux's ERR_PTR(-errno) returns,
 * thrown by inode and path-walk operations and turned back into -errno at the system call.
 * It carries no stack trace: it is an answer, not a bug.
 */
public final class VfsError extends RuntimeException {
    private final Errno errno;

    public VfsError(Errno errno) {
        super(errno.name(), null, false, false);
        this.errno = errno;
    }

    public Errno errno() {
        return errno;
    }

    public long negative() {
        return errno.negative();
    }
}
