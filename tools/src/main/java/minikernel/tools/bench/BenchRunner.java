package minikernel.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import minikernel.kernel.Kernel;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.Stats;
import minikernel.kernel.drivers.HostFd;
import minikernel.kernel.exec.Executable;
import minikernel.kernel.time.Clock;

/**
 * Runs the benchmark programs: natively and under qemu-i386 as host processes, on minikernel in
 * this JVM (a fresh kernel per run, with the host's clock so the guest's clock_gettime measures real
 * time, and one warm-up run first so the JIT has compiled the kernel's hot paths, as it would have
 * in any long run). Each run's output line gives the sample; a failed run ends the row on that
 * system with the reason.
 */
public final class BenchRunner {
    /** No benchmark run takes this long on a working system; past it the run counts as failed. */
    private static final long TIMEOUT_SECONDS = 600;

    private final Path programs;
    private final KernelConfig config;
    private final int runs;
    private final boolean quick;

    /** {@code programs}: the host directory with the benchmark programs; {@code config}: minikernel's. */
    public BenchRunner(Path programs, KernelConfig config, int runs, boolean quick) {
        this.programs = programs;
        this.config = config.withClock(Clock.Mode.HOST);
        this.runs = runs;
        this.quick = quick;
    }

    public Measurement measure(BenchRow row, BenchSystem system) {
        Path program = programs.resolve(row.program());
        List<String> args = row.args(quick);
        List<Sample> samples = new ArrayList<>();
        try {
            if (system == BenchSystem.MINIKERNEL) {
                onMinikernel(program, args);       // the warm-up run
            }
            for (int i = 0; i < runs; i++) {
                samples.add(switch (system) {
                    case NATIVE -> onHost(List.of(program.toString()), args);
                    case QEMU -> onHost(List.of("qemu-i386", program.toString()), args);
                    case MINIKERNEL -> onMinikernel(program, args);
                });
            }
        } catch (RunFailed e) {
            return new Measurement(row, system, List.of(), e.getMessage());
        }
        return new Measurement(row, system, samples, null);
    }

    private Sample onHost(List<String> command, List<String> args) throws RunFailed {
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(args);
        Path err = null;
        try {
            err = Files.createTempFile("mk-bench", ".err");
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new RunFailed("no result after " + TIMEOUT_SECONDS + " s");
            }
            return result(p.exitValue(), out, Files.readString(err), null);
        } catch (IOException e) {
            throw new RunFailed("cannot run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailed("interrupted");
        } finally {
            deleteQuietly(err);
        }
    }

    private Sample onMinikernel(Path program, List<String> args) throws RunFailed {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mk-bench");
            Path out = dir.resolve("stdout"), err = dir.resolve("stderr");
            int oWronlyCreatTrunc = 01 | 0100 | 01000;
            int in = HostFd.open("/dev/null", 0, 0);
            int fo = HostFd.open(out.toString(), oWronlyCreatTrunc, 0600);
            int fe = HostFd.open(err.toString(), oWronlyCreatTrunc, 0600);
            int status;
            Stats stats;
            try (Kernel kernel = new Kernel(config.withConsole(in, fo, fe))) {
                List<String> argv = new ArrayList<>();
                argv.add(program.getFileName().toString());
                argv.addAll(args);
                status = kernel.runProgram(new Executable(program.toString(), Files.readAllBytes(program)), argv,
                        List.of("PATH=/bin"));
                stats = kernel.stats();
            } finally {
                HostFd.close(in);
                HostFd.close(fo);
                HostFd.close(fe);
            }
            return result(status, Files.readString(out), Files.readString(err), stats);
        } catch (IOException e) {
            throw new RunFailed(e.getMessage());
        } catch (minikernel.kernel.exec.ExecException e) {
            throw new RunFailed(e.getMessage());
        } finally {
            if (dir != null) {
                deleteQuietly(dir.resolve("stdout"));
                deleteQuietly(dir.resolve("stderr"));
                deleteQuietly(dir);
            }
        }
    }

    private static Sample result(int status, String out, String err, Stats stats) throws RunFailed {
        Optional<Sample> s = Sample.parse(out, stats);
        if (status != 0 || s.isEmpty()) {
            String why = err.isBlank() ? out.strip() : err.strip();
            int nl = why.indexOf('\n');
            throw new RunFailed("exit status " + status + (why.isEmpty() ? "" : ": "
                    + (nl < 0 ? why : why.substring(0, nl))));
        }
        return s.get();
    }

    private static void deleteQuietly(Path p) {
        try {
            if (p != null) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary file left behind is harmless
        }
    }

    private static final class RunFailed extends Exception {
        RunFailed(String message) {
            super(message);
        }
    }
}
