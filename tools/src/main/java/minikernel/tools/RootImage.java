package minikernel.tools;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import minikernel.images.DefaultImage;
import minikernel.kernel.exec.Executable;
import minikernel.kernel.fs.ImageRootFs;
import minikernel.kernel.fs.Initramfs;
import minikernel.kernel.fs.InitramfsException;
import minikernel.kernel.fs.RootFs;

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

    /** A regular file of {@code fs} as an executable, if there is one at {@code path}. */
    static Optional<Executable> executable(RootFs fs, String path) throws IOException {
        if (!(fs.lookup(path) instanceof RootFs.Node.RegularFile)) {
            return Optional.empty();
        }
        return Optional.of(new Executable(path, fs.read(path)));
    }
}
