package minikernel.kernel.fs.ramfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minikernel.kernel.fs.Cred;
import minikernel.kernel.fs.DirEntry;
import minikernel.kernel.fs.DirectoryFile;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.Inode;
import minikernel.kernel.fs.Kstat;
import minikernel.kernel.fs.Path;
import minikernel.kernel.fs.SuperBlock;
import minikernel.kernel.fs.VfsError;
import minikernel.kernel.syscall.Errno;

/**
 * A directory of ramfs (fs/ramfs, with simple_* helpers of fs/libfs.c): its names are a map in
 * memory, in the order they were made. The VFS has already checked permissions and that names
 * exist or not; this class only keeps the map and the link counts right (a directory has 2 +
 * one per subdirectory: its "." and each child's "..").
 */
public final class RamDirectory extends Inode {
    private final Map<String, Inode> children = new LinkedHashMap<>();

    public RamDirectory(SuperBlock sb, int mode, int uid, int gid) {
        super(sb, sb.nextIno(), Kstat.S_IFDIR | mode & 07777, uid, gid);
        nlink = 2;
    }

    @Override
    public long size() {
        return 4096;
    }

    @Override
    public Inode lookup(String name) {
        return children.get(name);
    }

    private <T extends Inode> T add(String name, T inode) {
        if (children.containsKey(name)) {
            throw new VfsError(Errno.EEXIST);
        }
        children.put(name, inode);
        touchModified();
        return inode;
    }

    @Override
    public Inode create(String name, int mode, Cred cred) {
        return add(name, new RamFile(sb(), mode, cred.uid(), cred.gid()));
    }

    @Override
    public Inode mkdir(String name, int mode, Cred cred) {
        RamDirectory d = add(name, new RamDirectory(sb(), mode, cred.uid(), cred.gid()));
        nlink++;
        return d;
    }

    @Override
    public Inode symlink(String name, String target, Cred cred) {
        return add(name, new RamSymlink(sb(), target, cred.uid(), cred.gid()));
    }

    @Override
    public Inode mknod(String name, int mode, long rdev, Cred cred) {
        return add(name, new RamSpecial(sb(), mode, rdev, cred.uid(), cred.gid()));
    }

    @Override
    public void link(Inode target, String name) {
        if (!(target instanceof RamFile || target instanceof RamSymlink || target instanceof RamSpecial)) {
            throw new VfsError(Errno.EPERM);
        }
        add(name, target);
        ((RamInode) target).linkChanged(+1);
    }

    @Override
    public void unlink(String name, Inode victim) {
        children.remove(name);
        ((RamInode) victim).linkChanged(-1);
        touchModified();
    }

    @Override
    public void rmdir(String name, Inode victim) {
        if (!((RamDirectory) victim).children.isEmpty()) {
            throw new VfsError(Errno.ENOTEMPTY);
        }
        children.remove(name);
        nlink--;
        ((RamDirectory) victim).nlink = 0;
        touchModified();
    }

    @Override
    public void rename(String oldName, Inode victim, Inode newDir, String newName) {
        RamDirectory to = (RamDirectory) newDir;
        Inode replaced = to.children.get(newName);
        if (replaced != null) {
            if (replaced instanceof RamDirectory d) {
                to.rmdir(newName, d);
            } else {
                to.unlink(newName, replaced);
            }
        }
        children.remove(oldName);
        to.children.put(newName, victim);
        if (victim instanceof RamDirectory && to != this) {
            nlink--;
            to.nlink++;
        }
        touchModified();
        to.touchModified();
    }

    @Override
    public List<DirEntry> readdir() {
        List<DirEntry> out = new ArrayList<>();
        children.forEach((name, inode) -> out.add(new DirEntry(name, inode.ino(), DirEntry.typeOf(inode.mode()))));
        return out;
    }

    @Override
    public File open(Path path, int flags) {
        return new DirectoryFile(flags, path);
    }
}
