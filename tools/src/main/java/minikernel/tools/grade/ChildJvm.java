package minikernel.tools.grade;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM for a student's kernel: the same java and minikernel's class path, with the student's
 * build in front of it. Grading a kernel lab runs each test's runs there, so whatever their Java
 * does (loop, throw, exit, print) happens in that process; the grader only reads back the results.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    static List<String> command(Path kernel, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dminikernel.root=" + Toolchain.root()));
        String nativeLibs = System.getProperty("minikernel.native");
        if (nativeLibs != null) {
            cmd.add("-Dminikernel.native=" + nativeLibs);
        }
        cmd.addAll(List.of("-cp", kernel + File.pathSeparator + System.getProperty("java.class.path"), mainClass));
        cmd.addAll(args);
        return cmd;
    }
}
