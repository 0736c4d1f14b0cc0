package minikernel.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The commands' scratch directories (extracted programs, compiled submissions): removed at the end. */
public final class TempDirs {
    private TempDirs() {
    }

    /** Removes {@code dir} and everything in it; null does nothing; what cannot go is left behind. */
    public static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
