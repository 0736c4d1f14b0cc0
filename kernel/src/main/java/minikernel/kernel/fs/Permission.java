package minikernel.kernel.fs;

import minikernel.kernel.syscall.Errno;

/**
 * generic_permission() (fs/namei.c): the owner's, group's or others' mode bits decide, in that
 * order (only the first class that matches counts); root may read and write anything and execute
 * anything that has at least one x bit or is a directory.
 */
public final class Permission {
    public static final int MAY_EXEC = 1, MAY_WRITE = 2, MAY_READ = 4;

    private Permission() {
    }

    public static boolean permits(Cred cred, Inode inode, int mask) {
        int mode = inode.mode();
        if (cred.isRoot()) {
            return (mask & MAY_EXEC) == 0 || inode.isDirectory() || (mode & 0111) != 0;
        }
        int bits;
        if (cred.uid() == inode.uid()) {
            bits = mode >>> 6;
        } else if (cred.gid() == inode.gid()) {
            bits = mode >>> 3;
        } else {
            bits = mode;
        }
        return (bits & mask & 7) == (mask & 7);
    }

    /** inode_permission(): EACCES unless permitted. */
    public static void check(Cred cred, Inode inode, int mask) {
        if (!permits(cred, inode, mask)) {
            throw new VfsError(Errno.EACCES);
        }
    }
}
