package minikernel.tools.debug;

/** A command that cannot be done as asked: its message is the one line the console prints. */
public final class DebugException extends Exception {
    public DebugException(String message) {
        super(message);
    }
}
