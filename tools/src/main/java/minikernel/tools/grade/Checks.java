package minikernel.tools.grade;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A test's expectations against one run: the first that fails, said in one paragraph. */
final class Checks {
    private Checks() {
    }

    static Optional<String> failure(TestSpec t, SeedRun r, String referenceStdout) {
        if (r.oops() != null) {
            return Optional.of(r.oops());
        }
        if (r.stderr().contains("minikernel: budget of ")) {
            return Optional.of("ran out of its budget of " + String.format("%,d", t.budget())
                    + " blocks (an endless loop or a deadlock that spins?)");
        }
        if (t.signal() != null) {
            int want = Suite.signalNumber(t.signal());
            if (r.status() != 128 + want) {
                return Optional.of("expected to be killed by " + t.signal() + ", but " + how(r.status()));
            }
        } else if (t.exit() != null && r.status() != t.exit()) {
            return Optional.of("expected exit status " + t.exit() + ", but " + how(r.status()));
        }
        if (t.stdout() != null && !t.stdout().equals(r.stdout())) {
            return Optional.of("stdout differs from the expected:\n" + Diff.lines(t.stdout(), r.stdout()));
        }
        if (referenceStdout != null && !referenceStdout.equals(r.stdout())) {
            return Optional.of("stdout differs from the reference solution's on Linux:\n"
                    + Diff.lines(referenceStdout, r.stdout()));
        }
        if (t.stdoutLines() != null) {
            List<String> lines = r.stdout().lines().toList();
            if (lines.size() != t.stdoutLines().size()) {
                return Optional.of("expected " + t.stdoutLines().size() + " lines of output, got " + lines.size()
                        + ":\n" + r.stdout());
            }
            for (int i = 0; i < lines.size(); i++) {
                if (!Pattern.compile(t.stdoutLines().get(i)).matcher(lines.get(i)).matches()) {
                    return Optional.of("line " + (i + 1) + " \"" + lines.get(i) + "\" does not match /"
                            + t.stdoutLines().get(i) + "/");
                }
            }
        }
        int from = 0;
        for (String call : t.syscalls()) {
            int at = r.trace().indexOf(call, from);
            if (at < 0) {
                return Optional.of("the system calls lack \"" + call + "\""
                        + (from > 0 ? " after the ones before it" : "") + " (see --trace)");
            }
            from = at + call.length();
        }
        if (t.invariants() && !r.brokenInvariants().isEmpty()) {
            return Optional.of("the kernel was left in a bad state: " + String.join("; ", r.brokenInvariants()));
        }
        return Optional.empty();
    }

    private static String how(int status) {
        return status > 128 ? "it was killed by signal " + minikernel.kernel.signal.Signal.name(status - 128)
                : "it exited with status " + status;
    }
}
