package minikernel.kernel.fs.proc;

import minikernel.kernel.Kernel;

/** /proc/version (fs/proc/version.c) and /proc/filesystems (fs/filesystems.c). */
final class Version {
    /** What uname(2) reports as release and version (sys/Sys.java's utsname). */
    private static final String RELEASE = "6.1.0-minikernel", UTS_VERSION = "#1 SMP minikernel";

    private Version() {
    }

    /** linux_proc_banner: "%s version %s (%s@%s) (%s) %s". */
    static String version(Kernel kernel) {
        return "Linux version " + RELEASE + " (minikernel@minikernel) (javac) " + UTS_VERSION + "\n";
    }

    /**
     * filesystems_proc_show(): each registered filesystem type, marked "nodev" when it needs no
     * block device (none here does), in registration order.
     */
    static String filesystems(Kernel kernel) {
        return "nodev\tproc\nnodev\tdevtmpfs\nnodev\tpipefs\nnodev\tramfs\nnodev\thostfs\n";
    }
}
