package minikernel.cpu;

/**
 * The global descriptor table, in the kernel page. Its layout is that of an x86-64 Linux kernel
 * running i386 programs (arch/x86/include/asm/segment.h), because that kernel is the oracle our
 * guests are compared with: the user code selector is 0x23, user data 0x2b, and the three
 * thread-local-storage entries are 12..14, so glibc's {@code set_thread_area(-1)} gets entry 12 and
 * loads %gs = 0x63, exactly as natively.
 */
public final class Gdt {
    public static final int ENTRIES = 16;
    public static final int KERNEL32_CS = 1;       // ring-0 code, used only at power-on
    public static final int KERNEL_DS = 3;         // ring-0 data
    public static final int USER32_CS = 4;         // __USER32_CS = 0x23
    public static final int USER_DS = 5;           // __USER_DS = 0x2b
    public static final int TSS = 8;               // GDT_ENTRY_TSS (TR is loaded directly, not from here)
    public static final int TLS_MIN = 12;          // GDT_ENTRY_TLS_MIN
    public static final int TLS_ENTRIES = 3;       // GDT_ENTRY_TLS_ENTRIES
    public static final int TLS_MAX = TLS_MIN + TLS_ENTRIES - 1;

    private final PhysicalMemory ram;

    Gdt(PhysicalMemory ram) {
        this.ram = ram;
        set(KERNEL32_CS, SegmentDescriptor.flat(true, 0));
        set(KERNEL_DS, SegmentDescriptor.flat(false, 0));
        set(USER32_CS, SegmentDescriptor.flat(true, 3));
        set(USER_DS, SegmentDescriptor.flat(false, 3));
    }

    /** The selector of entry {@code index} with requested privilege level {@code rpl}. */
    public static int selector(int index, int rpl) {
        return index << 3 | rpl;
    }

    public void set(int index, SegmentDescriptor descriptor) {
        checkIndex(index);
        long d = descriptor.encode();
        long at = KernelPage.PHYSICAL + KernelPage.GDT + 8L * index;
        ram.setInt(at, (int) d);
        ram.setInt(at + 4, (int) (d >>> 32));
    }

    public SegmentDescriptor get(int index) {
        checkIndex(index);
        long at = KernelPage.PHYSICAL + KernelPage.GDT + 8L * index;
        long d = ram.getInt(at) & 0xffffffffL | (long) ram.getInt(at + 4) << 32;
        return SegmentDescriptor.decode(d);
    }

    /** Linear address and limit for GDTR. */
    static long base() {
        return KernelPage.VIRTUAL + KernelPage.GDT;
    }

    static int limit() {
        return ENTRIES * 8 - 1;
    }

    private static void checkIndex(int index) {
        if (index < 0 || index >= ENTRIES) {
            throw new IllegalArgumentException("GDT entry " + index);
        }
    }
}
