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
import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.TaskState;
import minikernel.kernel.syscall.Errno;

/**
 * /proc/PID/task (proc_task_operations): one directory per thread of the group, the leader first
 * (first_tid() starts from it), then the others by thread id. Its link count counts them
 * (proc_task_getattr()).
 */
final class TaskDir extends ProcInode {
    private final TaskRef ref;
    private final Map<Integer, PidDir> tids = new HashMap<>();

    TaskDir(SuperBlock sb, TaskRef ref) {
        super(sb, Kstat.S_IFDIR | 0555, sb.kernel().cred().uid(), sb.kernel().cred().gid());
        this.ref = ref;
    }

    @Override
    public int nlink() {
        return 2 + threads().size();
    }

    /** The threads of the group, leader first; empty once the process is gone. */
    private List<Task> threads() {
        List<Task> list = new ArrayList<>();
        Task leader = ref.get();
        if (leader == null) {
            return list;
        }
        for (Task t : sb().kernel().scheduler().tasks()) {
            if (t.tgid() == leader.tgid() && t.state() != TaskState.DEAD) {
                if (t == t.groupLeader()) {
                    list.addFirst(t);
                } else {
                    list.add(t);
                }
            }
        }
        return list;
    }

    /** proc_task_lookup(): a thread of this group only. */
    @Override
    public Inode lookup(String name) {
        int tid = ProcRoot.nameToInt(name);
        Task leader = ref.get();
        Task t = tid < 0 || leader == null ? null : sb().kernel().scheduler().findTask(tid);
        if (t == null || t.state() == TaskState.DEAD || t.tgid() != leader.tgid()) {
            return null;
        }
        return tidDir(t);
    }

    /** proc_task_readdir(): ENOENT once the process is gone. */
    @Override
    public List<DirEntry> readdir() {
        if (ref.get() == null) {
            throw new VfsError(Errno.ENOENT);
        }
        List<DirEntry> out = new ArrayList<>();
        for (Task t : threads()) {
            out.add(new DirEntry(Integer.toString(t.pid()), tidDir(t).ino(), DirEntry.typeOf(Kstat.S_IFDIR)));
        }
        return out;
    }

    private PidDir tidDir(Task t) {
        tids.values().removeIf(d -> d.task() == null);
        PidDir d = tids.get(t.pid());
        if (d == null || d.task() != t) {
            d = new PidDir(sb(), new TaskRef(t), PidEntry.TID_BASE);
            tids.put(t.pid(), d);
        }
        return d;
    }

    @Override
    public File open(Path path, int flags) {
        return new DirectoryFile(flags, path);
    }
}
