package minikernel.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import minikernel.cpu.NativeLibraries;
import minikernel.cpu.unicorn.UnicornException;
import minikernel.kernel.Kernel;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.drivers.HostFd;
import minikernel.kernel.exec.ElfException;
import minikernel.kernel.exec.ElfFile;
import minikernel.kernel.exec.ExecException;
import minikernel.kernel.exec.Executable;
import minikernel.tools.debug.Debugger;
import minikernel.tools.debug.LineSource;
import minikernel.tools.debug.ScriptLines;
import minikernel.tools.debug.TerminalLines;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code minikernel debug [OPTIONS] PROGRAM [ARGS...]}: runs a program as {@code run} does, stopped
 * at its first instruction, under the debugger console: from a terminal (line editing, history,
 * completion), or from commands given with {@code -ex} and {@code --batch FILE}, printing a
 * transcript. The program's standard input is /dev/null (or {@code --stdin FILE}): the terminal
 * belongs to the console.
 */
final class DebugCommand implements Main.Command {
    @Override
    public String summary() {
        return "run a program under the debugger console (breakpoints, steps, kernel objects)";
    }

    private static Options options() {
        Options o = new Options();
        KernelOptions.add(o);
        o.addOption(Option.builder().longOpt("batch").hasArg().argName("FILE")
                .desc("run the console commands in FILE (one a line) and print a transcript").get());
        o.addOption(Option.builder("ex").hasArg().argName("CMD")
                .desc("run console command CMD (repeatable; after --batch's)").get());
        o.addOption(Option.builder().longOpt("gdb").hasArg().argName("PORT")
                .desc("no console: gdb drives the run, on 127.0.0.1:PORT (0: a free port, printed)").get());
        o.addOption(Option.builder().longOpt("stdin").hasArg().argName("FILE")
                .desc("the program's standard input (default /dev/null)").get());
        return o;
    }

    @Override
    public int run(String[] args) {
        Options options = options();
        CommandLine cl;
        KernelConfig config;
        List<String> script = new ArrayList<>();
        try {
            cl = DefaultParser.builder().get().parse(options, args, true);
            if (cl.hasOption("help")) {
                help(options);
                return 0;
            }
            int[] ids = HostProcess.ids();
            config = KernelOptions.config(cl, ids[0], ids[1]);
            if (cl.hasOption("batch")) {
                script.addAll(Files.readAllLines(Path.of(cl.getOptionValue("batch"))));
            }
            if (cl.hasOption("ex")) {
                script.addAll(List.of(cl.getOptionValues("ex")));
            }
        } catch (ParseException | KernelOptions.UsageException | IOException e) {
            System.err.println("minikernel debug: " + e.getMessage());
            help(options);
            return 2;
        }
        List<String> argv = cl.getArgList();
        RunCommand.Program exe = RunCommand.Program.named("debug", argv);
        if (exe.exe() == null) {
            return exe.status();
        }
        String stdin = cl.getOptionValue("stdin", "/dev/null");
        if (cl.hasOption("gdb")) {
            return underGdb(cl, config, exe.exe(), argv, stdin);
        }
        boolean batch = !script.isEmpty() || System.console() == null || !System.console().isTerminal();
        ElfFile program = symbols(exe.exe());
        LineSource lines;
        try {
            lines = batch ? new ScriptLines(script) : new TerminalLines(Debugger.completions(program));
        } catch (IOException e) {
            System.err.println("minikernel debug: the terminal: " + e.getMessage());
            return 1;
        }
        Debugger d = new Debugger(lines, System.out, program);
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> d.interrupt());
        try {
            int status;
            boolean replay = false;
            do {
                status = runOnce(d, config, exe.exe(), argv, RunCommand.environment(cl), stdin, replay);
                replay = d.replayRequested();
            } while (replay);
            System.out.flush();
            System.out.println(d.killed() ? "[the program was killed]" : "[the program exited with status " + status + "]");
            if (lines instanceof ScriptLines s && !s.left().isEmpty()) {
                System.out.println("[" + s.left().size() + " command(s) not run: the program had ended]");
            }
            return status;
        } catch (StdinException e) {
            System.err.println("minikernel debug: --stdin " + stdin + ": cannot open it");
            return 2;
        } catch (ExecException e) {
            System.err.println("minikernel: " + e.getMessage());
            return 126;
        } catch (NativeLibraries.NativeLibraryException | UnicornException e) {
            System.err.println("minikernel: " + e.getMessage());
            return 1;
        } finally {
            if (lines instanceof TerminalLines t) {
                try {
                    t.close();
                } catch (IOException ignored) {
                    // the terminal is going away with the JVM
                }
            }
        }
    }

    /**
     * One kernel's run of the program under the debugger. A replay (reverse-step) runs with the
     * console muted until it reaches its instruction: the guest writes to the same files as before
     * (a terminal stays a terminal), their output just goes nowhere.
     */
    private static int runOnce(Debugger d, KernelConfig config, Executable exe, List<String> argv, List<String> env,
                               String stdin, boolean replay) throws ExecException, StdinException {
        int in = HostFd.open(stdin, 0, 0);
        if (in < 0) {
            throw new StdinException();
        }
        try (Kernel kernel = new Kernel(config.withConsole(in, 1, 2))) {
            kernel.console().setMuted(replay);
            d.onReplayArrived(() -> kernel.console().setMuted(false));
            d.attach(kernel);
            return kernel.runProgram(exe, argv, env);
        } finally {
            HostFd.close(in);
        }
    }

    /** debug --gdb PORT: the same run with gdb as its console (the program's stdin from --stdin). */
    private static int underGdb(CommandLine cl, KernelConfig config, Executable exe, List<String> argv, String stdin) {
        int in = HostFd.open(stdin, 0, 0);
        if (in < 0) {
            System.err.println("minikernel debug: --stdin " + stdin + ": cannot open it");
            return 2;
        }
        try {
            return RunCommand.start(cl, config.withConsole(in, 1, 2), exe.bytes(), exe.path(),
                    k -> k.runProgram(exe, argv, RunCommand.environment(cl)));
        } finally {
            HostFd.close(in);
        }
    }

    /** The --stdin file cannot be opened. */
    private static final class StdinException extends Exception {
    }

    /** The program's ELF, for symbols; null if it does not parse (exec will say why). */
    private static ElfFile symbols(Executable exe) {
        try {
            return ElfFile.parse(exe.bytes());
        } catch (ElfException e) {
            return null;
        }
    }

    private static void help(Options options) {
        HelpFormatter.builder().get().printHelp("minikernel debug [OPTIONS] PROGRAM [ARGS...]",
                "Runs an i386 program on minikernel under the debugger console, stopped at its first instruction."
                        + " Type help at the (mk) prompt for the commands.", options,
                "Without a terminal, or with --batch/-ex, the commands come from the script and a transcript is"
                        + " printed; when they run out the program is killed.", false);
    }
}
