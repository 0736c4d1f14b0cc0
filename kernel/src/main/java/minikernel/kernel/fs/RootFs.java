package minikernel.kernel.fs;

import java.io.IOException;

/**
 * The tree of files a kernel's tasks see until the VFS arrives: the host's filesystem (under
 * {@code run}, as qemu-i386 gives a program the host's files) or the default image (at boot).
 * Paths given to {@link #lookup} are absolute and normalised by {@link Namei}.
 */
public interface RootFs {
    /** What is at a path: a directory, or a file with its permission bits; null if nothing. */
    sealed interface Node {
        record Directory() implements Node {
        }

        record RegularFile(int mode, long size) implements Node {
            public boolean executable() {
                return (mode & 0111) != 0;
            }
        }

        /** A device, FIFO or socket: it exists, but is neither a directory nor a program. */
        record Special() implements Node {
        }
    }

    Node lookup(String path);

    /** The contents of a regular file (for exec). */
    byte[] read(String path) throws IOException;
}
