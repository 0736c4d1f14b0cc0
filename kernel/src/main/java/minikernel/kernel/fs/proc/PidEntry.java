package minikernel.kernel.fs.proc;

import java.util.List;
import minikernel.kernel.fs.Inode;
import minikernel.kernel.fs.Kstat;
import minikernel.kernel.fs.SuperBlock;

/**
 * One name of a process's directory (base.c's struct pid_entry, made with the DIR, LNK, REG and
 * ONE macros): its name, its mode, and how its inode is made for a given task. The two tables
 * are Linux's tgid_base_stuff (/proc/PID) and tid_base_stuff (/proc/PID/task/TID), in Linux's
 * order, keeping the entries minikernel has something to show for.
 */
record PidEntry(String name, int mode, Maker maker) {
    /** Makes the entry's inode for the task {@code ref} names. */
    interface Maker {
        Inode make(SuperBlock sb, TaskRef ref, int mode);
    }

    static PidEntry dir(String name, int permissions, Maker maker) {
        return new PidEntry(name, Kstat.S_IFDIR | permissions, maker);
    }

    /** LNK(): a magic link, mode lrwxrwxrwx. */
    static PidEntry lnk(String name, PidLink.Target target) {
        return new PidEntry(name, Kstat.S_IFLNK | 0777, (sb, ref, mode) -> new PidLink(sb, ref, target));
    }

    /** ONE() and REG(): a file printed by {@code show}. */
    static PidEntry reg(String name, int permissions, ProcFile.TaskShow show) {
        return reg(name, permissions, show, null);
    }

    static PidEntry reg(String name, int permissions, ProcFile.TaskShow show, ProcFile.TaskWrite write) {
        return new PidEntry(name, Kstat.S_IFREG | permissions,
                (sb, ref, mode) -> ProcFile.ofTask(sb, ref, mode & 07777, show, write));
    }

    boolean isDirectory() {
        return (mode & Kstat.S_IFMT) == Kstat.S_IFDIR;
    }

    /** tgid_base_stuff[]: /proc/PID. */
    static final List<PidEntry> TGID_BASE = List.of(
            dir("task", 0555, (sb, ref, mode) -> new TaskDir(sb, ref)),
            dir("fd", 0500, (sb, ref, mode) -> new FdDir(sb, ref, false)),
            dir("fdinfo", 0500, (sb, ref, mode) -> new FdDir(sb, ref, true)),
            reg("environ", 0400, Base::environ),
            reg("status", 0444, Array::status),
            reg("limits", 0444, Base::limits),
            reg("comm", 0644, Base::comm, Base::commWrite),
            reg("cmdline", 0444, Base::cmdline),
            reg("stat", 0444, Array::tgidStat),
            reg("statm", 0444, Array::statm),
            reg("maps", 0444, TaskMmu::maps),
            lnk("cwd", PidLink.CWD),
            lnk("root", PidLink.ROOT),
            lnk("exe", PidLink.EXE),
            reg("mounts", 0444, Mounts::show),
            reg("wchan", 0444, Base::wchan));

    /** tid_base_stuff[]: /proc/PID/task/TID, the same files about one thread (no task/ of its own). */
    static final List<PidEntry> TID_BASE = List.of(
            dir("fd", 0500, (sb, ref, mode) -> new FdDir(sb, ref, false)),
            dir("fdinfo", 0500, (sb, ref, mode) -> new FdDir(sb, ref, true)),
            reg("environ", 0400, Base::environ),
            reg("status", 0444, Array::status),
            reg("limits", 0444, Base::limits),
            reg("comm", 0644, Base::comm, Base::commWrite),
            reg("cmdline", 0444, Base::cmdline),
            reg("stat", 0444, Array::tidStat),
            reg("statm", 0444, Array::statm),
            reg("maps", 0444, TaskMmu::maps),
            lnk("cwd", PidLink.CWD),
            lnk("root", PidLink.ROOT),
            lnk("exe", PidLink.EXE),
            reg("mounts", 0444, Mounts::show),
            reg("wchan", 0444, Base::wchan));
}
