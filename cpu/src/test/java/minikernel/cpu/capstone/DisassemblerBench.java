package minikernel.cpu.capstone;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import java.util.List;

/**
 * Micro-benchmark, not a test: microseconds per instruction for 100k instructions, one at a time
 * (as a tracer or {@code x/i} does) and in one batch (as {@code disas} does), from a byte array
 * and from native memory (as from guest RAM). Run after {@code mvn -pl cpu test-compile} with
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -Dminikernel.native=.native/lib \
 *      -cp cpu/target/classes:cpu/target/test-classes minikernel.cpu.capstone.DisassemblerBench
 * </pre>
 */
public final class DisassemblerBench {
    private static final int INSTRUCTIONS = 100_000;
    private static final int ROUNDS = 7;

    /** A typical -O1 function body: prologue, loads, stores, arithmetic, branches, call, epilogue. */
    private static final String BODY = "55 89 e5 57 56 53 83 ec 1c 8b 45 08 8b 55 0c 85 c0 74 0d 8b 08"
            + " 01 ca 8b 40 04 85 c0 75 f5 89 54 24 04 c7 04 24 00 00 00 00 e8 fc ff ff ff"
            + " 65 a1 14 00 00 00 0f af c2 8d 76 00 83 c4 1c 5b 5e 5f 5d c3";

    private DisassemblerBench() {
    }

    public static void main(String[] args) {
        byte[] body = HexFormat.ofDelimiter(" ").parseHex(BODY);
        try (Disassembler d = new Disassembler(); Arena arena = Arena.ofConfined()) {
            List<Instruction> decoded = d.disassemble(body, 0, Integer.MAX_VALUE);
            if (sum(decoded) != body.length) {
                throw new IllegalStateException("benchmark body does not decode end to end");
            }
            int perBody = decoded.size();
            byte[] code = repeat(body, INSTRUCTIONS / perBody + 1);
            MemorySegment ram = arena.allocate(code.length);
            ram.copyFrom(MemorySegment.ofArray(code));
            System.out.printf("Capstone %s, %d instructions per round, best of %d rounds%n",
                    Disassembler.libraryVersion(), INSTRUCTIONS, ROUNDS);
            report("disassembleOne(byte[])", () -> oneAtATime(d, MemorySegment.ofArray(code)));
            report("disassembleOne(native segment)", () -> oneAtATime(d, ram));
            report("disassemble(byte[], 100k)", () -> d.disassemble(code, 0x8049000L, INSTRUCTIONS).size());
            report("disassemble(native segment, 100k)", () -> d.disassemble(ram, 0x8049000L, INSTRUCTIONS).size());
            report("toString() of each", () -> {
                int chars = 0;
                for (Instruction insn : d.disassemble(ram, 0x8049000L, INSTRUCTIONS)) {
                    chars += insn.toString().length();
                }
                return chars > 0 ? INSTRUCTIONS : 0;
            });
        }
    }

    private static int sum(List<Instruction> insns) {
        return insns.stream().mapToInt(Instruction::size).sum();
    }

    private static int oneAtATime(Disassembler d, MemorySegment code) {
        long offset = 0;
        int count = 0;
        while (count < INSTRUCTIONS) {
            Instruction insn = d.disassembleOne(code.asSlice(offset), 0x8049000L + offset).orElseThrow();
            offset += insn.size();
            count++;
        }
        return count;
    }

    private interface Round {
        int run();
    }

    private static void report(String what, Round round) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            int n = round.run();
            long elapsed = System.nanoTime() - start;
            if (n != INSTRUCTIONS) {
                throw new IllegalStateException(what + " decoded " + n + " instructions");
            }
            best = Math.min(best, elapsed / 1000.0 / n);
        }
        System.out.printf("  %-36s %.3f us/instruction%n", what, best);
    }

    private static byte[] repeat(byte[] body, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * times);
        for (int i = 0; i < times; i++) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }
}
