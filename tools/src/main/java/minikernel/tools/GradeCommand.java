package minikernel.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import minikernel.tools.grade.GradeReplay;
import minikernel.tools.grade.Grader;
import minikernel.tools.grade.Reports;
import minikernel.tools.grade.Suite;
import minikernel.tools.grade.SuiteException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code minikernel grade SUITE [--submission DIR] [--seeds 1-20] [--jobs N] [--json FILE]
 * [--junit DIR]}: grades a submission reproducibly (virtual time, budgets instead of timeouts,
 * every seed must pass) and prints a gradelib-style report; exit status 0 only at full marks.
 * {@code --replay TEST --seed S} runs one failing run again under the debugger console. A kernel
 * lab grades the student's kernel build ({@code --kernel}) in a JVM of its own; {@code --starter
 * DIR} writes the lab's starter code.
 */
final class GradeCommand implements Main.Command {
    @Override
    public String summary() {
        return "grade a submission against a suite, reproducibly (seeds, budgets, kernel checks)";
    }

    private static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("submission").hasArg().argName("DIR")
                .desc("the student's files (default: the suite's reference solution)").get());
        o.addOption(Option.builder().longOpt("seeds").hasArg().argName("LIST")
                .desc("scheduler seeds for every test, e.g. 1-20 or 1,5,9 (default: each test's own)").get());
        o.addOption(Option.builder().longOpt("jobs").hasArg().argName("N")
                .desc("runs in parallel, one kernel each (default: all cores)").get());
        o.addOption(Option.builder().longOpt("kernel").hasArg().argName("JAR_OR_DIR")
                .desc("a kernel lab: grade on this kernel build (a jar, classes, or .java files to compile),"
                        + " run in a JVM of its own").get());
        o.addOption(Option.builder().longOpt("starter").hasArg().argName("DIR")
                .desc("a kernel lab: write its starter sources (the LAB parts removed) into DIR instead of grading")
                .get());
        o.addOption(Option.builder().longOpt("json").hasArg().argName("FILE").desc("write Gradescope's results.json").get());
        o.addOption(Option.builder().longOpt("junit").hasArg().argName("DIR").desc("write JUnit XML into DIR").get());
        o.addOption(Option.builder().longOpt("gradescope-bundle").hasArg().argName("OUT.zip")
                .desc("write a Gradescope autograder for the suite instead of grading").get());
        o.addOption(Option.builder().longOpt("replay").hasArg().argName("TEST")
                .desc("run TEST under the debugger console (with --seed) instead of grading").get());
        o.addOption(Option.builder().longOpt("seed").hasArg().argName("S").desc("the seed --replay runs").get());
        o.addOption(Option.builder("ex").hasArg().argName("CMD").desc("with --replay: a console command (repeatable)").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        return o;
    }

    @Override
    public int run(String[] args) {
        Options options = options();
        CommandLine cl;
        Suite suite;
        List<Long> seeds = null;
        int jobs;
        try {
            cl = DefaultParser.builder().get().parse(options, args);
            if (cl.hasOption("help")) {
                help(options);
                return 0;
            }
            if (cl.getArgList().size() != 1) {
                throw new ParseException("which suite? (one SUITE.json)");
            }
            suite = Suite.load(Path.of(cl.getArgList().get(0)));
            if (cl.hasOption("seeds")) {
                seeds = Suite.parseSeeds(cl.getOptionValue("seeds"), "--seeds");
            }
            jobs = cl.hasOption("jobs") ? Integer.parseInt(cl.getOptionValue("jobs"))
                    : Runtime.getRuntime().availableProcessors();
            if (jobs < 1) {
                throw new NumberFormatException();
            }
        } catch (ParseException | SuiteException e) {
            System.err.println("minikernel grade: " + e.getMessage());
            return 2;
        } catch (NumberFormatException e) {
            System.err.println("minikernel grade: --jobs needs a number of 1 or more");
            return 2;
        }
        if (cl.hasOption("gradescope-bundle")) {
            try {
                minikernel.tools.grade.GradescopeBundle.write(Path.of(cl.getOptionValue("gradescope-bundle")), suite,
                        minikernel.tools.grade.Grader.repositoryRoot());
                System.err.println("grade: wrote " + cl.getOptionValue("gradescope-bundle"));
                return 0;
            } catch (IOException e) {
                System.err.println("minikernel grade: " + e.getMessage());
                return 1;
            }
        }
        if (cl.hasOption("starter")) {
            try {
                for (Path p : minikernel.tools.grade.KernelLab.writeStarter(suite, Grader.repositoryRoot(),
                        Path.of(cl.getOptionValue("starter")))) {
                    System.err.println("grade: wrote " + p);
                }
                return 0;
            } catch (IOException e) {
                System.err.println("minikernel grade: " + e.getMessage());
                return 1;
            }
        }
        Path submission = Path.of(cl.getOptionValue("submission",
                suite.reference() == null ? "." : suite.reference().toString())).toAbsolutePath().normalize();
        if (!Files.isDirectory(submission)) {
            System.err.println("minikernel grade: --submission " + submission + ": not a directory");
            return 2;
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("minikernel-grade");
            Path kernel = cl.hasOption("kernel") ? Path.of(cl.getOptionValue("kernel")) : null;
            Grader grader = new Grader(suite, submission, work, seeds, jobs, kernel);
            if (cl.hasOption("replay")) {
                List<String> commands = cl.hasOption("ex") ? List.of(cl.getOptionValues("ex")) : List.of();
                return kernel == null
                        ? GradeReplay.run(grader, suite, cl.getOptionValue("replay"), cl.getOptionValue("seed", "1"),
                        commands)
                        : GradeReplay.onKernel(grader, suite, cl.getOptionValue("replay"),
                        cl.getOptionValue("seed", "1"), commands);
            }
            List<Grader.Result> results = grader.grade();
            Reports.text(results, System.out);
            if (cl.hasOption("json")) {
                Files.writeString(Path.of(cl.getOptionValue("json")), Reports.gradescope(results));
            }
            if (cl.hasOption("junit")) {
                Path dir = Files.createDirectories(Path.of(cl.getOptionValue("junit")));
                Files.writeString(dir.resolve("TEST-minikernel-grade.xml"), Reports.junit(suite.name(), results));
            }
            return Reports.score(results) == Reports.max(results) ? 0 : 1;
        } catch (IOException e) {
            System.err.println("minikernel grade: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            TempDirs.deleteTree(work);
        }
    }

    private static void help(Options options) {
        HelpFormatter.builder().get().printHelp("minikernel grade SUITE.json [OPTIONS]",
                "Grades a submission: every test of the suite under every seed, in a sandbox, within a budget of guest"
                        + " work instead of a wall-clock timeout; a test scores only if every seed passes.", options,
                "Exit status: 0 at full marks, 1 otherwise, 2 for a bad suite or option. docs/grading.md describes"
                        + " the suite format.", false);
    }
}
