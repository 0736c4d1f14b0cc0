package minikernel.kernel.fs.proc;

import minikernel.kernel.Kernel;

/**
 * /proc/cpuinfo (arch/x86/kernel/cpu/proc.c show_cpuinfo()) for the one CPU: the emulator's
 * qemu32 model, as CPUID describes it, and the feature flags of its CPUID leaf 1 EDX under
 * Linux's names. Clock rate and bogomips are nominal: the CPU has no fixed speed.
 */
final class Cpuinfo {
    /** x86_cap_flags[] for CPUID.1:EDX, bit by bit (null: no name shown). */
    private static final String[] EDX_FLAGS = {
        "fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce", "cx8", "apic", null, "sep", "mtrr", "pge",
        "mca", "cmov", "pat", "pse36", "pn", "clflush", null, "dts", "acpi", "mmx", "fxsr", "sse", "sse2",
        "ss", "ht", "tm", "ia64", "pbe"};

    private Cpuinfo() {
    }

    static String show(Kernel kernel) {
        long edx = kernel.cpu().cpuidFeatures();
        StringBuilder flags = new StringBuilder();
        for (int bit = 0; bit < EDX_FLAGS.length; bit++) {
            if ((edx & 1L << bit) != 0 && EDX_FLAGS[bit] != null) {
                flags.append(' ').append(EDX_FLAGS[bit]);
            }
        }
        // get_cpu_address_sizes() without leaf 0x80000008: 32 bits, or 36 with PAE or PSE-36.
        int physBits = (edx & (1L << 6 | 1L << 17)) != 0 ? 36 : 32;
        return "processor\t: 0\n"
                + "vendor_id\t: GenuineIntel\n"
                + "cpu family\t: 6\n"
                + "model\t\t: 6\n"
                + "model name\t: QEMU Virtual CPU version 2.5+\n"
                + "stepping\t: 3\n"
                + "cpu MHz\t\t: 1000.000\n"
                + "physical id\t: 0\n"
                + "siblings\t: 1\n"
                + "core id\t\t: 0\n"
                + "cpu cores\t: 1\n"
                + "apicid\t\t: 0\n"
                + "initial apicid\t: 0\n"
                + "fpu\t\t: yes\n"
                + "fpu_exception\t: yes\n"
                + "cpuid level\t: 4\n"
                + "wp\t\t: yes\n"
                + "flags\t\t:" + flags + "\n"
                + "bugs\t\t:\n"
                + "bogomips\t: 2000.00\n"
                + "clflush size\t: 64\n"
                + "cache_alignment\t: 64\n"
                + "address sizes\t: " + physBits + " bits physical, 32 bits virtual\n"
                + "power management:\n"
                + "\n";
    }
}
