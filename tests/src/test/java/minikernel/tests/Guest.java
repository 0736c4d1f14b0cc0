package minikernel.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a guest program three ways: natively on the host's Linux (the oracle), under minikernel
 * (tools/target/minikernel.jar in a separate JVM, as a user would), and under qemu-i386 (a second
 * opinion). Every run gets the same small fixed environment, stdin from a string, and a time limit
 * after which the process is killed and the test fails with whatever it had printed.
 *
 * <p>Every run starts in a working directory of its own: a new empty directory under
 * {@code java.io.tmpdir}, removed with whatever the guest left in it when the run ends ({@link
 * WorkDir#TEMPORARY}). Programs that create files do so relative to their cwd, so a native run, a
 * minikernel run (whose guest sees the host's file system, with the host's cwd) and a qemu run each
 * get the same clean start. The directories' names all have the same length, so a guest's getcwd
 * gives the same length in two runs. {@link WorkDir#INHERITED} runs in the test JVM's own directory
 * instead.
 *
 * <p>Paths come from system properties that the tests module's pom sets: {@code minikernel.root}
 * (the repository), {@code minikernel.native} (libunicorn and friends); {@code minikernel.jar}
 * overrides the jar's location.
 */
public final class Guest {

    /** The entire environment of every guest run (minikernel hands its own environment to the guest). */
    public static final Map<String, String> ENVIRONMENT =
            Map.of("PATH", "/bin:/usr/bin", "HOME", "/", "LANG", "C", "TESTVAR", "hello");

    /** How long one run may take before it is killed. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The two builds of every guest program: the project's own libc, and the host's glibc. */
    public static final List<String> BUILDS = List.of("ours", "glibc");

    /** Where a run's process starts. */
    public enum WorkDir {
        /** A new empty directory of its own, removed after the run (the default). */
        TEMPORARY,
        /** The test JVM's working directory. */
        INHERITED
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private HostProbe hostProbe; // whether this host executes i386 ELF binaries; probed on first use

    private record HostProbe(boolean runsI386, String reason) {}

    public Guest(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The repository from {@code -Dminikernel.root}, else the nearest parent of the working directory holding tests/guest. */
    public static Guest fromSystemProperties() {
        String property = System.getProperty("minikernel.root");
        if (property != null && !property.isBlank()) {
            return new Guest(Path.of(property));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tests/guest/Makefile"))) {
                return new Guest(dir);
            }
        }
        throw new IllegalStateException("cannot find the repository: set -Dminikernel.root=/path/to/minikernel");
    }

    public Path root() {
        return root;
    }

    /** Where {@code make -C tests/guest} puts a build's program: tests/target/guest/BUILD/NAME. */
    public Path program(String build, String name) {
        return root.resolve("tests/target/guest").resolve(build).resolve(name);
    }

    /**
     * The program, or the end of the test when it was not built: a missing glibc build is skipped
     * (the host lacks gcc-multilib), and so is an ours build that tests/guest/Makefile skipped because
     * the userland SDK lacks a header or function it needs (ours/NAME.skipped says which); any other
     * missing ours build fails (the userland SDK is part of the project).
     */
    public Path requireProgram(String build, String name) {
        Path program = program(build, name);
        Path skipped = program.resolveSibling(name + ".skipped");
        if (build.equals("ours") && Files.isRegularFile(skipped)) {
            String why;
            try {
                why = Files.readString(skipped).strip();
            } catch (IOException e) {
                why = e.getMessage();
            }
            Assumptions.abort(program + " was not built: " + why + " (tests/guest/Makefile skips it until then)");
        }
        if (Files.isExecutable(program)) {
            return program;
        }
        if (build.equals("glibc")) {
            Assumptions.abort(program + " was not built: tests/guest/Makefile skips the glibc set when"
                    + " 'gcc -m32 -static' cannot link (install gcc-multilib to run these)");
        }
        return fail(program + " was not built: build the userland SDK (make -C " + root.resolve("userland")
                + "), then make -C " + root.resolve("tests/guest"));
    }

    public Path minikernelJar() {
        String property = System.getProperty("minikernel.jar");
        return property != null ? Path.of(property) : root.resolve("tools/target/minikernel.jar");
    }

    public Path nativeLibraries() {
        String property = System.getProperty("minikernel.native");
        return property != null ? Path.of(property) : root.resolve(".native/lib");
    }

    /** Runs the program directly on the host kernel, in a new temporary directory. */
    public GuestRun runNative(Path program, List<String> args, String stdin) throws IOException, InterruptedException {
        return runNative(program, args, stdin, WorkDir.TEMPORARY);
    }

    /** Runs the program directly on the host kernel. */
    public GuestRun runNative(Path program, List<String> args, String stdin, WorkDir workDir)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(program.toAbsolutePath().toString());
        command.addAll(args);
        return run(command, stdin, workDir);
    }

    /**
     * Runs the program under minikernel: {@code java ... -jar minikernel.jar run [options] PROGRAM ARGS},
     * with this JVM's own java executable.
     *
     * @param options minikernel's options for {@code run}, e.g. {@code --trace}, {@code --seed 7}
     */
    public GuestRun runMinikernel(Path program, List<String> args, String stdin, List<String> options)
            throws IOException, InterruptedException {
        return runMinikernel(program, args, stdin, options, WorkDir.TEMPORARY);
    }

    /**
     * Runs the program under minikernel in the given working directory (which the guest sees as
     * its cwd). A program given as a bare name ({@code hello}) is one of the default image's; any
     * other relative path is taken from the test JVM's directory, as for a native run.
     */
    public GuestRun runMinikernel(Path program, List<String> args, String stdin, List<String> options,
                                  WorkDir workDir) throws IOException, InterruptedException {
        Path jar = minikernelJar();
        if (!Files.isRegularFile(jar)) {
            fail(jar + " does not exist: build it with 'mvn -pl tools -am package' (the jar is made in the"
                    + " package phase, so 'mvn test' on the reactor does not produce it)");
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Dminikernel.native=" + nativeLibraries().toAbsolutePath());
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("run");
        command.addAll(options);
        command.add(program.getNameCount() == 1 && !program.isAbsolute() ? program.toString()
                : program.toAbsolutePath().toString());
        command.addAll(args);
        return run(command, stdin, workDir);
    }

    /** The command line of {@code minikernel ARGS}: this JVM's java, the jar, the native libraries. */
    public List<String> minikernelCommandLine(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Dminikernel.native=" + nativeLibraries().toAbsolutePath());
        command.add("-jar");
        command.add(minikernelJar().toAbsolutePath().toString());
        command.addAll(args);
        return command;
    }

    /** Runs {@code minikernel ARGS} (any command: boot, run, ...) in a new temporary directory. */
    public GuestRun runMinikernelCommand(List<String> args, String stdin) throws IOException, InterruptedException {
        return run(minikernelCommandLine(args), stdin, WorkDir.TEMPORARY);
    }

    /** Runs the program under qemu-i386 user-mode emulation; the caller checks {@link #qemu()} first. */
    public GuestRun runQemu(Path program, List<String> args, String stdin) throws IOException, InterruptedException {
        return runQemu(program, args, stdin, WorkDir.TEMPORARY);
    }

    public GuestRun runQemu(Path program, List<String> args, String stdin, WorkDir workDir)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(qemu().orElseThrow(() -> new IllegalStateException("qemu-i386 is not installed")).toString());
        command.add(program.toAbsolutePath().toString());
        command.addAll(args);
        return run(command, stdin, workDir);
    }

    /** qemu-i386 on the PATH, if installed. */
    public Optional<Path> qemu() {
        return onPath("qemu-i386");
    }

    /** The program {@code name} on the PATH, if installed. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(":"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Whether the host kernel runs i386 binaries (x86-64 Linux with IA32 emulation does; other
     * hosts do not): runs a built hello once and remembers the answer.
     */
    public synchronized boolean hostRunsI386() {
        if (hostProbe == null) {
            hostProbe = probeHost();
        }
        return hostProbe.runsI386();
    }

    /** Why {@link #hostRunsI386()} said no, for a skip message. */
    public synchronized String whyHostCannotRunI386() {
        hostRunsI386();
        return hostProbe.reason();
    }

    private HostProbe probeHost() {
        for (String build : List.of("glibc", "ours")) {
            Path hello = program(build, "hello");
            if (!Files.isExecutable(hello)) {
                continue;
            }
            try {
                GuestRun run = runNative(hello, List.of(), "");
                if (run.exitStatus() == 0 && run.stdout().equals("Hello, world!\n")) {
                    return new HostProbe(true, "");
                }
                return new HostProbe(false, "the host does not run i386 binaries: " + hello + " gave\n" + run.describe());
            } catch (IOException e) {
                return new HostProbe(false, "the host does not run i386 binaries: " + hello + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new HostProbe(false, "interrupted while probing the host");
            }
        }
        return new HostProbe(false, "no hello program is built in " + root.resolve("tests/target/guest"));
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private GuestRun run(List<String> command, String stdin, WorkDir workDir)
            throws IOException, InterruptedException {
        if (workDir == WorkDir.INHERITED) {
            return run(command, stdin, (Path) null);
        }
        Path dir = newWorkDir();
        try {
            return run(command, stdin, dir);
        } finally {
            removeTree(dir);
        }
    }

    /**
     * A new empty directory under java.io.tmpdir, named minikernel-run- and 16 hex digits (a fixed
     * length: the guest's getcwd returns the same length every run).
     */
    static Path newWorkDir() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        for (int attempt = 0; ; attempt++) {
            Path dir = tmp.resolve("minikernel-run-" + HexFormat.of().toHexDigits(RANDOM.nextLong()));
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * Removes what a guest left behind, whatever its modes: every directory is first made
     * readable, writable and searchable by its owner (a test may leave a directory of mode 000).
     * Symbolic links are removed, never followed. Best effort: a failure leaves the rest.
     */
    static void removeTree(Path path) {
        try {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Set<PosixFilePermission> perms = EnumSet.copyOf(
                            Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
                    perms.addAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE));
                    Files.setPosixFilePermissions(path, perms);
                } catch (IOException | UnsupportedOperationException e) {
                    // Not ours to change: try the removal anyway.
                }
                List<Path> children;
                try (Stream<Path> list = Files.list(path)) {
                    children = list.toList();
                }
                children.forEach(Guest::removeTree);
            }
            Files.deleteIfExists(path);
        } catch (IOException | RuntimeException e) {
            // Best effort: a leftover in the temporary directory is harmless.
        }
    }

    private GuestRun run(List<String> command, String stdin, Path dir) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        builder.environment().clear();
        builder.environment().putAll(ENVIRONMENT);
        long start = System.nanoTime();
        Process process = builder.start();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        // Separate threads, so neither a full output pipe nor unread input can block the guest.
        Thread outDrain = copy(process.getInputStream(), stdout);
        Thread errDrain = copy(process.getErrorStream(), stderr);
        Thread feeder = feed(process.getOutputStream(), stdin == null ? "" : stdin);
        boolean exited = process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        outDrain.join(5_000);
        errDrain.join(5_000);
        feeder.join(5_000);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        GuestRun run = new GuestRun(List.copyOf(command), text(stdout), text(stderr),
                exited ? process.exitValue() : -1, elapsed);
        if (!exited) {
            fail("timed out after " + TIMEOUT.toSeconds() + " s and was killed; output so far:\n" + run.describe());
        }
        return run;
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static Thread copy(InputStream from, ByteArrayOutputStream to) {
        return Thread.ofPlatform().daemon().start(() -> {
            byte[] buffer = new byte[8192];
            try (from) {
                for (int n; (n = from.read(buffer)) > 0; ) {
                    to.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // The process is gone; what was read so far is kept.
            }
        });
    }

    private static Thread feed(OutputStream to, String stdin) {
        return Thread.ofPlatform().daemon().start(() -> {
            try (to) {
                to.write(stdin.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                // A guest that exits without reading all its input closes the pipe: not an error.
            }
        });
    }
}
