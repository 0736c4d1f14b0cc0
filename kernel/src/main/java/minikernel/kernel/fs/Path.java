package minikernel.kernel.fs;

/**
 * A place in the mounted tree (Linux's {@code struct path}): a dentry and the mount it is seen
 * through, since one filesystem's dentry can be visible at several places.
 */
public record Path(Mount mnt, Dentry dentry) {
    public Inode inode() {
        return dentry.inode();
    }
}
