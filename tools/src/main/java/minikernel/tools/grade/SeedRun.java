package minikernel.tools.grade;

import java.util.List;

/** One run of a test's program under one seed: what it printed, how it ended, what it left behind. */
record SeedRun(long seed, int status, String stdout, String stderr, String trace, List<String> brokenInvariants) {
}
