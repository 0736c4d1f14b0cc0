package minikernel.kernel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import minikernel.kernel.drivers.HostFd;
import minikernel.kernel.exec.Executable;

/**
 * Guest programs for kernel tests (of every package): C sources compiled with the userland SDK
 * (built earlier in the reactor), run in an in-process kernel whose console is three temporary files.
 */
public final class Guests {
    private Guests() {
    }

    /** What one run left behind; the kernel stays open for inspection (close it). */
    public record Run(int status, String stdout, String stderr, Kernel kernel) implements AutoCloseable {
        @Override
        public void close() {
            kernel.close();
        }
    }

    public static Path root() {
        return Path.of(System.getProperty("minikernel.root", "..")).toAbsolutePath().normalize();
    }

    /** Compiles {@code source} with userland/bin/minikernel-cc; skips the test if the SDK is not built. */
    public static Path compile(String name, String source) throws IOException, InterruptedException {
        Path cc = root().resolve("userland/bin/minikernel-cc");
        assumeTrue(Files.exists(root().resolve("userland/target/sdk/lib/libc.a")),
                "the userland SDK is not built (make -C userland)");
        Path dir = Files.createTempDirectory("mk-guest");
        Path src = dir.resolve(name + ".c");
        Path out = dir.resolve(name);
        Files.writeString(src, source);
        Process p = new ProcessBuilder(cc.toString(), "-O1", src.toString(), "-o", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("minikernel-cc failed: " + log);
        }
        return out;
    }

    public static Run run(KernelConfig config, Path program, String... args) throws Exception {
        return run(config, program, kernel -> { }, args);
    }

    /** As {@link #run}, with {@code setup} given the kernel before the program starts (to attach probes). */
    public static Run run(KernelConfig config, Path program, java.util.function.Consumer<Kernel> setup, String... args)
            throws Exception {
        Path dir = Files.createTempDirectory("mk-console");
        Path out = dir.resolve("stdout"), err = dir.resolve("stderr");
        int o_wronly_creat_trunc = 01 | 0100 | 01000;
        int in = HostFd.open("/dev/null", 0, 0);
        int fo = HostFd.open(out.toString(), o_wronly_creat_trunc, 0644);
        int fe = HostFd.open(err.toString(), o_wronly_creat_trunc, 0644);
        Kernel kernel = new Kernel(config.withConsole(in, fo, fe));
        int status;
        try {
            setup.accept(kernel);
            List<String> argv = new ArrayList<>();
            argv.add(program.getFileName().toString());
            argv.addAll(List.of(args));
            status = kernel.runProgram(new Executable(program.toString(), Files.readAllBytes(program)), argv,
                    List.of("HOME=/", "PATH=/bin"));
        } finally {
            HostFd.close(in);
            HostFd.close(fo);
            HostFd.close(fe);
        }
        // (decoded leniently: a guest may write any bytes, a fuzzer's random memory included)
        return new Run(status, new String(Files.readAllBytes(out), java.nio.charset.StandardCharsets.UTF_8),
                new String(Files.readAllBytes(err), java.nio.charset.StandardCharsets.UTF_8), kernel);
    }
}
