package minikernel.kernel.fs;

/**
 * A filesystem attached to the tree (Linux's {@code struct mount} with its vfsmount): which
 * superblock, which of its dentries is the top (usually its root), where it is attached
 * (the parent mount and the dentry it covers) and whether it is read-only.
 */
public final class Mount {
    private final SuperBlock sb;
    private final Dentry root;
    private final Mount parent;
    private final Dentry mountpoint;
    private final boolean readOnly;

    Mount(SuperBlock sb, Dentry root, Mount parent, Dentry mountpoint, boolean readOnly) {
        this.sb = sb;
        this.root = root;
        this.parent = parent == null ? this : parent;
        this.mountpoint = mountpoint == null ? root : mountpoint;
        this.readOnly = readOnly;
    }

    public SuperBlock sb() {
        return sb;
    }

    public Dentry root() {
        return root;
    }

    /** The mount this one is attached to; the namespace's root mount is its own parent. */
    public Mount parent() {
        return parent;
    }

    public Dentry mountpoint() {
        return mountpoint;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public boolean isTop() {
        return parent == this;
    }

    public Path rootPath() {
        return new Path(this, root);
    }
}
