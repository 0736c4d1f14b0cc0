package minikernel.kernel.fs.proc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import minikernel.kernel.fs.DirEntry;
import minikernel.kernel.fs.DirectoryFile;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.FilesStruct;
import minikernel.kernel.fs.Inode;
import minikernel.kernel.fs.Kstat;
import minikernel.kernel.fs.Path;
import minikernel.kernel.fs.SuperBlock;
import minikernel.kernel.fs.VfsError;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * /proc/PID/fd and /proc/PID/fdinfo (fs/proc/fd.c): one name per open descriptor, in order. In
 * fd/ each is a magic link to the open file; in fdinfo/ each is a small file with the file's
 * offset, flags, mount and inode. The directory is readable by its owner only (dr-x------).
 */
final class FdDir extends ProcInode {
    private final TaskRef ref;
    private final boolean info;
    private final Map<Integer, Inode> made = new HashMap<>();

    FdDir(SuperBlock sb, TaskRef ref, boolean info) {
        super(sb, Kstat.S_IFDIR | 0500, sb.kernel().cred().uid(), sb.kernel().cred().gid());
        this.ref = ref;
        this.info = info;
    }

    /** The task's descriptor table, or null (reaped, or exited: a zombie has none). */
    private FilesStruct files() {
        Task t = ref.get();
        return t == null ? null : t.files();
    }

    /** proc_lookupfd_common(): a number naming an open descriptor. */
    @Override
    public Inode lookup(String name) {
        int fd = ProcRoot.nameToInt(name);
        FilesStruct files = files();
        if (fd < 0 || files == null || files.get(fd) == null) {
            return null;
        }
        return made.computeIfAbsent(fd, this::instantiate);
    }

    private Inode instantiate(int fd) {
        if (info) {
            return ProcFile.ofTask(sb(), ref, 0400, (task, reader) -> fdinfo(task, fd), null);
        }
        return new PidLink(sb(), ref, new FdTarget(fd));
    }

    /** proc_readfd_common(): every open descriptor, lowest first; none for a zombie, ENOENT once reaped. */
    @Override
    public List<DirEntry> readdir() {
        List<DirEntry> out = new ArrayList<>();
        if (ref.get() == null) {
            throw new VfsError(Errno.ENOENT);
        }
        FilesStruct files = files();
        if (files == null) {
            return out;
        }
        for (int fd = 0, last = files.maxFd(); fd <= last; fd++) {
            if (files.get(fd) != null) {
                Inode inode = made.computeIfAbsent(fd, this::instantiate);
                out.add(new DirEntry(Integer.toString(fd), inode.ino(), DirEntry.typeOf(inode.mode())));
            }
        }
        return out;
    }

    @Override
    public File open(Path path, int flags) {
        return new DirectoryFile(flags, path);
    }

    /** The open file at {@code fd}, or ENOENT if it has been closed since. */
    static File fileAt(Task task, int fd) {
        File f = task.files() == null ? null : task.files().get(fd);
        if (f == null) {
            throw new VfsError(Errno.ENOENT);
        }
        return f;
    }

    /** seq_show() of fdinfo: "pos:", "flags:" in octal (O_CLOEXEC from the table), "mnt_id:", "ino:". */
    static byte[] fdinfo(Task task, int fd) {
        File f = fileAt(task, fd);
        int flags = f.flags() | (task.files().isCloseOnExec(fd) ? File.O_CLOEXEC : 0);
        long ino = 0;
        if (f.path() != null) {
            ino = f.inode().ino();
        } else if (f.stat() != null) {
            ino = f.stat().ino();
        }
        return Seq.bytes("pos:\t" + f.pos() + "\nflags:\t0" + Integer.toOctalString(flags)
                + "\nmnt_id:\t" + Mounts.mntId(task.kernel(), f.path()) + "\nino:\t" + ino + "\n");
    }

    /**
     * proc_fd_link(): the open file's place in the tree. A file with none (a pipe, the console)
     * is followed by its name instead: "/dev/console" leads to the console device, "pipe:[N]"
     * to nothing (ENOENT), where Linux could reopen the pipe itself.
     */
    private record FdTarget(int fd) implements PidLink.Target {
        @Override
        public Path follow(Task task, Task reader) {
            return fileAt(task, fd).path();
        }

        @Override
        public String text(Task task, Task reader) {
            return fileAt(task, fd).name(PidLink.viewer(task, reader));
        }

        /** proc_fd_instantiate(): r-x for a file open for reading, -wx for writing, by the owner. */
        @Override
        public int permissions(Task task) {
            File f = task.files() == null ? null : task.files().get(fd);
            if (f == null) {
                return 0;
            }
            return (f.readable() ? 0500 : 0) | (f.writable() ? 0300 : 0);
        }
    }
}
