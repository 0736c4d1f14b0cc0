package minikernel.kernel.fork;

import minikernel.kernel.fs.FilesStruct;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * unshare(2) (kernel/fork.c ksys_unshare): stop sharing what clone had shared. CLONE_FILES and
 * CLONE_FS take private copies, CLONE_SYSVSEM drops the shared undo list, CLONE_NEWUTS (root only)
 * enters a UTS namespace of its own; CLONE_VM, CLONE_SIGHAND and CLONE_THREAD are accepted only
 * for a task that shares nothing of the kind (there is nothing to unshare); the rest is EINVAL.
 */
public final class Unshare {
    private Unshare() {
    }

    public static long unshare(Task current, long flags) {
        int allowed = CloneFlag.CLONE_FILES.bit | CloneFlag.CLONE_FS.bit | CloneFlag.CLONE_SYSVSEM.bit
                | CloneFlag.CLONE_NEWUTS.bit | CloneFlag.CLONE_VM.bit | CloneFlag.CLONE_SIGHAND.bit
                | CloneFlag.CLONE_THREAD.bit;
        if ((flags & ~allowed) != 0) {
            return Errno.EINVAL.negative();
        }
        if (CloneFlag.CLONE_NEWUTS.in(flags) && current.kernel().config().uid() != 0) {
            return Errno.EPERM.negative();
        }
        boolean sharesVm = current.mm() != null && current.mm().mmUsers() > 1;
        if ((CloneFlag.CLONE_VM.in(flags) || CloneFlag.CLONE_THREAD.in(flags)) && sharesVm
                || CloneFlag.CLONE_SIGHAND.in(flags) && current.sighand().count() > 1) {
            return Errno.EINVAL.negative();
        }
        if (CloneFlag.CLONE_FILES.in(flags) && current.files().count() > 1) {
            FilesStruct own = CopyFiles.dupFd(current.files());
            current.files().put();
            current.setFiles(own);
        }
        if (CloneFlag.CLONE_FS.in(flags) && current.fs().users() > 1) {
            var own = current.fs().copy();
            current.fs().release();
            current.setFs(own);
        }
        if (CloneFlag.CLONE_SYSVSEM.in(flags)) {
            current.kernel().sem().exitSem(current);
        }
        if (CloneFlag.CLONE_NEWUTS.in(flags)) {
            current.setNsproxy(current.nsproxy().withNewUts());
        }
        return 0;
    }
}
