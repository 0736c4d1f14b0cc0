package minikernel.kernel.syscall;

/**
 * How the tracer prints one argument of a system call, in strace(1)'s notation: numbers,
 * pointers ({@code NULL} or hex), quoted strings and buffers (at most 32 bytes, then {@code ...}),
 * and flag sets by name ({@code PROT_READ|PROT_WRITE}).
 */
public enum ArgFormat {
    /** Signed 32-bit decimal. */
    INT,
    /** Unsigned decimal (sizes, counts). */
    UINT,
    /** Hexadecimal. */
    HEX,
    /** A pointer: {@code NULL} or {@code 0x...}. */
    PTR,
    /** A file descriptor ({@code AT_FDCWD} for -100). */
    FD,
    /** A NUL-terminated string in user memory. */
    STRING,
    /** A buffer the call reads, whose length is the next argument (write). */
    BUF_IN,
    /** A buffer the call fills, whose length is the call's result (read). */
    BUF_OUT,
    /** An iovec array the call reads, whose count is the next argument (writev). */
    IOVEC_IN,
    /** An octal mode. */
    OCTAL,
    /** mmap/mprotect protection bits. */
    PROT,
    /** mmap flags. */
    MAP_FLAGS,
    /** open flags. */
    OPEN_FLAGS,
    /** a clockid_t. */
    CLOCK,
    /** a signal number. */
    SIGNAL,
    /** rt_sigprocmask's how. */
    SIGMASK_HOW,
    /** an ioctl request. */
    IOCTL_REQUEST,
    /** a getrlimit resource. */
    RLIMIT,
    /** *at() flags (AT_EMPTY_PATH, AT_SYMLINK_NOFOLLOW). */
    AT_FLAGS,
    /** a struct timespec the call reads (nanosleep). */
    TIMESPEC_IN,
    /** clone flags and exit signal. */
    CLONE_FLAGS,
    /** wait4 options. */
    WAIT_OPTIONS,
    /** a NULL-terminated array of strings (execve's argv). */
    ARGV,
    /** execve's envp: strace shows only how many there are. */
    ENVP,
    /** a futex operation with its flags. */
    FUTEX_OP
}
