package minikernel.kernel.syscall;

/**
 * Linux's error numbers (include/uapi/asm-generic/errno-base.h and errno.h) with glibc's strerror
 * texts, so a failed call is traced the way strace(1) prints it:
 * {@code open("x", O_RDONLY) = -1 ENOENT (No such file or directory)}. A system call handler
 * returns {@code -Errno.X.number}; negative values from -4095 to -1 are errors.
 */
public enum Errno {
    EPERM(1, "Operation not permitted"),
    ENOENT(2, "No such file or directory"),
    ESRCH(3, "No such process"),
    EINTR(4, "Interrupted system call"),
    EIO(5, "Input/output error"),
    ENXIO(6, "No such device or address"),
    E2BIG(7, "Argument list too long"),
    ENOEXEC(8, "Exec format error"),
    EBADF(9, "Bad file descriptor"),
    ECHILD(10, "No child processes"),
    EAGAIN(11, "Resource temporarily unavailable"),
    ENOMEM(12, "Cannot allocate memory"),
    EACCES(13, "Permission denied"),
    EFAULT(14, "Bad address"),
    ENOTBLK(15, "Block device required"),
    EBUSY(16, "Device or resource busy"),
    EEXIST(17, "File exists"),
    EXDEV(18, "Invalid cross-device link"),
    ENODEV(19, "No such device"),
    ENOTDIR(20, "Not a directory"),
    EISDIR(21, "Is a directory"),
    EINVAL(22, "Invalid argument"),
    ENFILE(23, "Too many open files in system"),
    EMFILE(24, "Too many open files"),
    ENOTTY(25, "Inappropriate ioctl for device"),
    ETXTBSY(26, "Text file busy"),
    EFBIG(27, "File too large"),
    ENOSPC(28, "No space left on device"),
    ESPIPE(29, "Illegal seek"),
    EROFS(30, "Read-only file system"),
    EMLINK(31, "Too many links"),
    EPIPE(32, "Broken pipe"),
    EDOM(33, "Numerical argument out of domain"),
    ERANGE(34, "Numerical result out of range"),
    EDEADLK(35, "Resource deadlock avoided"),
    ENAMETOOLONG(36, "File name too long"),
    ENOLCK(37, "No locks available"),
    ENOSYS(38, "Function not implemented"),
    ENOTEMPTY(39, "Directory not empty"),
    ELOOP(40, "Too many levels of symbolic links"),
    ENOMSG(42, "No message of desired type"),
    EIDRM(43, "Identifier removed"),
    ENODATA(61, "No data available"),
    ETIME(62, "Timer expired"),
    EPROTO(71, "Protocol error"),
    EOVERFLOW(75, "Value too large for defined data type"),
    EILSEQ(84, "Invalid or incomplete multibyte or wide character"),
    ENOTSOCK(88, "Socket operation on non-socket"),
    EOPNOTSUPP(95, "Operation not supported"),
    EAFNOSUPPORT(97, "Address family not supported by protocol"),
    EADDRINUSE(98, "Address already in use"),
    ECONNRESET(104, "Connection reset by peer"),
    ETIMEDOUT(110, "Connection timed out"),
    ECONNREFUSED(111, "Connection refused"),
    EALREADY(114, "Operation already in progress"),
    EINPROGRESS(115, "Operation now in progress"),
    ECANCELED(125, "Operation canceled"),
    EOWNERDEAD(130, "Owner died"),
    ENOTRECOVERABLE(131, "State not recoverable");

    /** The largest errno value: results from -MAX_ERRNO to -1 are errors (include/linux/err.h). */
    public static final int MAX_ERRNO = 4095;

    private static final Errno[] BY_NUMBER = new Errno[134];

    static {
        for (Errno e : values()) {
            BY_NUMBER[e.number] = e;
        }
    }

    public final int number;
    public final String message;

    Errno(int number, String message) {
        this.number = number;
        this.message = message;
    }

    /** The value a handler returns: {@code -number}. */
    public long negative() {
        return -number;
    }

    /** True if a system call result is an error (-4095..-1, as IS_ERR_VALUE). */
    public static boolean isError(long result) {
        return result < 0 && result >= -MAX_ERRNO;
    }

    /** The errno for a number, or null if this table does not name it. */
    public static Errno of(int number) {
        return number > 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
    }
}
