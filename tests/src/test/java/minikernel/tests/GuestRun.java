package minikernel.tests;

import java.time.Duration;
import java.util.List;

/**
 * What one run of a guest program left behind: its output, how it ended and how long it took.
 *
 * @param command    the host command line that ran it (for failure messages)
 * @param stdout     everything the guest wrote to fd 1, bytes as ISO-8859-1 characters
 * @param stderr     everything written to fd 2, including minikernel's own fault reports
 * @param exitStatus the status a shell would show: the exit code, or 128 + the signal number
 * @param elapsed    wall-clock time from start to exit
 */
public record GuestRun(List<String> command, String stdout, String stderr, int exitStatus, Duration elapsed) {

    /** True when stderr shows a Java exception: minikernel must never leak one to the user. */
    public boolean stderrHasJavaStackTrace() {
        return stderr.lines().anyMatch(line -> line.startsWith("\tat ")) || stderr.contains("Exception");
    }

    /** A readable account of the run for an assertion message. */
    public String describe() {
        return "command: " + String.join(" ", command)
                + "\nexit status: " + exitStatus + " after " + elapsed.toMillis() + " ms"
                + "\n--- stdout ---\n" + clip(stdout)
                + "\n--- stderr ---\n" + clip(stderr);
    }

    private static String clip(String text) {
        int limit = 4000;
        return text.length() <= limit ? text : text.substring(0, limit) + "\n... (" + (text.length() - limit) + " more chars)";
    }
}
