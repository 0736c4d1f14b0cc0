package minikernel.cpu;

/** The user-visible registers of an i386 CPU at one moment, for displays and fault reports. */
public record Registers(long eax, long ebx, long ecx, long edx, long esi, long edi, long ebp, long esp,
                        long eip, long eflags, long cs, long ss, long ds, long es, long fs, long gs) {

    /**
     * EFLAGS bit names by bit number, as gdb's i386 target description names them; null for the
     * reserved bits and the two-bit IOPL field, which gdb does not show.
     */
    private static final String[] EFLAGS_NAMES = {"CF", null, "PF", null, "AF", null, "ZF", "SF", "TF", "IF", "DF",
        "OF", null, null, "NT", null, "RF", "VM", "AC", "VIF", "VIP", "ID"};

    /** The names of the flags set in {@code eflags}, lowest bit first: {@code [PF, ZF, IF]} for 0x246. */
    public static java.util.List<String> eflagsSet(long eflags) {
        java.util.List<String> set = new java.util.ArrayList<>();
        for (int bit = 0; bit < EFLAGS_NAMES.length; bit++) {
            if (EFLAGS_NAMES[bit] != null && (eflags >>> bit & 1) != 0) {
                set.add(EFLAGS_NAMES[bit]);
            }
        }
        return set;
    }

    /** EFLAGS as gdb shows it: {@code [ PF ZF IF ]}, {@code [ ]} when none is set. */
    public static String decodeEflags(long eflags) {
        java.util.List<String> set = eflagsSet(eflags);
        return set.isEmpty() ? "[ ]" : "[ " + String.join(" ", set) + " ]";
    }

    public String eflagsDecoded() {
        return decodeEflags(eflags);
    }

    @Override
    public String toString() {
        return String.format("eax=%08x ebx=%08x ecx=%08x edx=%08x esi=%08x edi=%08x ebp=%08x esp=%08x%n"
                        + "eip=%08x eflags=%08x %s cs=%04x ss=%04x ds=%04x es=%04x fs=%04x gs=%04x",
                eax, ebx, ecx, edx, esi, edi, ebp, esp, eip, eflags, eflagsDecoded(), cs, ss, ds, es, fs, gs);
    }
}
