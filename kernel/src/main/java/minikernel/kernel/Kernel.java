package minikernel.kernel;

import java.util.List;
import java.util.SplittableRandom;
import minikernel.cpu.Cpu;
import minikernel.cpu.PhysicalMemory;
import minikernel.kernel.arch.Traps;
import minikernel.kernel.drivers.Console;
import minikernel.kernel.exec.Exec;
import minikernel.kernel.exec.ExecException;
import minikernel.kernel.exec.Executable;
import minikernel.kernel.exec.InitialStack;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.FilesStruct;
import minikernel.kernel.fs.FsStruct;
import minikernel.kernel.mm.FrameAllocator;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.mm.PageFault;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Exit;
import minikernel.kernel.sched.KernelThread;
import minikernel.kernel.sched.PidAllocator;
import minikernel.kernel.sched.Scheduler;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.TaskState;
import minikernel.kernel.signal.SigHand;
import minikernel.kernel.syscall.SyscallDispatcher;
import minikernel.kernel.time.Clock;

/**
 * One booted machine: RAM, the CPU, and the kernel's subsystems wired together, in the order
 * start_kernel() brings them up (memory, scheduler, time, then the first task). It runs either the
 * default image's /sbin/init as pid 1 ({@link #boot}) or one program under a built-in init
 * ({@link #runProgram}), and returns when the last task is gone.
 */
public final class Kernel implements AutoCloseable {
    private final KernelConfig config;
    private final PhysicalMemory ram;
    private final Cpu cpu;
    private final FrameAllocator frames;
    private final PageFault pageFault;
    private final UserAccess userAccess;
    private final Clock clock;
    private final PidAllocator pids;
    private final Scheduler scheduler;
    private final SyscallDispatcher syscalls;
    private final SplittableRandom random;
    private final minikernel.kernel.sys.Kcmp kcmp;
    private final long swapperPgd;
    private final Console console;
    private final minikernel.kernel.fs.RootFs rootFs;
    private final minikernel.kernel.fs.MountNamespace mounts;
    private final minikernel.kernel.fs.Cred cred;
    private int lastAnonDev;
    private final minikernel.kernel.futex.Futex futex;
    private int lastInode = 1000;
    private final minikernel.kernel.sched.Nsproxy initNsproxy = minikernel.kernel.sched.Nsproxy.initial();
    private final minikernel.kernel.ipc.Sem sem;
    private final java.util.ArrayDeque<String> log = new java.util.ArrayDeque<>();
    private final List<Oops> oopses = new java.util.ArrayList<>();
    private final Tracepoints tracepoints = new Tracepoints();
    private minikernel.kernel.signal.SignalTracer signalTracer;   // a debugger attached to the run, or null
    private long processesCreated, threadsCreated, ptesCopied;
    private Task childReaper;
    private boolean halted;
    private int haltStatus;
    private int programWaitStatus;
    private String haltReason;

    public Kernel(KernelConfig config) {
        this.config = config;
        pids = new PidAllocator(config.pidMax());
        ram = new PhysicalMemory(config.memoryBytes());
        try {
            cpu = new Cpu(ram, config.quantumBlocks() > 0);
        } catch (RuntimeException | Error e) {
            ram.close();
            throw e;
        }
        frames = new FrameAllocator(ram, cpu);
        swapperPgd = frames.allocPage();      // init_mm's page directory: maps no user memory
        pageFault = new PageFault(ram);
        userAccess = new UserAccess(ram, pageFault, cpu);
        clock = new Clock(config.clock(), cpu.quantum());
        random = new SplittableRandom(config.seed() ^ 0x6d696e696b65726eL);
        kcmp = new minikernel.kernel.sys.Kcmp(config.seed());
        scheduler = new Scheduler(this, cpu, config.quantumBlocks(), config.seed());
        scheduler.setTrapHandler(new Traps(this));
        scheduler.setBudget(config.budget());
        futex = new minikernel.kernel.futex.Futex(scheduler);
        sem = new minikernel.kernel.ipc.Sem(scheduler);
        rootFs = config.rootFs();
        cred = new minikernel.kernel.fs.Cred(config.uid(), config.gid());
        console = Console.open(this, config.console());
        syscalls = new SyscallDispatcher(this, traceStream(config.trace()));
        cpu.setSyscallHandler(syscalls);
        cpu.setPageFaultHandler((address, access) -> {
            var result = pageFault.handle(scheduler.current().mm(), address, access);
            tracepoints.pageFaultUser(scheduler.current(), address, access, result);
            return result;
        });
        cpu.switchMm(swapperPgd);
        mounts = mountRoot();
    }

    /**
     * The --trace stream. While the console owns the host terminal in raw mode a line feed alone
     * would not return the carriage, so the trace gets "\r\n" (what OPOST and ONLCR do for guests).
     */
    private java.io.PrintStream traceStream(java.io.PrintStream trace) {
        if (trace == null || console.tty() == null) {
            return trace;
        }
        return new java.io.PrintStream(new java.io.FilterOutputStream(trace) {
            @Override
            public void write(int b) throws java.io.IOException {
                if (b == '\n') {
                    out.write('\r');
                }
                out.write(b);
            }
        }, true);
    }

    /**
     * mount_root() and the mounts every system has: the root filesystem at "/", then proc at
     * /proc and, over a host root, the kernel's own /dev (where those directories exist).
     */
    private minikernel.kernel.fs.MountNamespace mountRoot() {
        var ns = new minikernel.kernel.fs.MountNamespace(rootFs.fill(this), rootFs.readOnly());
        var top = ns.root().rootPath();
        if (rootFs.needsDevfs()) {
            mountOn(ns, top, "dev", minikernel.kernel.fs.ramfs.RamFs.devfs(this));
        }
        mountOn(ns, top, "proc", minikernel.kernel.fs.proc.ProcFs.create(this));
        return ns;
    }

    private static void mountOn(minikernel.kernel.fs.MountNamespace ns, minikernel.kernel.fs.Path top, String name,
                                minikernel.kernel.fs.SuperBlock sb) {
        try {
            var d = top.dentry().lookup(name);
            if (d != null && d.inode().isDirectory()) {
                ns.mount(sb, new minikernel.kernel.fs.Path(top.mnt(), d), false);
            }
        } catch (minikernel.kernel.fs.VfsError e) {
            // the directory cannot be looked up (host permissions): nothing is mounted there
        }
    }

    /** The mount namespace every task shares. */
    public minikernel.kernel.fs.MountNamespace mounts() {
        return mounts;
    }

    /** The credentials every task runs with: the host user's uid and gid (setuid is not supported). */
    public minikernel.kernel.fs.Cred cred() {
        return cred;
    }

    /** get_anon_bdev(): a device number 0:N for a filesystem with no device (ramfs, proc). */
    public long nextAnonDev() {
        return minikernel.kernel.fs.Kstat.encodeDev(0, ++lastAnonDev);
    }

    /** kcmp(2)'s cookies and object numbers. */
    public minikernel.kernel.sys.Kcmp kcmp() {
        return kcmp;
    }

    /** The counters now (see {@link Stats}). */
    public Stats stats() {
        return new Stats(scheduler.contextSwitches(), scheduler.threadSwitches(), cpu.tlbFlushes(),
                cpu.mmu().fills(), cpu.mmu().pageFaults(), pageFault.copiedOnWrite(), processesCreated,
                threadsCreated, ptesCopied);
    }

    /** total_forks, split as the statistics show it; called by kernel_clone(). */
    public void countClone(boolean thread) {
        if (thread) {
            threadsCreated++;
        } else {
            processesCreated++;
        }
    }

    /** Page-table entries dup_mmap() copied into a child. */
    public void countPtesCopied(long n) {
        ptesCopied += n;
    }

    /** Where observers attach to fork and exit. */
    public Tracepoints tracepoints() {
        return tracepoints;
    }

    /** The tracer that sees each signal before it is delivered (ptrace's role); null for none. */
    public minikernel.kernel.signal.SignalTracer signalTracer() {
        return signalTracer;
    }

    public void setSignalTracer(minikernel.kernel.signal.SignalTracer tracer) {
        this.signalTracer = tracer;
    }

    /**
     * Runs {@code exe} as pid 2 under a built-in init (pid 1, a kernel thread that reaps orphans)
     * and returns the program's status as a shell reports it: its exit code, or 128 + the signal
     * that killed it. Returns when the last task has ended.
     */
    public int runProgram(Executable exe, List<String> argv, List<String> envp) throws ExecException {
        return runProgram(exe, null, argv, envp);
    }

    /**
     * The same for a program named by its path in the guest's own file tree (under --root or
     * --image), looked up and checked as execve would.
     */
    public int runProgram(String guestPath, List<String> argv, List<String> envp) throws ExecException {
        return runProgram(null, guestPath, argv, envp);
    }

    private int runProgram(Executable exe, String guestPath, List<String> argv, List<String> envp)
            throws ExecException {
        ReaperInit reaper = new ReaperInit();
        Task init = newTask("init", reaper, null);
        childReaper = init;
        String comm = exe != null ? exe.baseName() : guestPath.substring(guestPath.lastIndexOf('/') + 1);
        Task program = newTask(comm, null, init);
        reaper.watch(program.pid());
        try {
            if (exe == null) {
                try {
                    exe = Exec.openExec(program, guestPath);
                } catch (minikernel.kernel.fs.VfsError e) {
                    throw new ExecException(e.errno(), guestPath + ": " + e.errno().message);
                }
            }
            Exec.execve(program, exe, argv, envp);
        } catch (ExecException e) {
            Exit.releaseTask(program);
            Exit.releaseTask(init);
            throw e;
        }
        scheduler.wakeUpNewTask(init);
        scheduler.wakeUpNewTask(program);
        scheduler.run();
        console.shutdown();
        // A deadlock or an interrupt stops the machine with the program still there: report that.
        programWaitStatus = haltReason != null ? haltStatus : reaper.status();
        return Exit.shellStatus(programWaitStatus);
    }

    /** How the program runProgram ran ended, as wait(2) reports it (exit code << 8, or the signal). */
    public int programWaitStatus() {
        return programWaitStatus;
    }

    /** Boots {@code init} as pid 1 (the image's /sbin/init); returns its status when it exits. */
    public int boot(Executable init, List<String> argv, List<String> envp) throws ExecException {
        Task task = newTask(init.baseName(), null, null);
        task.signal().setUnkillable();          // SIGNAL_UNKILLABLE, as Linux marks init
        childReaper = task;
        Exec.execve(task, init, argv, envp);
        scheduler.wakeUpNewTask(task);
        scheduler.run();
        console.shutdown();
        return Exit.shellStatus(haltStatus);
    }

    /**
     * A task born of the kernel (not of fork): fd 0-2 on the console, the configured working
     * directory, default signals and limits, in session and process group 1 (init's).
     */
    private Task newTask(String comm, KernelThread body, Task parent) {
        int pid = pids.alloc();
        Task t = new Task(this, pid, comm, body, initNsproxy);
        t.setParent(parent);
        t.setSignal(new minikernel.kernel.signal.SignalStruct(new minikernel.kernel.sys.Rlimits(), 1, 1));
        t.setExitSignal(minikernel.kernel.signal.Signal.SIGCHLD.number);
        minikernel.kernel.fs.Path root = mounts.root().rootPath();
        t.setFs(new FsStruct(root, root, 022));
        try {
            t.fs().setPwd(minikernel.kernel.fs.Namei.lookup(t, config.cwd()));
        } catch (minikernel.kernel.fs.VfsError e) {
            // the configured directory is not reachable from this root: start at "/"
        }
        FilesStruct files = new FilesStruct();
        for (int fd = 0; fd < 3; fd++) {
            files.install(fd, console.files().get(fd).get(), false);
        }
        t.setFiles(files);
        t.setSighand(new SigHand());
        return t;
    }

    /** The built-in pid 1 under {@code run}: reaps every child, remembers the program's status. */
    private final class ReaperInit implements KernelThread {
        private int programPid;
        private int status;

        void watch(int pid) {
            programPid = pid;
        }

        int status() {
            return status;
        }

        @Override
        public void run(Task self) {
            Task zombie;
            while ((zombie = minikernel.kernel.sched.Wait.reapZombie(self)) != null) {
                if (zombie.pid() == programPid) {
                    status = zombie.exitCode();
                }
            }
            if (self.children().isEmpty()) {
                Exit.doExit(self, status);
            } else {
                scheduler.sleepOn(self, self.signal().waitChldexit(), TaskState.INTERRUPTIBLE);
            }
        }
    }

    /**
     * The kernel's own messages (Linux's printk): one line on the console's error stream, where a
     * user sees it next to the program's output, and kept in a small log (dmesg).
     */
    /** A kernel bug hit while a task ran (an oops): which task and where ("prog[2] at eip 0x..."), and the exception. */
    public record Oops(String where, Throwable cause) {
    }

    /** Records an oops (Traps has reported it and kills the task); the grader and the tests read them. */
    public void oops(String where, Throwable cause) {
        oopses.add(new Oops(where, cause));
    }

    /** The oopses so far, oldest first: a kernel that never hit a bug has none. */
    public List<Oops> oopses() {
        return List.copyOf(oopses);
    }

    public void printk(String line) {
        if (log.size() == 256) {
            log.removeFirst();
        }
        log.addLast(line);
        console.printk(line + "\n");
    }

    /**
     * Takes in console input if the host has some, waking the tasks waiting for it: just looking
     * ({@code block} false; on a terminal this is the keyboard interrupt: typed keys are echoed
     * and ^C is sent then), or waiting for it when nothing else can run and a task waits on the
     * console. True if input came.
     */
    public boolean pollConsole(boolean block) {
        return console.pollInput(block ? -1 : 0);
    }

    /**
     * Every task sleeps until {@code deadline} (monotonic): the clock jumps there, or with the
     * host's clock the machine waits for real, for console input meanwhile (a key may end it).
     *
     * <p>One exception to the jump: a task waiting for a person at the terminal. People type in
     * real time, so while one is awaited the virtual clock follows the host's (else "sleep 5 &"
     * at the shell's prompt would be done before the next command is typed). Such a session is not
     * reproducible anyway, its input's timing being the person's; with stdin a file or a pipe the
     * clock still jumps and runs stay the same.
     */
    public void idleUntil(long deadline) {
        long ms = (deadline - clock.monotonicNanos() + 999_999) / 1_000_000;
        boolean realTime = clock.mode() == Clock.Mode.HOST || console.personAwaited();
        if (realTime && ms > 0) {
            long start = System.nanoTime();
            if (console.idle((int) Math.min(ms, Integer.MAX_VALUE))) {
                if (clock.mode() == Clock.Mode.VIRTUAL) {
                    clock.idleUntil(Math.min(deadline, clock.monotonicNanos() + System.nanoTime() - start));
                }
                return;
            }
        }
        clock.idleUntil(deadline);
    }

    /** futex_wake() on a word of {@code mm}. */
    public int futexWake(MmStruct mm, long address, int count) {
        return futex.wake(mm, address, count);
    }

    public minikernel.kernel.ipc.Sem sem() {
        return sem;
    }

    public minikernel.kernel.futex.Futex futex() {
        return futex;
    }

    /** The tree of files the tasks see. */
    public minikernel.kernel.fs.RootFs rootFs() {
        return rootFs;
    }

    /** Inode numbers for objects with no file system (pipes). */
    public int nextInode() {
        return ++lastInode;
    }

    /** The console's open files (fd 0, 1, 2 of the first tasks); the kernel holds one reference on each. */
    public List<File> consoleFiles() {
        return console.files();
    }

    /** The console: a tty when the host's stdin is a terminal. */
    public Console console() {
        return console;
    }

    /** The most recent kernel messages, oldest first. */
    public List<String> dmesg() {
        return List.copyOf(log);
    }

    /** Called when pid 1 exits: Linux panics ("Attempted to kill init!"); we halt with its status. */
    public void initExited(int status) {
        halt(status, null);
    }

    /** Every task is asleep and nothing can wake one: name each and what it waits on, and stop. */
    public void deadlock() {
        StringBuilder b = new StringBuilder("minikernel: deadlock: every task is asleep and nothing can wake one:");
        for (Task t : scheduler.liveTasks()) {
            if (!t.isKernelThread()) {
                b.append("\n  ").append(t).append(' ').append(t.state().procText())
                        .append(t.wchan().isEmpty() ? "" : " waiting in " + t.wchan());
            }
        }
        printk(b.toString());
        halt(Exit.killedStatus(9, false), "deadlock");
    }

    /**
     * The budget (KernelConfig#withBudget) is used up: every task is killed where it is, as a CPU
     * time limit would, and the run ends with SIGKILL's status and a line that says why.
     */
    public void budgetExhausted(long blocks) {
        StringBuilder b = new StringBuilder(String.format("minikernel: budget of %,d blocks used up; stopping:", blocks));
        for (Task t : scheduler.liveTasks()) {
            if (!t.isKernelThread()) {
                b.append("\n  ").append(t).append(' ').append(t.state().procText());
            }
        }
        printk(b.toString());
        halt(Exit.killedStatus(9, false), "budget");
    }

    public void halt(int status, String reason) {
        halted = true;
        haltStatus = status;
        haltReason = reason;
    }

    public boolean halted() {
        return halted;
    }

    public String haltReason() {
        return haltReason;
    }

    // ---- what the subsystems reach through the kernel ------------------------------------------

    public KernelConfig config() {
        return config;
    }

    public PhysicalMemory ram() {
        return ram;
    }

    public Cpu cpu() {
        return cpu;
    }

    public FrameAllocator frames() {
        return frames;
    }

    public PageFault pageFault() {
        return pageFault;
    }

    public UserAccess userAccess() {
        return userAccess;
    }

    public Clock clock() {
        return clock;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public PidAllocator pids() {
        return pids;
    }

    public SyscallDispatcher syscalls() {
        return syscalls;
    }

    /** init_mm's page directory, loaded when no user address space is. */
    public long swapperPgd() {
        return swapperPgd;
    }

    /** The task orphans are given to (pid 1). */
    public Task childReaper() {
        return childReaper;
    }

    public InitialStack.Credentials credentials() {
        return new InitialStack.Credentials(config.uid(), config.uid(), config.gid(), config.gid(), cpu.cpuidFeatures());
    }

    /** Bytes from the kernel's seeded generator (AT_RANDOM, getrandom): the same in every run. */
    public byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** A new, empty address space, or null when memory is exhausted. */
    public MmStruct newMm() {
        return MmStruct.allocate(ram, frames);
    }

    @Override
    public void close() {
        console.shutdown();
        cpu.close();
        ram.close();
    }
}
