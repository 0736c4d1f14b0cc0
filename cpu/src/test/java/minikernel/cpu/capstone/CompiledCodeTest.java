package minikernel.cpu.capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real compiler output: the .text of a small C file built with {@code gcc -m32 -O1 -c} decodes
 * end to end, with instruction boundaries and direct branch targets equal to objdump's. Skipped
 * where gcc or binutils are missing.
 */
class CompiledCodeTest {
    private static final String SOURCE = """
            struct node { struct node *next; int value; };
            extern int printf(const char *, ...);
            extern void *memcpy(void *, const void *, unsigned);

            int sum(const struct node *n) {
                int total = 0;
                for (; n; n = n->next)
                    total += n->value;
                return total;
            }

            int classify(int x) {
                switch (x) {
                case 0: return 11; case 1: return 23; case 2: return 37;
                case 3: return 41; case 4: return 59; case 5: return 67;
                default: return -1;
                }
            }

            long long mix(long long a, int b, double c) {
                char buf[64];
                memcpy(buf, &a, sizeof a);
                printf("%d %f\\n", b, c);
                return a / b + (long long) (c * 3.5) + buf[3];
            }
            """;

    /** An instruction line of {@code objdump -d --no-show-raw-insn}: {@code "  1b:\tmov    0x8(%ebp),%eax"}. */
    private static final Pattern LINE = Pattern.compile("^\\s*([0-9a-f]+):\\t(\\S+)\\s*(.*)$");
    /** A direct branch operand: {@code "2e <classify+0x2e>"}. */
    private static final Pattern DIRECT = Pattern.compile("^([0-9a-f]+) <.*>$");

    @TempDir
    static Path dir;
    private static byte[] text;
    private static String objdump;

    @BeforeAll
    static void compile() throws IOException, InterruptedException {
        Path c = dir.resolve("f.c");
        Files.writeString(c, SOURCE);
        Path o = dir.resolve("f.o");
        Path bin = dir.resolve("text.bin");
        Assumptions.assumeTrue(run("gcc", "-m32", "-O1", "-fno-pic", "-c", "-o", o.toString(), c.toString()) != null,
                "gcc -m32 not available");
        Assumptions.assumeTrue(run("objcopy", "-O", "binary", "--only-section=.text", o.toString(), bin.toString()) != null,
                "objcopy not available");
        objdump = run("objdump", "-d", "--no-show-raw-insn", "-w", o.toString());
        Assumptions.assumeTrue(objdump != null, "objdump not available");
        text = Files.readAllBytes(bin);
    }

    /** Runs a command; its stdout, or null if it could not run or failed. */
    private static String run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** objdump's instructions: offset -> operand text. */
    private static Map<Long, String> objdumpInstructions() {
        Map<Long, String> out = new TreeMap<>();
        for (String line : objdump.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                out.put(Long.parseLong(m.group(1), 16), m.group(3).trim());
            }
        }
        return out;
    }

    @Test
    void wholeTextDecodesAndSizesAddUp() {
        try (Disassembler d = new Disassembler()) {
            List<Instruction> all = d.disassemble(text, 0, Integer.MAX_VALUE);
            assertTrue(all.size() > 40, "only " + all.size() + " instructions");
            assertEquals(text.length, all.stream().mapToInt(Instruction::size).sum());
        }
    }

    @Test
    void boundariesAndBranchTargetsMatchObjdump() {
        Map<Long, String> expected = objdumpInstructions();
        List<Long> ours = new ArrayList<>();
        int branches = 0;
        try (Disassembler d = new Disassembler()) {
            for (Instruction insn : d.disassemble(text, 0, Integer.MAX_VALUE)) {
                ours.add(insn.address());
                Matcher direct = DIRECT.matcher(expected.getOrDefault(insn.address(), ""));
                if (direct.matches()) {
                    assertEquals(Long.parseLong(direct.group(1), 16), insn.branchTarget().orElse(-1),
                            insn + " vs objdump " + expected.get(insn.address()));
                    branches++;
                }
            }
        }
        assertEquals(new ArrayList<>(expected.keySet()), ours);
        assertTrue(branches >= 5, "only " + branches + " direct branches compared");
    }

    @Test
    void intelSyntaxDecodesTheSameBoundaries() {
        try (Disassembler att = new Disassembler(); Disassembler intel = new Disassembler(Syntax.INTEL)) {
            List<Long> a = att.disassemble(text, 0, Integer.MAX_VALUE).stream().map(Instruction::address).toList();
            List<Long> i = intel.disassemble(text, 0, Integer.MAX_VALUE).stream().map(Instruction::address).toList();
            assertEquals(a, i);
        }
    }
}
