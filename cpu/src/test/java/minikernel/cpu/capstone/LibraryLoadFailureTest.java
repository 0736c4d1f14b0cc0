package minikernel.cpu.capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import minikernel.cpu.NativeLibraries.NativeLibraryException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A missing or wrong libcapstone gives a {@link NativeLibraryException} that says what to run, on
 * the first attempt and on every later one. Each case runs {@link LoadFailureProbe} in a child JVM,
 * since a JVM opens the library only once.
 */
class LibraryLoadFailureTest {
    private static final Path SYSTEM_CAPSTONE_4 = Path.of("/lib/x86_64-linux-gnu/libcapstone.so.4");

    @TempDir
    Path dir;

    private static List<String> probe(Path nativeDir) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-Dminikernel.native=" + nativeDir, "-cp", System.getProperty("java.class.path"),
                LoadFailureProbe.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> !l.startsWith("WARNING")).toList();
    }

    @Test
    void missingLibraryNamesTheSetupScript() throws Exception {
        List<String> lines = probe(dir);
        assertEquals(2, lines.size(), lines.toString());
        for (String line : lines) {
            assertTrue(line.startsWith(NativeLibraryException.class.getName() + ": libcapstone.so.5 not found in "),
                    line);
            assertTrue(line.contains("setup-native.sh"), line);
        }
    }

    @Test
    void capstone4IsRefusedBecauseItsLayoutDiffers() throws Exception {
        Assumptions.assumeTrue(Files.exists(SYSTEM_CAPSTONE_4), "no system libcapstone.so.4 to try");
        Path link = Files.createSymbolicLink(dir.resolve("libcapstone.so.5"), SYSTEM_CAPSTONE_4);
        List<String> lines;
        try {
            lines = probe(dir);
        } finally {
            Files.delete(link); // @TempDir cleanup warns about links that point outside it
        }
        assertEquals(2, lines.size(), lines.toString());
        for (String line : lines) {
            assertTrue(line.startsWith(NativeLibraryException.class.getName() + ": "), line);
            assertTrue(line.contains("is Capstone 4.0, but minikernel needs Capstone 5.x"), line);
            assertTrue(line.contains("setup-native.sh --force"), line);
        }
    }
}
