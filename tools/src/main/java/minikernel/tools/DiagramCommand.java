package minikernel.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import minikernel.cpu.NativeLibraries;
import minikernel.cpu.unicorn.UnicornException;
import minikernel.kernel.Kernel;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.exec.ExecException;
import minikernel.kernel.exec.Executable;
import minikernel.kernel.inspect.SharingDot;
import minikernel.kernel.inspect.SharingRecorder;
import minikernel.kernel.inspect.SharingSnapshot;
import minikernel.kernel.inspect.SharingText;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code minikernel diagram [OPTIONS] PROGRAM [ARGS...]}: runs a program and draws which tasks
 * share which mm, fs, files, sighand and signal objects, with their reference counts, at the
 * moment the most tasks were alive (or as a named system call returns): a Graphviz DOT file, an SVG
 * of it when Graphviz's {@code dot} is installed, and the same picture as text on standard output.
 */
final class DiagramCommand implements Main.Command {
    @Override
    public String summary() {
        return "run a program and draw which tasks share which mm, fs, files, sighand, signal (DOT, SVG)";
    }

    private static Options options() {
        Options o = new Options();
        KernelOptions.add(o);
        o.addOption(Option.builder().longOpt("at").hasArg().argName("SYSCALL[:N]")
                .desc("draw as the Nth call (default 1st) of SYSCALL returns, e.g. clone or clone:3"
                        + " (default: when the most tasks were alive)").get());
        o.addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE.dot")
                .desc("where the DOT goes (default sharing.dot); the SVG goes beside it").get());
        o.addOption(Option.builder().longOpt("no-svg").desc("write only the DOT, even if dot is installed").get());
        return o;
    }

    @Override
    public int run(String[] args) {
        Options options = options();
        CommandLine cl;
        KernelConfig config;
        String atName = null;
        int atCount = 1;
        try {
            cl = DefaultParser.builder().get().parse(options, args, true);
            if (cl.hasOption("help")) {
                help(options);
                return 0;
            }
            int[] ids = HostProcess.ids();
            config = KernelOptions.config(cl, ids[0], ids[1]);
            if (cl.hasOption("at")) {
                String[] at = cl.getOptionValue("at").split(":", 2);
                atName = at[0];
                SharingRecorder.syscall(atName);
                if (at.length == 2) {
                    atCount = Integer.parseInt(at[1]);
                    if (atCount < 1) {
                        throw new NumberFormatException();
                    }
                }
            }
        } catch (ParseException | KernelOptions.UsageException | IllegalArgumentException e) {
            String why = e instanceof NumberFormatException ? "--at SYSCALL:N needs N to be 1 or more" : e.getMessage();
            System.err.println("minikernel diagram: " + why);
            help(options);
            return 2;
        }
        List<String> argv = cl.getArgList();
        RunCommand.Program exe = RunCommand.Program.named("diagram", argv);
        if (exe.exe() == null) {
            return exe.status();
        }
        Path dot = Path.of(cl.getOptionValue("output", "sharing.dot"));
        int status;
        SharingSnapshot snapshot;
        long t0 = System.nanoTime();
        try (Kernel kernel = new Kernel(config)) {
            SharingRecorder recorder = atName == null ? SharingRecorder.mostTasks(kernel)
                    : SharingRecorder.atSyscall(kernel, atName, atCount);
            status = kernel.runProgram(exe.exe(), argv, RunCommand.environment(cl));
            KernelOptions.printStats(cl, kernel, t0);
            Optional<SharingSnapshot> s = recorder.snapshot();
            if (s.isEmpty()) {
                System.err.println("minikernel diagram: nothing to draw: " + (atName == null
                        ? "the program made no system call" : "no " + atName + " call #" + atCount + " returned"));
                return 1;
            }
            snapshot = s.get();
        } catch (ExecException e) {
            System.err.println("minikernel: " + e.getMessage());
            return 126;
        } catch (NativeLibraries.NativeLibraryException | UnicornException e) {
            System.err.println("minikernel: " + e.getMessage());
            return 1;
        }
        System.out.print("\n" + SharingText.write(snapshot));
        try {
            Files.writeString(dot, SharingDot.write(snapshot));
            System.err.println("diagram: wrote " + dot + svg(dot, cl.hasOption("no-svg")));
        } catch (IOException e) {
            System.err.println("minikernel diagram: " + dot + ": " + e.getMessage());
            return 1;
        }
        return status;
    }

    /** Runs Graphviz's dot on the file if it is installed; says what it wrote. */
    private static String svg(Path dot, boolean skip) {
        if (skip) {
            return "";
        }
        String name = dot.getFileName().toString();
        Path svg = dot.resolveSibling((name.endsWith(".dot") ? name.substring(0, name.length() - 4) : name) + ".svg");
        try {
            Process p = new ProcessBuilder("dot", "-Tsvg", "-o", svg.toString(), dot.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return " (dot failed: " + out.strip() + ")";
            }
            return " and " + svg;
        } catch (IOException e) {
            return " (no SVG: Graphviz's dot is not installed; apt-get install graphviz)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static void help(Options options) {
        HelpFormatter.builder().get().printHelp("minikernel diagram [OPTIONS] PROGRAM [ARGS...]",
                "Runs an i386 program on minikernel (as 'run' does) and draws its task_structs and the mm_struct,"
                        + " fs_struct, files_struct, sighand_struct and signal_struct objects they point to, with"
                        + " reference counts: a thread shares its creator's objects, a process has copies.", options,
                "Writes FILE.dot and, when Graphviz is installed, FILE.svg; prints the same picture as text."
                        + " Try: minikernel diagram sharedemo", false);
    }
}
