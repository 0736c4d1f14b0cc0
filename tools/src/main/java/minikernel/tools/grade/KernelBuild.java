package minikernel.tools.grade;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * {@code --kernel JAR_OR_DIR}: the student's kernel build, as a class-path entry that goes before
 * minikernel's own, so its classes replace the kernel's. A jar or a directory of classes is used
 * as it is; a directory of .java files (a kernel lab's starter, filled in) is compiled first,
 * against minikernel's classes, with annotation processing off: compiling runs no student code.
 */
final class KernelBuild {
    private KernelBuild() {
    }

    /** The class-path entry, or why there is none (a compile error, nothing usable). */
    record Result(Path classpath, String error) {
    }

    static Result of(Path given, Path work) throws IOException {
        if (Files.isRegularFile(given) && given.toString().endsWith(".jar")) {
            return new Result(given, null);
        }
        if (!Files.isDirectory(given)) {
            return new Result(null, "--kernel " + given + ": not a jar or a directory");
        }
        List<String> sources, classes;
        try (Stream<Path> s = Files.walk(given)) {
            List<Path> all = s.filter(Files::isRegularFile).toList();
            sources = all.stream().map(Path::toString).filter(p -> p.endsWith(".java")).sorted().toList();
            classes = all.stream().map(Path::toString).filter(p -> p.endsWith(".class")).toList();
        }
        if (sources.isEmpty()) {
            return classes.isEmpty()
                    ? new Result(null, "--kernel " + given + ": holds no .java or .class files")
                    : new Result(given, null);
        }
        return compile(sources, Files.createDirectories(work.resolve("kernel-classes")));
    }

    private static Result compile(List<String> sources, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return new Result(null, "compiling the kernel's .java files needs a JDK, not a JRE");
        }
        List<String> args = new ArrayList<>(List.of("-proc:none", "-nowarn", "-encoding", "UTF-8",
                "-cp", System.getProperty("java.class.path"), "-d", out.toString()));
        args.addAll(sources);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int status = javac.run(InputStream.nullInputStream(), log, log, args.toArray(String[]::new));
        return status == 0 ? new Result(out, null)
                : new Result(null, "the kernel does not compile:\n" + log.toString(StandardCharsets.UTF_8).strip());
    }
}
