package minikernel.kernel.fs;

import java.nio.charset.StandardCharsets;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * The fs_struct's system calls: chdir, fchdir, chroot (fs/open.c), getcwd (fs/d_path.c) and umask
 * (kernel/sys.c).
 */
public final class Cwd {
    private Cwd() {
    }

    /** chdir(2): the directory must exist and be searchable (EACCES), and be a directory (ENOTDIR). */
    public static long chdir(Task current, long pathname) {
        Path p = Namei.lookup(current, Namei.AT_FDCWD, Namei.getname(current, pathname),
                Namei.LOOKUP_FOLLOW | Namei.LOOKUP_DIRECTORY, false);
        Permission.check(current.cred(), p.inode(), Permission.MAY_EXEC);
        current.fs().setPwd(p);
        return 0;
    }

    /** fchdir(2): to the directory an open descriptor names. */
    public static long fchdir(Task current, long fd) {
        File f = current.files().get((int) fd);
        if (f == null) {
            return Errno.EBADF.negative();
        }
        if (f.path() == null || !f.inode().isDirectory()) {
            return Errno.ENOTDIR.negative();
        }
        Permission.check(current.cred(), f.inode(), Permission.MAY_EXEC);
        current.fs().setPwd(f.path());
        return 0;
    }

    /** chroot(2): only root may; the working directory is left where it is, as on Linux. */
    public static long chroot(Task current, long pathname) {
        Path p = Namei.lookup(current, Namei.AT_FDCWD, Namei.getname(current, pathname),
                Namei.LOOKUP_FOLLOW | Namei.LOOKUP_DIRECTORY, false);
        Permission.check(current.cred(), p.inode(), Permission.MAY_EXEC);
        if (!current.cred().isRoot()) {
            return Errno.EPERM.negative();
        }
        current.fs().setRoot(p);
        return 0;
    }

    /**
     * getcwd(2): the working directory's name from the task's root, with its NUL; ERANGE if it does
     * not fit; returns the length with the NUL. An unlinked directory is ENOENT, as on Linux.
     */
    public static long getcwd(Task current, long buf, long size) {
        Path pwd = current.fs().pwd();
        if (pwd.dentry().deleted()) {
            return Errno.ENOENT.negative();
        }
        byte[] path = (Namei.dPath(current, pwd) + "\0").getBytes(StandardCharsets.UTF_8);
        if (path.length > size) {
            return Errno.ERANGE.negative();
        }
        return current.kernel().userAccess().copyToUser(current.mm(), buf, path) ? path.length : Errno.EFAULT.negative();
    }

    /** umask(2): sets the mask, returns the old one. */
    public static long umask(Task current, long mask) {
        int old = current.fs().umask();
        current.fs().setUmask((int) mask & 0777);
        return old;
    }
}
