package minikernel.tools.grade;

/** A suite file that cannot be used: the message names the file and the field. */
public final class SuiteException extends Exception {
    public SuiteException(String message) {
        super(message);
    }
}
