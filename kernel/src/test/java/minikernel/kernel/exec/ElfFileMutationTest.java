package minikernel.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 seeded random mutations of valid programs: every result is either a file that keeps
 * all of {@link ElfFile}'s promises ({@link ElfInvariants}) or an {@link ElfException};
 * never another exception. A failure prints the seed and round that reproduce it.
 */
class ElfFileMutationTest {
    private static final long SEED = 0x5eed_e1f0L;
    private static final int ROUNDS = 10_000;
    private static final long[] INTERESTING = {0, 1, 0xfff, 0x1000, 0x7fffffffL, 0x80000000L, 0xfffff000L,
        0xffffe000L, 0xffffdfffL, 0xffffffffL, 0x08048000L, 0x08049000L};

    @TempDir
    static Path dir;
    /** Valid programs to mutate, each with how many of the rounds it gets. */
    static final List<byte[]> originals = new ArrayList<>();
    static final List<Integer> weights = new ArrayList<>();

    @BeforeAll
    static void collect() throws IOException {
        // Large glibc programs cost ~1 ms a round (copying and their 1,700 symbols): fewer rounds.
        add(Elf32Builder.glibcLike().build(), 8);
        add(Elf32Builder.minimal().build(), 4);
        Gcc gcc = new Gcc(dir);
        addBuilt(gcc.compile("tiny", ElfFileRealBinariesTest.TINY, "-m32", "-ffreestanding", "-nostdlib", "-static",
                "-no-pie", "-O1"), 6);
        addBuilt(gcc.compile("hello", ElfFileRealBinariesTest.HELLO, "-m32", "-static", "-O1"), 1);
        addBuilt(gcc.compile("pie", ElfFileRealBinariesTest.HELLO, "-m32", "-static-pie", "-O1"), 1);
    }

    private static void add(byte[] file, int weight) {
        originals.add(file);
        weights.add(weight);
    }

    private static void addBuilt(Gcc.Result result, int weight) throws IOException {
        if (result.built()) {
            add(Files.readAllBytes(result.file()), weight);
        }
    }

    @Test
    void everyMutationIsParsedSoundlyOrRefused() {
        Random random = new Random(SEED);
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        int accepted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int pick = random.nextInt(total);
            int index = 0;
            while (pick >= weights.get(index)) {
                pick -= weights.get(index++);
            }
            byte[] file = originals.get(index).clone();
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                file = mutate(file, random);
            }
            try {
                ElfFile elf = ElfFile.parse(file);
                ElfInvariants.check(file, elf);
                accepted++;
            } catch (ElfException refused) {
                assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank() && !refused.getMessage()
                        .contains("\n"), "round " + round + ": bad message " + refused.getMessage());
            } catch (AssertionError broken) {
                throw new AssertionError("seed " + SEED + " round " + round + " (original " + index
                        + "): accepted a file that breaks an invariant: " + broken.getMessage(), broken);
            } catch (RuntimeException crash) {
                fail("seed " + SEED + " round " + round + " (original " + index + "): " + crash, crash);
            }
        }
        assertTrue(accepted > ROUNDS / 50, "enough mutants are accepted to exercise the invariants: " + accepted);
    }

    static byte[] mutate(byte[] file, Random random) {
        if (file.length < 52) {
            return flipBits(file, random, file.length);
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = b.getInt(28) & 0xffffffffL;
        int phnum = b.getShort(44) & 0xffff;
        int validPhdrs = phoff < file.length ? (int) Math.min(phnum, (file.length - phoff) / 32) : 0;
        int headerBytes = (int) Math.min(file.length, phoff + 32L * validPhdrs);
        return switch (random.nextInt(7)) {
            case 0 -> flipBits(file, random, Math.max(headerBytes, 52));
            case 1 -> flipBits(file, random, file.length);
            case 2 -> Arrays.copyOf(file, random.nextInt(file.length + 1));
            case 3 -> {
                if (validPhdrs > 0) {
                    int at = (int) phoff + 32 * random.nextInt(validPhdrs) + 4 * (random.nextInt(8));
                    b.putInt(at, (int) value(random, b.getInt(at) & 0xffffffffL));
                }
                yield file;
            }
            case 4 -> {
                int[] fields = {24, 28, 32, 44, 48, 42, 46, 16, 18};
                int at = fields[random.nextInt(fields.length)];
                if (at >= 42) {
                    b.putShort(at, (short) value(random, b.getShort(at) & 0xffff));
                } else {
                    b.putInt(at, (int) value(random, b.getInt(at) & 0xffffffffL));
                }
                yield file;
            }
            case 5 -> {
                if (validPhdrs >= 2) {
                    int i = random.nextInt(validPhdrs);
                    int j = random.nextInt(validPhdrs);
                    int from = (int) phoff + 32 * i;
                    int to = (int) phoff + 32 * j;
                    long vaddr = b.getInt(from + 8) & 0xffffffffL;
                    b.putInt(to + 8, (int) (vaddr + random.nextInt(0x3000) - 0x800));
                }
                yield file;
            }
            default -> {
                if (validPhdrs >= 2) {
                    int i = random.nextInt(validPhdrs);
                    int j = random.nextInt(validPhdrs);
                    byte[] saved = Arrays.copyOfRange(file, (int) phoff + 32 * i, (int) phoff + 32 * i + 32);
                    System.arraycopy(file, (int) phoff + 32 * j, file, (int) phoff + 32 * i, 32);
                    if (random.nextBoolean()) {
                        System.arraycopy(saved, 0, file, (int) phoff + 32 * j, 32);
                    }
                }
                yield file;
            }
        };
    }

    private static byte[] flipBits(byte[] file, Random random, int limit) {
        if (limit == 0) {
            return file;
        }
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
            file[random.nextInt(limit)] ^= (byte) (1 << random.nextInt(8));
        }
        return file;
    }

    /** A random replacement: anything, something interesting, or a nearby value. */
    private static long value(Random random, long old) {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextLong() & 0xffffffffL;
            case 1 -> INTERESTING[random.nextInt(INTERESTING.length)];
            default -> (old + random.nextInt(0x4000) - 0x2000) & 0xffffffffL;
        };
    }
}
