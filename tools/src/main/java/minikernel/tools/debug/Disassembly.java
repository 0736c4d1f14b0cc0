package minikernel.tools.debug;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import minikernel.cpu.capstone.Disassembler;
import minikernel.cpu.capstone.Instruction;
import minikernel.cpu.capstone.Syntax;
import minikernel.kernel.exec.ElfSymbol;

/**
 * {@code disas [ADDR|SYMBOL] [N]}: instructions from guest memory, one a line as gdb's
 * {@code disassemble} prints them,
 *
 * <pre>
 * =&gt; 0x080480c0 &lt;main+0&gt;:	push   %ebp
 *    0x080480c1 &lt;main+1&gt;:	mov    %esp,%ebp
 *    0x080480d0 &lt;main+16&gt;:	call   0x8048a40 &lt;printf&gt;
 * </pre>
 *
 * with {@code =>} at the current EIP and each direct call or jump target named. The text is
 * Capstone's, respelled as gdb's (see {@link Spelling}), AT&T unless {@link #setSyntax} says Intel.
 * Memory is read through {@link GuestMemory}, so a breakpoint's int3 shows as such if the caller's
 * memory view does not hide it.
 */
public final class Disassembly {
    /** Instructions shown when no count is given and no sized symbol bounds the listing. */
    public static final int DEFAULT_COUNT = 10;
    /** A whole function is listed only up to this size, so a bogus st_size cannot flood the console. */
    static final int MAX_FUNCTION_BYTES = 64 * 1024;

    /** "ADDR N": an expression, blanks, then a plain decimal count. */
    private static final Pattern WITH_COUNT = Pattern.compile("(.*?[^-+*(&\\s])\\s+(\\d+)");
    private static final Pattern SYMBOL_NAME = Pattern.compile("&?\\s*([A-Za-z_.][A-Za-z0-9_.@]*)");

    private final GuestMemory memory;
    private final RegisterFile registers;
    private final Symbols symbols;
    private final Disassembler disassembler;
    private final Expression expression;

    /**
     * @param disassembler shared with its owner, who closes it; its syntax is changed by
     *                     {@link #setSyntax}
     */
    public Disassembly(GuestMemory memory, RegisterFile registers, Symbols symbols, Disassembler disassembler) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.registers = Objects.requireNonNull(registers, "registers");
        this.symbols = Objects.requireNonNull(symbols, "symbols");
        this.disassembler = Objects.requireNonNull(disassembler, "disassembler");
        this.expression = new Expression(registers, memory, symbols);
    }

    public Syntax syntax() {
        return disassembler.syntax();
    }

    /** {@code set disassembly-flavor intel|att}. */
    public void setSyntax(Syntax syntax) {
        disassembler.setSyntax(syntax);
    }

    /**
     * The {@code disas} command: {@code ""} (10 instructions from $eip), {@code "main"} (all of
     * main if its size is known, else 10), {@code "$eip+4 3"}, {@code "0x8049000 20"}.
     */
    public String run(String arguments) throws DebugException {
        String text = arguments.strip();
        int count = -1;
        Matcher withCount = WITH_COUNT.matcher(text);
        if (withCount.matches()) {
            text = withCount.group(1).strip();
            try {
                count = Integer.parseInt(withCount.group(2));
            } catch (NumberFormatException e) {
                throw new DebugException("bad count '" + withCount.group(2) + "'");
            }
        }
        if (text.isEmpty()) {
            return String.join("\n", lines(registers.get("eip") & Words.ADDRESS_MASK, count < 0 ? DEFAULT_COUNT : count));
        }
        Matcher name = SYMBOL_NAME.matcher(text);
        if (count < 0 && name.matches()) {
            Optional<ElfSymbol> symbol = symbols.symbol(name.group(1));
            if (symbol.isPresent() && symbol.get().size() > 0) {
                return String.join("\n", range(symbol.get().address(), symbol.get().size()));
            }
        }
        return String.join("\n", lines(expression.address(text), count < 0 ? DEFAULT_COUNT : count));
    }

    /** {@code count} instructions from {@code address}, one line each, in gdb's layout. */
    public List<String> lines(long address, int count) throws DebugException {
        if (count < 0) {
            throw new DebugException("bad count " + count);
        }
        long bytes = Math.min((long) count * Instruction.MAX_LENGTH, MAX_FUNCTION_BYTES);
        List<Decoded> decoded = decode(address, (int) bytes, count, Long.MAX_VALUE);
        return format(decoded, true);
    }

    /** Every instruction that starts in {@code [address, address + size)}: a whole function. */
    public List<String> range(long address, long size) throws DebugException {
        long length = Math.min(size, MAX_FUNCTION_BYTES);
        // Read a little past the end so that the last instruction decodes whole.
        List<Decoded> decoded = decode(address, (int) length + Instruction.MAX_LENGTH - 1, Integer.MAX_VALUE,
                (address & Words.ADDRESS_MASK) + length);
        return format(decoded, true);
    }

    /** What {@code x/i} shows, and where the next {@code x} goes on. */
    record Listing(List<String> lines, long end) {
    }

    /**
     * {@code count} lines as {@code x/i} prints them: like {@code disas} but with gdb's plain
     * address and {@code <main>} rather than {@code <main+0>}.
     */
    Listing examine(long address, int count) throws DebugException {
        long bytes = Math.min((long) count * Instruction.MAX_LENGTH, MAX_FUNCTION_BYTES);
        List<Decoded> decoded = decode(address, (int) bytes, count, Long.MAX_VALUE);
        long end = decoded.isEmpty() ? address : decoded.getLast().end();
        return new Listing(format(decoded, false), end & Words.ADDRESS_MASK);
    }

    /** An instruction, or an undecodable byte that objdump shows as {@code (bad)}. */
    private record Decoded(long address, int size, String text, OptionalLong target) {
        long end() {
            return address + size;
        }
    }

    private List<Decoded> decode(long address, int maxBytes, int maxCount, long endAddress) throws DebugException {
        address &= Words.ADDRESS_MASK;
        byte[] code = Words.prefix(memory, address, maxBytes);
        if (code.length == 0 && maxCount > 0) {
            throw new DebugException("cannot read memory at " + Words.hex(address));
        }
        List<Decoded> out = new ArrayList<>();
        int offset = 0;
        while (out.size() < maxCount && offset < code.length && address + offset < endAddress) {
            byte[] rest = Arrays.copyOfRange(code, offset, Math.min(code.length, offset + Instruction.MAX_LENGTH));
            Optional<Instruction> insn = disassembler.disassembleOne(rest, address + offset);
            if (insn.isPresent()) {
                Instruction i = insn.get();
                out.add(new Decoded(address + offset, i.size(), Spelling.text(i, disassembler.syntax()), i.branchTarget()));
                offset += i.size();
            } else if (code.length - offset >= Instruction.MAX_LENGTH || code.length < maxBytes) {
                // Truly invalid (or cut by unmapped memory): one byte, as objdump does.
                out.add(new Decoded(address + offset, 1, "(bad)", OptionalLong.empty()));
                offset += 1;
            } else {
                break; // only the read limit cut it short
            }
        }
        return out;
    }

    private List<String> format(List<Decoded> decoded, boolean disassemble) {
        long eip = registers.get("eip") & Words.ADDRESS_MASK;
        List<String> out = new ArrayList<>(decoded.size());
        for (Decoded d : decoded) {
            StringBuilder line = new StringBuilder(64);
            line.append(d.address() == eip ? "=> " : "   ");
            line.append(disassemble ? Words.hex8(d.address()) : Words.hex(d.address()));
            symbols.locate(d.address()).ifPresent(location -> line.append(" <")
                    .append(disassemble ? location.symbol().name() + "+" + location.offset() : location.toString())
                    .append('>'));
            line.append(":\t").append(d.text());
            d.target().ifPresent(target -> {
                String label = symbols.label(target);
                if (!label.isEmpty()) {
                    line.append(" <").append(label).append('>');
                }
            });
            out.add(line.toString());
        }
        return out;
    }
}
