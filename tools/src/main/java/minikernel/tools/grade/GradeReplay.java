package minikernel.tools.grade;

import java.io.IOException;
import java.util.List;
import minikernel.kernel.exec.ElfException;
import minikernel.kernel.exec.ElfFile;
import minikernel.tools.debug.Debugger;
import minikernel.tools.debug.LineSource;
import minikernel.tools.debug.ScriptLines;
import minikernel.tools.debug.TerminalLines;

/**
 * {@code grade SUITE --replay TEST --seed S}: the run the report said failed, again, exactly (the
 * same sandbox, seed and budget), stopped at its first instruction under the debugger console.
 */
public final class GradeReplay {
    private GradeReplay() {
    }

    /**
     * The replay on a student's kernel: this command again, without --kernel, in a JVM whose class
     * path has that kernel in front ({@link ChildJvm}), attached to this terminal.
     */
    public static int onKernel(Grader grader, Suite suite, String testName, String seedText, List<String> commands)
            throws IOException, InterruptedException {
        String error = grader.buildKernel();
        if (error != null) {
            System.err.println("minikernel grade: " + error);
            return 1;
        }
        List<String> args = new java.util.ArrayList<>(List.of("grade", suite.file().toAbsolutePath().toString(),
                "--submission", grader.submission().toString(), "--replay", testName, "--seed", seedText));
        for (String c : commands) {
            args.addAll(List.of("-ex", c));
        }
        return new ProcessBuilder(ChildJvm.command(grader.kernel(), "minikernel.tools.Main", args)).inheritIO()
                .start().waitFor();
    }

    public static int run(Grader grader, Suite suite, String testName, String seedText, List<String> commands)
            throws IOException, InterruptedException {
        TestSpec t = suite.tests().stream().filter(x -> x.name().equals(testName)).findFirst().orElse(null);
        if (t == null) {
            System.err.println("minikernel grade: the suite has no test \"" + testName + "\"");
            return 2;
        }
        long seed;
        try {
            seed = Long.parseLong(seedText);
        } catch (NumberFormatException e) {
            System.err.println("minikernel grade: --seed needs a number");
            return 2;
        }
        Grader.Prepared p = grader.prepare(t);
        if (p.error() != null) {
            System.err.println("minikernel grade: " + t.name() + ": " + p.error());
            return 1;
        }
        ElfFile elf;
        try {
            elf = ElfFile.parse(p.spec().program());
        } catch (ElfException e) {
            elf = null;
        }
        boolean batch = !commands.isEmpty() || System.console() == null || !System.console().isTerminal();
        LineSource lines = batch ? new ScriptLines(commands) : new TerminalLines(Debugger.completions(elf));
        Debugger d = new Debugger(lines, System.out, elf);
        try {
            SeedRun run;
            boolean replay = false;
            do {
                boolean muted = replay;
                run = GuestRun.run(p.spec(), seed, grader.work(), kernel -> {
                    kernel.console().setMuted(muted);
                    d.onReplayArrived(() -> kernel.console().setMuted(false));
                    d.attach(kernel);
                }, true);
                replay = d.replayRequested();
            } while (replay);
            if (run.oops() != null) {
                System.out.println("[" + run.oops() + "]");
                return 1;
            }
            System.out.println(d.killed() ? "[the program was killed]" : "[the program exited with status "
                    + run.status() + "]");
            return run.status();
        } finally {
            if (lines instanceof TerminalLines tl) {
                tl.close();
            }
        }
    }
}
