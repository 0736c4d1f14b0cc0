package minikernel.tests;

import java.util.List;
import java.util.stream.Stream;

/**
 * One row of the end-to-end table: a guest program with its arguments and input, run from one
 * build (ours or glibc), and the exit status native Linux gives it.
 *
 * @param label        the case's name in test reports, e.g. {@code exit_status_42}
 * @param program      the program's file name in tests/target/guest/BUILD
 * @param args         argv[1..]
 * @param stdin        what the guest reads from fd 0
 * @param exitStatus   the expected status: the exit code, or 128 + signal (139 SIGSEGV, 132 SIGILL, 136 SIGFPE)
 * @param qemuMisses   line prefixes whose value qemu-i386 gets differently from Linux, left out when
 *                     comparing with qemu (qemu is a second opinion, Linux the oracle)
 * @param qemuCannot   why qemu-i386 cannot run the program at all (it hangs or dies there), or null
 * @param workDir      where every run of the row starts: by default a new empty directory of its own
 *                     (the programs that make files make them relative to their cwd)
 * @param build        {@code ours} or {@code glibc}
 */
public record GuestCase(String label, String program, List<String> args, String stdin, int exitStatus,
                        List<String> qemuMisses, String qemuCannot, Guest.WorkDir workDir, String build) {

    /**
     * A row for both builds, with no input, expecting exit status 0 and agreement with qemu, run in
     * a new empty directory.
     */
    public static GuestCase of(String program, String... args) {
        return new GuestCase(program, program, List.of(args), "", 0, List.of(), null, Guest.WorkDir.TEMPORARY, null);
    }

    public GuestCase named(String newLabel) {
        return new GuestCase(newLabel, program, args, stdin, exitStatus, qemuMisses, qemuCannot, workDir, build);
    }

    public GuestCase exits(int status) {
        return new GuestCase(label, program, args, stdin, status, qemuMisses, qemuCannot, workDir, build);
    }

    public GuestCase input(String text) {
        return new GuestCase(label, program, args, text, exitStatus, qemuMisses, qemuCannot, workDir, build);
    }

    public GuestCase qemuDiffersOn(String... linePrefixes) {
        return new GuestCase(label, program, args, stdin, exitStatus, List.of(linePrefixes), qemuCannot, workDir,
                build);
    }

    /** qemu-i386 cannot run this program (the reason is the skip message): no comparison with it. */
    public GuestCase qemuCannotRun(String reason) {
        return new GuestCase(label, program, args, stdin, exitStatus, qemuMisses, reason, workDir, build);
    }

    /** Runs of this row start in the test JVM's own working directory rather than a new empty one. */
    public GuestCase inInheritedWorkDir() {
        return new GuestCase(label, program, args, stdin, exitStatus, qemuMisses, qemuCannot, Guest.WorkDir.INHERITED,
                build);
    }

    /** This row once per build. */
    public Stream<GuestCase> inEachBuild() {
        return Guest.BUILDS.stream()
                .map(b -> new GuestCase(label, program, args, stdin, exitStatus, qemuMisses, qemuCannot, workDir, b));
    }

    /** The signal name a fault status stands for, or null when the status is an ordinary exit. */
    public String faultSignal() {
        return switch (exitStatus) {
            case 128 + 4 -> "SIGILL";
            case 128 + 8 -> "SIGFPE";
            case 128 + 11 -> "SIGSEGV";
            default -> null;
        };
    }

    @Override
    public String toString() {
        return label + "[" + build + "]";
    }
}
