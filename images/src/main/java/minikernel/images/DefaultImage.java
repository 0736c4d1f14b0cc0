package minikernel.images;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The root filesystem that {@code minikernel boot} mounts as "/" when given no other: the
 * newc cpio archive built from {@code images/rootfs.list} and embedded in this module's jar,
 * the counterpart of the initramfs linked into a Linux kernel image. The kernel unpacks it
 * with {@code minikernel.kernel.fs.Initramfs}; this module does not depend on the kernel.
 */
public final class DefaultImage {
    /** Where the archive lives on the class path. */
    public static final String RESOURCE = "/minikernel/images/rootfs.cpio";

    private DefaultImage() {
    }

    /** A fresh stream of the archive; the caller closes it. */
    public static InputStream open() throws IOException {
        InputStream in = DefaultImage.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new FileNotFoundException("the default image is not built: run mvn package (resource " + RESOURCE
                    + " is missing from the class path)");
        }
        return in;
    }

    /** The whole archive. */
    public static byte[] readAllBytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }
}
