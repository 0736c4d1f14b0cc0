package minikernel.kernel.fs;

import minikernel.kernel.Kernel;

/**
 * What the kernel mounts at "/" when it boots (Linux's root= and rootfstype=): the default image
 * unpacked into ramfs ({@link ImageRootFs}), or a host directory through hostfs
 * ({@link HostRootFs}). /proc and, for a host root, /dev are mounted on top by the kernel.
 */
public interface RootFs {
    /** Makes the root filesystem's superblock for {@code kernel}. */
    SuperBlock fill(Kernel kernel);

    /** Mounted read-only (--ro): every change is EROFS. */
    boolean readOnly();

    /** True for a host directory: the kernel then mounts its own /dev over the host's. */
    boolean needsDevfs();
}
