package minikernel.tools.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A kernel lab's runs of one test, in a JVM of the student's kernel ({@link ChildJvm}). The
 * grader writes a request (the run and its seeds), starts {@code KernelRunner REQUEST RESULT}, and
 * reads back one {@link SeedRun} per seed. The checks and the score stay in the grader's JVM.
 */
public final class KernelRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Real time a run may take before its JVM is stopped: only a loop in the kernel's Java gets there. */
    static final long SECONDS_PER_RUN = 60;

    /** What the grader asks for. */
    record Request(RunSpec spec, List<Long> seeds) {
    }

    private KernelRunner() {
    }

    public static void main(String[] args) throws IOException {
        Request request = JSON.readValue(Path.of(args[0]).toFile(), Request.class);
        Path work = Files.createTempDirectory("minikernel-lab");
        List<SeedRun> runs = new ArrayList<>();
        try {
            for (long seed : request.seeds()) {
                runs.add(GuestRun.run(request.spec(), seed, work, null, false));
            }
        } finally {
            minikernel.tools.TempDirs.deleteTree(work);
        }
        JSON.writeValue(Path.of(args[1]).toFile(), runs);
        System.exit(0);   // whatever threads the kernel left behind
    }

    /** The grader's side: the runs of {@code spec} under {@code seeds} on {@code kernel}, in a child JVM. */
    static List<SeedRun> runAll(Path kernel, RunSpec spec, List<Long> seeds, Path work)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(work, "lab");
        Path request = dir.resolve("request.json"), result = dir.resolve("result.json"), log = dir.resolve("log");
        JSON.writeValue(request.toFile(), new Request(spec, seeds));
        Process p = new ProcessBuilder(ChildJvm.command(kernel, KernelRunner.class.getName(),
                List.of(request.toString(), result.toString())))
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        Path.of("/dev/null").toFile())).start();
        long limit = SECONDS_PER_RUN * seeds.size() + 30;
        String why;
        if (!p.waitFor(limit, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            why = "the kernel's JVM did not finish in " + limit + " s of real time (a loop in its Java?)";
        } else if (p.exitValue() == 0 && Files.isRegularFile(result)) {
            return List.of(JSON.readValue(result.toFile(), SeedRun[].class));
        } else {
            why = "the kernel's JVM ended with status " + p.exitValue() + " and no results";
        }
        String output = Files.readString(log, StandardCharsets.UTF_8).strip();
        if (!output.isEmpty()) {
            List<String> lines = output.lines().toList();
            why += "; its last output:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20),
                    lines.size()));
        }
        return List.of(SeedRun.oops(seeds.get(0), why));
    }
}
