package minikernel.kernel.fs;

import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * ioctl(2) (fs/ioctl.c, do_vfs_ioctl): the requests every file answers are handled here
 * (close-on-exec, non-blocking mode, and for a regular file how much is left to read); the rest
 * go to the file's own ioctl (terminals, pipes), and a file with none answers ENOTTY.
 */
public final class Ioctl {
    public static final int FIONREAD = 0x541B, FIONBIO = 0x5421, FIONCLEX = 0x5450, FIOCLEX = 0x5451,
            FIOASYNC = 0x5452;

    private Ioctl() {
    }

    public static long ioctl(Task current, long fd, long request, long arg) {
        File f = current.files().get((int) fd);
        if (f == null) {
            return Errno.EBADF.negative();
        }
        var ua = current.kernel().userAccess();
        switch ((int) request) {
            case FIOCLEX, FIONCLEX -> {
                current.files().setCloseOnExec((int) fd, (int) request == FIOCLEX);
                return 0;
            }
            case FIONBIO, FIOASYNC -> {
                long on = ua.getUser32(current.mm(), arg);
                if (on == Long.MIN_VALUE) {
                    return Errno.EFAULT.negative();
                }
                int bit = (int) request == FIONBIO ? File.O_NONBLOCK : File.O_ASYNC;
                f.setStatusFlags(on != 0 ? f.flags() | bit : f.flags() & ~bit);
                return 0;
            }
            case FIONREAD -> {
                if (f.inode() != null && f.inode().isRegular()) {   // file_ioctl: bytes left to read
                    long left = Math.max(0, f.stat().size() - f.pos());
                    return ua.putUser32(current.mm(), arg, left) ? 0 : Errno.EFAULT.negative();
                }
                return f.ioctl(current, (int) request, arg);
            }
            default -> {
                return f.ioctl(current, (int) request, arg);
            }
        }
    }
}
