package minikernel.kernel.fs.ramfs;

/** What every non-directory ramfs inode does when a name for it is added or removed. */
interface RamInode {
    void linkChanged(int delta);
}
