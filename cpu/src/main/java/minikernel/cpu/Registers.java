package minikernel.cpu;

/** The user-visible registers of an i386 CPU at one moment, for displays and fault reports. */
public record Registers(long eax, long ebx, long ecx, long edx, long esi, long edi, long ebp, long esp,
                        long eip, long eflags, long cs, long ss, long ds, long es, long fs, long gs) {

    /** EFLAGS bits by name, as gdb shows them: {@code [ IF ZF ]}. */
    public String eflagsDecoded() {
        String[] names = {"CF", "", "PF", "", "AF", "", "ZF", "SF", "TF", "IF", "DF", "OF"};
        StringBuilder b = new StringBuilder("[");
        for (int bit = 0; bit < names.length; bit++) {
            if (!names[bit].isEmpty() && (eflags >>> bit & 1) != 0) {
                b.append(' ').append(names[bit]);
            }
        }
        return b.append(" ]").toString();
    }

    @Override
    public String toString() {
        return String.format("eax=%08x ebx=%08x ecx=%08x edx=%08x esi=%08x edi=%08x ebp=%08x esp=%08x%n"
                        + "eip=%08x eflags=%08x %s cs=%04x ss=%04x ds=%04x es=%04x fs=%04x gs=%04x",
                eax, ebx, ecx, edx, esi, edi, ebp, esp, eip, eflags, eflagsDecoded(), cs, ss, ds, es, fs, gs);
    }
}
