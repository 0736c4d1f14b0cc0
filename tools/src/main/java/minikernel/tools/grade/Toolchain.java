package minikernel.tools.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The userland toolchain (userland/bin/minikernel-cc): submissions are compiled with minikernel's
 * own C library, so their programs are real Linux i386 binaries; the reference solution is compiled
 * the same way and may run natively (a submission never does).
 */
final class Toolchain {
    private final Path cc;

    Toolchain(Path root) {
        this.cc = root.resolve("userland/bin/minikernel-cc");
    }

    /** The repository: -Dminikernel.root (the launcher and the tests set it), else the jar's ../.. */
    static Path root() {
        String property = System.getProperty("minikernel.root");
        if (property != null) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(Toolchain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent().getParent();
        } catch (java.net.URISyntaxException e) {
            return Path.of(".").toAbsolutePath();
        }
    }

    /** A compiled program, or the compiler's complaint. */
    record Result(byte[] program, String errors) {
    }

    Result compile(Path dir, List<String> sources, Path out) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(cc.toString(), "-O1", "-o", out.toString()));
        for (String s : sources) {
            Path f = dir.resolve(s).normalize();
            if (!f.startsWith(dir.normalize()) || !Files.isRegularFile(f)) {
                return new Result(null, "no source file " + s + " in " + dir);
            }
            cmd.add(f.toString());
        }
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            return new Result(null, log.isBlank() ? "the compiler failed" : log.strip());
        }
        return new Result(Files.readAllBytes(out), null);
    }
}
