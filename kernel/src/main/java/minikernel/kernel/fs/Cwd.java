package minikernel.kernel.fs;

import java.nio.charset.StandardCharsets;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/** chdir(2) (fs/open.c), getcwd(2) (fs/d_path.c) and umask(2) (kernel/sys.c): the fs_struct's fields. */
public final class Cwd {
    private Cwd() {
    }

    public static long chdir(Task current, long pathname) {
        UserAccess.UserString s = current.kernel().userAccess().strncpyFromUser(current.mm(), pathname, Namei.PATH_MAX);
        if (s instanceof UserAccess.UserString.Fault) {
            return Errno.EFAULT.negative();
        }
        if (s instanceof UserAccess.UserString.TooLong) {
            return Errno.ENAMETOOLONG.negative();
        }
        Namei.Result r = Namei.lookup(current, ((UserAccess.UserString.Ok) s).value());
        if (r instanceof Namei.Result.Failed f) {
            return f.errno().negative();
        }
        Namei.Result.Found found = (Namei.Result.Found) r;
        if (!(found.node() instanceof RootFs.Node.Directory)) {
            return Errno.ENOTDIR.negative();
        }
        current.fs().setPwd(found.path());
        return 0;
    }

    /** getcwd(2): the path and its NUL; ERANGE if it does not fit; returns the length with the NUL. */
    public static long getcwd(Task current, long buf, long size) {
        byte[] path = (current.fs().pwd() + "\0").getBytes(StandardCharsets.UTF_8);
        if (path.length > size) {
            return Errno.ERANGE.negative();
        }
        return current.kernel().userAccess().copyToUser(current.mm(), buf, path) ? path.length : Errno.EFAULT.negative();
    }

    /** umask(2): sets the mask, returns the old one. */
    public static long umask(Task current, long mask) {
        int old = current.fs().umask();
        current.fs().setUmask((int) mask);
        return old;
    }
}
