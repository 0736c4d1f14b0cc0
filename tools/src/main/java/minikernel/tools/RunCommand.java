package minikernel.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import minikernel.cpu.NativeLibraries;
import minikernel.cpu.unicorn.UnicornException;
import minikernel.kernel.Kernel;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.exec.ElfFile;
import minikernel.kernel.exec.ExecException;
import minikernel.kernel.exec.Executable;
import minikernel.tools.gdb.GdbServer;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code minikernel run [OPTIONS] PROGRAM [ARGS...]}: runs one i386 program as pid 2 under a
 * built-in init, with the host's environment and standard descriptors, and exits with the
 * program's status (128 + the signal number if a signal killed it). PROGRAM is a host file when it
 * contains a '/' or names one; otherwise it is looked up in the default image's /bin.
 */
final class RunCommand implements Main.Command {
    /** Exit statuses of a shell for a missing and an unrunnable program. */
    private static final int NOT_FOUND = 127, CANNOT_EXECUTE = 126;

    @Override
    public String summary() {
        return "run an i386 program: a host file or /bin/NAME of the default image";
    }

    private static Options options() {
        Options o = new Options();
        KernelOptions.add(o);
        o.addOption(Option.builder("E").longOpt("env").hasArg().argName("NAME=VALUE")
                .desc("set a variable in the guest's environment (repeatable)").get());
        o.addOption(Option.builder().longOpt("clear-env").desc("start the guest with an empty environment").get());
        o.addOption(Option.builder().longOpt("root").hasArg().argName("DIR")
                .desc("root the guest in host directory DIR (it cannot get out of it); PROGRAM is a path in it").get());
        o.addOption(Option.builder().longOpt("image")
                .desc("root the guest in the default image (in memory; changes vanish at exit)").get());
        o.addOption(Option.builder().longOpt("ro").desc("mount the host directory read-only (EROFS on every change)").get());
        o.addOption(Option.builder().longOpt("gdb").hasArg().argName("PORT")
                .desc("wait at the first instruction for gdb on 127.0.0.1:PORT (0: a free port, printed);"
                        + " then: gdb PROGRAM -ex 'target remote :PORT'").get());
        return o;
    }

    @Override
    public int run(String[] args) {
        Options options = options();
        CommandLine cl;
        KernelConfig config;
        try {
            cl = DefaultParser.builder().get().parse(options, args, true);
            if (cl.hasOption("help")) {
                help(options);
                return 0;
            }
            int[] ids = HostProcess.ids();
            config = KernelOptions.config(cl, ids[0], ids[1]);
        } catch (ParseException | KernelOptions.UsageException e) {
            System.err.println("minikernel run: " + e.getMessage());
            help(options);
            return 2;
        }
        List<String> rest = cl.getArgList();
        if (rest.isEmpty()) {
            System.err.println("minikernel run: which program? (e.g. minikernel run hello)");
            return 2;
        }
        String name = rest.get(0);
        if (name.startsWith("-")) {
            // (options after the program are its own: the parser stops at the first non-option)
            System.err.println("minikernel run: unknown option " + name + " (see minikernel run --help)");
            return 2;
        }
        List<String> env = environment(cl);
        if (cl.hasOption("root") || cl.hasOption("image")) {
            return runInGuestRoot(cl, config, name, rest, env);
        }
        if (cl.hasOption("ro")) {
            config = config.withRoot(new minikernel.kernel.fs.HostRootFs("/", true), config.cwd());
        }
        Optional<Executable> exe = findOrSay(name);
        if (exe.isEmpty()) {
            return lookupStatus(name);
        }
        return runKernel(config, exe.get(), rest, env, cl);
    }

    /** The host's environment (or none with --clear-env), with the -E settings. */
    static List<String> environment(CommandLine cl) {
        List<String> env = cl.hasOption("clear-env") ? new ArrayList<>() : HostProcess.environment();
        if (cl.hasOption("env")) {
            for (String kv : cl.getOptionValues("env")) {
                String key = kv.contains("=") ? kv.substring(0, kv.indexOf('=') + 1) : kv + "=";
                env.removeIf(e -> e.startsWith(key));
                env.add(kv.contains("=") ? kv : kv + "=");
            }
        }
        return env;
    }

    /**
     * --root DIR or --image: the guest's "/" is that tree, its working directory "/", and PROGRAM
     * a path in it (a bare NAME means /bin/NAME), executed as execve would.
     */
    private static int runInGuestRoot(CommandLine cl, KernelConfig config, String name, List<String> argv,
                                      List<String> env) {
        if (cl.hasOption("root") && cl.hasOption("image")) {
            System.err.println("minikernel run: --root and --image exclude each other");
            return 2;
        }
        minikernel.kernel.fs.RootFs root;
        if (cl.hasOption("image")) {
            try {
                root = RootImage.load();
            } catch (IOException e) {
                System.err.println("minikernel: " + e.getMessage());
                return 1;
            }
        } else {
            Path dir = Path.of(cl.getOptionValue("root"));
            if (!Files.isDirectory(dir)) {
                System.err.println("minikernel run: --root " + dir + ": not a directory");
                return 2;
            }
            root = new minikernel.kernel.fs.HostRootFs(dir.toString(), cl.hasOption("ro"));
        }
        String path = name.contains("/") ? name : "/bin/" + name;
        byte[] elf = cl.hasOption("root") ? hostFileIn(Path.of(cl.getOptionValue("root")), path) : null;
        return start(cl, config.withRoot(root, "/"), elf, name, k -> k.runProgram(path, argv, env));
    }

    static int runKernel(KernelConfig config, Executable exe, List<String> argv, List<String> env, CommandLine cl) {
        return start(cl, config, exe.bytes(), exe.path(), k -> k.runProgram(exe, argv, env));
    }

    /**
     * Runs the program in a new kernel, under the gdb stub with --gdb (the ELF's bytes give gdb's
     * symbols, null: none), printing --stats and --syscalls-report at the end; the exit status
     * is the program's, 126/127 if it cannot be run, 1 if the CPU cannot start.
     */
    static int start(CommandLine cl, KernelConfig config, byte[] elf, String name, GdbServer.Run run) {
        long t0 = System.nanoTime();
        try {
            if (cl.hasOption("gdb")) {
                return gdb(cl, config, elf, name, run);
            }
            try (Kernel kernel = new Kernel(config)) {
                int status = run.run(kernel);
                KernelOptions.printStats(cl, kernel, t0);
                return status;
            }
        } catch (ExecException e) {
            System.err.println("minikernel: " + e.getMessage());
            return e.errno() == minikernel.kernel.syscall.Errno.ENOENT ? NOT_FOUND : CANNOT_EXECUTE;
        } catch (NativeLibraries.NativeLibraryException | UnicornException e) {
            System.err.println("minikernel: " + e.getMessage());
            return 1;
        }
    }

    /** --gdb PORT: the run under a gdb stub; 2 for a bad port, 1 if gdb cannot be waited for. */
    private static int gdb(CommandLine cl, KernelConfig config, byte[] elf, String name, GdbServer.Run run)
            throws ExecException {
        int port = GdbServer.port(cl.getOptionValue("gdb"));
        if (port < 0) {
            System.err.println("minikernel: --gdb needs a port number from 0 to 65535");
            return 2;
        }
        ElfFile program = null;
        try {
            program = elf == null ? null : ElfFile.parse(elf);
        } catch (minikernel.kernel.exec.ElfException e) {
            // no symbols: exec will say what is wrong with it
        }
        try {
            return GdbServer.serve(config, program, name, port, run);
        } catch (IOException e) {
            System.err.println("minikernel: --gdb " + port + ": " + e.getMessage());
            return 1;
        }
    }

    /** The bytes of {@code path} inside the host directory {@code root}, or null (for symbols only). */
    private static byte[] hostFileIn(Path root, String path) {
        try {
            Path p = root.resolve(path.substring(1)).toRealPath();
            return p.startsWith(root.toRealPath()) && Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * {@link #find}, saying on stderr why there is no program: the caller then exits with
     * {@link #lookupStatus} (127 for a missing program, 126 for one that cannot be run).
     */
    static Optional<Executable> findOrSay(String name) {
        try {
            Optional<Executable> exe = find(name);
            if (exe.isEmpty()) {
                System.err.println("minikernel: " + name + ": not found (no such host file, and no /bin/" + name
                        + " in the default image)");
            }
            return exe;
        } catch (IOException e) {
            System.err.println("minikernel: " + name + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The program of {@code minikernel COMMAND ... PROGRAM ARGS}: found (host file or image), or the
     * exit status that says why not (2: none named, 127 missing, 126 unrunnable), already explained
     * on stderr.
     */
    record Program(Executable exe, int status) {
        static Program named(String command, List<String> argv) {
            if (argv.isEmpty()) {
                System.err.println("minikernel " + command + ": which program? (e.g. minikernel " + command
                        + " sharedemo)");
                return new Program(null, 2);
            }
            if (argv.get(0).startsWith("-")) {
                System.err.println("minikernel " + command + ": unknown option " + argv.get(0) + " (see minikernel "
                        + command + " --help)");
                return new Program(null, 2);
            }
            Optional<Executable> exe = findOrSay(argv.get(0));
            return exe.map(e -> new Program(e, 0)).orElseGet(() -> new Program(null, lookupStatus(argv.get(0))));
        }
    }

    /** The shell's status for a program {@link #findOrSay} did not give: 127 if missing, else 126. */
    static int lookupStatus(String name) {
        try {
            return find(name).isEmpty() ? NOT_FOUND : CANNOT_EXECUTE;
        } catch (IOException e) {
            return CANNOT_EXECUTE;
        }
    }

    /** A host path (with a '/' or naming a host file), else /bin/NAME of the default image. */
    static Optional<Executable> find(String name) throws IOException {
        Path host = Path.of(name);
        if (name.contains("/") || Files.isRegularFile(host)) {
            if (!Files.exists(host)) {
                return Optional.empty();
            }
            if (!Files.isRegularFile(host)) {
                throw new IOException("not a regular file");
            }
            return Optional.of(new Executable(host.toAbsolutePath().normalize().toString(), Files.readAllBytes(host)));
        }
        return RootImage.executable(RootImage.load(), "/bin/" + name);
    }

    private static void help(Options options) {
        HelpFormatter.builder().get().printHelp("minikernel run [OPTIONS] PROGRAM [ARGS...]",
                "Runs an i386 Linux program (static ELF) on minikernel.", options,
                "PROGRAM is a host file if it contains '/' or exists, else /bin/PROGRAM of the default image;"
                        + " with --root or --image, a path in that tree. The guest sees the host's files at /"
                        + " (its own /dev and /proc on top) with the host's working directory, as under qemu-i386.",
                false);
    }
}
