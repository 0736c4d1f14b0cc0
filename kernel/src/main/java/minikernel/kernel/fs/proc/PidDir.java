package minikernel.kernel.fs.proc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * /proc/PID and /proc/PID/task/TID (proc_tgid_base_operations, proc_tid_base_operations): the
 * names of a pid_entry table. Each entry's inode is made on first use and kept while the
 * directory lives, so its inode number stays the same. Once the task is reaped every name in it
 * is gone and listing it fails with ENOENT, as on Linux.
 */
final class PidDir extends ProcInode {
    private final TaskRef ref;
    private final List<PidEntry> table;
    private final Map<String, Inode> made = new HashMap<>();

    PidDir(SuperBlock sb, TaskRef ref, List<PidEntry> table) {
        super(sb, Kstat.S_IFDIR | 0555, sb.kernel().cred().uid(), sb.kernel().cred().gid());
        this.ref = ref;
        this.table = table;
    }

    /** The task, or null once it has been reaped. */
    minikernel.kernel.sched.Task task() {
        return ref.get();
    }

    /** pid_entry_count_dirs(): "." and ".." and each subdirectory's "..". */
    @Override
    public int nlink() {
        int n = 2;
        for (PidEntry e : table) {
            if (e.isDirectory()) {
                n++;
            }
        }
        return n;
    }

    private Inode instantiate(PidEntry e) {
        return made.computeIfAbsent(e.name(), name -> e.maker().make(sb(), ref, e.mode()));
    }

    /** proc_pident_lookup(). */
    @Override
    public Inode lookup(String name) {
        if (ref.get() == null) {
            return null;
        }
        for (PidEntry e : table) {
            if (e.name().equals(name)) {
                return instantiate(e);
            }
        }
        return null;
    }

    /** proc_pident_readdir(): the table in order; ENOENT once the task is gone. */
    @Override
    public List<DirEntry> readdir() {
        List<DirEntry> out = new ArrayList<>();
        if (ref.get() == null) {
            throw new VfsError(Errno.ENOENT);
        }
        for (PidEntry e : table) {
            out.add(new DirEntry(e.name(), instantiate(e).ino(), DirEntry.typeOf(e.mode())));
        }
        return out;
    }

    @Override
    public File open(Path path, int flags) {
        return new DirectoryFile(flags, path);
    }
}
