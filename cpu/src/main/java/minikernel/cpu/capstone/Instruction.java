package minikernel.cpu.capstone;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One decoded instruction, as Capstone prints it.
 *
 * @param address  guest virtual address of the first byte
 * @param bytes    the instruction's machine code (1 to 15 bytes); copied in and out
 * @param mnemonic e.g. {@code pushl}, {@code rep movsb}, {@code ud2}
 * @param operands e.g. {@code %esp, %ebp}; empty when the instruction has none
 */
public record Instruction(long address, byte[] bytes, String mnemonic, String operands) {
    /** The longest x86 instruction the CPU accepts. */
    public static final int MAX_LENGTH = 15;

    /** Non-jump mnemonics (without prefixes) whose bare-number operand is a branch target. */
    private static final Set<String> BRANCHES = Set.of("call", "calll", "loop", "loope", "loopne", "xbegin");

    /** Widths of objdump's columns: 7 bytes' hex plus one, and a mnemonic. */
    private static final int BYTES_COLUMN = 22;
    private static final int MNEMONIC_COLUMN = 6;

    private static final Pattern NUMBER = Pattern.compile("0x[0-9a-fA-F]+|[0-9]+");

    public Instruction {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(mnemonic, "mnemonic");
        Objects.requireNonNull(operands, "operands");
        if (bytes.length == 0 || bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException("an x86 instruction has 1 to " + MAX_LENGTH
                    + " bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Length in bytes. */
    public int size() {
        return bytes.length;
    }

    /** The address just past this instruction: where the next one starts. */
    public long end() {
        return address + bytes.length;
    }

    /** The machine code as objdump shows it: {@code 89 e5}. */
    public String hexBytes() {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    /** Mnemonic and operands in objdump's columns: {@code pushl  %ebp}, or just {@code ud2}. */
    public String text() {
        return operands.isEmpty() ? mnemonic : appendText(new StringBuilder(48)).toString();
    }

    private StringBuilder appendText(StringBuilder line) {
        line.append(mnemonic);
        if (!operands.isEmpty()) {
            pad(line, line.length() - mnemonic.length() + MNEMONIC_COLUMN).append(' ').append(operands);
        }
        return line;
    }

    /** Appends spaces up to {@code column}; a line is built by hand because String.format costs ~0.7 us. */
    private static StringBuilder pad(StringBuilder line, int column) {
        while (line.length() < column) {
            line.append(' ');
        }
        return line;
    }

    /**
     * Where a direct call, jump, conditional jump or loop goes (Capstone has already added the
     * displacement to the next instruction's address). Empty for indirect branches
     * ({@code call *%eax}, {@code jmp dword ptr [eax + 8]}), far jumps and everything else.
     */
    public OptionalLong branchTarget() {
        String op = mnemonic.substring(mnemonic.lastIndexOf(' ') + 1);
        // Every x86 mnemonic starting with j is a jump (jmp, jcc, jecxz).
        boolean branch = op.startsWith("j") || BRANCHES.contains(op);
        if (!branch || !NUMBER.matcher(operands).matches()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(operands.startsWith("0x")
                ? Long.parseUnsignedLong(operands.substring(2), 16)
                : Long.parseLong(operands));
    }

    /** {@code 0x08049000:  55                     pushl  %ebp}, one line as a debugger shows it. */
    @Override
    public String toString() {
        String hex = Long.toHexString(address);
        StringBuilder line = new StringBuilder(80).append("0x");
        for (int i = hex.length(); i < 8; i++) {
            line.append('0');
        }
        line.append(hex).append(":  ");
        int bytesStart = line.length();
        pad(line.append(hexBytes()), bytesStart + BYTES_COLUMN).append(' ');
        return appendText(line).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Instruction other
                && address == other.address
                && Arrays.equals(bytes, other.bytes)
                && mnemonic.equals(other.mnemonic)
                && operands.equals(other.operands);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, Arrays.hashCode(bytes), mnemonic, operands);
    }
}
