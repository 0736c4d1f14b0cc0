package minikernel.tools.grade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A grading suite: a JSON file (its format is in docs/grading.md) and the files beside it.
 * Loading checks every field and names the first wrong one: {@code suite.json: tests[1].points:
 * must be a whole number of 1 or more}.
 *
 * @param kernelLab for a kernel lab, the kernel sources (under kernel/src/main/java) whose LAB
 *                  regions the students write ({@link KernelLab}); empty otherwise
 */
public record Suite(Path file, String name, Path reference, List<String> kernelLab, List<TestSpec> tests) {
    // The fields of each level; docs/suite.schema.json lists the same (SuiteSchemaTest checks).
    static final Set<String> TOP = Set.of("$schema", "name", "reference", "kernel_lab", "defaults", "tests");
    static final Set<String> DEFAULTS = Set.of("sources", "seeds", "budget", "from_image", "memory", "tasks");
    static final Set<String> TEST = Set.of("name", "points", "sources", "elf", "args", "stdin", "files",
            "from_image", "budget", "memory", "tasks", "seeds", "expect");
    static final Set<String> EXPECT = Set.of("stdout", "stdout_lines", "stdout_same_as_reference", "exit",
            "signal", "syscalls", "invariants");
    /** The budget when a test names none: about two seconds of virtual time. */
    public static final long DEFAULT_BUDGET = 500_000_000;

    public Path dir() {
        return file.toAbsolutePath().normalize().getParent();
    }

    public static Suite load(Path file) throws SuiteException {
        String where = file.getFileName().toString();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new SuiteException(where + ": not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SuiteException(file + ": no such file");
        } catch (IOException e) {
            throw new SuiteException(file + ": cannot read it (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new SuiteException(where + ": must be a JSON object with \"name\" and \"tests\"");
        }
        only(root, TOP, where);
        String name = text(root, "name", where, true);
        String reference = text(root, "reference", where, false);
        List<String> kernelLab = kernelLab(root.get("kernel_lab"), where + ": kernel_lab");
        JsonNode defaults = root.path("defaults");
        if (defaults.isObject()) {
            only(defaults, DEFAULTS, where + ": defaults");
        }
        JsonNode tests = root.get("tests");
        if (tests == null || !tests.isArray() || tests.isEmpty()) {
            throw new SuiteException(where + ": tests: must be a list of at least one test");
        }
        List<TestSpec> specs = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < tests.size(); i++) {
            TestSpec t = test(tests.get(i), defaults, where + ": tests[" + i + "]");
            if (!names.add(t.name())) {
                throw new SuiteException(where + ": tests[" + i + "].name: \"" + t.name() + "\" is used twice");
            }
            specs.add(t);
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        return new Suite(file, name, reference == null ? null : dir.resolve(reference), kernelLab,
                List.copyOf(specs));
    }

    /** {"sources": ["minikernel/kernel/fork/CopyFiles.java", ...]}: Java files of the kernel. */
    private static List<String> kernelLab(JsonNode n, String where) throws SuiteException {
        if (n == null) {
            return List.of();
        }
        if (!n.isObject()) {
            throw new SuiteException(where + ": must be an object with \"sources\"");
        }
        only(n, Set.of("sources"), where);
        List<String> sources = strings(n.get("sources"), where + ".sources");
        if (sources.isEmpty()) {
            throw new SuiteException(where + ".sources: name the kernel's .java files the students write");
        }
        for (String s : sources) {
            if (!s.endsWith(".java") || s.startsWith("/") || s.contains("..")) {
                throw new SuiteException(where + ".sources: \"" + s + "\": a .java file under kernel/src/main/java,"
                        + " like minikernel/kernel/fork/CopyFiles.java");
            }
        }
        return sources;
    }

    private static TestSpec test(JsonNode t, JsonNode defaults, String where) throws SuiteException {
        if (!t.isObject()) {
            throw new SuiteException(where + ": must be an object");
        }
        only(t, TEST, where);
        JsonNode d = defaults.isObject() ? defaults : null;
        String name = text(t, "name", where, true);
        int points = (int) number(t.has("points") ? t : null, "points", where, 1, 1, 100000);
        List<String> sources = strings(pick(t, d, "sources"), where + ".sources");
        String elf = text(t, "elf", where, false);
        if (sources.isEmpty() == (elf == null)) {
            throw new SuiteException(where + ": name the program with exactly one of \"sources\" (C files of the"
                    + " submission) and \"elf\" (a prebuilt program of the suite)");
        }
        List<String> args = strings(t.get("args"), where + ".args");
        String stdin = t.has("stdin") ? text(t, "stdin", where, true) : "";
        Map<String, String> files = new LinkedHashMap<>();
        JsonNode f = t.get("files");
        if (f != null) {
            if (!f.isObject()) {
                throw new SuiteException(where + ".files: must map sandbox paths to files of the suite");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().startsWith("/") || e.getKey().contains("..") || !e.getValue().isTextual()) {
                    throw new SuiteException(where + ".files: \"" + e.getKey() + "\": an absolute sandbox path without"
                            + " \"..\", mapped to a file name of the suite");
                }
                files.put(e.getKey(), e.getValue().asText());
            }
        }
        List<String> fromImage = strings(pick(t, d, "from_image"), where + ".from_image");
        for (String path : fromImage) {
            if (!path.startsWith("/") || path.contains("..")) {
                throw new SuiteException(where + ".from_image: \"" + path + "\": an absolute path of the default image");
            }
        }
        long budget = number(pick(t, d, "budget") == null ? null : t.has("budget") ? t : d, "budget", where,
                DEFAULT_BUDGET, 1, Long.MAX_VALUE);
        List<Long> seeds = seeds(pick(t, d, "seeds"), where + ".seeds");
        long memory = memory(pick(t, d, "memory"), where + ".memory");
        int tasks = (int) number(pick(t, d, "tasks") == null ? null : t.has("tasks") ? t : d, "tasks", where, 512, 302,
                32768);
        JsonNode e = t.get("expect");
        if (e == null || !e.isObject()) {
            throw new SuiteException(where + ".expect: must say what to check (stdout, exit, syscalls, ...)");
        }
        only(e, EXPECT, where + ".expect");
        String ew = where + ".expect";
        Integer exit = e.has("exit") ? (int) number(e, "exit", ew, 0, 0, 255) : null;
        String signal = text(e, "signal", ew, false);
        if (signal != null && signalNumber(signal) <= 0) {
            throw new SuiteException(ew + ".signal: \"" + signal + "\" is not a signal name like SIGSEGV");
        }
        if (exit != null && signal != null) {
            throw new SuiteException(ew + ": an exit status and a signal exclude each other");
        }
        List<String> lines = e.has("stdout_lines") ? strings(e.get("stdout_lines"), ew + ".stdout_lines") : null;
        if (lines != null) {
            for (String re : lines) {
                try {
                    java.util.regex.Pattern.compile(re);
                } catch (java.util.regex.PatternSyntaxException x) {
                    throw new SuiteException(ew + ".stdout_lines: \"" + re + "\": " + x.getDescription());
                }
            }
        }
        boolean same = e.path("stdout_same_as_reference").asBoolean(false);
        return new TestSpec(name, points, sources, elf, args, stdin, files, fromImage, budget, memory, tasks, seeds, text(e, "stdout", ew, false),
                lines, same, exit, signal, strings(e.get("syscalls"), ew + ".syscalls"),
                e.path("invariants").asBoolean(false));
    }

    /** SIGSEGV's number, 11; -1 for a name that is not a signal's. */
    static int signalNumber(String name) {
        try {
            return minikernel.kernel.signal.Signal.valueOf(name).number;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static JsonNode pick(JsonNode t, JsonNode defaults, String field) {
        return t.has(field) ? t.get(field) : defaults == null ? null : defaults.get(field);
    }

    /** "64M", "1G" (4M to 1G); 256M when not given. */
    private static long memory(JsonNode n, String where) throws SuiteException {
        if (n == null) {
            return 256L << 20;
        }
        String t = n.asText().strip().toUpperCase(java.util.Locale.ROOT);
        long unit = t.endsWith("G") ? 1L << 30 : t.endsWith("M") ? 1L << 20 : t.endsWith("K") ? 1L << 10 : 1;
        try {
            long bytes = Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
            if (bytes >= 4L << 20 && bytes <= 1L << 30) {
                return bytes & ~0xfffL;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new SuiteException(where + ": \"" + n.asText() + "\": a size like 64M, from 4M to 1G");
    }

    /** "1-20", "1,3,7", a number, or a list of numbers. */
    static List<Long> seeds(JsonNode n, String where) throws SuiteException {
        if (n == null) {
            return List.of(1L);
        }
        if (n.isArray()) {
            List<Long> out = new ArrayList<>();
            for (JsonNode x : n) {
                if (!x.canConvertToLong() || x.asLong() < 1) {
                    throw new SuiteException(where + ": seeds are whole numbers of 1 or more");
                }
                out.add(x.asLong());
            }
            return out;
        }
        return parseSeeds(n.asText(), where);
    }

    /** The --seeds syntax: "1-20" or "1,3,7" (or both: "1-5,9"). */
    public static List<Long> parseSeeds(String text, String where) throws SuiteException {
        List<Long> out = new ArrayList<>();
        try {
            for (String part : text.split(",")) {
                String[] r = part.strip().split("-", 2);
                long a = Long.parseLong(r[0].strip()), b = r.length == 2 ? Long.parseLong(r[1].strip()) : a;
                if (a < 1 || b < a || b - a > 10000) {
                    throw new NumberFormatException();
                }
                for (long s = a; s <= b; s++) {
                    out.add(s);
                }
            }
        } catch (NumberFormatException e) {
            throw new SuiteException(where + ": \"" + text + "\": seeds are like 1-20 or 1,3,7 (1 or more)");
        }
        return out;
    }

    private static void only(JsonNode n, Set<String> allowed, String where) throws SuiteException {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new SuiteException(where + ": unknown field \"" + f + "\" (known: " + String.join(", ",
                        new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String text(JsonNode n, String field, String where, boolean required) throws SuiteException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new SuiteException(where + ": \"" + field + "\" is missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new SuiteException(where + "." + field + ": must be a string");
        }
        return v.asText();
    }

    private static long number(JsonNode n, String field, String where, long dflt, long min, long max)
            throws SuiteException {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null) {
            return dflt;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            throw new SuiteException(where + "." + field + ": must be a whole number from " + min + " to " + max);
        }
        return v.asLong();
    }

    private static List<String> strings(JsonNode n, String where) throws SuiteException {
        if (n == null) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new SuiteException(where + ": must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode x : n) {
            if (!x.isTextual()) {
                throw new SuiteException(where + ": must be a list of strings");
            }
            out.add(x.asText());
        }
        return List.copyOf(out);
    }
}
