package minikernel.kernel.fs.hostfs;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import minikernel.kernel.Kernel;
import minikernel.kernel.fs.SuperBlock;
import minikernel.kernel.fs.VfsError;
import minikernel.kernel.syscall.Errno;

/**
 * hostfs: a directory of the host mounted in the guest (as User-Mode Linux's hostfs, or the view
 * qemu-i386 gives a program). Every operation is the host's own system call on a host path that
 * this kernel's walk composed from checked components, so the guest sees the host's files,
 * owners, modes and errors, and nothing outside the directory it was given. One inode object
 * per host (device, inode) pair while it is in use, so hard links are one inode here too.
 */
public final class HostSuperBlock extends SuperBlock {
    private record Key(long dev, long ino) {
    }

    private final String hostRoot;
    private final Map<Key, WeakReference<HostInode>> inodes = new HashMap<>();

    public HostSuperBlock(Kernel kernel, String hostRoot) {
        super(kernel, "hostfs", 0);
        this.hostRoot = hostRoot.equals("/") ? "" : hostRoot;
        int[] err = new int[1];
        Libc.Stat st = Libc.lstat(hostRoot, err);
        if (st == null || (st.mode() & 0170000) != 0040000) {
            throw new IllegalArgumentException(hostRoot + ": not a directory on the host");
        }
        setRoot(inode(this.hostRoot.isEmpty() ? "/" : this.hostRoot, st));
    }

    /** The inode for what {@code st} describes, found at {@code hostPath}. */
    HostInode inode(String hostPath, Libc.Stat st) {
        Key key = new Key(st.dev(), st.ino());
        WeakReference<HostInode> ref = inodes.get(key);
        HostInode inode = ref == null ? null : ref.get();
        if (inode == null || (inode.mode() & 0170000) != (st.mode() & 0170000)) {
            inode = new HostInode(this, hostPath, st);
            inodes.put(key, new WeakReference<>(inode));
        } else {
            inode.refresh(hostPath, st);
        }
        return inode;
    }

    /** statfs(): the host filesystem's own figures for the file (what qemu-i386 passes on too). */
    @Override
    public minikernel.kernel.fs.Statfs.Kstatfs statfs(minikernel.kernel.fs.Dentry dentry) {
        int[] err = new int[1];
        var k = dentry.inode() instanceof HostInode h ? Libc.statfs(h.hostPath(), err) : null;
        if (k == null) {
            throw new minikernel.kernel.fs.VfsError(minikernel.kernel.syscall.Errno.of(err[0]) != null
                    ? minikernel.kernel.syscall.Errno.of(err[0]) : minikernel.kernel.syscall.Errno.EIO);
        }
        return k;
    }

    /** After a directory moved on the host: every cached inode below it has a new host path. */
    void moved(String oldPath, String newPath) {
        String prefix = oldPath + "/";
        for (WeakReference<HostInode> ref : inodes.values()) {
            HostInode i = ref.get();
            if (i != null && i.hostPath().startsWith(prefix)) {
                i.setHostPath(newPath + "/" + i.hostPath().substring(prefix.length()));
            }
        }
    }

    /** A negative host result as the error the guest gets (EIO for a number we do not name). */
    static VfsError error(long negative) {
        Errno e = Errno.of((int) -negative);
        return new VfsError(e == null ? Errno.EIO : e);
    }
}
