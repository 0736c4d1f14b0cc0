package minikernel.kernel.sched;

import java.util.ArrayList;
import minikernel.kernel.Kernel;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.signal.SigHand;
import minikernel.kernel.signal.Signal;

/**
 * How a task ends, in the order of kernel/exit.c: do_exit() releases the address space
 * (exit_mm), the files (exit_files), the fs_struct (exit_fs) and the signal handlers, then
 * exit_notify() hands the children to init, turns the task into a zombie and tells the parent.
 * The parent's wait() reaps the zombie with release_task(), which frees the pid.
 */
public final class Exit {
    private Exit() {
    }

    /** Wait statuses as wait(2) encodes them (W_EXITCODE, and the signal number for a kill). */
    public static int exitStatus(int code) {
        return (code & 0xff) << 8;
    }

    public static int killedStatus(int signal, boolean coreDumped) {
        return signal & 0x7f | (coreDumped ? 0x80 : 0);
    }

    /** The shell's view of a wait status: the exit code, or 128 + the signal that killed it. */
    public static int shellStatus(int status) {
        int signal = status & 0x7f;
        return signal == 0 ? status >>> 8 & 0xff : 128 + signal;
    }

    /** exit(2): this task ends; the low 8 bits of {@code code} are its exit status. */
    public static long sysExit(Task current, long code) {
        doExit(current, exitStatus((int) code));
        return minikernel.kernel.syscall.Syscall.NO_RETURN;
    }

    /** exit_group(2): the whole thread group ends. */
    public static long sysExitGroup(Task current, long code) {
        doGroupExit(current, exitStatus((int) code));
        return minikernel.kernel.syscall.Syscall.NO_RETURN;
    }

    /** exit_group(): the whole thread group ends with {@code status} (one task per group for now). */
    public static void doGroupExit(Task task, int status) {
        doExit(task, status);
    }

    /** do_exit(): {@code status} is the wait status the parent will see. */
    public static void doExit(Task tsk, int status) {
        if (tsk.isZombieOrDead()) {
            throw new IllegalStateException(tsk + " exits twice");
        }
        Kernel kernel = tsk.kernel();
        tsk.setExitCode(status);
        exitMm(tsk);
        if (tsk.files() != null) {
            tsk.files().put();
            tsk.setFiles(null);
        }
        if (tsk.fs() != null) {
            tsk.fs().release();
            tsk.setFs(null);
        }
        if (tsk.sighand() != null) {
            tsk.sighand().release();
        }
        kernel.scheduler().dropCpuState(tsk);
        exitNotify(tsk);
        if (tsk == kernel.scheduler().current()) {
            kernel.cpu().stopAfterHook();
        }
    }

    /** exit_mm(): drop this task's use of its address space; the last user frees it. */
    private static void exitMm(Task tsk) {
        MmStruct mm = tsk.mm();
        if (mm == null) {
            return;
        }
        Kernel kernel = tsk.kernel();
        tsk.setMm(null);
        long pgd = mm.pageTables().pgd();
        if (mm.mmput() && kernel.cpu().mmu().cr3() == pgd) {
            // Its page directory is free now: load the kernel's own until the next switch.
            kernel.cpu().switchMm(kernel.swapperPgd());
        }
    }

    /**
     * exit_notify(): children go to the child reaper (init), the task becomes a zombie, and its
     * parent is told. A parent that ignores SIGCHLD never sees the zombie: the task is reaped at
     * once (the SA_NOCLDWAIT rule of do_notify_parent()).
     */
    private static void exitNotify(Task tsk) {
        Kernel kernel = tsk.kernel();
        Task reaper = kernel.childReaper();
        boolean reaperHasZombie = false;
        for (Task child : new ArrayList<>(tsk.children())) {
            child.setParent(reaper);
            reaperHasZombie |= child.state() == TaskState.ZOMBIE;
        }
        if (reaperHasZombie && reaper != null) {
            kernel.scheduler().wakeUp(reaper);
        }
        tsk.setState(TaskState.ZOMBIE);
        if (tsk == reaper) {
            // Linux panics here ("Attempted to kill init!"); minikernel halts with init's status.
            kernel.initExited(tsk.exitCode());
            releaseTask(tsk);
            return;
        }
        Task parent = tsk.parent();
        SigHand handlers = parent == null ? null : parent.sighand();
        boolean ignored = handlers != null
                && handlers.get(Signal.SIGCHLD.number).handler() == SigHand.SigAction.SIG_IGN;
        if (parent == null || ignored) {
            releaseTask(tsk);
            return;
        }
        kernel.scheduler().wakeUp(parent);
    }

    /** A zombie child of {@code parent} ({@code pid} -1 for any), or null. */
    public static Task findZombieChild(Task parent, int pid) {
        for (Task child : parent.children()) {
            if (child.state() == TaskState.ZOMBIE && (pid == -1 || child.pid() == pid)) {
                return child;
            }
        }
        return null;
    }

    /** release_task(): the zombie is gone; its pid and CPU state are freed. */
    public static void releaseTask(Task p) {
        Kernel kernel = p.kernel();
        p.setState(TaskState.DEAD);
        p.setParent(null);
        kernel.scheduler().forget(p);
        kernel.pids().free(p.pid());
        if (p.context() != null) {
            kernel.cpu().freeContext(p.context());
            p.setContext(null);
        }
    }
}
