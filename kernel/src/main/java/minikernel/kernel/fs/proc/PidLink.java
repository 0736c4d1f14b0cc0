package minikernel.kernel.fs.proc;

import minikernel.kernel.fs.Kstat;
import minikernel.kernel.fs.Namei;
import minikernel.kernel.fs.Path;
import minikernel.kernel.fs.SuperBlock;
import minikernel.kernel.fs.VfsError;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * A magic link of /proc/PID (proc_pid_link_inode_operations): cwd, root, exe and fd/N. Following
 * one jumps straight to the place the task holds (nd_jump_link()), whatever its name now or
 * whether it still has one; reading one prints that place's name as d_path() gives it to the
 * reader (so a file unlinked while open reads "/tmp/x (deleted)"). A link of a task that has no
 * such thing (a zombie has no cwd, no exe) is ENOENT.
 */
final class PidLink extends ProcInode {
    /** What a link leads to, for the task it belongs to. */
    interface Target {
        /** proc_get_link: the place to jump to; null means "follow the text" (a file not in the tree). */
        Path follow(Task task, Task reader);

        /** The text readlink(2) gives. */
        String text(Task task, Task reader);

        /** The link's permission bits (fd links show the file's access mode). */
        default int permissions(Task task) {
            return 0777;
        }
    }

    /** proc_cwd_link(). */
    static final Target CWD = new Target() {
        @Override
        public Path follow(Task task, Task reader) {
            return fs(task).pwd();
        }

        @Override
        public String text(Task task, Task reader) {
            return Namei.dPath(viewer(task, reader), fs(task).pwd());
        }
    };

    /** proc_root_link(). */
    static final Target ROOT = new Target() {
        @Override
        public Path follow(Task task, Task reader) {
            return fs(task).root();
        }

        @Override
        public String text(Task task, Task reader) {
            return Namei.dPath(viewer(task, reader), fs(task).root());
        }
    };

    /**
     * proc_exe_link(): the executable. The address space keeps only the name exec found it by
     * (not the file itself), so following walks that name again from the task's root.
     */
    static final Target EXE = new Target() {
        @Override
        public Path follow(Task task, Task reader) {
            return Namei.lookup(viewer(reader, task), exePath(task));
        }

        @Override
        public String text(Task task, Task reader) {
            return exePath(task);
        }
    };

    private final TaskRef ref;
    private final Target target;

    PidLink(SuperBlock sb, TaskRef ref, Target target) {
        super(sb, Kstat.S_IFLNK | 0777, sb.kernel().cred().uid(), sb.kernel().cred().gid());
        this.ref = ref;
        this.target = target;
    }

    /** The task, or ENOENT once it has been reaped. */
    private Task task() {
        Task t = ref.get();
        if (t == null) {
            throw new VfsError(Errno.ENOENT);
        }
        return t;
    }

    @Override
    public int mode() {
        Task t = ref.get();
        return Kstat.S_IFLNK | (t == null ? 0777 : target.permissions(t));
    }

    /** proc_pid_readlink(): d_path() of the target, as the reader sees it. */
    @Override
    public String readlink() {
        Task t = task();
        return target.text(t, ProcFs.current(sb()));
    }

    /** proc_pid_get_link(). */
    @Override
    public Path followMagic(Task current) {
        return target.follow(task(), current);
    }

    static minikernel.kernel.fs.FsStruct fs(Task task) {
        if (task.fs() == null) {
            throw new VfsError(Errno.ENOENT);
        }
        return task.fs();
    }

    private static String exePath(Task task) {
        if (task.mm() == null || task.mm().exePath().isEmpty()) {
            throw new VfsError(Errno.ENOENT);
        }
        return task.mm().exePath();
    }

    /** Whose root names are taken from: the reader's, or the task's own when the kernel looks. */
    static Task viewer(Task task, Task reader) {
        return reader != null && reader.fs() != null ? reader : task;
    }
}
