package minikernel.kernel.drivers.tty;

/**
 * The device under a terminal: the part of Linux's {@code struct tty_operations} the line
 * discipline uses. Here it is the host's terminal (or, in tests, a fake that records).
 */
public interface TtyOperations {
    /** ops->write: queue {@code len} bytes for sending. */
    void write(byte[] buf, int off, int len);

    /** ops->flush_chars: send what was queued. */
    void flushChars();
}
