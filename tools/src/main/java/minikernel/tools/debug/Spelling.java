package minikernel.tools.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import minikernel.cpu.capstone.Instruction;
import minikernel.cpu.capstone.Syntax;

/**
 * Rewrites Capstone's text of an instruction into the spelling gdb and objdump print (both use
 * binutils' libopcodes), so that what a student sees here matches every gdb tutorial:
 *
 * <ul>
 * <li>AT&T: {@code pushl %ebp} becomes {@code push   %ebp} (the size suffix is dropped when a
 *     register operand already gives the size, and always for push, pop, call, jmp, ret, leave),
 *     {@code movl %esp, %ebp} becomes {@code mov    %esp,%ebp}, {@code 4(%esp)} becomes
 *     {@code 0x4(%esp)}, {@code $-0x10} becomes {@code $0xfffffff0};
 * <li>Intel: {@code mov eax, dword ptr [esp + 4]} becomes {@code mov    eax,DWORD PTR [esp+0x4]},
 *     {@code [0x804a01c]} becomes {@code ds:0x804a01c}.
 * </ul>
 *
 * <p>The rules were checked against objdump over every instruction of the userland programs; a
 * few rare encodings still differ (an explicit zero displacement on a base other than %ebp is
 * shown without its {@code 0x0}, since Capstone does not say it was there).
 */
final class Spelling {
    /** objdump's mnemonic column: the mnemonic padded to 6, then a space. */
    private static final int MNEMONIC_COLUMN = 6;

    /** AT&T mnemonics whose size suffix objdump never prints in 32-bit code. */
    private static final Set<String> ALWAYS_UNSUFFIXED = Set.of(
            "pushl", "popl", "calll", "jmpl", "retl", "leavel", "pushal", "popal", "pushfl", "popfl",
            "iretl", "lretl");

    /** AT&T stems that Capstone suffixes and objdump does not when a register gives the size. */
    private static final Set<String> SUFFIXABLE = Set.of(
            "mov", "add", "sub", "adc", "sbb", "and", "or", "xor", "cmp", "test", "inc", "dec",
            "neg", "not", "mul", "imul", "div", "idiv", "lea", "shl", "sal", "shr", "sar", "rol",
            "ror", "rcl", "rcr", "shld", "shrd", "xchg", "cmpxchg", "xadd", "bsf", "bsr", "bt",
            "bts", "btr", "btc", "bswap", "push", "pop", "stos", "lods", "scas", "in", "out",
            "movbe", "popcnt", "lzcnt", "tzcnt", "arpl", "lar", "lsl", "bound");

    private static final Set<String> SHIFTS = Set.of("shl", "sal", "shr", "sar", "rol", "ror", "rcl", "rcr");

    /** A number not inside parentheses: after the start, {@code $}, {@code :} or {@code *}. */
    private static final Pattern ATT_NUMBER = Pattern.compile("(^|[$:*])(-?)(0x[0-9a-f]+|[0-9]+)(?![0-9a-fx])");
    /** A number in Intel syntax that is not part of a register name ({@code st(1)}, {@code xmm0}). */
    private static final Pattern INTEL_NUMBER = Pattern.compile("(?<![0-9a-z_(*])(-?)(0x[0-9a-f]+|[0-9]+)(?![0-9a-fx])");
    private static final Pattern ATT_REGISTER = Pattern.compile("\\*?%[a-z][a-z0-9]*");
    private static final Pattern INTEL_STRING_OP = Pattern.compile("(movs|stos|lods|scas|cmps|ins|outs)[bwd]");
    private static final Pattern INTEL_SIZE = Pattern.compile("\\b(byte|word|dword|qword|xword|tbyte|xmmword|ymmword|zmmword) ptr\\b");
    private static final Pattern INTEL_REGISTER_WORD = Pattern.compile("[a-z][a-z0-9]*");

    private Spelling() {
    }

    /** The instruction as gdb prints it: {@code push   %ebp}, {@code ret}. */
    static String text(Instruction insn, Syntax syntax) {
        String mnemonic = insn.mnemonic();
        String operands = insn.operands();
        byte[] bytes = insn.bytes();
        if (bytes.length == 2 && bytes[0] == 0x66 && bytes[1] == (byte) 0x90) {
            // The two-byte nop gcc pads with: objdump names it after what it encodes.
            mnemonic = "xchg";
            operands = syntax == Syntax.ATT ? "%ax, %ax" : "ax, ax";
        }
        String[] spelled = syntax == Syntax.ATT
                ? att(mnemonic, operands, opcode(bytes))
                : intel(mnemonic, operands, opcode(bytes));
        return layout(spelled[0], spelled[1]);
    }

    /** objdump's columns, without its trailing spaces after an operand-less mnemonic. */
    static String layout(String mnemonic, String operands) {
        if (operands.isEmpty()) {
            return mnemonic;
        }
        StringBuilder line = new StringBuilder(mnemonic);
        while (line.length() < MNEMONIC_COLUMN) {
            line.append(' ');
        }
        return line.append(' ').append(operands).toString();
    }

    /** The first opcode byte, after any legacy prefixes. */
    private static int opcode(byte[] bytes) {
        for (byte b : bytes) {
            int value = b & 0xff;
            switch (value) {
                case 0x66, 0x67, 0xf0, 0xf2, 0xf3, 0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65 -> {
                }
                default -> {
                    return value;
                }
            }
        }
        return -1;
    }

    /** D0/D1: a shift or rotate by one, which objdump writes without the count in AT&T. */
    private static boolean shiftByOne(int opcode) {
        return opcode == 0xd0 || opcode == 0xd1;
    }

    private static String[] att(String mnemonic, String operandText, int opcode) {
        int space = mnemonic.lastIndexOf(' ');
        String prefixes = mnemonic.substring(0, space + 1);   // "lock ", "rep "
        String base = mnemonic.substring(space + 1);
        List<String> operands = split(operandText, '(', ')');
        if (shiftByOne(opcode) && operands.size() == 2 && operands.getFirst().equals("$1")) {
            operands = operands.subList(1, 2);
        }
        int bits = 32;
        String stem = base;
        char last = base.isEmpty() ? ' ' : base.charAt(base.length() - 1);
        boolean suffixed = "bwlq".indexOf(last) >= 0
                && (SUFFIXABLE.contains(base.substring(0, base.length() - 1))
                        || base.startsWith("cmov") || ALWAYS_UNSUFFIXED.contains(base));
        if (suffixed) {
            stem = base.substring(0, base.length() - 1);
            bits = switch (last) {
                case 'b' -> 8;
                case 'w' -> 16;
                case 'q' -> 64;
                default -> 32;
            };
        }
        boolean stringOp = stem.matches("(movs|cmps|lods|outs|stos|scas|ins)[bwlq]?");
        boolean sizedByRegister = false;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            String operand = operands.get(i);
            boolean shiftCount = i == 0 && operands.size() > 1 && operand.equals("%cl") && SHIFTS.contains(stem);
            if (ATT_REGISTER.matcher(operand).matches() && !shiftCount) {
                sizedByRegister = true;
            }
            out.add(attOperand(operand, bits, stringOp));
        }
        String spelled = base;
        if (suffixed && (ALWAYS_UNSUFFIXED.contains(base) || sizedByRegister)) {
            spelled = stem;
        }
        return new String[] {prefixes + spelled, String.join(",", out)};
    }

    private static String attOperand(String operand, int bits, boolean stringOp) {
        String text = operand.replace(", ", ",");
        if (stringOp && text.equals("(%esi)")) {
            text = "%ds:(%esi)";   // objdump names the default segment of a string source
        }
        // (%ebp) can only be encoded with a zero disp8, which objdump shows.
        text = text.replaceFirst("^(\\*?(?:%[a-z]s:)?)\\((%ebp[,)])", "$10x0($2");
        // (,%eax,4) has no base, so a disp32 that objdump shows even when zero.
        text = text.replaceFirst("^(\\*?(?:%[a-z]s:)?)\\(,", "$10x0(,");
        // (%eax,%ebx) has scale 1, which objdump always shows.
        text = text.replaceFirst("\\(([^,()]*),(%[a-z0-9]+)\\)$", "($1,$2,1)");
        Matcher m = ATT_NUMBER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            long value = parse(m.group(3));
            boolean negative = !m.group(2).isEmpty();
            String number;
            if (m.group(1).equals("$")) {
                // An immediate: objdump prints the bits, unsigned, at the operand's size.
                long mask = bits >= 64 ? -1L : (1L << bits) - 1;
                number = "0x" + Long.toHexString((negative ? -value : value) & mask);
            } else {
                number = (negative ? "-0x" : "0x") + Long.toHexString(value);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + number));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String[] intel(String mnemonic, String operandText, int opcode) {
        int space = mnemonic.lastIndexOf(' ');
        String prefixes = mnemonic.substring(0, space + 1);
        String base = mnemonic.substring(space + 1);
        boolean stringOp = INTEL_STRING_OP.matcher(base).matches()
                && (operandText.contains("[esi]") || operandText.contains("[edi]"));
        if (stringOp) {
            base = base.substring(0, base.length() - 1);   // objdump: movs BYTE PTR es:[edi],...
        }
        List<String> operands = split(operandText, '[', ']');
        int bits = intelBits(operands);
        List<String> out = new ArrayList<>();
        for (String operand : operands) {
            if (opcode >= 0xa0 && opcode <= 0xa3) {
                // mov between the accumulator and an absolute address: objdump gives no size.
                operand = INTEL_SIZE.matcher(operand).replaceFirst("").trim();
            }
            if (shiftByOne(opcode) && operand.equals("1")) {
                out.add(operand);   // objdump's "shr eax,1", the count implied by the opcode
            } else if (operand.matches("-(0x[0-9a-f]+|[0-9]+)")) {
                long mask = bits >= 64 ? -1L : (1L << bits) - 1;
                out.add("0x" + Long.toHexString(-parse(operand.substring(1)) & mask));
            } else {
                out.add(intelOperand(operand, stringOp));
            }
        }
        return new String[] {prefixes + base, String.join(",", out)};
    }

    private static String intelOperand(String operand, boolean stringOp) {
        Matcher size = INTEL_SIZE.matcher(operand);
        StringBuilder sized = new StringBuilder();
        while (size.find()) {
            String word = size.group(1).equals("xword") ? "tbyte" : size.group(1);
            size.appendReplacement(sized, word.toUpperCase(Locale.ROOT) + " PTR");
        }
        size.appendTail(sized);
        String text = sized.toString();
        int open = text.indexOf('[');
        int close = text.lastIndexOf(']');
        if (open < 0 || close < open) {
            return hexNumbers(text);
        }
        String before = text.substring(0, open);
        String inside = text.substring(open + 1, close).replace(" + ", "+").replace(" - ", "-").replace(" * ", "*");
        String after = text.substring(close + 1);
        List<String> registers = new ArrayList<>();
        Matcher word = INTEL_REGISTER_WORD.matcher(inside);
        while (word.find()) {
            if (!inside.startsWith("0x", Math.max(word.start() - 1, 0))) {
                registers.add(word.group());
            }
        }
        inside = hexNumbers(inside);
        if (registers.isEmpty()) {
            // An absolute address: objdump writes the segment instead of brackets.
            String segment = before.endsWith(":") ? "" : "ds:";
            return before + segment + inside + after;
        }
        if (registers.size() == 2 && !inside.contains("*")) {
            inside = inside.replaceFirst("^([a-z0-9]+)\\+([a-z][a-z0-9]*)", "$1+$2*1");
        }
        if (inside.matches("ebp(\\+[a-z]+\\*[1248])?|[a-z]+\\*[1248]")) {
            inside += "+0x0";   // a zero disp8 (base ebp) or disp32 (no base) that objdump shows
        }
        if (stringOp && inside.equals("esi") && !before.endsWith(":")) {
            before = before + "ds:";
        }
        return before + "[" + inside + "]" + after;
    }

    /** The operand size of an Intel instruction, from its first sized operand (for immediates). */
    private static int intelBits(List<String> operands) {
        for (String operand : operands) {
            Matcher size = INTEL_SIZE.matcher(operand);
            if (size.find()) {
                return switch (size.group(1)) {
                    case "byte" -> 8;
                    case "word" -> 16;
                    case "qword" -> 64;
                    default -> 32;
                };
            }
            if (operand.matches("[abcd]l|[abcd]h")) {
                return 8;
            }
            if (operand.matches("[abcd]x|[sd]i|[sb]p")) {
                return 16;
            }
        }
        return 32;
    }

    private static String hexNumbers(String text) {
        Matcher m = INTEL_NUMBER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String number = (m.group(1).isEmpty() ? "0x" : "-0x") + Long.toHexString(parse(m.group(2)));
            m.appendReplacement(sb, Matcher.quoteReplacement(number));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static long parse(String number) {
        return number.startsWith("0x") ? Long.parseUnsignedLong(number.substring(2), 16) : Long.parseLong(number);
    }

    /** Capstone's operands, split at the commas outside {@code open}..{@code close}. */
    private static List<String> split(String operands, char open, char close) {
        List<String> parts = new ArrayList<>();
        if (operands.isEmpty()) {
            return parts;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < operands.length(); i++) {
            char c = operands.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(operands.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(operands.substring(start).trim());
        return parts;
    }
}
