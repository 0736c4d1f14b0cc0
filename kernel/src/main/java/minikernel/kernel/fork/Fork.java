package minikernel.kernel.fork;

import static minikernel.kernel.fork.CloneFlag.CLONE_CHILD_CLEARTID;
import static minikernel.kernel.fork.CloneFlag.CLONE_CHILD_SETTID;
import static minikernel.kernel.fork.CloneFlag.CLONE_FS;
import static minikernel.kernel.fork.CloneFlag.CLONE_PARENT;
import static minikernel.kernel.fork.CloneFlag.CLONE_PARENT_SETTID;
import static minikernel.kernel.fork.CloneFlag.CLONE_PIDFD;
import static minikernel.kernel.fork.CloneFlag.CLONE_SETTLS;
import static minikernel.kernel.fork.CloneFlag.CLONE_SIGHAND;
import static minikernel.kernel.fork.CloneFlag.CLONE_THREAD;
import static minikernel.kernel.fork.CloneFlag.CLONE_VFORK;
import static minikernel.kernel.fork.CloneFlag.CLONE_VM;
import static minikernel.kernel.fork.CloneFlag.CSIGNAL;

import minikernel.cpu.CpuContext;
import minikernel.cpu.unicorn.UcConst;
import minikernel.kernel.Kernel;
import minikernel.kernel.arch.Tls;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.TaskState;
import minikernel.kernel.signal.Signal;
import minikernel.kernel.sys.Rlimits;
import minikernel.kernel.syscall.Errno;

/**
 * Creating a task, in the shape of kernel/fork.c: kernel_clone() calls copy_process(), which
 * rejects impossible flag sets first, then builds the child step by step, each {@code copy_X}
 * either sharing the parent's object (the CLONE_X flag is set: take a reference) or duplicating it
 * (clear: copy), and unwinds in exactly the reverse order if a step fails. fork, vfork and clone
 * are all this one function with different flags.
 */
public final class Fork {
    private Fork() {
    }

    /** The arguments of clone, as struct kernel_clone_args holds them. */
    public record CloneArgs(long flags, long stack, long parentTid, long childTid, long tls) {
        public static CloneArgs fork() {
            return new CloneArgs(Signal.SIGCHLD.number, 0, 0, 0, 0);
        }

        public static CloneArgs vfork() {
            return new CloneArgs(CLONE_VFORK.bit | CLONE_VM.bit | Signal.SIGCHLD.number, 0, 0, 0, 0);
        }
    }

    /** fork(2). */
    public static long fork(Task current) {
        return kernelClone(current, CloneArgs.fork());
    }

    /** vfork(2): the child borrows the parent's memory; the parent sleeps until it execs or exits. */
    public static long vfork(Task current) {
        return kernelClone(current, CloneArgs.vfork());
    }

    /**
     * clone3(2): the arguments in a struct clone_args of {@code size} bytes (at least 64; bytes
     * beyond the fields known here must be zero, E2BIG otherwise). The exit signal has a field of
     * its own, so the low byte of flags must be clear.
     */
    public static long clone3(Task current, long uargs, long size) {
        if (size < 64 || size > 4096) {
            return size < 64 ? Errno.EINVAL.negative() : Errno.E2BIG.negative();
        }
        byte[] b = new byte[(int) size];
        if (!current.kernel().userAccess().copyFromUser(current.mm(), uargs, b, 0, b.length)) {
            return Errno.EFAULT.negative();
        }
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 88; i < b.length; i++) {
            if (b[i] != 0) {
                return Errno.E2BIG.negative();
            }
        }
        long flags = bb.getLong(0), pidfd = bb.getLong(8), childTid = bb.getLong(16), parentTid = bb.getLong(24);
        long exitSignal = bb.getLong(32), stack = bb.getLong(40), stackSize = bb.getLong(48), tls = bb.getLong(56);
        long setTidSize = size >= 80 ? bb.getLong(72) : 0, cgroup = size >= 88 ? bb.getLong(80) : 0;
        // pidfd is read only with CLONE_PIDFD (refused below): glibc fills it with &pd->tid anyway.
        // clone3_args_valid(): a thread or a CLONE_PARENT sibling signals no one at exit.
        if ((flags & (CLONE_THREAD.bit | CLONE_PARENT.bit)) != 0 && exitSignal != 0) {
            return Errno.EINVAL.negative();
        }
        if ((flags & CSIGNAL) != 0 || exitSignal > Signal.NSIG || (flags >>> 32) != 0 || setTidSize != 0
                || cgroup != 0 || (stack == 0) != (stackSize == 0)) {
            return Errno.EINVAL.negative();
        }
        long top = stack == 0 ? 0 : stack + stackSize;
        return kernelClone(current, new CloneArgs(flags | exitSignal, top, parentTid, childTid, tls));
    }

    /** clone(2), i386 argument order (CONFIG_CLONE_BACKWARDS): flags, newsp, parent_tid, tls, child_tid. */
    public static long clone(Task current, long flags, long newsp, long parentTid, long tls, long childTid) {
        return kernelClone(current, new CloneArgs(flags & 0xffffffffL, newsp, parentTid, childTid, tls));
    }

    /**
     * kernel_clone(): copy_process(), then wake the child; a vfork parent sleeps until the child
     * releases the borrowed mm (exec or exit). Returns the child's pid or -errno.
     */
    public static long kernelClone(Task current, CloneArgs args) {
        Object made = copyProcess(current, args);
        if (made instanceof Errno e) {
            return e.negative();
        }
        Task child = (Task) made;
        Kernel kernel = current.kernel();
        kernel.countClone(CLONE_THREAD.in(args.flags()));
        kernel.tracepoints().schedProcessFork(current, child);
        if (CLONE_PARENT_SETTID.in(args.flags())) {
            // As in kernel_clone(): a bad pointer here does not undo the clone.
            kernel.userAccess().putUser32(current.mm(), args.parentTid(), child.pid());
        }
        kernel.scheduler().wakeUpNewTask(child);
        if (CLONE_VFORK.in(args.flags())) {
            child.setVforkParent(current);
            kernel.scheduler().sleep(current, TaskState.UNINTERRUPTIBLE, "vfork");
        }
        return child.pid();
    }

    /**
     * copy_process(): the flag rules first, each with Linux's reason, then dup_task_struct and
     * the copy ladder. Returns the child, or the Errno it failed with (nothing is left behind).
     */
    static Object copyProcess(Task current, CloneArgs args) {
        long flags = args.flags();
        Kernel kernel = current.kernel();
        // Thread groups must share signals as well.
        if (CLONE_THREAD.in(flags) && !CLONE_SIGHAND.in(flags)) {
            return Errno.EINVAL;
        }
        // Shared signal handlers imply shared VM.
        if (CLONE_SIGHAND.in(flags) && !CLONE_VM.in(flags)) {
            return Errno.EINVAL;
        }
        // Siblings of init would never be reaped by their parent (the swapper).
        if (CLONE_PARENT.in(flags) && current == kernel.childReaper()) {
            return Errno.EINVAL;
        }
        // pidfds are not supported (Linux also refuses CLONE_PIDFD together with CLONE_DETACHED).
        if (CLONE_PIDFD.in(flags)) {
            return Errno.EINVAL;
        }
        // Only the UTS namespace exists here: the other CLONE_NEW* flags cannot be honoured.
        if ((flags & CloneFlag.NAMESPACES & ~CloneFlag.CLONE_NEWUTS.bit) != 0) {
            return Errno.EINVAL;
        }
        // A new namespace needs CAP_SYS_ADMIN.
        if (CloneFlag.CLONE_NEWUTS.in(flags) && kernel.config().uid() != 0) {
            return Errno.EPERM;
        }
        if (!CLONE_THREAD.in(flags) && tooManyProcesses(current)) {
            return Errno.EAGAIN;
        }

        Task p = dupTaskStruct(current);
        if (!CLONE_VM.in(flags) || CLONE_VFORK.in(flags)) {
            // A thread sharing the stack's mm gets no alternate signal stack; fork and vfork keep it.
            p.setAltStack(current.sasSsSp(), current.sasSsSize(), current.sasSsFlags());
        }
        p.setFiles(CopyFiles.copyFiles(flags, current.files()));
        copyFs(flags, current, p);
        copySemundo(flags, current, p);
        copySighand(flags, current, p);
        copySignal(flags, current, p);
        if (!copyMm(flags, current, p)) {
            undo(p, Stage.MM);
            return Errno.ENOMEM;
        }
        copyNamespaces(flags, current, p);
        long tlsError = copyThread(args, current, p);
        if (tlsError != 0) {
            undo(p, Stage.THREAD);
            return Errno.of((int) -tlsError);
        }
        int pid = kernel.pids().alloc();
        if (pid < 0) {
            undo(p, Stage.PID);
            return Errno.EAGAIN;
        }
        p.attachPid(pid);
        if (CLONE_THREAD.in(flags)) {
            p.setTgid(current.tgid());
            p.setGroupLeader(current.groupLeader());
            p.setExitSignal(-1);
        } else {
            p.setTgid(pid);
            p.setGroupLeader(p);
            p.setExitSignal((int) (flags & CSIGNAL));
        }
        if (CLONE_THREAD.in(flags)) {
            // A thread's parent is its group's parent; it is on no children list: wait() never sees it.
            p.setThreadParent(current.realParent());
        } else {
            // CLONE_PARENT makes the child a sibling of its creator.
            p.setParent(CLONE_PARENT.in(flags) ? current.realParent() : current);
        }
        if (CLONE_CHILD_SETTID.in(flags)) {
            p.setSetChildTid(args.childTid());
            kernel.userAccess().putUser32(p.mm(), args.childTid(), pid);
        }
        if (CLONE_CHILD_CLEARTID.in(flags)) {
            p.setClearChildTid(args.childTid());
        }
        return p;
    }

    /** How far copy_process got, for the unwinding. */
    private enum Stage { MM, THREAD, PID }

    /** The bad_fork_* labels: release what was built, last first. */
    private static void undo(Task p, Stage failedAt) {
        Kernel kernel = p.kernel();
        if (failedAt == Stage.PID && p.context() != null) {
            kernel.cpu().freeContext(p.context());
            p.setContext(null);
        }
        if (failedAt != Stage.MM && p.mm() != null) {
            p.mm().mmput();
            p.setMm(null);
        }
        if (p.signal() != null) {
            p.signal().release();
        }
        p.sighand().release();
        if (p.sysvsem() != null) {
            p.kernel().sem().exitSem(p);
        }
        p.fs().release();
        p.files().put();
    }

    /** dup_task_struct(): the child starts as a copy of what the parent is, minus what is per task. */
    private static Task dupTaskStruct(Task current) {
        Task p = new Task(current.kernel(), 0, current.comm(), null, current.nsproxy());
        p.setNice(current.nice());
        p.setBlocked(current.blocked());
        if (current.noNewPrivs()) {
            p.setNoNewPrivs();
        }
        // pdeath_signal starts at 0 in the child: it is about the child's own parent.
        System.arraycopy(current.tls(), 0, p.tls(), 0, p.tls().length);
        return p;
    }

    /** RLIMIT_NPROC: a non-root user may not own more processes than this (EAGAIN). */
    private static boolean tooManyProcesses(Task current) {
        if (current.kernel().config().uid() == 0) {
            return false;
        }
        long limit = current.rlimits().cur(Rlimits.RLIMIT_NPROC);
        long processes = current.kernel().scheduler().tasks().stream()
                .filter(t -> !t.isKernelThread() && t == t.groupLeader()).count();
        return Long.compareUnsigned(processes, limit) >= 0;
    }

    /** copy_fs(): CLONE_FS shares root, cwd and umask; otherwise the child gets its own copy. */
    private static void copyFs(long flags, Task current, Task p) {
        p.setFs(CLONE_FS.in(flags) ? current.fs().share() : current.fs().copy());
    }

    /**
     * copy_semundo(): CLONE_SYSVSEM shares the SEM_UNDO list (creating it first, as
     * get_undo_list() does, so both sides see the same one); otherwise the child starts without.
     */
    private static void copySemundo(long flags, Task current, Task p) {
        if (CloneFlag.CLONE_SYSVSEM.in(flags)) {
            if (current.sysvsem() == null) {
                current.setSysvsem(new minikernel.kernel.ipc.SemUndoList());
            }
            p.setSysvsem(current.sysvsem().share());
        }
    }

    /** copy_namespaces(): shared, unless CLONE_NEWUTS asks for a UTS namespace of its own. */
    private static void copyNamespaces(long flags, Task current, Task p) {
        p.setNsproxy(CloneFlag.CLONE_NEWUTS.in(flags) ? current.nsproxy().withNewUts() : current.nsproxy());
    }

    /** copy_sighand(): CLONE_SIGHAND shares the handler table; otherwise it is copied. */
    private static void copySighand(long flags, Task current, Task p) {
        p.setSighand(CLONE_SIGHAND.in(flags) ? current.sighand().share() : current.sighand().copy());
    }

    /** copy_signal(): a thread joins its group's signal_struct; a new process gets its own. */
    private static void copySignal(long flags, Task current, Task p) {
        p.setSignal(CLONE_THREAD.in(flags) ? current.signal().share() : current.signal().copyForFork());
    }

    /**
     * copy_mm(): CLONE_VM shares the address space (mm_users goes up); otherwise dup_mm() copies
     * it with copy-on-write, which write-protects the parent's pages: flush its stale TLB entries.
     */
    private static boolean copyMm(long flags, Task current, Task p) {
        MmStruct mm = current.mm();
        if (CLONE_VM.in(flags)) {
            mm.mmget();
            p.setMm(mm);
            return true;
        }
        MmStruct copy = mm.dup();
        if (copy == null) {
            return false;
        }
        current.kernel().cpu().flushTlb();
        current.kernel().countPtesCopied(copy.pageTables().residentPages());
        p.setMm(copy);
        return true;
    }

    /**
     * copy_thread() (arch/x86/kernel/process.c): the child's registers are the parent's at the
     * system call, except EAX = 0 (clone returns 0 in the child) and ESP = the new stack if one
     * was given; CLONE_SETTLS installs the TLS descriptor the parent passed. Returns 0 or -errno.
     */
    private static long copyThread(CloneArgs args, Task current, Task p) {
        Kernel kernel = current.kernel();
        if (CLONE_SETTLS.in(args.flags())) {
            long r = Tls.setThreadAreaFor(current, p, args.tls(), false);
            if (r != 0) {
                return r;       // EFAULT for a bad pointer, EINVAL for a bad entry or descriptor
            }
        }
        CpuContext context = kernel.cpu().copyCurrentContext();
        kernel.cpu().setContextReg(context, UcConst.EAX, 0);
        if (args.stack() != 0) {
            kernel.cpu().setContextReg(context, UcConst.ESP, args.stack());
        }
        p.setContext(context);
        return 0;
    }
}
