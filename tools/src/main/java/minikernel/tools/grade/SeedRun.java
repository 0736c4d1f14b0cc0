package minikernel.tools.grade;

import java.util.List;

/**
 * One run of a test's program under one seed: what it printed, how it ended, what it left behind.
 * {@code oops} is set when the kernel itself failed (a Java exception out of it, say, in a kernel
 * lab) or the program could not be started: the run then proves nothing about the program.
 */
record SeedRun(long seed, int status, String stdout, String stderr, String trace, List<String> brokenInvariants,
               String oops) {
    static SeedRun oops(long seed, String why) {
        return new SeedRun(seed, -1, "", "", "", List.of(), why);
    }
}
