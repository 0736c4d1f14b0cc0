package minikernel.tools.debug;

/**
 * A command the debugger cannot carry out, with a one-line message for the console to print as
 * it is ({@code no symbol 'foo'}, {@code cannot read memory at 0x0}). Checked, so that no caller
 * forgets that a typo or an unmapped page is the normal case, not a bug.
 */
public final class DebugException extends Exception {
    public DebugException(String message) {
        super(message);
    }
}
