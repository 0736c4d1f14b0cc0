package minikernel.tools.grade;

import java.io.IOException;
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
    private final Path kernelGiven;     // --kernel as the user wrote it, or null
    private Path kernel;                // its class-path entry, once built

    /** The result of one test: points, and if it failed, why, under which seed, and how to replay it. */
    public record Result(TestSpec test, int score, String failure, Long seed, String replay, int seedsRun) {
        public boolean passed() {
            return failure == null;
        }
    }

    /** @param kernel a student's kernel build (--kernel), or null for minikernel's own, in-process */
    public Grader(Suite suite, Path submission, Path work, List<Long> seedsOverride, int jobs, Path kernel) {
        this.suite = suite;
        this.submission = submission;
        this.work = work;
        this.toolchain = new Toolchain(Toolchain.root());
        this.seedsOverride = seedsOverride;
        this.jobs = Math.max(1, jobs);
        this.kernelGiven = kernel;
    }

    /** The student's kernel, built (compiled from .java if need be); the error, or null when it is ready. */
    public String buildKernel() throws IOException {
        if (kernelGiven == null) {
            return null;
        }
        KernelBuild.Result b = KernelBuild.of(kernelGiven.toAbsolutePath().normalize(), work);
        kernel = b.classpath();
        return b.error();
    }

    /** The built kernel's class-path entry, or null when grading minikernel's own. */
    public Path kernel() {
        return kernel;
    }

    /** A ready program, or why there is none (a compile error, a missing file). */
    record Prepared(RunSpec spec, String reference, String error) {
        static Prepared failed(String error) {
            return new Prepared(null, null, error);
        }
    }

    public List<Result> grade() throws IOException, InterruptedException {
        String kernelError = kernel == null ? buildKernel() : null;
        Map<TestSpec, Prepared> prepared = new LinkedHashMap<>();
        for (TestSpec t : suite.tests()) {
            prepared.put(t, kernelError != null ? Prepared.failed(kernelError) : prepare(t));
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            // In-process, every seed is a task of its own; a student's kernel runs a test's seeds in one JVM.
            Map<TestSpec, List<Future<List<SeedRun>>>> runs = new LinkedHashMap<>();
            for (TestSpec t : suite.tests()) {
                Prepared p = prepared.get(t);
                List<Future<List<SeedRun>>> futures = new ArrayList<>();
                if (p.error() == null && kernel != null) {
                    futures.add(pool.submit(() -> KernelRunner.runAll(kernel, p.spec(), seeds(t), work)));
                } else if (p.error() == null) {
                    for (long seed : seeds(t)) {
                        futures.add(pool.submit(() -> List.of(GuestRun.run(p.spec(), seed, work, null, false))));
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
                int seedsRun = 0;
                for (Future<List<SeedRun>> f : runs.get(t)) {
                    List<SeedRun> done;
                    try {
                        done = f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IOException("running " + t.name() + ": " + e.getCause(), e.getCause());
                    }
                    for (SeedRun run : done) {
                        seedsRun++;
                        Optional<String> why = Checks.failure(t, run, p.reference());
                        if (why.isPresent() && r == null) {
                            r = new Result(t, 0, why.get(), run.seed(), replay(t, run.seed()), 0);
                        }
                    }
                }
                results.add(r != null ? new Result(t, 0, r.failure(), r.seed(), r.replay(), seedsRun)
                        : new Result(t, t.points(), null, null, null, seedsRun));
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

    Path submission() {
        return submission;
    }

    Path work() {
        return work;
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
                return Prepared.failed("the suite has no program " + t.elf());
            }
            program = Files.readAllBytes(elf);
        } else {
            Toolchain.Result c = toolchain.compile(submission, t.sources(), dir.resolve("prog"));
            if (c.program() == null) {
                return Prepared.failed("compile error:\n" + indent(c.errors()));
            }
            program = c.program();
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : t.files().entrySet()) {
            Path host = suite.dir().resolve(f.getValue()).normalize();
            if (!host.startsWith(suite.dir()) || !Files.isRegularFile(host)) {
                return Prepared.failed("the suite has no file " + f.getValue());
            }
            files.put(f.getKey(), Files.readAllBytes(host));
        }
        for (String f : t.fromImage()) {
            var exe = minikernel.tools.ImageFiles.read(f);
            if (exe.isEmpty()) {
                return Prepared.failed("the default image has no " + f);
            }
            files.put(f, exe.get());
        }
        String reference = null;
        if (t.sameAsReference()) {
            reference = referenceStdout(t, dir, files);
            if (reference == null) {
                return Prepared.failed("the suite's reference solution could not be built or run"
                        + " natively (needs \"reference\" and a host that runs i386 programs)");
            }
        }
        return new Prepared(RunSpec.of(t, program, files), reference, null);
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

    private String replay(TestSpec t, long seed) {
        return "./minikernel grade " + suite.file() + (kernelGiven != null ? " --kernel " + kernelGiven : "")
                + " --submission " + submission + " --replay '"
                + t.name().replace("'", "'\\''") + "' --seed " + seed;
    }

    private static String indent(String s) {
        return "    " + s.replace("\n", "\n    ");
    }
}
