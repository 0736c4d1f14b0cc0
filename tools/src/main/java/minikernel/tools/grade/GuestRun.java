package minikernel.tools.grade;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import minikernel.kernel.Kernel;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.drivers.HostFd;
import minikernel.kernel.exec.ExecException;
import minikernel.kernel.inspect.Invariants;

/**
 * One run in a fresh kernel: the sandbox at "/", the seed, the budget; the kernel checked after.
 * The grader calls it in its own JVM; for a kernel lab, KernelRunner calls it in a JVM of the
 * student's kernel. A failure of the kernel itself (an exception out of it) becomes the run's oops.
 */
final class GuestRun {
    private GuestRun() {
    }

    /**
     * @param attach   called with the kernel before the program starts (the debugger), or null
     * @param terminal the program's stdout and stderr go to ours (a replay) rather than to files
     */
    static SeedRun run(RunSpec spec, long seed, Path work, Consumer<Kernel> attach, boolean terminal)
            throws IOException {
        Path dir = Files.createTempDirectory(work, "run");
        Path out = dir.resolve("stdout"), err = dir.resolve("stderr"), in = dir.resolve("stdin");
        Files.writeString(in, spec.stdin());
        int fi = HostFd.open(in.toString(), 0, 0);
        int fo = HostFd.open(out.toString(), 01 | 0100 | 01000, 0600);
        int fe = HostFd.open(err.toString(), 01 | 0100 | 01000, 0600);
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        KernelConfig config = config(spec, seed).withConsole(fi, terminal ? 1 : fo, terminal ? 2 : fe)
                .withRoot(Sandbox.of(spec.program(), spec.files()), "/");
        if (spec.trace()) {
            config = config.withTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
        }
        int status;
        List<String> broken;
        try (Kernel kernel = new Kernel(config)) {
            if (attach != null) {
                attach.accept(kernel);
            }
            List<String> argv = new ArrayList<>(List.of("prog"));
            argv.addAll(spec.args());
            status = kernel.runProgram(Sandbox.PROGRAM, argv, List.of("PATH=/", "HOME=/"));
            if (!kernel.oopses().isEmpty()) {
                Kernel.Oops first = kernel.oopses().getFirst();
                return SeedRun.oops(seed, "the kernel hit a bug (an oops) while running " + first.where() + ":\n  "
                        + describe(first.cause()));
            }
            broken = Invariants.check(kernel);
        } catch (ExecException e) {
            return SeedRun.oops(seed, "the program could not start: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return SeedRun.oops(seed, "the kernel failed: " + describe(e));
        } finally {
            HostFd.close(fi);
            HostFd.close(fo);
            HostFd.close(fe);
        }
        return new SeedRun(seed, status, Files.readString(out), Files.readString(err),
                trace.toString(StandardCharsets.UTF_8), broken, null);
    }

    /** The kernel a run gets: its seed, budget, memory and task limit. */
    static KernelConfig config(RunSpec spec, long seed) {
        return KernelConfig.defaults().withSeed(seed).withBudget(spec.budget()).withMemory(spec.memory())
                .withPidMax(spec.tasks());
    }

    /** The exception and where it was thrown (the first frames, as an oops shows the call trace). */
    static String describe(Throwable e) {
        StringBuilder s = new StringBuilder(e.toString());
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(8, frames.length); i++) {
            s.append("\n    at ").append(frames[i]);
        }
        if (e.getCause() != null && e.getCause() != e) {
            s.append("\n  caused by ").append(describe(e.getCause()));
        }
        return s.toString();
    }
}
