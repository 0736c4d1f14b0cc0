package minikernel.tools.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code regs} view, laid out as gdb's {@code info registers} on i386: the name in 15
 * columns, the value in hex in 20, then its "natural" form: signed decimal for the general and
 * segment registers, hex for the stack and frame pointers (gdb types them as pointers, so they too
 * get a {@code <symbol+off>} when one names the address), the code address with its
 * {@code <symbol+off>} for eip, and the set flags for eflags.
 *
 * <pre>
 * eax            0x1c                28
 * esp            0xbffffe10          0xbffffe10
 * eip            0x80480c9           0x80480c9 &lt;main+9&gt;
 * eflags         0x246               [ PF ZF IF ]
 * </pre>
 */
public final class Registers {
    /** gdb's order for i386. */
    public static final List<String> ORDER = List.of(
            "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "eip", "eflags",
            "cs", "ss", "ds", "es", "fs", "gs");

    private static final int VALUE_COLUMN = 15;
    private static final int NATURAL_COLUMN = 35;
    private static final Set<String> POINTERS = Set.of("esp", "ebp");

    private final RegisterFile registers;
    private final Symbols symbols;

    public Registers(RegisterFile registers, Symbols symbols) {
        this.registers = Objects.requireNonNull(registers, "registers");
        this.symbols = Objects.requireNonNull(symbols, "symbols");
    }

    /** Every register the file has, in gdb's order, one a line. */
    public String format() {
        List<String> lines = new ArrayList<>();
        Set<String> names = registers.names();
        for (String name : ORDER) {
            if (names.contains(name)) {
                lines.add(line(name));
            }
        }
        return String.join("\n", lines);
    }

    /** {@code info registers eip}: one register's line ({@code $} and gdb's aliases allowed). */
    public String format(String name) throws DebugException {
        String bare = name.strip();
        if (bare.startsWith("$")) {
            bare = bare.substring(1);
        }
        String register = Expression.registerName(registers, bare);
        if (register == null) {
            throw new DebugException("no register '" + name.strip().toLowerCase(Locale.ROOT) + "'");
        }
        return line(register);
    }

    private String line(String name) {
        long value = registers.get(name) & Words.ADDRESS_MASK;
        StringBuilder line = new StringBuilder(name);
        pad(line, VALUE_COLUMN);
        line.append(Words.hex(value));
        pad(line, NATURAL_COLUMN);
        line.append(natural(name, value));
        return line.toString();
    }

    private String natural(String name, long value) {
        if (name.equals("eflags")) {
            return Eflags.decode(value);
        }
        if (name.equals("eip") || POINTERS.contains(name)) {
            String label = symbols.label(value);
            return label.isEmpty() ? Words.hex(value) : Words.hex(value) + " <" + label + ">";
        }
        return Integer.toString((int) value);
    }

    /** Spaces up to {@code column}, and at least one. */
    private static void pad(StringBuilder line, int column) {
        do {
            line.append(' ');
        } while (line.length() < column);
    }
}
