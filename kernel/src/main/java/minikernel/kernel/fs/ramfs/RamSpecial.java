package minikernel.kernel.fs.ramfs;

import minikernel.kernel.fs.CharDevices;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.Inode;
import minikernel.kernel.fs.Kstat;
import minikernel.kernel.fs.Path;
import minikernel.kernel.fs.SuperBlock;
import minikernel.kernel.fs.VfsError;
import minikernel.kernel.syscall.Errno;

/**
 * A device node, FIFO or socket on ramfs (init_special_inode): opening a character device asks
 * the driver registered for its major and minor numbers (chrdev_open); a FIFO opens as a pipe
 * (fs.Fifo, on every filesystem).
 */
public final class RamSpecial extends Inode implements RamInode {
    public RamSpecial(SuperBlock sb, int mode, long rdev, int uid, int gid) {
        super(sb, sb.nextIno(), mode, uid, gid);
        this.rdev = rdev;
    }

    @Override
    public void linkChanged(int delta) {
        nlink += delta;
    }

    @Override
    public File open(Path path, int flags) {
        return switch (mode() & Kstat.S_IFMT) {
            case Kstat.S_IFCHR -> CharDevices.open(sb().kernel(), rdev(), path, flags);
            case Kstat.S_IFBLK -> throw new VfsError(Errno.ENXIO);
            case Kstat.S_IFSOCK -> throw new VfsError(Errno.ENXIO);
            default -> throw new VfsError(Errno.ENXIO);    // a FIFO never gets here: Open hands it to Fifo
        };
    }
}
