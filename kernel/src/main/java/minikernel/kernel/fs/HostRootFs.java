package minikernel.kernel.fs;

import minikernel.kernel.Kernel;
import minikernel.kernel.fs.hostfs.HostSuperBlock;

/**
 * A host directory as the guest's root, through hostfs: "/" for {@code run} (the host's own files,
 * as qemu-i386 gives a program), or the directory of {@code --root DIR}, out of which the guest
 * cannot walk.
 */
public final class HostRootFs implements RootFs {
    private final String dir;
    private final boolean readOnly;

    public HostRootFs(String dir, boolean readOnly) {
        this.dir = java.nio.file.Path.of(dir).toAbsolutePath().normalize().toString();
        this.readOnly = readOnly;
    }

    public HostRootFs(java.nio.file.Path dir) {
        this(dir.toString(), false);
    }

    /** The host directory that is the guest's "/". */
    public String dir() {
        return dir;
    }

    @Override
    public SuperBlock fill(Kernel kernel) {
        return new HostSuperBlock(kernel, dir);
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public boolean needsDevfs() {
        return true;
    }
}
