package minikernel.kernel.sched;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import minikernel.cpu.CpuContext;
import minikernel.cpu.SegmentDescriptor;
import minikernel.kernel.Kernel;
import minikernel.kernel.fs.FilesStruct;
import minikernel.kernel.fs.FsStruct;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.signal.SigHand;
import minikernel.kernel.signal.SignalStruct;

/**
 * A task: Linux's {@code struct task_struct} (include/linux/sched.h). A process and a thread are
 * both tasks; they differ only in what they share with their creator. Fields keep Linux's names.
 */
public final class Task {
    /** Nice 0 (include/linux/sched/prio.h: DEFAULT_PRIO = MAX_RT_PRIO + 20). */
    public static final int DEFAULT_PRIO = 120;

    private final Kernel kernel;
    private TaskState state = TaskState.RUNNING;   // __state / exit_state
    private int pid;                               // this task's id (a thread's tid); 0 until attach_pid
    private int tgid;                              // thread group id: the process id
    private String comm;                           // executable name, at most 15 characters
    private Task realParent;                       // the creator (or init after reparenting)
    private Task parent;                           // who gets SIGCHLD and wait() (= realParent without ptrace)
    private final List<Task> children = new ArrayList<>();   // children, each linked through its parent
    private Task groupLeader;                      // the thread group's first task
    private int prio = DEFAULT_PRIO;               // effective priority
    private int staticPrio = DEFAULT_PRIO;         // from nice
    private int normalPrio = DEFAULT_PRIO;         // without priority inheritance
    private int rtPriority;                        // real-time priority, 0 for normal tasks
    private MmStruct mm;                           // user address space; null for kernel threads
    private MmStruct activeMm;                     // the address space loaded while this task runs
    private FsStruct fs;                           // root and current directory
    private FilesStruct files;                     // open file table
    private SigHand sighand;                       // signal handlers
    private SignalStruct signal;                   // what the thread group shares: limits, pgrp, wait queue
    private Nsproxy nsproxy;                       // namespaces: the UTS one can be unshared
    private long blocked;                          // blocked signal mask (bit n-1 for signal n)
    private final minikernel.kernel.signal.SigPending pending = new minikernel.kernel.signal.SigPending(); // this thread's own
    private long savedSigmask;                     // saved_sigmask: the mask sigsuspend replaced
    private boolean restoreSigmask;                // TIF_RESTORE_SIGMASK: put savedSigmask back on the way out
    private boolean atRestartPoint;                // backed onto its int $0x80 to run a slept-in call again
    private long restartKind = -512;               // what a sleep a signal interrupts returns: -ERESTARTSYS...
    private boolean interrupted;                   // this call's sleep was refused: a signal is pending
    private long restartCode;                      // a restart code the call returned, for exit_to_user_mode
    private long restartSyscallNr;                 // orig_ax: the call to run again
    private long[] sigreturnRegisters;             // what sigreturn restores, applied before the task runs
    private byte[] sigreturnFpstate;               // and the FPU and SSE state it restores
    private long sasSsSp, sasSsSize;               // sigaltstack: the alternate signal stack (size 0: none)
    private int sasSsFlags;                        // SS_AUTODISARM
    private Long timedwaitBlocked;                 // rt_sigtimedwait's real_blocked while it sleeps
    private int exitCode;                          // wait status for the parent
    private int exitSignal;                        // signal to the parent at exit (SIGCHLD, or 0 for threads)
    private long setChildTid;                      // CLONE_CHILD_SETTID address
    private long clearChildTid;                    // CLONE_CHILD_CLEARTID / set_tid_address address
    private final SegmentDescriptor[] tls = {      // thread.tls_array: GDT entries 12..14
            SegmentDescriptor.EMPTY, SegmentDescriptor.EMPTY, SegmentDescriptor.EMPTY};
    private CpuContext context;                    // thread.sp and friends: the saved CPU state
    private final KernelThread kthread;            // body of a kernel thread, null for user tasks
    private long nvcsw;                            // voluntary context switches
    private long nivcsw;                           // involuntary context switches
    private long blocksRun;                        // translated blocks run: this task's CPU time
    private int nice;                              // -20..19; the CFS weight comes from it
    private int pdeathSignal;                      // prctl(PR_SET_PDEATHSIG): sent when the parent exits
    private boolean noNewPrivs;                    // prctl(PR_SET_NO_NEW_PRIVS): inherited, never cleared
    private long vruntime;                         // se.vruntime: weighted CPU time, in blocks
    private long enqueueSequence;                  // tie-break for equal vruntime: FIFO
    private java.util.List<WaitQueue> waitQueues = java.util.List.of();
    private String wchan = "";                     // what it waits for, for ps and deadlock reports
    private boolean syscallRestart;                // re-run the blocked system call when woken
    private long syscallProgress;                  // how far a restarted call had got (pipe_write)
    private minikernel.kernel.fs.File heldFile;    // an open's file across its sleep (fifo_open)
    private Long syscallStart;                     // when a restarted call first started (relative timeouts)
    private long[] startRegisters;                 // {eip, esp} of a program exec'd but not yet started
    private Task vforkParent;                      // vfork_done: the parent sleeping until we exec or exit
    private boolean didExec;                       // in_execve happened since fork (setpgid's EACCES)
    private long robustList;                       // robust_list: head of the robust futex list, 0 if none
    private minikernel.kernel.ipc.SemUndoList sysvsem;   // sysvsem.undo_list: SEM_UNDO adjustments

    public Task(Kernel kernel, int pid, String comm, KernelThread kthread, Nsproxy nsproxy) {
        this.kernel = kernel;
        this.nsproxy = nsproxy;
        this.pid = pid;
        this.tgid = pid;
        this.comm = truncateComm(comm);
        this.kthread = kthread;
        this.groupLeader = this;
    }

    /** TASK_COMM_LEN is 16: 15 characters and a NUL. */
    public static String truncateComm(String name) {
        return name.length() > 15 ? name.substring(0, 15) : name;
    }

    public Kernel kernel() {
        return kernel;
    }

    public TaskState state() {
        return state;
    }

    public void setState(TaskState state) {
        this.state = state;
    }

    public int pid() {
        return pid;
    }

    /** attach_pid(): the id given to a task copy_process() has finished building. */
    public void attachPid(int newPid) {
        if (pid != 0) {
            throw new IllegalStateException(this + " already has a pid");
        }
        pid = newPid;
        if (tgid == 0) {
            tgid = newPid;
        }
    }

    /** Swaps pids with another task of the same group (de_thread). */
    void exchangePid(Task other) {
        int p = pid;
        pid = other.pid;
        other.pid = p;
    }

    public int tgid() {
        return tgid;
    }

    public void setTgid(int tgid) {
        this.tgid = tgid;
    }

    public String comm() {
        return comm;
    }

    public void setComm(String comm) {
        this.comm = truncateComm(comm);
    }

    public Task realParent() {
        return realParent;
    }

    public Task parent() {
        return parent;
    }

    /** A thread's parent pointers: its group's parent, without joining any children list. */
    public void setThreadParent(Task groupParent) {
        realParent = groupParent;
        parent = groupParent;
    }

    /** Links this task under {@code newParent} (both real_parent and parent; no ptrace here). */
    public void setParent(Task newParent) {
        if (parent != null) {
            parent.children.remove(this);
        }
        if (newParent != null && newParent.children.contains(this)) {
            newParent.children.remove(this);
        }
        realParent = newParent;
        parent = newParent;
        if (newParent != null) {
            newParent.children.add(this);
        }
    }

    public List<Task> children() {
        return Collections.unmodifiableList(children);
    }

    public Task groupLeader() {
        return groupLeader;
    }

    public void setGroupLeader(Task leader) {
        this.groupLeader = leader;
    }

    public int prio() {
        return prio;
    }

    public int staticPrio() {
        return staticPrio;
    }

    public int normalPrio() {
        return normalPrio;
    }

    public int rtPriority() {
        return rtPriority;
    }

    public MmStruct mm() {
        return mm;
    }

    public void setMm(MmStruct mm) {
        this.mm = mm;
        this.activeMm = mm;
    }

    public MmStruct activeMm() {
        return activeMm;
    }

    /** current_cred(): every task runs as the host user here (no setuid), so the kernel's one cred. */
    public minikernel.kernel.fs.Cred cred() {
        return kernel.cred();
    }

    public FsStruct fs() {
        return fs;
    }

    public void setFs(FsStruct fs) {
        this.fs = fs;
    }

    public FilesStruct files() {
        return files;
    }

    public void setFiles(FilesStruct files) {
        this.files = files;
    }

    public SigHand sighand() {
        return sighand;
    }

    public void setSighand(SigHand sighand) {
        this.sighand = sighand;
    }

    public long blocked() {
        return blocked;
    }

    public void setBlocked(long mask) {
        this.blocked = mask;
    }

    /** The signals pending for this thread alone (the group's are in signal_struct). */
    public minikernel.kernel.signal.SigPending sigPending() {
        return pending;
    }

    /** The mask of this thread's own pending signals (SigPnd in /proc/PID/status). */
    public long pending() {
        return pending.mask();
    }

    public long savedSigmask() {
        return savedSigmask;
    }

    public boolean restoreSigmask() {
        return restoreSigmask;
    }

    /** set_restore_sigmask(): keep {@code saved} to put back when the call returns to user mode. */
    public void setRestoreSigmask(boolean restore, long saved) {
        restoreSigmask = restore;
        savedSigmask = saved;
    }

    public boolean atRestartPoint() {
        return atRestartPoint;
    }

    public void setAtRestartPoint(boolean at) {
        atRestartPoint = at;
    }

    /**
     * What this call returns if a signal interrupts its sleep: -ERESTARTSYS (the default: EINTR,
     * or run again under SA_RESTART), -ERESTARTNOHAND (EINTR whenever a handler runs: pause,
     * poll), -ERESTART_RESTARTBLOCK (nanosleep). Reset for every call.
     */
    public long restartKind() {
        return restartKind;
    }

    public void setRestartKind(long kind) {
        restartKind = kind;
    }

    /** A sleep of the current call was refused because a signal waits; see Scheduler. */
    public boolean interrupted() {
        return interrupted;
    }

    public void setInterrupted(boolean interrupted) {
        this.interrupted = interrupted;
    }

    /** The call returned a restart code: exit_to_user_mode decides, with the call's number. */
    public void setRestartCode(long code, long syscallNr) {
        restartCode = code;
        restartSyscallNr = syscallNr;
    }

    /** The pending restart code, now cleared; 0 if none. */
    public long takeRestartCode() {
        long code = restartCode;
        restartCode = 0;
        return code;
    }

    public long restartSyscallNr() {
        return restartSyscallNr;
    }

    /** sas_ss_sp, sas_ss_size, sas_ss_flags: the alternate signal stack. */
    public long sasSsSp() {
        return sasSsSp;
    }

    public long sasSsSize() {
        return sasSsSize;
    }

    public int sasSsFlags() {
        return sasSsFlags;
    }

    public void setAltStack(long sp, long size, int flags) {
        sasSsSp = sp;
        sasSsSize = size;
        sasSsFlags = flags;
    }

    /** on_sig_stack(): {@code sp} is on the alternate stack (it grows down from sp + size). */
    public boolean onSigStack(long sp) {
        return sasSsSize != 0 && sp > sasSsSp && sp - sasSsSp <= sasSsSize;
    }

    public Long timedwaitBlocked() {
        return timedwaitBlocked;
    }

    public void setTimedwaitBlocked(Long mask) {
        timedwaitBlocked = mask;
    }

    public byte[] sigreturnFpstate() {
        return sigreturnFpstate;
    }

    public void setSigreturnFpstate(byte[] state) {
        sigreturnFpstate = state;
    }

    public long[] sigreturnRegisters() {
        return sigreturnRegisters;
    }

    public void setSigreturnRegisters(long[] registers) {
        sigreturnRegisters = registers;
    }

    public int exitCode() {
        return exitCode;
    }

    public void setExitCode(int status) {
        this.exitCode = status;
    }

    public int exitSignal() {
        return exitSignal;
    }

    public int pdeathSignal() {
        return pdeathSignal;
    }

    public void setPdeathSignal(int signal) {
        this.pdeathSignal = signal;
    }

    public boolean noNewPrivs() {
        return noNewPrivs;
    }

    public void setNoNewPrivs() {
        this.noNewPrivs = true;
    }

    public void setExitSignal(int signal) {
        this.exitSignal = signal;
    }

    public long setChildTid() {
        return setChildTid;
    }

    public void setSetChildTid(long address) {
        this.setChildTid = address;
    }

    public long clearChildTid() {
        return clearChildTid;
    }

    public void setClearChildTid(long address) {
        this.clearChildTid = address;
    }

    public SignalStruct signal() {
        return signal;
    }

    public void setSignal(SignalStruct signal) {
        this.signal = signal;
    }

    public Nsproxy nsproxy() {
        return nsproxy;
    }

    public void setNsproxy(Nsproxy ns) {
        nsproxy = ns;
    }

    public int pgrp() {
        return signal.pgrp();
    }

    public int session() {
        return signal.session();
    }

    /** The task's three TLS descriptors (GDT entries 12, 13, 14 while it runs). */
    public SegmentDescriptor[] tls() {
        return tls;
    }

    public CpuContext context() {
        return context;
    }

    public void setContext(CpuContext context) {
        this.context = context;
    }

    public KernelThread kthread() {
        return kthread;
    }

    public boolean isKernelThread() {
        return kthread != null;
    }

    public boolean isZombieOrDead() {
        return state == TaskState.ZOMBIE || state == TaskState.DEAD;
    }

    public long nvcsw() {
        return nvcsw;
    }

    public long nivcsw() {
        return nivcsw;
    }

    public minikernel.kernel.sys.Rlimits rlimits() {
        return signal.rlimits();
    }

    public int nice() {
        return nice;
    }

    /** set_user_nice(): the static priority and the CFS weight follow. */
    public void setNice(int nice) {
        this.nice = Math.max(-20, Math.min(19, nice));
        this.staticPrio = DEFAULT_PRIO + this.nice;
        this.normalPrio = staticPrio;
        this.prio = staticPrio;
    }

    /** se.vruntime: the CFS key, weighted CPU time in blocks (read-only here; the scheduler sets it). */
    public long vruntime() {
        return vruntime;
    }

    void setVruntime(long v) {
        vruntime = v;
    }

    long enqueueSequence() {
        return enqueueSequence;
    }

    void setEnqueueSequence(long s) {
        enqueueSequence = s;
    }

    /** The wait queues the task sleeps on (one, or several for poll and select). */
    java.util.List<WaitQueue> waitQueues() {
        return waitQueues;
    }

    void setWaitQueues(java.util.List<WaitQueue> q) {
        waitQueues = q;
    }

    /** What the task is waiting for ("" when runnable). */
    public String wchan() {
        return wchan;
    }

    void setWchan(String wchan) {
        this.wchan = wchan;
    }

    public boolean syscallRestart() {
        return syscallRestart;
    }

    public void setSyscallRestart(boolean restart) {
        syscallRestart = restart;
    }

    public Long syscallStart() {
        return syscallStart;
    }

    public void setSyscallStart(Long monotonicNanos) {
        syscallStart = monotonicNanos;
    }

    /** A file an open keeps across its sleep (a FIFO's end waiting for a partner; see Fifo). */
    public void holdFile(minikernel.kernel.fs.File file) {
        heldFile = file;
    }

    /** The held file, now the caller's; null if none. */
    public minikernel.kernel.fs.File takeHeldFile() {
        minikernel.kernel.fs.File f = heldFile;
        heldFile = null;
        return f;
    }

    /** The call it was held for ended some other way (an error, the task's exit): fput it. */
    public void dropHeldFile() {
        if (heldFile != null) {
            takeHeldFile().put();
        }
    }

    public long syscallProgress() {
        return syscallProgress;
    }

    public void setSyscallProgress(long progress) {
        syscallProgress = progress;
    }

    /** {eip, esp} for a freshly exec'd program; the scheduler builds its registers before it runs. */
    public long[] startRegisters() {
        return startRegisters;
    }

    public void setStartRegisters(long eip, long esp) {
        startRegisters = new long[]{eip, esp};
    }

    void clearStartRegisters() {
        startRegisters = null;
    }

    public long robustList() {
        return robustList;
    }

    public void setRobustList(long head) {
        robustList = head;
    }

    public minikernel.kernel.ipc.SemUndoList sysvsem() {
        return sysvsem;
    }

    public void setSysvsem(minikernel.kernel.ipc.SemUndoList undo) {
        sysvsem = undo;
    }

    public boolean didExec() {
        return didExec;
    }

    public void setDidExec() {
        didExec = true;
    }

    public Task vforkParent() {
        return vforkParent;
    }

    public void setVforkParent(Task parent) {
        vforkParent = parent;
    }

    public long blocksRun() {
        return blocksRun;
    }

    void addBlocksRun(long blocks) {
        blocksRun += blocks;
    }

    void countSwitch(boolean voluntary) {
        if (voluntary) {
            nvcsw++;
        } else {
            nivcsw++;
        }
    }

    /** "comm[pid]" as the kernel's own messages name a task. */
    @Override
    public String toString() {
        return comm + "[" + pid + "]";
    }
}
