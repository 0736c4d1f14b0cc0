package minikernel.kernel.sched;

import java.util.ArrayList;
import minikernel.kernel.Kernel;
import minikernel.kernel.fs.FilesStruct;
import minikernel.kernel.fs.FsStruct;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.signal.SigInfo;
import minikernel.kernel.signal.SigHand;
import minikernel.kernel.signal.Signal;
import minikernel.kernel.signal.Signals;
import minikernel.kernel.syscall.Syscall;

/**
 * How a task ends, in the order of kernel/exit.c: do_exit() releases the address space
 * (exit_mm, after mm_release told a vfork parent and cleared the tid word), the files
 * (exit_files), the fs_struct (exit_fs), then exit_notify() hands the children to init, turns the
 * task into a zombie and tells the parent. The parent's wait() ({@link Wait}) reaps the zombie with
 * release_task(), which frees the pid and the last of the task.
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
        return Syscall.NO_RETURN;
    }

    /** exit_group(2): the whole thread group ends. */
    public static long sysExitGroup(Task current, long code) {
        doGroupExit(current, exitStatus((int) code));
        return Syscall.NO_RETURN;
    }

    /** do_group_exit(): every thread of the group ends with {@code status}, then this one. */
    public static void doGroupExit(Task task, int status) {
        Kernel kernel = task.kernel();
        for (Task t : new ArrayList<>(kernel.scheduler().tasks())) {
            if (t != task && t.tgid() == task.tgid() && !t.isZombieOrDead() && !t.isKernelThread()) {
                doExit(t, status);
            }
        }
        doExit(task, status);
    }

    /** do_exit(): {@code status} is the wait status the parent will see. */
    public static void doExit(Task tsk, int status) {
        if (tsk.isZombieOrDead()) {
            throw new IllegalStateException(tsk + " exits twice");
        }
        Kernel kernel = tsk.kernel();
        tsk.setExitCode(status);
        kernel.tracepoints().schedProcessExit(tsk);
        kernel.futex().dequeue(tsk);
        kernel.sem().forgetWaiter(tsk);
        exitMm(tsk);
        kernel.sem().exitSem(tsk);
        tsk.dropHeldFile();
        // exit_files() and exit_fs(): the task lets go of its pointer first, then drops the
        // reference, so a kernel bug (an oops) inside the put leaves no half-released table behind
        // for the kill that follows to put again.
        FilesStruct files = tsk.files();
        if (files != null) {
            tsk.setFiles(null);
            files.put();
        }
        FsStruct fs = tsk.fs();
        if (fs != null) {
            tsk.setFs(null);
            fs.release();
        }
        kernel.scheduler().dropCpuState(tsk);
        kernel.scheduler().dequeue(tsk);        // killed while runnable or asleep: it never runs again
        exitNotify(tsk);
        if (tsk == kernel.scheduler().current()) {
            kernel.cpu().stopAfterHook();
        }
    }

    /**
     * mm_release(): the task is done with its user memory (it exits or execs). A vfork parent
     * waiting for exactly this wakes up, and the CLONE_CHILD_CLEARTID word is zeroed.
     */
    public static void mmRelease(Task tsk, MmStruct mm) {
        Kernel kernel = tsk.kernel();
        minikernel.kernel.futex.RobustList.exitRobustList(tsk, mm);
        if (tsk.clearChildTid() != 0) {
            kernel.userAccess().putUser32(mm, tsk.clearChildTid(), 0);
            kernel.futexWake(mm, tsk.clearChildTid(), 1);
            tsk.setClearChildTid(0);
        }
        Task parent = tsk.vforkParent();
        if (parent != null) {
            tsk.setVforkParent(null);
            kernel.scheduler().wakeUp(parent);
        }
    }

    /** exit_mm(): drop this task's use of its address space; the last user frees it. */
    private static void exitMm(Task tsk) {
        MmStruct mm = tsk.mm();
        if (mm == null) {
            return;
        }
        Kernel kernel = tsk.kernel();
        mmRelease(tsk, mm);
        tsk.signal().noteRss(mm.peakResidentPages());
        tsk.setMm(null);
        long pgd = mm.pageTables().pgd();
        if (mm.mmput() && kernel.cpu().mmu().cr3() == pgd) {
            // Its page directory is free now: load the kernel's own until the next switch.
            kernel.cpu().switchMm(kernel.swapperPgd());
        }
    }

    /**
     * exit_notify(): children go to another thread of the group if one lives, else to the child
     * reaper (init); the task becomes a zombie, and its parent is told (SIGCHLD, its wait queue is
     * woken). A thread (exit_signal -1), or the child of a parent that ignores SIGCHLD, is reaped
     * at once. A group leader whose threads still run stays an unannounced zombie: its parent hears
     * of the process only when the last thread is gone (delay_group_leader).
     */
    private static void exitNotify(Task tsk) {
        Kernel kernel = tsk.kernel();
        Task reaper = newReaper(tsk);
        boolean reaperHasZombie = false;
        for (Task child : new ArrayList<>(tsk.children())) {
            child.setParent(reaper == tsk ? null : reaper);
            reaperHasZombie |= child.state() == TaskState.ZOMBIE;
            // forget_original_parent(): each thread of the child that asked for it
            // (prctl PR_SET_PDEATHSIG) hears of its parent's death.
            for (Task t : kernel.scheduler().tasks()) {
                if (t.tgid() == child.tgid() && t.pdeathSignal() != 0 && !t.isZombieOrDead()) {
                    Signals.send(t, SigInfo.user(t.pdeathSignal(), SigInfo.SI_USER, tsk.tgid(),
                            kernel.config().uid()), true);
                }
            }
        }
        if (reaperHasZombie && reaper != null && reaper != tsk) {
            reaper.signal().waitChldexit().wakeUpAll(kernel.scheduler());
        }
        tsk.setState(TaskState.ZOMBIE);
        if (tsk == kernel.childReaper()) {
            // Linux panics here ("Attempted to kill init!"); minikernel halts with init's status.
            kernel.initExited(tsk.exitCode());
            releaseTask(tsk);
            return;
        }
        Task leader = tsk.groupLeader();
        if (tsk != leader) {
            releaseTask(tsk);          // a thread: nobody waits for it
            if (leader.state() == TaskState.ZOMBIE && threadGroupEmpty(leader)) {
                notifyParent(leader);  // the last thread of a group whose leader already exited
            }
            return;
        }
        if (!threadGroupEmpty(tsk)) {
            return;                    // delay_group_leader: announced when the last thread exits
        }
        notifyParent(tsk);
    }

    /** find_new_reaper(): a live thread of the same group, else the child reaper. */
    private static Task newReaper(Task tsk) {
        for (Task t : tsk.kernel().scheduler().tasks()) {
            if (t != tsk && t.tgid() == tsk.tgid() && !t.isZombieOrDead()) {
                return t;
            }
        }
        return tsk.kernel().childReaper();
    }

    /** True if no other task of the leader's group is alive. */
    public static boolean threadGroupEmpty(Task leader) {
        for (Task t : leader.kernel().scheduler().tasks()) {
            if (t != leader && t.tgid() == leader.tgid() && !t.isZombieOrDead()) {
                return false;
            }
        }
        return true;
    }

    /** do_notify_parent(): SIGCHLD and a wake-up for the parent, or an immediate reap (autoreap). */
    private static void notifyParent(Task tsk) {
        Kernel kernel = tsk.kernel();
        Task parent = tsk.parent();
        if (parent == null || tsk.exitSignal() == -1) {
            releaseTask(tsk);
            return;
        }
        SigHand.SigAction action = parent.sighand() == null ? null : parent.sighand().get(Signal.SIGCHLD.number);
        boolean autoreap = action != null && tsk.exitSignal() == Signal.SIGCHLD.number
                && (action.handler() == SigHand.SigAction.SIG_IGN || (action.flags() & SA_NOCLDWAIT) != 0);
        // An old-style clone may ask for any exit signal (flags & CSIGNAL, up to 255): as Linux's
        // valid_signal() check here, one past _NSIG is not sent, and the parent is only woken.
        if (tsk.exitSignal() > 0 && tsk.exitSignal() <= Signal.NSIG && !parent.isZombieOrDead()) {
            // do_notify_parent(): the child's pid, uid and how it ended, for a SA_SIGINFO handler.
            int status = tsk.exitCode();
            boolean killed = (status & 0x7f) != 0;
            int code = !killed ? SigInfo.CLD_EXITED
                    : (status & 0x80) != 0 ? SigInfo.CLD_DUMPED : SigInfo.CLD_KILLED;
            Signals.send(parent, new SigInfo(tsk.exitSignal(), code,
                    tsk.tgid(), tsk.cred().uid(), 0, killed ? status & 0x7f : status >> 8 & 0xff), true);
        }
        parent.signal().waitChldexit().wakeUpAll(kernel.scheduler());
        if (autoreap) {
            releaseTask(tsk);
        }
    }

    /**
     * de_thread() (fs/exec.c): a thread calling execve first ends every other thread of its group.
     * If it is not the leader, it then takes the leader's place, and its pid: the process keeps
     * the pid its parent knows.
     */
    public static void deThread(Task tsk) {
        Kernel kernel = tsk.kernel();
        for (Task t : new ArrayList<>(kernel.scheduler().tasks())) {
            if (t != tsk && t.tgid() == tsk.tgid() && !t.isZombieOrDead()) {
                doExit(t, killedStatus(Signal.SIGKILL.number, false));
            }
        }
        Task leader = tsk.groupLeader();
        if (leader == tsk) {
            return;
        }
        kernel.scheduler().exchangePids(tsk, leader);
        tsk.setGroupLeader(tsk);
        tsk.setExitSignal(leader.exitSignal());
        tsk.setParent(leader.realParent());
        for (Task child : new ArrayList<>(leader.children())) {
            child.setParent(tsk);
        }
        leader.setExitSignal(-1);
        releaseTask(leader);
    }

    /** SA_NOCLDWAIT: the parent does not want zombies. */
    private static final long SA_NOCLDWAIT = 2;

    /** release_task(): the zombie is gone; its pid, CPU state and signal structures are freed. */
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
        if (p.sighand() != null) {
            p.sighand().release();
            p.setSighand(null);
        }
        if (p.signal() != null) {
            p.signal().release();
        }
    }
}
