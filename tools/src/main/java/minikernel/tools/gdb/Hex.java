package minikernel.tools.gdb;

import java.nio.charset.StandardCharsets;

/** The protocol's hex: numbers (big-endian text), byte strings and little-endian register values. */
final class Hex {
    private Hex() {
    }

    /** A hex number ("8049000"), or BadPacket. */
    static long number(String s) throws PacketHandler.BadPacket {
        try {
            if (s.isEmpty() || s.length() > 16) {
                throw new NumberFormatException();
            }
            return Long.parseUnsignedLong(s, 16);
        } catch (NumberFormatException e) {
            throw new PacketHandler.BadPacket("not a hex number: " + s);
        }
    }

    /** "ADDR,LENGTH" as two numbers. */
    static long[] addressLength(String s) throws PacketHandler.BadPacket {
        int comma = s.indexOf(',');
        if (comma < 0) {
            throw new PacketHandler.BadPacket("expected ADDR,LENGTH: " + s);
        }
        return new long[]{number(s.substring(0, comma)), number(s.substring(comma + 1))};
    }

    static String bytes(byte[] b) {
        StringBuilder s = new StringBuilder(b.length * 2);
        for (byte x : b) {
            s.append(Character.forDigit(x >> 4 & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return s.toString();
    }

    static byte[] parseBytes(String s) throws PacketHandler.BadPacket {
        if (s.length() % 2 != 0) {
            throw new PacketHandler.BadPacket("odd number of hex digits");
        }
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            int hi = Character.digit(s.charAt(2 * i), 16), lo = Character.digit(s.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new PacketHandler.BadPacket("not hex: " + s);
            }
            b[i] = (byte) (hi << 4 | lo);
        }
        return b;
    }

    /** A register's value as its little-endian bytes in hex. */
    static String littleEndian(long value, int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) (value >>> 8 * i);
        }
        return bytes(b);
    }

    static long parseLittleEndian(String s) throws PacketHandler.BadPacket {
        byte[] b = parseBytes(s);
        long v = 0;
        for (int i = b.length - 1; i >= 0; i--) {
            v = v << 8 | (b[i] & 0xff);
        }
        return v;
    }

    /** Text as hex (qThreadExtraInfo's answer). */
    static String text(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Binary data for a reply (qXfer): bytes as chars, with '#', '$', '}' and '*' escaped as '}' and c ^ 0x20. */
    static String binary(byte[] b, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xff;
            if (c == '#' || c == '$' || c == '}' || c == '*') {
                s.append('}').append((char) (c ^ 0x20));
            } else {
                s.append((char) c);
            }
        }
        return s.toString();
    }
}
