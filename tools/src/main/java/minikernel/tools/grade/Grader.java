package minikernel.tools.grade;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import minikernel.kernel.Kernel;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.drivers.HostFd;
import minikernel.kernel.exec.ExecException;
import minikernel.kernel.inspect.Invariants;

/**
 * Grades a submission against a suite: compiles what it must, runs every test under every seed
 * in a sandbox (each run a fresh kernel, several in parallel, one engine each), and checks each
 * run. A test scores its points only if every seed passes; a failure names the first failing seed
 * and the command that replays it in the debugger.
 */
public final class Grader {
    private final Suite suite;
    private final Path submission;
    private final Path work;
    private final Toolchain toolchain;
    private final List<Long> seedsOverride;
    private final int jobs;

    /** The result of one test: points, and if it failed, why, under which seed, and how to replay it. */
    public record Result(TestSpec test, int score, String failure, Long seed, String replay, int seedsRun) {
        public boolean passed() {
            return failure == null;
        }
    }

    public Grader(Suite suite, Path submission, Path work, List<Long> seedsOverride, int jobs) {
        this.suite = suite;
        this.submission = submission;
        this.work = work;
        this.toolchain = new Toolchain(Toolchain.root());
        this.seedsOverride = seedsOverride;
        this.jobs = Math.max(1, jobs);
    }

    /** A ready program, or why there is none (a compile error, a missing file). */
    record Prepared(byte[] program, Map<String, byte[]> files, String reference, String error) {
    }

    public List<Result> grade() throws IOException, InterruptedException {
        Map<TestSpec, Prepared> prepared = new LinkedHashMap<>();
        for (TestSpec t : suite.tests()) {
            prepared.put(t, prepare(t));
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            Map<TestSpec, List<Future<SeedRun>>> runs = new LinkedHashMap<>();
            for (TestSpec t : suite.tests()) {
                Prepared p = prepared.get(t);
                List<Future<SeedRun>> futures = new ArrayList<>();
                if (p.error() == null) {
                    for (long seed : seeds(t)) {
                        futures.add(pool.submit(() -> run(t, p, seed, null, false)));
                    }
                }
                runs.put(t, futures);
            }
            List<Result> results = new ArrayList<>();
            for (TestSpec t : suite.tests()) {
                Prepared p = prepared.get(t);
                if (p.error() != null) {
                    results.add(new Result(t, 0, p.error(), null, null, 0));
                    continue;
                }
                Result r = null;
                for (Future<SeedRun> f : runs.get(t)) {
                    SeedRun run;
                    try {
                        run = f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IOException("running " + t.name() + ": " + e.getCause(), e.getCause());
                    }
                    Optional<String> why = Checks.failure(t, run, p.reference());
                    if (why.isPresent() && r == null) {
                        r = new Result(t, 0, why.get(), run.seed(), replay(t, run.seed()), runs.get(t).size());
                    }
                }
                results.add(r != null ? r : new Result(t, t.points(), null, null, null, runs.get(t).size()));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The repository (or the unpacked bundle) the toolchain and the jar come from. */
    public static Path repositoryRoot() {
        return Toolchain.root();
    }

    Suite suite() {
        return suite;
    }

    List<Long> seeds(TestSpec t) {
        return seedsOverride != null ? seedsOverride : t.seeds();
    }

    /** The program (compiled from the submission, or the suite's ELF), the files, the reference output. */
    Prepared prepare(TestSpec t) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("test-" + Math.abs((long) t.name().hashCode())));
        byte[] program;
        if (t.elf() != null) {
            Path elf = suite.dir().resolve(t.elf()).normalize();
            if (!Files.isRegularFile(elf)) {
                return new Prepared(null, null, null, "the suite has no program " + t.elf());
            }
            program = Files.readAllBytes(elf);
        } else {
            Toolchain.Result c = toolchain.compile(submission, t.sources(), dir.resolve("prog"));
            if (c.program() == null) {
                return new Prepared(null, null, null, "compile error:\n" + indent(c.errors()));
            }
            program = c.program();
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : t.files().entrySet()) {
            Path host = suite.dir().resolve(f.getValue()).normalize();
            if (!host.startsWith(suite.dir()) || !Files.isRegularFile(host)) {
                return new Prepared(null, null, null, "the suite has no file " + f.getValue());
            }
            files.put(f.getKey(), Files.readAllBytes(host));
        }
        for (String f : t.fromImage()) {
            var exe = minikernel.tools.ImageFiles.read(f);
            if (exe.isEmpty()) {
                return new Prepared(null, null, null, "the default image has no " + f);
            }
            files.put(f, exe.get());
        }
        String reference = null;
        if (t.sameAsReference()) {
            reference = referenceStdout(t, dir, files);
            if (reference == null) {
                return new Prepared(null, null, null, "the suite's reference solution could not be built or run"
                        + " natively (needs \"reference\" and a host that runs i386 programs)");
            }
        }
        return new Prepared(program, files, reference, null);
    }

    /** The reference solution, compiled alike and run natively in a directory holding the files. */
    private String referenceStdout(TestSpec t, Path dir, Map<String, byte[]> files)
            throws IOException, InterruptedException {
        if (suite.reference() == null || t.sources().isEmpty()) {
            return null;
        }
        Toolchain.Result c = toolchain.compile(suite.reference(), t.sources(), dir.resolve("reference"));
        if (c.program() == null) {
            return null;
        }
        Path cwd = Files.createDirectories(dir.resolve("native"));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = cwd.resolve(f.getKey().substring(1));
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        Path stdin = dir.resolve("stdin");
        Files.writeString(stdin, t.stdin());
        List<String> cmd = new ArrayList<>(List.of(dir.resolve("reference").toString()));
        cmd.addAll(t.args());
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectInput(stdin.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() >= 0 ? out : null;
    }

    /** One run in a fresh kernel: the sandbox at "/", the seed, the budget; the kernel checked after. */
    SeedRun run(TestSpec t, Prepared p, long seed, java.util.function.Consumer<Kernel> attach, boolean terminal)
            throws IOException, ExecException {
        Path dir = Files.createTempDirectory(work, "run");
        Path out = dir.resolve("stdout"), err = dir.resolve("stderr"), in = dir.resolve("stdin");
        Files.writeString(in, t.stdin());
        int fi = HostFd.open(in.toString(), 0, 0);
        int fo = HostFd.open(out.toString(), 01 | 0100 | 01000, 0600);
        int fe = HostFd.open(err.toString(), 01 | 0100 | 01000, 0600);
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        KernelConfig config = config(t, seed).withConsole(fi, terminal ? 1 : fo, terminal ? 2 : fe)
                .withRoot(Sandbox.of(p.program(), p.files()), "/");
        if (!t.syscalls().isEmpty()) {
            config = config.withTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
        }
        int status;
        List<String> broken;
        try (Kernel kernel = new Kernel(config)) {
            if (attach != null) {
                attach.accept(kernel);
            }
            List<String> argv = new ArrayList<>(List.of("prog"));
            argv.addAll(t.args());
            status = kernel.runProgram(Sandbox.PROGRAM, argv, List.of("PATH=/", "HOME=/"));
            broken = Invariants.check(kernel);
        } finally {
            HostFd.close(fi);
            HostFd.close(fo);
            HostFd.close(fe);
        }
        return new SeedRun(seed, status, Files.readString(out), Files.readString(err),
                trace.toString(StandardCharsets.UTF_8), broken);
    }

    /** The kernel a test runs on: its seed, budget, memory and task limit. */
    static KernelConfig config(TestSpec t, long seed) {
        return KernelConfig.defaults().withSeed(seed).withBudget(t.budget()).withMemory(t.memory())
                .withPidMax(t.tasks());
    }

    private String replay(TestSpec t, long seed) {
        return "./minikernel grade " + suite.file() + " --submission " + submission + " --replay '"
                + t.name().replace("'", "'\\''") + "' --seed " + seed;
    }

    private static String indent(String s) {
        return "    " + s.replace("\n", "\n    ");
    }
}
