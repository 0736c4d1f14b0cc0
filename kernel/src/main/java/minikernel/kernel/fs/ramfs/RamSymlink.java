package minikernel.kernel.fs.ramfs;

import java.nio.charset.StandardCharsets;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.Inode;
import minikernel.kernel.fs.Kstat;
import minikernel.kernel.fs.Path;
import minikernel.kernel.fs.SuperBlock;
import minikernel.kernel.fs.VfsError;
import minikernel.kernel.syscall.Errno;

/** A symbolic link of ramfs: its text, which the path walk follows. Mode 0777, as Linux's are. */
public final class RamSymlink extends Inode implements RamInode {
    private final String target;

    public RamSymlink(SuperBlock sb, String target, int uid, int gid) {
        super(sb, sb.nextIno(), Kstat.S_IFLNK | 0777, uid, gid);
        this.target = target;
        size = target.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public void linkChanged(int delta) {
        nlink += delta;
    }

    @Override
    public String readlink() {
        return target;
    }

    @Override
    public File open(Path path, int flags) {
        throw new VfsError(Errno.ELOOP);
    }
}
