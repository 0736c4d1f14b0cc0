package minikernel.tools.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * gdb's {@code x/NFU ADDR}: examine memory. N is a count (default 1), F a format and U a unit
 * size, in any order after the count, as gdb accepts them:
 *
 * <ul>
 * <li>formats: {@code x} hex, {@code z} hex (same: zero-padded to the unit), {@code d} signed
 *     decimal, {@code u} unsigned decimal, {@code o} octal, {@code t} binary, {@code c} char,
 *     {@code a} address ({@code 0x8049000 <main>}), {@code s} C string, {@code i} instruction;
 * <li>units: {@code b} byte, {@code h} halfword (2), {@code w} word (4), {@code g} giant (8).
 * </ul>
 *
 * <p>Like gdb, an instance remembers the last format and unit (a later {@code x ADDR} reuses
 * them; {@code a} defaults to a word and {@code c} to a byte; after {@code s} the unit is a byte)
 * and where the last one stopped (a bare {@code x} goes on from there).
 *
 * <p>Lines look like gdb's: {@code 0x804a01c <counter>:\t0x00000001\t0x00000000}, 8 bytes,
 * 8 halfwords, 4 words or 2 giants a line, each line starting with its address and label.
 */
public final class Examine {
    /** gdb's "print elements" limit: a longer string is cut and ends in {@code ...}. */
    public static final int STRING_LIMIT = 200;
    /** gdb's "print repeats" threshold: longer runs of one char print as {@code 'A' <repeats 30 times>}. */
    static final int REPEAT_THRESHOLD = 10;

    private final GuestMemory memory;
    private final Symbols symbols;
    private final Disassembly disassembly;
    private final Expression expression;

    private char format = 'x';
    private char unit = 'w';
    private OptionalLong next = OptionalLong.empty();

    /** @param disassembly for the {@code i} format */
    public Examine(GuestMemory memory, RegisterFile registers, Symbols symbols, Disassembly disassembly) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.symbols = Objects.requireNonNull(symbols, "symbols");
        this.disassembly = Objects.requireNonNull(disassembly, "disassembly");
        this.expression = new Expression(registers, memory, symbols);
    }

    /** The format the next {@code x} without one uses. */
    public char format() {
        return format;
    }

    /** The unit size the next {@code x} without one uses: b, h, w or g. */
    public char unit() {
        return unit;
    }

    /** Where a bare {@code x} goes on: just after what the last one showed. */
    public OptionalLong nextAddress() {
        return next;
    }

    /**
     * The {@code x} command's arguments: {@code "/4xw &counter"}, {@code "/s $esp+8"},
     * {@code "main"}, or {@code ""} to go on where the last one stopped.
     */
    public String run(String arguments) throws DebugException {
        String text = arguments.strip();
        int count = 1;
        char f = 0;
        char u = 0;
        if (text.startsWith("/")) {
            int i = 1;
            int digits = i;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (i > digits) {
                try {
                    count = Integer.parseInt(text.substring(digits, i));
                } catch (NumberFormatException e) {
                    throw new DebugException("bad count '" + text.substring(digits, i) + "'");
                }
            }
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                char c = text.charAt(i++);
                if ("bhwg".indexOf(c) >= 0) {
                    u = c;
                } else if ("xzduotacsi".indexOf(c) >= 0) {
                    f = c;
                } else {
                    throw new DebugException("bad format letter '" + c + "' (formats x z d u o t a c s i, units b h w g)");
                }
            }
            text = text.substring(i).strip();
        }
        long address;
        if (text.isEmpty()) {
            if (next.isEmpty()) {
                throw new DebugException("x needs an address the first time");
            }
            address = next.getAsLong();
        } else {
            address = expression.address(text);
        }
        return examine(count, f == 0 ? format : f, u, address);
    }

    /**
     * {@code x/COUNT FORMAT UNIT} at {@code address}. A {@code unit} of 0 means the default: the
     * last one, or a word for {@code a}, a byte for {@code c}.
     */
    public String examine(int count, char format, char unit, long address) throws DebugException {
        if (count < 0) {
            throw new DebugException("a negative count is not supported");
        }
        if ("xzduotacsi".indexOf(format) < 0) {
            throw new DebugException("bad format '" + format + "'");
        }
        if (unit != 0 && "bhwg".indexOf(unit) < 0) {
            throw new DebugException("bad unit '" + unit + "'");
        }
        char size = unit != 0 ? unit : switch (format) {
            case 'a' -> 'w';
            case 'c' -> 'b';
            default -> this.unit;
        };
        address &= Words.ADDRESS_MASK;
        String out = switch (format) {
            case 's' -> strings(count, address);
            case 'i' -> instructions(count, address);
            default -> values(count, format, size, address);
        };
        this.format = format;
        if (format == 's') {
            this.unit = 'b';
        } else if (format != 'i') {
            this.unit = size;
        }
        return out;
    }

    private String values(int count, char format, char unit, long address) throws DebugException {
        int size = bytes(unit);
        int perLine = switch (unit) {
            case 'w' -> 4;
            case 'g' -> 2;
            default -> 8;
        };
        long total = (long) count * size;
        if (total > 1 << 20) {
            throw new DebugException("too much memory at once (" + total + " bytes)");
        }
        byte[] data = Words.prefix(memory, address, (int) total);
        int readable = data.length / size;
        if (readable == 0 && count > 0) {
            throw new DebugException("cannot read memory at " + Words.hex(address));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < readable; i++) {
            long at = address + (long) i * size;
            if (i % perLine == 0) {
                if (i > 0) {
                    out.append('\n');
                }
                out.append(addressLabel(at)).append(':');
            }
            out.append('\t').append(value(Words.littleEndian(data, i * size, size), format, size));
        }
        next = OptionalLong.of((address + (long) readable * size) & Words.ADDRESS_MASK);
        if (readable < count) {
            out.append("\ncannot read memory at ").append(Words.hex(next.getAsLong()));
        }
        return out.toString();
    }

    /** One value in {@code format}, {@code size} bytes wide. */
    private String value(long raw, char format, int size) {
        int bits = size * 8;
        long signed = bits == 64 ? raw : raw << (64 - bits) >> (64 - bits);
        return switch (format) {
            case 'x', 'z' -> {
                String digits = Long.toHexString(raw);
                yield "0x" + "0".repeat(Math.max(0, size * 2 - digits.length())) + digits;
            }
            case 'd' -> Long.toString(signed);
            case 'u' -> Long.toUnsignedString(raw);
            case 'o' -> raw == 0 ? "0" : "0" + Long.toOctalString(raw);
            case 't' -> {
                String digits = Long.toBinaryString(raw);
                yield "0".repeat(Math.max(0, bits - digits.length())) + digits;
            }
            case 'c' -> signed + " " + charLiteral((int) (raw & 0xff));
            case 'a' -> addressLabel(raw);
            default -> throw new IllegalArgumentException("format " + format);
        };
    }

    /** {@code 0x804a01c <counter>}, {@code 0x804a020 <counter+4>}, or the bare address. */
    private String addressLabel(long address) {
        String label = symbols.label(address);
        return label.isEmpty() ? Words.hex(address) : Words.hex(address) + " <" + label + ">";
    }

    private String strings(int count, long address) throws DebugException {
        StringBuilder out = new StringBuilder();
        long at = address;
        for (int n = 0; n < count; n++) {
            if (n > 0) {
                out.append('\n');
            }
            StringBuilder chars = new StringBuilder();
            boolean terminated = false;
            boolean unreadable = false;
            long p = at;
            while (chars.length() < STRING_LIMIT) {
                byte[] b = Words.bytes(memory, p & Words.ADDRESS_MASK, 1);
                if (b == null) {
                    unreadable = true;
                    break;
                }
                p++;
                if (b[0] == 0) {
                    terminated = true;
                    break;
                }
                chars.append((char) (b[0] & 0xff));
            }
            if (unreadable && chars.isEmpty()) {
                if (n == 0) {
                    throw new DebugException("cannot read memory at " + Words.hex(p & Words.ADDRESS_MASK));
                }
                out.append("cannot read memory at ").append(Words.hex(p & Words.ADDRESS_MASK));
                next = OptionalLong.of(p & Words.ADDRESS_MASK);
                return out.toString();
            }
            out.append(addressLabel(at & Words.ADDRESS_MASK)).append(":\t").append(cString(chars));
            if (unreadable) {
                out.append("<error: cannot read memory at ").append(Words.hex(p & Words.ADDRESS_MASK)).append('>');
            } else if (!terminated) {
                out.append("...");
            }
            at = p;
        }
        next = OptionalLong.of(at & Words.ADDRESS_MASK);
        return out.toString();
    }

    /**
     * gdb's rendering of a char array: {@code "hello\n"}, with runs of more than
     * {@link #REPEAT_THRESHOLD} equal chars as {@code 'A' <repeats 30 times>}.
     */
    static String cString(CharSequence chars) {
        List<String> parts = new ArrayList<>();
        StringBuilder quoted = null;
        int i = 0;
        while (i < chars.length()) {
            char c = chars.charAt(i);
            int run = 1;
            while (i + run < chars.length() && chars.charAt(i + run) == c) {
                run++;
            }
            if (run > REPEAT_THRESHOLD) {
                if (quoted != null) {
                    parts.add(quoted.append('"').toString());
                    quoted = null;
                }
                parts.add(charLiteral(c) + " <repeats " + run + " times>");
                i += run;
            } else {
                if (quoted == null) {
                    quoted = new StringBuilder("\"");
                }
                quoted.append(escape(c, '"'));
                i++;
            }
        }
        if (quoted != null) {
            parts.add(quoted.append('"').toString());
        }
        return parts.isEmpty() ? "\"\"" : String.join(", ", parts);
    }

    /** {@code 'h'}, {@code '\n'}, {@code '\000'}: a char as C (and gdb) writes it. */
    static String charLiteral(int c) {
        return "'" + escape((char) c, '\'') + "'";
    }

    private static String escape(char c, char quote) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            case 7 -> "\\a";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case 11 -> "\\v";
            case 27 -> "\\033";
            case '\\' -> "\\\\";
            default -> {
                if (c == quote) {
                    yield "\\" + c;
                }
                if (c < 0x20 || c >= 0x7f) {
                    yield String.format("\\%03o", (int) c);
                }
                yield String.valueOf(c);
            }
        };
    }

    private String instructions(int count, long address) throws DebugException {
        Disassembly.Listing listing = disassembly.examine(address, count);
        next = OptionalLong.of(listing.end());
        return String.join("\n", listing.lines());
    }

    private static int bytes(char unit) {
        return switch (unit) {
            case 'b' -> 1;
            case 'h' -> 2;
            case 'g' -> 8;
            default -> 4;
        };
    }
}
