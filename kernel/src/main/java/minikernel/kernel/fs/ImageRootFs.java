package minikernel.kernel.fs;

import java.util.List;
import minikernel.kernel.Kernel;
import minikernel.kernel.fs.ramfs.RamFs;

/**
 * The default root image (an initramfs cpio archive) unpacked into ramfs at boot, as Linux's
 * populate_rootfs() does: a tree in memory that the guest may change; the changes are gone when
 * the machine stops.
 */
public final class ImageRootFs implements RootFs {
    private final List<Initramfs.Entry> archive;

    public ImageRootFs(List<Initramfs.Entry> archive) {
        this.archive = List.copyOf(archive);
    }

    public List<Initramfs.Entry> entries() {
        return archive;
    }

    @Override
    public SuperBlock fill(Kernel kernel) {
        return RamFs.unpack(kernel, archive);
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public boolean needsDevfs() {
        return false;
    }
}
