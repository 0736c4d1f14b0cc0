package minikernel.kernel.exec;

import minikernel.kernel.syscall.Errno;

/** A program could not be started; the message says why and the errno is what execve returns. */
public final class ExecException extends Exception {
    private final Errno errno;

    public ExecException(Errno errno, String message) {
        super(message);
        this.errno = errno;
    }

    public Errno errno() {
        return errno;
    }
}
