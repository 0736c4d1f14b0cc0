package minikernel.cpu.unicorn;

import minikernel.cpu.NativeLibraries;

/**
 * Refuses Unicorn 2.0.x: it ignores page tables in UC_TLB_VIRTUAL mode (it uses the virtual address
 * as the physical one: upstream issue 1953, fixed in 2.1.0), and minikernel's MMU depends on them.
 */
final class UnicornVersion {
    private UnicornVersion() {
    }

    private static volatile boolean checked;

    static void require() {
        if (checked) {
            return;
        }
        int v = Unicorn.version();
        int major = v >>> 24 & 0xff, minor = v >>> 16 & 0xff, patch = v >>> 8 & 0xff;
        if (major < 2 || major == 2 && minor < 1) {
            throw new UnicornException(String.format(
                    "libunicorn %d.%d.%d in %s is too old: minikernel needs 2.1 or newer "
                            + "(2.0.x ignores page tables). Run: %s --force",
                    major, minor, patch, NativeLibraries.directory(), NativeLibraries.SETUP_COMMAND));
        }
        checked = true;
    }
}
