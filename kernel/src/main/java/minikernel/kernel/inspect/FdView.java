package minikernel.kernel.inspect;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.FilesStruct;
import minikernel.kernel.fs.Mount;
import minikernel.kernel.fs.Namei;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Flags;

/**
 * The debugger's {@code fds PID}: the files_struct's descriptor table (fs/file.c's fdtable), one
 * row per open descriptor: the struct file it points to with its f_count (every descriptor, in
 * any table, that points to it, plus other holders such as the kernel's own console reference),
 * f_pos, f_flags decoded as open(2) spells them, and FD_CLOEXEC, which belongs to the slot, not
 * the file (fdt->close_on_exec). Descriptors of this table that share one file (dup, dup2) name
 * each other. The file is named as /proc/PID/fd/N's link reads (d_path, or "pipe:[N]").
 */
public final class FdView {
    private FdView() {
    }

    /** The task's table, paths as the task sees them (from its root), the table named as share names it. */
    public static String render(Task task) {
        FilesStruct files = task.files();
        if (files == null) {
            return task + ": files NULL (closed at exit)\n";
        }
        return render(ObjectNames.of(task.kernel()).name(SharedObject.FILES, files), files, task);
    }

    /** A table on its own; paths from the top of the mount tree. */
    public static String render(FilesStruct files) {
        return render("files_struct", files, null);
    }

    private static String render(String name, FilesStruct files, Task viewer) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%s: count %d (tasks sharing it), %d open, max_fds %d%n", name, files.count(),
                files.openCount(), files.size()));
        b.append(String.format("%4s %7s %10s %-10s %-28s %s%n", "FD", "F_COUNT", "F_POS", "FD_FLAGS", "F_FLAGS",
                "FILE"));
        Map<File, List<Integer>> slots = new IdentityHashMap<>();
        int last = files.maxFd();
        for (int fd = 0; fd <= last; fd++) {
            File f = files.get(fd);
            if (f != null) {
                slots.computeIfAbsent(f, k -> new ArrayList<>()).add(fd);
            }
        }
        for (int fd = 0; fd <= last; fd++) {
            File f = files.get(fd);
            if (f == null) {
                continue;
            }
            b.append(String.format("%4d %7d %10d %-10s %-28s %s", fd, f.count(), f.pos(),
                    files.isCloseOnExec(fd) ? "FD_CLOEXEC" : "-", Flags.open(f.flags()), name(f, viewer)));
            List<Integer> same = new ArrayList<>(slots.get(f));
            same.remove(Integer.valueOf(fd));
            if (!same.isEmpty()) {
                b.append("  (same file as fd ").append(join(same)).append(')');
            }
            Views.endLine(b);
        }
        return b.toString();
    }

    /** What /proc/PID/fd/N reads: d_path from the viewer's root, or the top of the mount tree. */
    static String name(File f, Task viewer) {
        if (f.path() == null) {
            return f.name(null);                 // a pseudo name: "pipe:[4]", "/dev/console"
        }
        if (viewer != null && viewer.fs() != null) {
            return f.name(viewer);
        }
        Mount top = f.path().mnt();
        while (!top.isTop()) {
            top = top.parent();
        }
        return Namei.dPath(top.rootPath(), f.path());
    }

    private static String join(List<Integer> fds) {
        StringBuilder s = new StringBuilder();
        for (int fd : fds) {
            s.append(s.isEmpty() ? "" : ", ").append(fd);
        }
        return s.toString();
    }
}
