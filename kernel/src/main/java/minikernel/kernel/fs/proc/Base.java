package minikernel.kernel.fs.proc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import minikernel.kernel.fs.VfsError;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sys.Rlimits;
import minikernel.kernel.syscall.Errno;

/** The smaller files of a process's directory, from fs/proc/base.c. */
final class Base {
    private static final int PAGE_SIZE = 4096;

    private Base() {
    }

    /**
     * get_mm_cmdline(): the argument strings as they sit in the task's memory, each ended by its
     * NUL, read between arg_start and arg_end. If the last NUL has been overwritten (a program
     * that rewrote its argv with setproctitle), the text runs on into the environment up to the
     * first NUL, within a page. A task with no address space (a zombie) shows nothing.
     */
    static byte[] cmdline(Task task, Task reader) {
        MmStruct mm = task.mm();
        if (mm == null || mm.argStart() >= mm.argEnd()) {
            return new byte[0];
        }
        UserAccess ua = task.kernel().userAccess();
        long argStart = mm.argStart(), argEnd = mm.argEnd();
        long envStart = mm.envStart(), envEnd = mm.envEnd();
        if (envStart != argEnd || envEnd < envStart) {
            envEnd = argEnd;      // only an overflow into the environment area counts
        }
        byte[] args = accessRemoteVm(ua, mm, argStart, argEnd - argStart);
        if (args.length == argEnd - argStart && args.length > 0 && args[args.length - 1] != 0) {
            byte[] title = accessRemoteVm(ua, mm, argStart, Math.min(envEnd - argStart, PAGE_SIZE));
            int len = 0;
            while (len < title.length && title[len] != 0) {
                len++;
            }
            return java.util.Arrays.copyOf(title, Math.min(title.length, len + 1));
        }
        return args;
    }

    /** environ_read(): the environment strings between env_start and env_end, NULs and all. */
    static byte[] environ(Task task, Task reader) {
        MmStruct mm = task.mm();
        if (mm == null || mm.envEnd() <= mm.envStart()) {
            return new byte[0];
        }
        return accessRemoteVm(task.kernel().userAccess(), mm, mm.envStart(), mm.envEnd() - mm.envStart());
    }

    /**
     * access_remote_vm(): up to {@code len} bytes of another task's memory, a page at a time,
     * faulting pages in as the task's own access would; stops at the first byte it cannot read.
     */
    static byte[] accessRemoteVm(UserAccess ua, MmStruct mm, long addr, long len) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] page = new byte[PAGE_SIZE];
        long done = 0;
        while (done < len) {
            int n = (int) Math.min(len - done, PAGE_SIZE - ((addr + done) & (PAGE_SIZE - 1)));
            if (!ua.copyFromUser(mm, addr + done, page, 0, n)) {
                break;
            }
            out.write(page, 0, n);
            done += n;
        }
        return out.toByteArray();
    }

    /** comm_show(): the task's name and a newline. */
    static byte[] comm(Task task, Task reader) {
        return Seq.bytes(task.comm() + "\n");
    }

    /**
     * comm_write(): the first 15 bytes written become the name (a newline included, as Linux
     * keeps it), but only for a thread of the writer's own process: EINVAL otherwise. The whole
     * count is reported written.
     */
    static long commWrite(Task task, Task writer, byte[] data) {
        if (writer == null || writer.tgid() != task.tgid()) {
            return Errno.EINVAL.negative();
        }
        int n = Math.min(data.length, 15);
        int nul = 0;
        while (nul < n && data[nul] != 0) {
            nul++;
        }
        task.setComm(new String(data, 0, nul, StandardCharsets.UTF_8));
        return data.length;
    }

    /** lnames[]: each limit's name and unit, in RLIMIT_* order. */
    private static final String[][] LIMITS = {
        {"Max cpu time", "seconds"}, {"Max file size", "bytes"}, {"Max data size", "bytes"},
        {"Max stack size", "bytes"}, {"Max core file size", "bytes"}, {"Max resident set", "bytes"},
        {"Max processes", "processes"}, {"Max open files", "files"}, {"Max locked memory", "bytes"},
        {"Max address space", "bytes"}, {"Max file locks", "locks"}, {"Max pending signals", "signals"},
        {"Max msgqueue size", "bytes"}, {"Max nice priority", null}, {"Max realtime priority", null},
        {"Max realtime timeout", "us"}};

    /** proc_pid_limits(): a header, then soft and hard value (or "unlimited") and unit per limit. */
    static byte[] limits(Task task, Task reader) {
        if (task.signal() == null) {
            throw new VfsError(Errno.ESRCH);
        }
        Rlimits r = task.signal().rlimits();
        StringBuilder m = new StringBuilder();
        m.append(String.format("%-25s %-20s %-20s %-10s\n", "Limit", "Soft Limit", "Hard Limit", "Units"));
        for (int i = 0; i < Rlimits.RLIM_NLIMITS; i++) {
            m.append(String.format("%-25s %-20s ", LIMITS[i][0], limit(r.cur(i))));
            m.append(String.format("%-20s ", limit(r.max(i))));
            m.append(LIMITS[i][1] == null ? "\n" : String.format("%-10s\n", LIMITS[i][1]));
        }
        return Seq.bytes(m.toString());
    }

    private static String limit(long v) {
        return v == Rlimits.INFINITY ? "unlimited" : Seq.ulong(v);
    }

    /**
     * proc_pid_wchan(): where the task sleeps, or "0" if it runs; no newline. Linux prints a kernel
     * function's name; minikernel names what the task waits on ("wait4", "pipe_read"...).
     */
    static byte[] wchan(Task task, Task reader) {
        String w = task.wchan();
        return Seq.bytes(w == null || w.isEmpty() || task.isZombieOrDead() ? "0" : w);
    }
}
