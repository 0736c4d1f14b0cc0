package minikernel.kernel.fs.ramfs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import minikernel.kernel.Kernel;
import minikernel.kernel.fs.CharDevices;
import minikernel.kernel.fs.Cred;
import minikernel.kernel.fs.Initramfs;
import minikernel.kernel.fs.Inode;
import minikernel.kernel.fs.Kstat;
import minikernel.kernel.fs.SuperBlock;
import minikernel.kernel.drivers.MemDevice;

/**
 * ramfs instances: the root filesystem unpacked from the initramfs image, and the small /dev the
 * kernel mounts over a host root (devtmpfs's job on Linux).
 */
public final class RamFs {
    private RamFs() {
    }

    /** A fresh, empty ramfs whose root directory has {@code mode}. */
    public static SuperBlock create(Kernel kernel, String type, int mode) {
        SuperBlock sb = new SuperBlock(kernel, type, kernel.nextAnonDev());
        sb.setRoot(new RamDirectory(sb, mode, 0, 0));
        return sb;
    }

    /**
     * populate_rootfs(): every entry of the archive, in order, with its mode, owner and time;
     * directories an entry needs but the archive lacks are made with mode 0755; an entry that
     * repeats an earlier inode becomes a hard link to it, as maybe_link() does.
     */
    public static SuperBlock unpack(Kernel kernel, List<Initramfs.Entry> archive) {
        SuperBlock sb = create(kernel, "rootfs", 0755);
        Map<String, Inode> byPath = new HashMap<>();
        RamDirectory root = (RamDirectory) sb.root().inode();
        byPath.put("", root);
        for (Initramfs.Entry e : archive) {
            if (e.path().isEmpty()) {
                root.chmod(e.permissions());
                continue;
            }
            int slash = e.path().lastIndexOf('/');
            String parentPath = slash < 0 ? "" : e.path().substring(0, slash);
            String name = e.path().substring(slash + 1);
            RamDirectory dir = directory(byPath, parentPath);
            Cred owner = new Cred(e.uid(), e.gid());
            if (dir.lookup(name) != null) {
                continue;      // a repeated name: the first one stays
            }
            Inode made;
            if (e.hardLinkTo().isPresent() && byPath.get(e.hardLinkTo().get()) != null) {
                made = byPath.get(e.hardLinkTo().get());
                dir.link(made, name);
                if (made instanceof RamFile f && e.data().length > 0) {
                    f.setContents(e.data());
                }
            } else {
                made = switch (e.type()) {
                    case DIRECTORY -> dir.mkdir(name, e.permissions(), owner);
                    case REGULAR -> {
                        RamFile f = (RamFile) dir.create(name, e.permissions(), owner);
                        f.setContents(e.data());
                        yield f;
                    }
                    case SYMLINK -> dir.symlink(name, e.symlinkTarget(), owner);
                    default -> dir.mknod(name, e.mode(), Kstat.encodeDev(e.rdevMajor(), e.rdevMinor()), owner);
                };
            }
            long mtime = e.mtime() * 1_000_000_000L;
            made.setTimes(mtime, mtime);
            byPath.put(e.path(), made);
        }
        return sb;
    }

    private static RamDirectory directory(Map<String, Inode> byPath, String path) {
        Inode found = byPath.get(path);
        if (found instanceof RamDirectory d) {
            return d;
        }
        int slash = path.lastIndexOf('/');
        RamDirectory parent = directory(byPath, slash < 0 ? "" : path.substring(0, slash));
        String name = path.substring(slash + 1);
        Inode existing = parent.lookup(name);
        RamDirectory d = existing instanceof RamDirectory rd ? rd : (RamDirectory) parent.mkdir(name, 0755, Cred.ROOT);
        byPath.put(path, d);
        return d;
    }

    /**
     * The /dev mounted over a host root: the memory devices, the terminal devices, and the
     * links into /proc/self/fd that programs expect (/dev/stdin, /dev/fd...).
     */
    public static SuperBlock devfs(Kernel kernel) {
        SuperBlock sb = create(kernel, "devtmpfs", 0755);
        RamDirectory dev = (RamDirectory) sb.root().inode();
        int chr = Kstat.S_IFCHR;
        dev.mknod("null", chr | 0666, Kstat.encodeDev(CharDevices.MEM_MAJOR, MemDevice.NULL), Cred.ROOT);
        dev.mknod("zero", chr | 0666, Kstat.encodeDev(CharDevices.MEM_MAJOR, MemDevice.ZERO), Cred.ROOT);
        dev.mknod("full", chr | 0666, Kstat.encodeDev(CharDevices.MEM_MAJOR, MemDevice.FULL), Cred.ROOT);
        dev.mknod("random", chr | 0666, Kstat.encodeDev(CharDevices.MEM_MAJOR, MemDevice.RANDOM), Cred.ROOT);
        dev.mknod("urandom", chr | 0666, Kstat.encodeDev(CharDevices.MEM_MAJOR, MemDevice.URANDOM), Cred.ROOT);
        dev.mknod("tty", chr | 0666, Kstat.encodeDev(CharDevices.TTYAUX_MAJOR, 0), Cred.ROOT);
        dev.mknod("console", chr | 0600, Kstat.encodeDev(CharDevices.TTYAUX_MAJOR, 1), Cred.ROOT);
        dev.symlink("fd", "/proc/self/fd", Cred.ROOT);
        dev.symlink("stdin", "/proc/self/fd/0", Cred.ROOT);
        dev.symlink("stdout", "/proc/self/fd/1", Cred.ROOT);
        dev.symlink("stderr", "/proc/self/fd/2", Cred.ROOT);
        dev.mkdir("shm", 01777, Cred.ROOT);
        return sb;
    }
}
