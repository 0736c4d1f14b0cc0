package minikernel.kernel.fs.proc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import minikernel.kernel.fs.DirEntry;
import minikernel.kernel.fs.DirectoryFile;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.Inode;
import minikernel.kernel.fs.Kstat;
import minikernel.kernel.fs.Path;
import minikernel.kernel.fs.SuperBlock;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.TaskState;

/**
 * The root of /proc (fs/proc/root.c with proc_pid_lookup and proc_pid_readdir of base.c). Its
 * fixed entries sit in a tree ordered as Linux's proc_dir_entry rbtree is (shorter names first,
 * then byte order), and readdir lists them in that order, then "self" and "thread-self", then one
 * directory per thread group, by pid. A thread's id is not listed but can be looked up:
 * /proc/TID is that thread's directory, as on Linux.
 */
final class ProcRoot extends ProcInode {
    /** proc_match(): the order of the entries' rbtree. */
    private static final Comparator<String> PDE_ORDER =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private final Map<String, Inode> entries = new TreeMap<>(PDE_ORDER);
    private final SelfLink self, threadSelf;
    private final Map<Integer, PidDir> pids = new HashMap<>();   // instantiated pid directories

    ProcRoot(SuperBlock sb) {
        super(sb, Kstat.S_IFDIR | 0555, 0, 0);
        self = new SelfLink(sb, false);
        threadSelf = new SelfLink(sb, true);
    }

    /** proc_register(): a fixed entry of the root. */
    void register(String name, Inode inode) {
        entries.put(name, inode);
    }

    /** proc_root_getattr(): two links, plus one for each process's directory (nr_processes()). */
    @Override
    public int nlink() {
        return 2 + leaders().size();
    }

    @Override
    public Inode lookup(String name) {
        Inode fixed = entries.get(name);
        if (fixed != null) {
            return fixed;
        }
        if (name.equals("self")) {
            return self;
        }
        if (name.equals("thread-self")) {
            return threadSelf;
        }
        int pid = nameToInt(name);
        Task t = pid < 0 ? null : sb().kernel().scheduler().findTask(pid);
        if (t == null || t.state() == TaskState.DEAD) {
            return null;
        }
        return pidDir(t);
    }

    @Override
    public List<DirEntry> readdir() {
        List<DirEntry> out = new ArrayList<>();
        entries.forEach((name, inode) -> out.add(new DirEntry(name, inode.ino(), DirEntry.typeOf(inode.mode()))));
        out.add(new DirEntry("self", self.ino(), DirEntry.typeOf(self.mode())));
        out.add(new DirEntry("thread-self", threadSelf.ino(), DirEntry.typeOf(threadSelf.mode())));
        for (Task t : leaders()) {
            out.add(new DirEntry(Integer.toString(t.pid()), pidDir(t).ino(), DirEntry.typeOf(Kstat.S_IFDIR)));
        }
        return out;
    }

    /** next_tgid(): every thread group leader not yet reaped (zombies too), by pid. */
    private List<Task> leaders() {
        List<Task> list = new ArrayList<>();
        for (Task t : sb().kernel().scheduler().tasks()) {
            if (t.pid() == t.tgid() && t.state() != TaskState.DEAD) {
                list.add(t);
            }
        }
        return list;
    }

    /**
     * proc_pid_instantiate(): the directory of {@code t}, the same inode for as long as the task
     * lives (so its inode numbers stay put); directories of reaped tasks are dropped here.
     */
    private PidDir pidDir(Task t) {
        pids.values().removeIf(d -> d.task() == null);
        PidDir d = pids.get(t.pid());
        if (d == null || d.task() != t) {
            d = new PidDir(sb(), new TaskRef(t), PidEntry.TGID_BASE);
            pids.put(t.pid(), d);
        }
        return d;
    }

    /** name_to_int(): a decimal number without leading zeros, or -1. */
    static int nameToInt(String name) {
        if (name.isEmpty() || name.length() > 10 || name.length() > 1 && name.charAt(0) == '0') {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    @Override
    public File open(Path path, int flags) {
        return new DirectoryFile(flags, path);
    }
}
