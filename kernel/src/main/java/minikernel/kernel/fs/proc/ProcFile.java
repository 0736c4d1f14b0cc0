package minikernel.kernel.fs.proc;

import java.util.function.Function;
import minikernel.kernel.Kernel;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.Kstat;
import minikernel.kernel.fs.Path;
import minikernel.kernel.fs.SuperBlock;
import minikernel.kernel.fs.VfsError;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * A regular file of /proc whose text is printed when it is opened (a proc_dir_entry with a
 * single_open show function, or a REG/ONE entry of a process's directory). Its size is 0, as
 * every generated file's is; what reading gives comes from {@link SeqFile}.
 */
final class ProcFile extends ProcInode {
    /** The show function: the file's whole text for {@code reader}; VfsError (ESRCH...) if it cannot be made. */
    interface Show {
        byte[] show(Task reader);
    }

    /** A write handler (comm): takes the bytes written, returns the count or -errno. */
    interface Write {
        long write(Task writer, byte[] data);
    }

    /** The show function of a file in a process's directory: the task it is about, and the reader. */
    interface TaskShow {
        byte[] show(Task task, Task reader);
    }

    /** A write handler of a file in a process's directory. */
    interface TaskWrite {
        long write(Task task, Task writer, byte[] data);
    }

    private final Show show;
    private final Write write;

    ProcFile(SuperBlock sb, int permissions, int uid, int gid, Show show, Write write) {
        super(sb, Kstat.S_IFREG | permissions, uid, gid);
        this.show = show;
        this.write = write;
    }

    /** proc_create_single(): a 0444 file of the root, owned by root, about the whole machine. */
    static ProcFile global(SuperBlock sb, Function<Kernel, String> show) {
        return new ProcFile(sb, 0444, 0, 0, reader -> Seq.bytes(show.apply(sb.kernel())), null);
    }

    /**
     * A file of /proc/PID: the task is looked up again at every show (ESRCH once it has been
     * reaped), and each file is owned by the task's credentials (task_dump_owner).
     */
    static ProcFile ofTask(SuperBlock sb, TaskRef ref, int permissions, TaskShow show, TaskWrite write) {
        Show s = reader -> show.show(live(ref), reader);
        Write w = write == null ? null : (writer, data) -> write.write(live(ref), writer, data);
        return new ProcFile(sb, permissions, sb.kernel().cred().uid(), sb.kernel().cred().gid(), s, w);
    }

    /** get_proc_task(), or ESRCH. */
    static Task live(TaskRef ref) {
        Task t = ref.get();
        if (t == null) {
            throw new VfsError(Errno.ESRCH);
        }
        return t;
    }

    @Override
    public File open(Path path, int flags) {
        return new SeqFile(flags, path, show, write);
    }
}
