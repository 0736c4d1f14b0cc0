package minikernel.tools.grade;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code grade --gradescope-bundle OUT.zip SUITE}: an autograder for Gradescope. Gradescope unpacks
 * the zip into /autograder/source, runs setup.sh there once (on its Ubuntu image: a JDK 25 and gcc),
 * and for each submission runs /autograder/run_autograder, which grades /autograder/submission and
 * writes /autograder/results/results.json (for a kernel lab, /autograder/submission is the kernel:
 * {@code --kernel}). The bundle carries the minikernel jar, the native
 * libraries (built against glibc 2.34 at most, so Ubuntu 22.04 loads them), the userland toolchain
 * and the suite with its files. AUTOGRADER_ROOT and JAVA let run_autograder run in a fake tree.
 */
public final class GradescopeBundle {
    private GradescopeBundle() {
    }

    static final String SETUP = """
            #!/usr/bin/env bash
            # Gradescope runs this once, in /autograder/source, on its Ubuntu image.
            set -euo pipefail
            export DEBIAN_FRONTEND=noninteractive
            apt-get update -qq
            apt-get install -y -qq --no-install-recommends gcc binutils make wget gpg ca-certificates >/dev/null
            # A JDK 25 (Eclipse Temurin's apt repository).
            wget -qO - https://packages.adoptium.net/artifactory/api/gpg/key/public \\
                | gpg --dearmor > /usr/share/keyrings/adoptium.gpg
            echo "deb [signed-by=/usr/share/keyrings/adoptium.gpg] https://packages.adoptium.net/artifactory/deb \\
            $(. /etc/os-release && echo "$VERSION_CODENAME") main" > /etc/apt/sources.list.d/adoptium.list
            apt-get update -qq
            apt-get install -y -qq temurin-25-jdk >/dev/null
            cp /autograder/source/run_autograder /autograder/run_autograder
            chmod +x /autograder/run_autograder /autograder/source/userland/bin/minikernel-cc
            """;

    static final String RUN = """
            #!/usr/bin/env bash
            # Gradescope runs this for every submission: grade /autograder/submission, write the results.
            set -uo pipefail
            root=${AUTOGRADER_ROOT:-/autograder}
            java=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25-jdk-*/bin/java 2>/dev/null | head -1)}
            java=${java:-java}
            mkdir -p "$root/results"
            "$java" --enable-native-access=ALL-UNNAMED -Dminikernel.native="$root/source/native" \\
                -Dminikernel.root="$root/source" -jar "$root/source/minikernel.jar" \\
                grade "$root/source/suite/%s" %s "$root/submission" --json "$root/results/results.json"
            status=$?
            # Any status but 2 (a broken suite or option) is a graded submission: results.json is written.
            [ "$status" -ne 2 ]
            """;

    /** Writes the bundle for {@code suite}; {@code root} is the repository (jar, .native, userland). */
    public static void write(Path out, Suite suite, Path root) throws IOException {
        Path jar = root.resolve("tools/target/minikernel.jar");
        Path nativeLibs = Path.of(System.getProperty("minikernel.native", root.resolve(".native/lib").toString()));
        Path sdk = root.resolve("userland/target/sdk");
        for (Path p : List.of(jar, nativeLibs, sdk)) {
            if (!Files.exists(p)) {
                throw new IOException("cannot bundle: " + p + " is missing (build with ./minikernel first)");
            }
        }
        try (OutputStream os = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(os)) {
            text(zip, "setup.sh", SETUP);
            // A kernel lab's submission is the student's kernel (.java files, compiled by the grader).
            text(zip, "run_autograder", RUN.formatted(suite.file().getFileName(),
                    suite.kernelLab().isEmpty() ? "--submission" : "--kernel"));
            file(zip, "minikernel.jar", jar);
            tree(zip, "native", nativeLibs);
            file(zip, "userland/bin/minikernel-cc", root.resolve("userland/bin/minikernel-cc"));
            tree(zip, "userland/target/sdk", sdk);
            tree(zip, "suite", suite.dir());
        }
    }

    private static void text(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void file(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
    }

    private static void tree(ZipOutputStream zip, String prefix, Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                file(zip, prefix + "/" + dir.relativize(p).toString().replace('\\', '/'), p);
            }
        }
    }
}
