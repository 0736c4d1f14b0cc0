package minikernel.tools.bench;

/** Where a benchmark runs: natively on the host, under qemu-i386, or on minikernel. */
public enum BenchSystem {
    NATIVE("native"), QEMU("qemu-i386"), MINIKERNEL("minikernel");

    private final String label;

    BenchSystem(String label) {
        this.label = label;
    }

    /** The name the table, the JSON and --systems use. */
    public String label() {
        return label;
    }

    /** "native", "qemu" (or "qemu-i386") or "minikernel", as --systems spells them. */
    public static BenchSystem byName(String name) {
        for (BenchSystem s : values()) {
            if (s.label.equals(name) || s.label.startsWith(name + "-")) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown system '" + name + "' (native, qemu, minikernel)");
    }
}
