package minikernel.kernel.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds test programs with the host's gcc. A build that cannot run (no gcc, no 32-bit
 * libraries, no static-pie support) gives a {@link Result} whose {@code why} explains it, so
 * tests can skip with an assumption rather than fail.
 */
final class Gcc {
    private final Path dir;

    Gcc(Path dir) {
        this.dir = dir;
    }

    /** The output file, or the reason it could not be built. */
    record Result(Path file, String why) {
        boolean built() {
            return file != null;
        }
    }

    /** Compiles {@code source} (C) into {@code name} with {@code flags}. */
    Result compile(String name, String source, String... flags) {
        try {
            Path src = dir.resolve(name + ".c");
            Files.writeString(src, source, StandardCharsets.UTF_8);
            Path out = dir.resolve(name);
            List<String> command = new ArrayList<>(List.of("gcc"));
            command.addAll(List.of(flags));
            command.addAll(List.of("-o", out.toString(), src.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(null, "gcc " + String.join(" ", flags) + " timed out");
            }
            if (process.exitValue() != 0 || !Files.exists(out)) {
                String first = output.lines().findFirst().orElse("exit status " + process.exitValue());
                return new Result(null, "gcc " + String.join(" ", flags) + " failed: " + first);
            }
            return new Result(out, null);
        } catch (IOException e) {
            return new Result(null, "gcc is not available: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted");
        }
    }
}
