package minikernel.kernel.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import minikernel.kernel.exec.ElfFile;
import org.junit.jupiter.api.Test;

/**
 * The archive the images module builds (images/target/classes/minikernel/images/rootfs.cpio,
 * built before the kernel in the reactor) reads back with the devices and programs its list
 * declares, and its programs are ELF files the kernel accepts. Skipped when the image has not
 * been built.
 */
class InitramfsDefaultImageTest {
    private static final Path IMAGE = Path.of("..", "images", "target", "classes", "minikernel", "images",
            "rootfs.cpio");

    @Test
    void defaultImageHoldsInitAndTheDevices() throws Exception {
        assumeTrue(Files.exists(IMAGE), "the default image is not built (mvn -pl images install)");
        List<Initramfs.Entry> entries = Initramfs.read(Files.readAllBytes(IMAGE));
        Map<String, Initramfs.Entry> byPath = entries.stream()
                .collect(Collectors.toMap(Initramfs.Entry::path, Function.identity()));

        Initramfs.Entry console = byPath.get("dev/console");
        assertEquals(CpioFileType.CHAR_DEVICE, console.type());
        assertEquals(5, console.rdevMajor());
        assertEquals(1, console.rdevMinor());
        assertEquals(01777, byPath.get("tmp").permissions());
        assertEquals(CpioFileType.DIRECTORY, byPath.get("proc").type());

        Initramfs.Entry init = byPath.get("sbin/init");
        assertEquals(CpioFileType.REGULAR, init.type());
        assertEquals(0755, init.permissions());
        assertTrue(ElfFile.parse(init.data()).loadSegments().size() > 0);
        assertTrue(ElfFile.parse(byPath.get("bin/hello").data()).loadSegments().size() > 0);
        assertTrue(entries.stream().allMatch(e -> e.mtime() == 0), "built with a fixed mtime");
    }
}
