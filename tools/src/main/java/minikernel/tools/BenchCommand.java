package minikernel.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.fs.CpioFileType;
import minikernel.kernel.fs.Initramfs;
import minikernel.tools.bench.BarChart;
import minikernel.tools.bench.BenchJson;
import minikernel.tools.bench.BenchResults;
import minikernel.tools.bench.BenchRow;
import minikernel.tools.bench.BenchRunner;
import minikernel.tools.bench.BenchSystem;
import minikernel.tools.bench.BenchTable;
import minikernel.tools.bench.Measurement;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code minikernel bench}: the benchmark programs of /usr/bench (lmbench style: null syscall,
 * fork, vfork, clone(CLONE_VM), pthread_create, pipe ping-pong between processes and between
 * threads, fork after touching memory, a compute loop) on minikernel, natively and under
 * qemu-i386, several runs each; one table, and optionally JSON and an SVG chart.
 */
final class BenchCommand implements Main.Command {
    @Override
    public String summary() {
        return "process vs thread costs: benchmark programs on minikernel, natively and under qemu-i386";
    }

    private static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("runs").hasArg().argName("N")
                .desc("runs per benchmark and system (default 5; 3 with --quick)").get());
        o.addOption(Option.builder().longOpt("quick").desc("fewer iterations and runs: done in under a minute").get());
        o.addOption(Option.builder().longOpt("systems").hasArg().argName("LIST")
                .desc("where to run, comma-separated: minikernel,native,qemu (default: all the host has)").get());
        o.addOption(Option.builder().longOpt("only").hasArg().argName("IDS")
                .desc("run only these rows, comma-separated: " + String.join(",", BenchRow.all().stream()
                        .map(BenchRow::id).toList())).get());
        o.addOption(Option.builder().longOpt("json").hasArg().argName("FILE").desc("also write the data as JSON").get());
        o.addOption(Option.builder().longOpt("chart").hasArg().argName("FILE.svg")
                .desc("also draw the medians as an SVG bar chart").get());
        o.addOption(Option.builder().longOpt("programs").hasArg().argName("DIR")
                .desc("the benchmark programs to run (default: /usr/bench of the default image, built with"
                        + " minikernel's libc; tests/target/guest/glibc holds glibc builds)").get());
        o.addOption(Option.builder().longOpt("mem").hasArg().argName("SIZE").desc("minikernel's memory (default 256M)").get());
        o.addOption(Option.builder().longOpt("quantum").hasArg().argName("BLOCKS").desc("minikernel's time slice").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        return o;
    }

    @Override
    public int run(String[] args) {
        Options options = options();
        CommandLine cl;
        KernelConfig config;
        int runs;
        List<BenchSystem> systems;
        List<BenchRow> rows;
        try {
            cl = DefaultParser.builder().get().parse(options, args);
            if (cl.hasOption("help")) {
                help(options);
                return 0;
            }
            if (!cl.getArgList().isEmpty()) {
                throw new KernelOptions.UsageException("unexpected argument '" + cl.getArgList().get(0) + "'");
            }
            int[] ids = HostProcess.ids();
            config = KernelOptions.config(cl, ids[0], ids[1]);
            runs = runs(cl);
            systems = systems(cl);
            rows = rows(cl);
        } catch (ParseException | KernelOptions.UsageException e) {
            System.err.println("minikernel bench: " + e.getMessage());
            help(options);
            return 2;
        }
        boolean quick = cl.hasOption("quick");
        Path dir = null;
        try {
            Path programs;
            if (cl.hasOption("programs")) {
                programs = Path.of(cl.getOptionValue("programs")).toAbsolutePath();
            } else {
                dir = Files.createTempDirectory("minikernel-bench");
                programs = dir;
                extractImagePrograms(dir);
            }
            for (BenchRow row : rows) {
                if (!Files.isRegularFile(programs.resolve(row.program()))) {
                    System.err.println("minikernel bench: no " + programs.resolve(row.program()));
                    return 2;
                }
            }
            systems = available(systems, programs);
            BenchResults results = measure(rows, systems, new BenchRunner(programs, config, runs, quick), runs, quick,
                    cl.hasOption("programs") ? programs.toString() : "/usr/bench of the default image");
            BenchTable.print(results, System.out);
            if (cl.hasOption("json")) {
                Files.writeString(Path.of(cl.getOptionValue("json")), BenchJson.write(results));
                System.err.println("bench: wrote " + cl.getOptionValue("json"));
            }
            if (cl.hasOption("chart")) {
                Files.writeString(Path.of(cl.getOptionValue("chart")), BarChart.svg(results));
                System.err.println("bench: wrote " + cl.getOptionValue("chart"));
            }
            return 0;
        } catch (IOException e) {
            System.err.println("minikernel bench: " + e.getMessage());
            return 1;
        } finally {
            TempDirs.deleteTree(dir);
        }
    }

    private static BenchResults measure(List<BenchRow> rows, List<BenchSystem> systems, BenchRunner runner, int runs,
                                        boolean quick, String programs) {
        // System by system, minikernel last: while the JVM's compiler threads still work after a
        // minikernel run, they would take CPU time from a native or qemu run on the same cores.
        List<Measurement> all = new ArrayList<>();
        for (BenchSystem s : systems) {
            for (BenchRow row : rows) {
                Measurement m = runner.measure(row, s);
                System.err.printf("bench: %-30s %-11s %s%n", row.title(), s.label(),
                        m.ok() ? BenchResults.time(m.median()) : "failed: " + m.failure());
                all.add(m);
            }
        }
        return new BenchResults(rows, systems, all, runs, quick, programs);
    }

    /** The image's /usr/bench programs as host files, for the native and qemu runs. */
    private static void extractImagePrograms(Path dir) throws IOException {
        for (Initramfs.Entry e : RootImage.load().entries()) {
            if (e.path().startsWith("usr/bench/") && e.type() == CpioFileType.REGULAR) {
                Path p = dir.resolve(e.path().substring("usr/bench/".length()));
                Files.write(p, e.data());
                p.toFile().setExecutable(true, true);
            }
        }
    }

    /** Drops, with a note, the systems this host lacks: qemu-i386 not installed, no i386 support. */
    private static List<BenchSystem> available(List<BenchSystem> wanted, Path programs) {
        List<BenchSystem> out = new ArrayList<>();
        for (BenchSystem s : wanted) {
            String why = switch (s) {
                case QEMU -> onPath("qemu-i386") ? null : "qemu-i386 is not installed (apt-get install qemu-user)";
                case NATIVE -> runsI386(programs.resolve("bench_getppid").toString());
                case MINIKERNEL -> null;
            };
            if (why == null) {
                out.add(s);
            } else {
                System.err.println("bench: leaving out " + s.label() + ": " + why);
            }
        }
        return out;
    }

    private static boolean onPath(String name) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, name)));
    }

    /** Null if the host runs the i386 program, else why not. */
    private static String runsI386(String program) {
        try {
            Process p = new ProcessBuilder(program, "1").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? null : "the host could not run an i386 program (status " + p.exitValue() + ")";
        } catch (IOException e) {
            return "the host cannot run i386 programs (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static int runs(CommandLine cl) throws KernelOptions.UsageException {
        if (!cl.hasOption("runs")) {
            return cl.hasOption("quick") ? 3 : 5;
        }
        try {
            int n = Integer.parseInt(cl.getOptionValue("runs"));
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new KernelOptions.UsageException("--runs needs a number from 1 to 1000, not '"
                + cl.getOptionValue("runs") + "'");
    }

    private static List<BenchSystem> systems(CommandLine cl) throws KernelOptions.UsageException {
        if (!cl.hasOption("systems")) {
            return List.of(BenchSystem.NATIVE, BenchSystem.QEMU, BenchSystem.MINIKERNEL);
        }
        List<BenchSystem> out = new ArrayList<>();
        for (String s : cl.getOptionValue("systems").split(",")) {
            try {
                BenchSystem system = BenchSystem.byName(s.trim());
                if (!out.contains(system)) {
                    out.add(system);
                }
            } catch (IllegalArgumentException e) {
                throw new KernelOptions.UsageException("--systems: " + e.getMessage());
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static List<BenchRow> rows(CommandLine cl) throws KernelOptions.UsageException {
        if (!cl.hasOption("only")) {
            return BenchRow.all();
        }
        List<BenchRow> out = new ArrayList<>();
        for (String id : cl.getOptionValue("only").split(",")) {
            BenchRow row = BenchRow.all().stream().filter(r -> r.id().equals(id.trim())).findFirst()
                    .orElseThrow(() -> new KernelOptions.UsageException("--only: no benchmark '" + id.trim()
                            + "' (there are " + String.join(", ", BenchRow.all().stream().map(BenchRow::id).toList())
                            + ")"));
            out.add(row);
        }
        return out;
    }

    private static void help(Options options) {
        HelpFormatter.builder().get().printHelp("minikernel bench [OPTIONS]",
                "Runs lmbench-style benchmark programs on minikernel, natively (if the host runs i386 programs)"
                        + " and under qemu-i386 (if installed), and prints the median time per operation of each,"
                        + " the ratios, and minikernel's counters that explain them (context switches, TLB"
                        + " flushes, page-table entries copied, copies on write).", options,
                "minikernel runs in this JVM, a fresh kernel per run after one warm-up run, with --clock host.",
                false);
    }
}
