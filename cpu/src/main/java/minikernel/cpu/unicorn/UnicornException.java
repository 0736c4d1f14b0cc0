package minikernel.cpu.unicorn;

/** A Unicorn call failed, or the library cannot be used. */
public final class UnicornException extends RuntimeException {
    private final int error;

    public UnicornException(String function, int error) {
        super(function + " failed: " + UcConst.errorName(error));
        this.error = error;
    }

    public UnicornException(String message) {
        super(message);
        this.error = -1;
    }

    /** The uc_err, or -1 when the failure was not a uc_err. */
    public int error() {
        return error;
    }
}
