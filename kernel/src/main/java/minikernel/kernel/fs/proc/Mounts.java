package minikernel.kernel.fs.proc;

import java.util.List;
import minikernel.kernel.Kernel;
import minikernel.kernel.fs.Mount;
import minikernel.kernel.fs.Namei;
import minikernel.kernel.fs.Path;
import minikernel.kernel.fs.VfsError;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/** /proc/PID/mounts (fs/proc_namespace.c): the mount table as the task sees it. */
final class Mounts {
    private Mounts() {
    }

    /**
     * show_vfsmnt() for each mount, in the order they were made: the device name, the mount
     * point as d_path() gives it from the task's root (a mount outside that root is left out),
     * the type, "rw" or "ro" with the options, and "0 0". Names are escaped as mangle() does
     * (a space is "\040"). No mount has a device here, so the device column is the type's name.
     */
    static byte[] show(Task task, Task reader) {
        if (task.fs() == null) {
            throw new VfsError(Errno.EINVAL);      // mounts_open_common(): no root to see from
        }
        StringBuilder m = new StringBuilder();
        for (Mount mnt : task.kernel().mounts().mounts()) {
            String where = Namei.dPath(task, mnt.rootPath());
            if (!where.startsWith("/")) {
                continue;                           // seq_path_root(): not below the task's root
            }
            String type = mnt.sb().type();
            m.append(Seq.escape(type, " \t\n\\")).append(' ');
            m.append(Seq.escape(where, " \t\n\\")).append(' ');
            m.append(Seq.escape(type, " \t\n\\"));
            m.append(mnt.readOnly() ? " ro" : " rw").append(options(type));
            m.append(" 0 0\n");
        }
        return Seq.bytes(m.toString());
    }

    /**
     * show_mnt_opts() and the filesystem's show_options(): the flags a Linux system mounts these
     * with (proc nosuid,nodev,noexec; devtmpfs nosuid with mode=755); the kernel's own rootfs
     * mount shows none. minikernel has no setuid programs, so nosuid and nodev change nothing.
     */
    private static String options(String type) {
        return switch (type) {
            case "rootfs" -> "";
            case "proc" -> ",nosuid,nodev,noexec,relatime";
            case "devtmpfs" -> ",nosuid,relatime,mode=755";
            default -> ",relatime";
        };
    }

    /**
     * mnt_id: a mount's number, counted from 1 in the order mounts were made (Linux's come from
     * an IDA and are larger); 0 for a file outside the tree (a pipe).
     */
    static int mntId(Kernel kernel, Path path) {
        if (path == null) {
            return 0;
        }
        List<Mount> all = kernel.mounts().mounts();
        return all.indexOf(path.mnt()) + 1;
    }
}
