package minikernel.kernel.fs.proc;

import minikernel.kernel.Kernel;
import minikernel.kernel.fs.Cred;
import minikernel.kernel.fs.SuperBlock;
import minikernel.kernel.fs.ramfs.RamSymlink;
import minikernel.kernel.sched.Task;

/**
 * /proc: the kernel's objects as files, made up when they are looked at (fs/proc). The root
 * holds a few files about the whole machine (meminfo, cpuinfo, uptime...), the links "self" and
 * "thread-self", and one directory per process; nothing is stored, every name is answered from
 * the scheduler's task list and every file's text is printed from the live objects when it is
 * opened, in exactly the format Linux prints.
 */
public final class ProcFs {
    private ProcFs() {
    }

    /**
     * proc_fill_super() and proc_root_init(): a new proc instance with its fixed entries. Each
     * mount of proc would be a new instance; the kernel mounts one, at /proc.
     */
    public static SuperBlock create(Kernel kernel) {
        SuperBlock sb = new SuperBlock(kernel, "proc", kernel.nextAnonDev());
        ProcRoot root = new ProcRoot(sb);      // the first inode: PROC_ROOT_INO, 1
        sb.setRoot(root);
        root.register("meminfo", ProcFile.global(sb, Meminfo::show));
        root.register("cpuinfo", ProcFile.global(sb, Cpuinfo::show));
        root.register("uptime", ProcFile.global(sb, KernelStat::uptime));
        root.register("stat", ProcFile.global(sb, KernelStat::stat));
        root.register("loadavg", ProcFile.global(sb, KernelStat::loadavg));
        root.register("version", ProcFile.global(sb, Version::version));
        root.register("filesystems", ProcFile.global(sb, Version::filesystems));
        root.register("mounts", new RamSymlink(sb, "self/mounts", Cred.ROOT.uid(), Cred.ROOT.gid()));
        return sb;
    }

    /**
     * The text of /proc/PID/maps of {@code task}, exactly as a read of the file returns it (for the
     * kernel's own views, which show the same lines without opening the file).
     */
    public static String maps(Task task) {
        return new String(TaskMmu.maps(task, null), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The inode number /proc/PID/maps shows for the shared object behind a MAP_SHARED|MAP_ANONYMOUS area. */
    public static long shmemIno(Kernel kernel, minikernel.kernel.mm.Shmem object) {
        return TaskMmu.shmemIno(kernel, object);
    }

    /**
     * Linux's {@code current}: the task whose system call is being served, which is who reads a
     * file or a link of /proc (the text of "self" and of d_path depends on it). Null only when
     * the kernel itself looks.
     */
    static Task current(SuperBlock sb) {
        return sb.kernel().scheduler().current();
    }
}
