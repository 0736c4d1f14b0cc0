package minikernel.tools.debug;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The one expression syntax every debugger command takes where it wants an address or a value
 * ({@code break}, {@code x}, {@code disas}, {@code print}, {@code set}), a small subset of gdb's C
 * expressions:
 *
 * <pre>
 *   expr    := unary (('+' | '-') unary)*          left to right: 10-2-3 is 5
 *   unary   := '*' unary | '-' unary | '+' unary | '&amp;' NAME | primary
 *   primary := NUMBER | '$'REGISTER | NAME | '(' expr ')'
 * </pre>
 *
 * <p>A NUMBER is decimal or 0x hex; a NAME is a symbol and means its address, so {@code main+12}
 * is an address inside main and {@code &counter} the same as {@code counter}; {@code *e} is the
 * 32-bit little-endian word at address {@code e}. As in C, {@code *} binds tighter than the
 * binary operators: {@code *$esp+4} is the word at the top of the stack plus 4, and
 * {@code *($esp+4)} the word above it. Registers also answer to gdb's aliases {@code $pc},
 * {@code $sp}, {@code $fp} and {@code $ps}.
 *
 * <p>Arithmetic is on Java longs; an address made from the result ({@link #address}) keeps its
 * low 32 bits, so {@code $esp-4} wraps as the CPU would.
 */
public final class Expression {
    private static final Map<String, String> ALIASES = Map.of("pc", "eip", "sp", "esp", "fp", "ebp", "ps", "eflags");

    private final RegisterFile registers;
    private final GuestMemory memory;
    private final Symbols symbols;

    public Expression(RegisterFile registers, GuestMemory memory, Symbols symbols) {
        this.registers = Objects.requireNonNull(registers, "registers");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.symbols = Objects.requireNonNull(symbols, "symbols");
    }

    /**
     * The value of {@code text}.
     *
     * @throws DebugException with a one-line reason: {@code no symbol 'foo'},
     *                        {@code cannot read memory at 0x0}, {@code bad number '12x'}, ...
     */
    public long evaluate(String text) throws DebugException {
        Parser parser = new Parser(text);
        parser.skipSpaces();
        if (parser.atEnd()) {
            throw new DebugException("expression expected");
        }
        long value = parser.sum();
        parser.skipSpaces();
        if (!parser.atEnd()) {
            char c = parser.peek();
            throw new DebugException(c == ')' ? "unbalanced ')'" : "syntax error near '" + parser.rest() + "'");
        }
        return value;
    }

    /** {@link #evaluate} as a 32-bit guest address. */
    public long address(String text) throws DebugException {
        return evaluate(text) & Words.ADDRESS_MASK;
    }

    /**
     * The register {@code name} (without {@code $}; any case; gdb's aliases allowed) as
     * {@code registers} calls it, or null if it has no such register.
     */
    static String registerName(RegisterFile registers, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String canonical = ALIASES.getOrDefault(lower, lower);
        return registers.names().contains(canonical) ? canonical : null;
    }

    /** A recursive-descent parser over one expression's text; positions index {@code text}. */
    private final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = Objects.requireNonNull(text, "text");
        }

        long sum() throws DebugException {
            long value = unary();
            while (true) {
                skipSpaces();
                if (atEnd()) {
                    return value;
                }
                char op = peek();
                if (op != '+' && op != '-') {
                    return value;
                }
                pos++;
                long right = unary();
                value = op == '+' ? value + right : value - right;
            }
        }

        private long unary() throws DebugException {
            skipSpaces();
            if (atEnd()) {
                throw new DebugException("expression ends too early: '" + text.strip() + "'");
            }
            char c = peek();
            switch (c) {
                case '*' -> {
                    pos++;
                    long address = unary() & Words.ADDRESS_MASK;
                    return Words.word(memory, address);
                }
                case '-' -> {
                    pos++;
                    return -unary();
                }
                case '+' -> {
                    pos++;
                    return unary();
                }
                case '&' -> {
                    pos++;
                    skipSpaces();
                    int start = pos;
                    if (atEnd() || !isNameStart(peek())) {
                        throw new DebugException("'&' takes a symbol name");
                    }
                    return symbol(word(start));
                }
                default -> {
                    return primary();
                }
            }
        }

        private long primary() throws DebugException {
            char c = peek();
            if (c == '(') {
                pos++;
                long value = sum();
                skipSpaces();
                if (atEnd() || peek() != ')') {
                    throw new DebugException("missing ')'");
                }
                pos++;
                return value;
            }
            if (c == '$') {
                pos++;
                String name = word(pos);
                String register = name.isEmpty() ? null : registerName(registers, name);
                if (register == null) {
                    throw new DebugException("no register '$" + name + "'");
                }
                return registers.get(register);
            }
            if (Character.isDigit(c)) {
                return number(word(pos));
            }
            if (isNameStart(c)) {
                return symbol(word(pos));
            }
            throw new DebugException("syntax error near '" + rest() + "'");
        }

        private long symbol(String name) throws DebugException {
            OptionalLong address = symbols.address(name);
            if (address.isEmpty()) {
                throw new DebugException("no symbol '" + name + "'");
            }
            return address.getAsLong();
        }

        /** Decimal or 0x hex; anything else that starts with a digit is a typo, not two tokens. */
        private long number(String token) throws DebugException {
            try {
                String lower = token.toLowerCase(Locale.ROOT);
                if (lower.startsWith("0x")) {
                    return Long.parseUnsignedLong(lower.substring(2), 16);
                }
                return Long.parseLong(token);
            } catch (NumberFormatException e) {
                throw new DebugException("bad number '" + token + "'");
            }
        }

        /** Consumes the name or number that starts at {@code start}: letters, digits, '_', '.', '@'. */
        private String word(int start) {
            pos = start;
            while (!atEnd() && isNamePart(peek())) {
                pos++;
            }
            return text.substring(start, pos);
        }

        void skipSpaces() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                pos++;
            }
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        char peek() {
            return text.charAt(pos);
        }

        String rest() {
            return text.substring(pos).strip();
        }
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '.';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '@';
    }
}
