package minikernel.kernel.fs;

import java.util.List;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * A file as the kernel knows it, whatever its name (Linux's {@code struct inode}): its type and
 * permission bits, owner, link count, size and times, and the operations its filesystem
 * provides ({@code inode_operations}; each filesystem overrides what it supports, the rest fail
 * as Linux's do when an operation is missing). Names live in dentries, not here: a file with
 * two hard links is one inode.
 */
public abstract class Inode {
    private final SuperBlock sb;
    private final long ino;
    protected int mode;
    protected int uid, gid;
    protected int nlink = 1;
    protected long size;
    protected long rdev;
    protected long atime, mtime, ctime;      // nanoseconds since the epoch
    private minikernel.kernel.mm.AddressSpace mapping;   // i_mapping, made on the first shared mmap
    private Pipe pipe;                                     // i_pipe of a FIFO while it is open

    protected Inode(SuperBlock sb, long ino, int mode, int uid, int gid) {
        this.sb = sb;
        this.ino = ino;
        this.mode = mode;
        this.uid = uid;
        this.gid = gid;
        atime = mtime = ctime = sb.now();
    }

    public final SuperBlock sb() {
        return sb;
    }

    public final long ino() {
        return ino;
    }

    public int mode() {
        return mode;
    }

    public int uid() {
        return uid;
    }

    public int gid() {
        return gid;
    }

    public int nlink() {
        return nlink;
    }

    public long size() {
        return size;
    }

    public long rdev() {
        return rdev;
    }

    /** i_mapping: the page cache of a file mapped shared (made on first use). */
    public final minikernel.kernel.mm.AddressSpace mapping() {
        if (mapping == null) {
            mapping = new minikernel.kernel.mm.AddressSpace();
        }
        return mapping;
    }

    /** The page cache if the file has cached pages now, else null (read and write then go direct). */
    public final minikernel.kernel.mm.AddressSpace cachedMapping() {
        return mapping == null || mapping.isEmpty() ? null : mapping;
    }

    public final boolean isDirectory() {
        return (mode() & Kstat.S_IFMT) == Kstat.S_IFDIR;
    }

    public final boolean isRegular() {
        return (mode() & Kstat.S_IFMT) == Kstat.S_IFREG;
    }

    public final boolean isSymlink() {
        return (mode() & Kstat.S_IFMT) == Kstat.S_IFLNK;
    }

    public final boolean isFifo() {
        return (mode() & Kstat.S_IFMT) == Kstat.S_IFIFO;
    }

    /** i_pipe: the pipe of an open FIFO, or null. */
    final Pipe pipe() {
        return pipe;
    }

    final void setPipe(Pipe pipe) {
        this.pipe = pipe;
    }

    // ---- inode_operations of a directory: each returns the new inode or throws VfsError --------

    /** lookup: the child called {@code name}, or null if there is none. */
    public Inode lookup(String name) {
        throw new VfsError(Errno.ENOTDIR);
    }

    /** create: a new empty regular file. */
    public Inode create(String name, int mode, Cred cred) {
        throw new VfsError(Errno.EACCES);
    }

    public Inode mkdir(String name, int mode, Cred cred) {
        throw new VfsError(Errno.EPERM);
    }

    public Inode symlink(String name, String target, Cred cred) {
        throw new VfsError(Errno.EPERM);
    }

    /** mknod: a device node, FIFO or socket. */
    public Inode mknod(String name, int mode, long rdev, Cred cred) {
        throw new VfsError(Errno.EPERM);
    }

    /** link: a second name for {@code target} in this directory. */
    public void link(Inode target, String name) {
        throw new VfsError(Errno.EPERM);
    }

    /** unlink: removes the name {@code name}, which is {@code victim} (not a directory). */
    public void unlink(String name, Inode victim) {
        throw new VfsError(Errno.EPERM);
    }

    /** rmdir: removes the empty directory {@code name}. */
    public void rmdir(String name, Inode victim) {
        throw new VfsError(Errno.EPERM);
    }

    /** rename: {@code oldName} (which is {@code victim}) becomes {@code newName} in {@code newDir}. */
    public void rename(String oldName, Inode victim, Inode newDir, String newName) {
        throw new VfsError(Errno.EPERM);
    }

    /** The names in this directory, without "." and ".." (the VFS adds those). */
    public List<DirEntry> readdir() {
        throw new VfsError(Errno.ENOTDIR);
    }

    // ---- symlinks -------------------------------------------------------------------------------

    /** readlink: the text of a symlink. */
    public String readlink() {
        throw new VfsError(Errno.EINVAL);
    }

    /**
     * get_link for the "magic" links of /proc (cwd, root, exe, fd/N): where the link leads as a
     * path of the kernel's own, not as text. Null for an ordinary symlink (follow its text).
     */
    public Path followMagic(Task current) {
        return null;
    }

    // ---- attributes -----------------------------------------------------------------------------

    /** setattr(ATTR_MODE): only the permission bits change. */
    public void chmod(int permissions) {
        mode = mode & Kstat.S_IFMT | permissions & 07777;
        ctime = sb.now();
    }

    public void chown(int newUid, int newGid) {
        if (newUid != -1) {
            uid = newUid;
        }
        if (newGid != -1) {
            gid = newGid;
        }
        ctime = sb.now();
    }

    /** setattr(ATTR_SIZE) of a regular file. */
    public void truncate(long length) {
        throw new VfsError(Errno.EINVAL);
    }

    /** A time argument of setTimes: leave the time as it is. */
    public static final long TIME_OMIT = -1;
    /** A time argument of setTimes: the filesystem's current time. */
    public static final long TIME_NOW = -2;

    /** utimensat: nanoseconds since the epoch, or TIME_OMIT, or TIME_NOW. */
    public void setTimes(long atimeNs, long mtimeNs) {
        long now = sb.now();
        if (atimeNs != TIME_OMIT) {
            atime = atimeNs == TIME_NOW ? now : atimeNs;
        }
        if (mtimeNs != TIME_OMIT) {
            mtime = mtimeNs == TIME_NOW ? now : mtimeNs;
        }
        ctime = now;
    }

    /** getattr: what stat reports. */
    public Kstat getattr() {
        long blocks = (size() + 511) / 512;
        return new Kstat(sb.dev(), ino, mode(), nlink(), uid(), gid(), rdev(), size(), 4096, blocks,
                atime / 1_000_000_000L, (int) (atime % 1_000_000_000L), mtime / 1_000_000_000L,
                (int) (mtime % 1_000_000_000L), ctime / 1_000_000_000L, (int) (ctime % 1_000_000_000L),
                ctime / 1_000_000_000L, (int) (ctime % 1_000_000_000L));
    }

    /** Marks a change of contents (write, truncate): mtime and ctime are now. */
    protected void touchModified() {
        mtime = ctime = sb.now();
    }

    // ---- file_operations: how an open of this inode starts ----------------------------------------

    /** The struct file an open(2) of this inode makes ({@code flags} are the open flags). */
    public abstract File open(Path path, int flags);
}
