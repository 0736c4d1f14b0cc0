package minikernel.cpu;

/**
 * The one page the CPU itself needs from the kernel, at the same linear address in every address
 * space: the GDT, and a few bytes of ring-0 code used once at power-on (the calibration of
 * {@link Calibration} and the {@code iret} that drops the CPU to ring 3).
 *
 * <p>It sits at 0xfffff000, the top page of the 4 GiB space, above TASK_SIZE (0xffffe000) of an i386
 * program on x86-64 Linux, so no guest mapping can collide with it. Physically it is frame 1;
 * frame 0 is never handed out, so a stray physical address 0 never lands on live data.
 */
public final class KernelPage {
    private KernelPage() {
    }

    public static final long VIRTUAL = 0xfffff000L;
    public static final long PHYSICAL = 0x1000L;

    /** Byte offsets inside the page. */
    public static final int GDT = 0x000;
    public static final int TSS = 0x100;                // 104-byte i386 TSS; I/O bitmap offset 104 = none
    public static final int TSS_LIMIT = 103;
    public static final int CALIBRATION_CODE = 0x700;   // div %ecx ; int $0x80
    public static final int CPUID_CODE = 0x740;         // cpuid ; int $0x80
    public static final int USER_ENTRY_CODE = 0x780;    // int $0x80 (the first ring-3 instruction ever run)
    public static final int IRET_CODE = 0x800;          // iret
    public static final int STACK_TOP = 0x1000;         // ring-0 stack for the iret frame

    /** Writes the code bytes; the GDT is written by {@link Gdt}. */
    static void install(PhysicalMemory ram) {
        ram.clearPage(PHYSICAL);
        ram.setInt(PHYSICAL + TSS + 0x64, (TSS_LIMIT + 1) << 16);   // io_bitmap_base just past the limit
        put(ram, CALIBRATION_CODE, 0xf7, 0xf1, 0xcd, 0x80);   // div %ecx ; int $0x80
        put(ram, CPUID_CODE, 0x0f, 0xa2, 0xcd, 0x80);         // cpuid ; int $0x80
        put(ram, USER_ENTRY_CODE, 0xcd, 0x80);                // int $0x80
        put(ram, IRET_CODE, 0xcf);                            // iret
    }

    private static void put(PhysicalMemory ram, int offset, int... bytes) {
        for (int i = 0; i < bytes.length; i++) {
            ram.setByte(PHYSICAL + offset + i, (byte) bytes[i]);
        }
    }
}
