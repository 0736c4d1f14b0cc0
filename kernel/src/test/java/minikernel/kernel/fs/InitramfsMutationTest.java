package minikernel.kernel.fs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random damage to valid archives: every result is a list of sound entries or an
 * {@link InitramfsException}, never another exception.
 */
class InitramfsMutationTest {
    private static final long SEED = 0xc910_0701L;
    private static final int ROUNDS = 4_000;

    private static byte[][] originals() {
        CpioTestWriter crc = new CpioTestWriter();
        crc.magic = "070702";
        crc.dir("etc", 0755).file("etc/motd", 0644, "hello\n").symlink("etc/link", "motd").trailer();
        CpioTestWriter links = new CpioTestWriter();
        CpioTestWriter.Fields hard = new CpioTestWriter.Fields(900, 0100755, 0, 0, 2, 0, 3, 1, 0, 0, null, 0);
        links.dir("bin", 0755).raw(hard, "bin/a", new byte[0]).raw(hard, "bin/b", new byte[] {1, 2, 3}).trailer()
                .pad(512).dir("more", 0700).trailer();
        return new byte[][] {
            new CpioTestWriter().dir("dev", 0755).node("dev/null", CpioFileType.CHAR_DEVICE, 0666, 1, 3)
                    .dir("bin", 0755).file("bin/hello", 0755, "x".repeat(300)).symlink("bin/sh", "hello")
                    .node("p", CpioFileType.FIFO, 0600, 0, 0).trailer().pad(512).build(),
            crc.build(),
            links.build(),
        };
    }

    @Test
    void everyMutationIsReadSoundlyOrRefused() {
        byte[][] originals = originals();
        Random random = new Random(SEED);
        int accepted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] archive = originals[random.nextInt(originals.length)].clone();
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                archive = mutate(archive, random);
            }
            try {
                check(archive, Initramfs.read(archive));
                accepted++;
            } catch (InitramfsException refused) {
                assertFalse(refused.getMessage().isBlank() || refused.getMessage().contains("\n"),
                        "seed " + SEED + " round " + round + ": not a one-line message: " + refused.getMessage());
            } catch (RuntimeException crash) {
                fail("seed " + SEED + " round " + round + ": " + crash, crash);
            }
        }
        assertTrue(accepted > ROUNDS / 50, "enough mutants are accepted to exercise the checks: " + accepted);
    }

    private static void check(byte[] archive, List<Initramfs.Entry> entries) {
        long total = 0;
        for (Initramfs.Entry e : entries) {
            CpioFileType type = e.type();
            assertFalse(e.path().startsWith("/") || e.path().startsWith("./") || e.path().endsWith("/"), e.path());
            assertTrue(e.permissions() <= 07777);
            int size = e.data().length;
            total += size;
            if (type == CpioFileType.SYMLINK) {
                assertTrue(size <= Initramfs.PATH_MAX);
                e.symlinkTarget();
            } else if (type != CpioFileType.REGULAR) {
                assertTrue(size == 0, "only files and symlinks carry data");
            }
            e.hardLinkTo().ifPresent(old -> assertTrue(entries.stream().anyMatch(x -> x.path().equals(old))));
        }
        assertTrue(total <= archive.length);
    }

    private static byte[] mutate(byte[] archive, Random random) {
        if (archive.length == 0) {
            return archive;
        }
        switch (random.nextInt(6)) {
            case 0 -> archive[random.nextInt(archive.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> {
                return Arrays.copyOf(archive, random.nextInt(archive.length + 1));
            }
            case 2 -> {
                String hex = String.format("%08x", random.nextInt(4) == 0 ? random.nextInt() : random.nextInt(0x2000));
                int field = random.nextInt(13);
                int header = headerStart(archive, random);
                if (header + 6 + 8 * field + 8 <= archive.length) {
                    System.arraycopy(hex.getBytes(StandardCharsets.US_ASCII), 0, archive, header + 6 + 8 * field, 8);
                }
            }
            case 3 -> {
                int at = random.nextInt(archive.length);
                int length = 1 + random.nextInt(Math.min(8, archive.length - at));
                byte[] shorter = new byte[archive.length - length];
                System.arraycopy(archive, 0, shorter, 0, at);
                System.arraycopy(archive, at + length, shorter, at, archive.length - at - length);
                return shorter;
            }
            case 4 -> {
                int at = random.nextInt(archive.length + 1);
                byte[] longer = new byte[archive.length + 1 + random.nextInt(8)];
                System.arraycopy(archive, 0, longer, 0, at);
                System.arraycopy(archive, at, longer, longer.length - (archive.length - at), archive.length - at);
                return longer;
            }
            default -> archive[random.nextInt(archive.length)] = "0123456789abcdefgG\0/!"
                    .getBytes(StandardCharsets.US_ASCII)[random.nextInt(21)];
        }
        return archive;
    }

    /** The offset of a header ("0707" at a multiple of 4), or a random offset if none is found. */
    private static int headerStart(byte[] archive, Random random) {
        int start = random.nextInt(archive.length) & ~3;
        for (int at = start; at + 4 <= archive.length; at += 4) {
            if (archive[at] == '0' && archive[at + 1] == '7' && archive[at + 2] == '0' && archive[at + 3] == '7') {
                return at;
            }
        }
        return start;
    }
}
