package minikernel.tools.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import minikernel.kernel.fs.ImageRootFs;
import minikernel.kernel.fs.Initramfs;

/**
 * A submission's whole world: an in-memory root holding only the program (/prog), the suite's
 * files, and the kernel's own /dev and /proc, built like the default image (an initramfs), so no path leads to a host file. Nothing a
 * run writes survives it: each run unpacks its own copy.
 */
final class Sandbox {
    static final String PROGRAM = "/prog";
    private static final int S_IFDIR = 0040000, S_IFREG = 0100000;

    private Sandbox() {
    }

    /** {@code files}: sandbox path to content. */
    static ImageRootFs of(byte[] program, Map<String, byte[]> files) {
        List<Initramfs.Entry> entries = new ArrayList<>();
        // /dev and /proc are where the kernel mounts its own devices and /proc (nothing of the host).
        TreeSet<String> dirs = new TreeSet<>(List.of("dev", "proc", "tmp"));
        for (String path : files.keySet()) {
            String p = path.substring(1);
            for (int slash = p.indexOf('/'); slash > 0; slash = p.indexOf('/', slash + 1)) {
                dirs.add(p.substring(0, slash));
            }
        }
        long ino = 2;
        for (String d : dirs) {
            entries.add(entry(d, S_IFDIR | (d.equals("tmp") ? 01777 : 0755), ino++, new byte[0]));
        }
        entries.add(entry(PROGRAM.substring(1), S_IFREG | 0755, ino++, program));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            boolean elf = f.getValue().length > 4 && f.getValue()[0] == 0x7f && f.getValue()[1] == 'E';
            entries.add(entry(f.getKey().substring(1), S_IFREG | (elf ? 0755 : 0644), ino++, f.getValue()));
        }
        return new ImageRootFs(entries);
    }

    private static Initramfs.Entry entry(String path, int mode, long ino, byte[] data) {
        return new Initramfs.Entry(path, mode, 0, 0, 0, 1, ino, 0, 0, 0, 0, Optional.empty(), data);
    }
}
