package minikernel.kernel.fs;

import minikernel.kernel.Kernel;

/**
 * One mounted filesystem instance (Linux's {@code struct super_block}): its device number (what
 * stat reports as st_dev), its type's name (/proc/mounts), its root, and the inode numbers it
 * hands out. Each filesystem (ramfs, hostfs, proc, devpts...) fills in its own root.
 */
public class SuperBlock {
    private final Kernel kernel;
    private final String type;
    private final long dev;
    private long lastIno;
    private Dentry root;

    public SuperBlock(Kernel kernel, String type, long dev) {
        this.kernel = kernel;
        this.type = type;
        this.dev = dev;
    }

    public Kernel kernel() {
        return kernel;
    }

    public String type() {
        return type;
    }

    /** s_dev: the device number stat() shows for every inode of this filesystem. */
    public long dev() {
        return dev;
    }

    /** get_next_ino(): a fresh inode number for filesystems that invent them. */
    public long nextIno() {
        return ++lastIno;
    }

    public Dentry root() {
        return root;
    }

    public void setRoot(Inode inode) {
        root = Dentry.root(inode);
    }

    /**
     * statfs(): for a filesystem in memory, simple_statfs() with its type's magic number
     * (include/uapi/linux/magic.h); hostfs reports the host filesystem's figures instead.
     */
    public Statfs.Kstatfs statfs(Dentry dentry) {
        return Statfs.Kstatfs.simple(switch (type) {
            case "proc" -> 0x9fa0L;             // PROC_SUPER_MAGIC
            case "rootfs", "ramfs" -> 0x858458f6L;  // RAMFS_MAGIC
            case "devtmpfs", "tmpfs" -> 0x01021994L;  // TMPFS_MAGIC
            case "devpts" -> 0x1cd1L;           // DEVPTS_SUPER_MAGIC
            default -> 0;
        });
    }

    /** The time a change is stamped with: the kernel's realtime clock (virtual by default). */
    public long now() {
        return kernel.clock().realtimeNanos();
    }
}
