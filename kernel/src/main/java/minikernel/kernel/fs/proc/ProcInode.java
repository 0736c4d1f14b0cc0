package minikernel.kernel.fs.proc;

import minikernel.kernel.fs.File;
import minikernel.kernel.fs.Inode;
import minikernel.kernel.fs.Path;
import minikernel.kernel.fs.SuperBlock;
import minikernel.kernel.fs.VfsError;
import minikernel.kernel.syscall.Errno;

/**
 * What every inode of /proc shares (proc_inode and proc_setattr()): a fresh inode number from the
 * superblock, mode bits that chmod may not change (EPERM), and a size that truncation leaves
 * alone: O_TRUNC on a proc file is accepted and does nothing, so a shell's
 * {@code echo name > /proc/self/comm} works. Symlinks here cannot be opened (the walk follows
 * them first).
 */
abstract class ProcInode extends Inode {
    ProcInode(SuperBlock sb, int mode, int uid, int gid) {
        super(sb, sb.nextIno(), mode, uid, gid);
    }

    @Override
    public void chmod(int permissions) {
        throw new VfsError(Errno.EPERM);
    }

    @Override
    public void truncate(long length) {
    }

    @Override
    public File open(Path path, int flags) {
        throw new VfsError(Errno.ELOOP);
    }
}
