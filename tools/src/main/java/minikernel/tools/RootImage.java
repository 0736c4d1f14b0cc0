package minikernel.tools;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import minikernel.images.DefaultImage;
import minikernel.kernel.exec.Executable;
import minikernel.kernel.fs.CpioFileType;
import minikernel.kernel.fs.Initramfs;
import minikernel.kernel.fs.InitramfsException;

/** The default root image embedded in the jar: its files by absolute path. */
final class RootImage {
    private final Map<String, Initramfs.Entry> files = new HashMap<>();

    private RootImage(List<Initramfs.Entry> entries) {
        for (Initramfs.Entry e : entries) {
            files.put("/" + e.path(), e);
        }
    }

    static RootImage load() throws IOException {
        try (InputStream in = DefaultImage.open()) {
            return new RootImage(Initramfs.read(in));
        } catch (InitramfsException e) {
            throw new IOException("the default image is damaged: " + e.getMessage(), e);
        }
    }

    /** A regular file of the image as an executable, if there is one at {@code path}. */
    Optional<Executable> executable(String path) {
        Initramfs.Entry e = files.get(path);
        if (e == null || e.type() != CpioFileType.REGULAR) {
            return Optional.empty();
        }
        return Optional.of(new Executable(path, e.data()));
    }
}
