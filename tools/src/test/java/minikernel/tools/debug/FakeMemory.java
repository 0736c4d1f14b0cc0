package minikernel.tools.debug;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Guest memory for tests: a few byte arrays at base addresses; everything else is unmapped. */
final class FakeMemory implements GuestMemory {
    private record Region(long base, byte[] bytes) {
        boolean holds(long address, int length) {
            return address >= base && address + length <= base + bytes.length;
        }
    }

    private final List<Region> regions = new ArrayList<>();

    /** Maps {@code bytes} (kept, not copied: a test may change them) at {@code base}. */
    FakeMemory map(long base, byte[] bytes) {
        regions.add(new Region(base, bytes));
        return this;
    }

    /** Maps bytes written as hex, {@code "55 89 e5"}. */
    FakeMemory map(long base, String hex) {
        return map(base, bytes(hex));
    }

    /** Maps 32-bit little-endian words. */
    FakeMemory words(long base, long... words) {
        byte[] bytes = new byte[words.length * 4];
        for (int i = 0; i < words.length; i++) {
            for (int b = 0; b < 4; b++) {
                bytes[i * 4 + b] = (byte) (words[i] >>> (8 * b));
            }
        }
        return map(base, bytes);
    }

    static byte[] bytes(String hex) {
        return HexFormat.ofDelimiter(" ").parseHex(hex.strip());
    }

    @Override
    public byte[] read(long address, int length) {
        for (Region r : regions) {
            if (r.holds(address, length)) {
                int from = (int) (address - r.base());
                return Arrays.copyOfRange(r.bytes(), from, from + length);
            }
        }
        return null;
    }
}
