package minikernel.tools;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import minikernel.images.DefaultImage;
import minikernel.kernel.exec.Executable;
import minikernel.kernel.fs.ImageRootFs;
import minikernel.kernel.fs.Initramfs;
import minikernel.kernel.fs.InitramfsException;

/** The default root image embedded in the jar, as a root filesystem. */
final class RootImage {
    private RootImage() {
    }

    static ImageRootFs load() throws IOException {
        try (InputStream in = DefaultImage.open()) {
            return new ImageRootFs(Initramfs.read(in));
        } catch (InitramfsException e) {
            throw new IOException("the default image is damaged: " + e.getMessage(), e);
        }
    }

    /** The regular file at {@code path} in the image, as an executable, if there is one. */
    static Optional<Executable> executable(ImageRootFs image, String path) {
        String name = path.startsWith("/") ? path.substring(1) : path;
        for (Initramfs.Entry e : image.entries()) {
            if (e.path().equals(name) && e.type() == minikernel.kernel.fs.CpioFileType.REGULAR) {
                return Optional.of(new Executable(path, e.data()));
            }
        }
        return Optional.empty();
    }
}
