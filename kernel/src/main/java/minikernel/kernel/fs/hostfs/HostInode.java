package minikernel.kernel.fs.hostfs;

import java.util.ArrayList;
import java.util.List;
import minikernel.kernel.fs.Cred;
import minikernel.kernel.fs.DirEntry;
import minikernel.kernel.fs.DirectoryFile;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.Inode;
import minikernel.kernel.fs.Kstat;
import minikernel.kernel.fs.Path;
import minikernel.kernel.fs.RegularFile;
import minikernel.kernel.fs.VfsError;
import minikernel.kernel.syscall.Errno;

/**
 * A host file seen through hostfs. Its attributes are the host's, re-read at each lookup and
 * stat; its operations are host system calls on its host path. New files get exactly the mode
 * the guest asked for (after the guest's umask, not the host process's).
 */
final class HostInode extends Inode {
    private String hostPath;
    private long dev, blocks;

    HostInode(HostSuperBlock sb, String hostPath, Libc.Stat st) {
        super(sb, st.ino(), st.mode(), st.uid(), st.gid());
        refresh(hostPath, st);
    }

    String hostPath() {
        return hostPath;
    }

    void setHostPath(String p) {
        hostPath = p;
    }

    void refresh(String path, Libc.Stat st) {
        hostPath = path;
        dev = st.dev();
        mode = st.mode();
        uid = st.uid();
        gid = st.gid();
        nlink = st.nlink();
        size = st.size();
        rdev = st.rdev();
        blocks = st.blocks();
        atime = st.atime();
        mtime = st.mtime();
        ctime = st.ctime();
    }

    private HostSuperBlock hsb() {
        return (HostSuperBlock) sb();
    }

    private String child(String name) {
        return hostPath.equals("/") ? "/" + name : hostPath + "/" + name;
    }

    private void refresh() {
        int[] err = new int[1];
        Libc.Stat st = Libc.lstat(hostPath, err);
        if (st != null) {
            refresh(hostPath, st);
        }
    }

    private static void check(long r) {
        if (r < 0) {
            throw HostSuperBlock.error(r);
        }
    }

    private Inode stat(String path) {
        int[] err = new int[1];
        Libc.Stat st = Libc.lstat(path, err);
        if (st == null) {
            throw HostSuperBlock.error(-err[0]);
        }
        return hsb().inode(path, st);
    }

    @Override
    public Inode lookup(String name) {
        if (!isDirectory()) {
            throw new VfsError(Errno.ENOTDIR);
        }
        int[] err = new int[1];
        String path = child(name);
        Libc.Stat st = Libc.lstat(path, err);
        if (st == null) {
            if (err[0] == 2) {
                return null;
            }
            throw HostSuperBlock.error(-err[0]);
        }
        return hsb().inode(path, st);
    }

    @Override
    public Inode create(String name, int mode, Cred cred) {
        String path = child(name);
        int fd = Libc.open(path, Libc.O_CREAT | Libc.O_EXCL | Libc.O_WRONLY, mode & 07777);
        check(fd);
        Libc.close(fd);
        check(Libc.call("chmod", path, mode & 07777));
        touchModified();
        return stat(path);
    }

    @Override
    public Inode mkdir(String name, int mode, Cred cred) {
        String path = child(name);
        check(Libc.call("mkdir", path, mode & 07777));
        check(Libc.call("chmod", path, mode & 07777));
        return stat(path);
    }

    /**
     * mknod on the host: FIFOs only (a host FIFO, whose pipe lives in this kernel: guest tasks
     * meet in it, host processes do not). Device nodes and sockets get EPERM: the host's devices
     * are not the guest's to make.
     */
    @Override
    public Inode mknod(String name, int mode, long rdev, Cred cred) {
        if ((mode & Kstat.S_IFMT) != Kstat.S_IFIFO) {
            throw new VfsError(Errno.EPERM);
        }
        String path = child(name);
        check(Libc.call("mkfifo", path, mode & 07777));
        check(Libc.call("chmod", path, mode & 07777));
        touchModified();
        return stat(path);
    }

    @Override
    public Inode symlink(String name, String target, Cred cred) {
        String path = child(name);
        check(Libc.call2("symlink", target, path));
        return stat(path);
    }

    @Override
    public void link(Inode target, String name) {
        check(Libc.call2("link", ((HostInode) target).hostPath, child(name)));
        ((HostInode) target).refresh();
    }

    @Override
    public void unlink(String name, Inode victim) {
        check(Libc.call("unlink", child(name), 0));
        ((HostInode) victim).refresh();
    }

    @Override
    public void rmdir(String name, Inode victim) {
        check(Libc.call("rmdir", child(name), 0));
    }

    @Override
    public void rename(String oldName, Inode victim, Inode newDir, String newName) {
        String from = child(oldName), to = ((HostInode) newDir).child(newName);
        check(Libc.call2("rename", from, to));
        ((HostInode) victim).hostPath = to;
        if (victim.isDirectory()) {
            hsb().moved(from, to);
        }
    }

    @Override
    public List<DirEntry> readdir() {
        int[] err = new int[1];
        List<Libc.Dirent> names = Libc.list(hostPath, err);
        if (names == null) {
            throw HostSuperBlock.error(-err[0]);
        }
        List<DirEntry> out = new ArrayList<>(names.size());
        for (Libc.Dirent d : names) {
            out.add(new DirEntry(d.name(), d.ino(), d.type()));
        }
        return out;
    }

    @Override
    public String readlink() {
        int[] err = new int[1];
        String target = Libc.readlink(hostPath, err);
        if (target == null) {
            throw HostSuperBlock.error(-err[0]);
        }
        return target;
    }

    @Override
    public void chmod(int permissions) {
        check(Libc.call("chmod", hostPath, permissions & 07777));
        refresh();
    }

    @Override
    public void chown(int newUid, int newGid) {
        check(Libc.lchown(hostPath, newUid, newGid));
        refresh();
    }

    @Override
    public void truncate(long length) {
        check(Libc.call("truncate", hostPath, length));
        refresh();
    }

    @Override
    public void setTimes(long atimeNs, long mtimeNs) {
        check(Libc.utimens(hostPath, atimeNs, mtimeNs));
        refresh();
    }

    @Override
    public Kstat getattr() {
        refresh();
        return new Kstat(dev, ino(), mode, nlink, uid, gid, rdev, size, 4096, blocks,
                atime / 1_000_000_000L, (int) (atime % 1_000_000_000L), mtime / 1_000_000_000L,
                (int) (mtime % 1_000_000_000L), ctime / 1_000_000_000L, (int) (ctime % 1_000_000_000L),
                ctime / 1_000_000_000L, (int) (ctime % 1_000_000_000L));
    }

    @Override
    public File open(Path path, int flags) {
        if (isDirectory()) {
            return new DirectoryFile(flags, path);
        }
        if (!isRegular()) {
            throw new VfsError(Errno.ENXIO);    // host devices and sockets are not passed through (FIFOs: Fifo)
        }
        int access = flags & File.O_ACCMODE;
        int fd = Libc.open(hostPath, access == File.O_ACCMODE ? Libc.O_RDWR : access, 0);
        check(fd);
        return new HostFile(flags, path, fd);
    }

    /** An open host file: positional reads and writes on the host descriptor. */
    private final class HostFile extends RegularFile {
        private final int fd;

        HostFile(int flags, Path path, int fd) {
            super(flags, path);
            this.fd = fd;
        }

        @Override
        protected long size() {
            int[] err = new int[1];
            Libc.Stat st = Libc.fstat(fd, err);
            return st == null ? HostInode.this.size : st.size();
        }

        /** fstat of the open file: right even after its last name is gone (nlink 0). */
        @Override
        public Kstat stat() {
            int[] err = new int[1];
            Libc.Stat st = Libc.fstat(fd, err);
            if (st == null) {
                return getattr();
            }
            return new Kstat(st.dev(), st.ino(), st.mode(), st.nlink(), st.uid(), st.gid(), st.rdev(), st.size(), 4096,
                    st.blocks(), st.atime() / 1_000_000_000L, (int) (st.atime() % 1_000_000_000L),
                    st.mtime() / 1_000_000_000L, (int) (st.mtime() % 1_000_000_000L), st.ctime() / 1_000_000_000L,
                    (int) (st.ctime() % 1_000_000_000L), st.ctime() / 1_000_000_000L, (int) (st.ctime() % 1_000_000_000L));
        }

        @Override
        public long readAt(long offset, byte[] b, int off, int len) {
            return Libc.pread(fd, b, off, len, offset);
        }

        @Override
        public long writeAt(long offset, byte[] b, int off, int len) {
            return Libc.pwrite(fd, b, off, len, offset);
        }

        @Override
        public long fsync() {
            return Libc.fsync(fd);
        }

        @Override
        protected void release() {
            Libc.close(fd);
        }
    }
}
