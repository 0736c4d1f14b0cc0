package minikernel.kernel.sched;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import minikernel.cpu.Cpu;
import minikernel.cpu.Trap;
import minikernel.kernel.Kernel;

/**
 * One CPU's scheduler, after Linux's CFS (kernel/sched/fair.c): runnable tasks are ordered by
 * vruntime, the CPU time they have had weighted by their nice value, and the one with the least
 * runs next, for one quantum counted in translated blocks (the C block hook is the timer tick).
 * So the interleaving is a pure function of the programs, their input and the seed; a seed other
 * than 0 perturbs each quantum to explore other interleavings, reproducibly. Sleepers wait on
 * {@link WaitQueue}s or on timers; when every task sleeps on a timer, virtual time jumps ahead.
 */
public final class Scheduler {
    /** What the scheduler does with a task whose run ended in a trap (arch code decides). */
    @FunctionalInterface
    public interface TrapHandler {
        void handle(Task task, Trap trap);
    }

    /** sched_prio_to_weight[]: nice -20..19; each step is ~10% of CPU (a ratio of ~1.25). */
    private static final int[] PRIO_TO_WEIGHT = {
        88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916,
        9548, 7620, 6100, 4904, 3906, 3121, 2501, 1991, 1586, 1277,
        1024, 820, 655, 526, 423, 335, 272, 215, 172, 137,
        110, 87, 70, 56, 45, 36, 29, 23, 18, 15};
    private static final int NICE_0_WEIGHT = 1024;

    private record Timer(long deadline, long sequence, Task task, Runnable action) {
        Timer(long deadline, long sequence, Task task) {
            this(deadline, sequence, task, null);
        }
    }

    private final Kernel kernel;
    private final Cpu cpu;
    private final long quantumBlocks;
    private long budget;                            // stop the machine after this many blocks (0: never)
    private final SplittableRandom perturbation;
    private final TreeSet<Task> runQueue = new TreeSet<>(Comparator.comparingLong(Task::vruntime)
            .thenComparingLong(Task::enqueueSequence));
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.deadline != b.deadline
            ? Long.compare(a.deadline, b.deadline) : Long.compare(a.sequence, b.sequence));
    private final TreeMap<Integer, Task> tasks = new TreeMap<>();   // the pid hash
    private TrapHandler traps;
    private Task current;
    private Task cpuOwner;           // the task whose registers are loaded in the CPU
    private long minVruntime;
    private long sequence;
    private long contextSwitches;
    private long threadSwitches;
    private Task yielded;

    public Scheduler(Kernel kernel, Cpu cpu, long quantumBlocks, long seed) {
        this.kernel = kernel;
        this.cpu = cpu;
        this.quantumBlocks = quantumBlocks;
        this.perturbation = seed == 0 ? null : new SplittableRandom(seed);
    }

    /** The configured budget of guest blocks (see KernelConfig#withBudget). */
    public void setBudget(long blocks) {
        budget = blocks;
    }

    public void setTrapHandler(TrapHandler traps) {
        this.traps = traps;
    }

    /** The task on the CPU (Linux's {@code current}). */
    public Task current() {
        return current;
    }

    // ---- the task list ----------------------------------------------------------------------------

    /** attach_pid() and wake_up_new_task(): a new task starts at the queue's minimum vruntime. */
    public void wakeUpNewTask(Task task) {
        tasks.put(task.pid(), task);
        task.setVruntime(minVruntime);
        task.setState(TaskState.RUNNING);
        enqueue(task);
    }

    /** find_task_by_vpid(). */
    public Task findTask(int pid) {
        return tasks.get(pid);
    }

    public Collection<Task> tasks() {
        return Collections.unmodifiableCollection(tasks.values());
    }

    /** exchange_tids(): de_thread gives the exec'ing thread its leader's pid, and the leader the thread's. */
    public void exchangePids(Task a, Task b) {
        tasks.remove(a.pid());
        tasks.remove(b.pid());
        a.exchangePid(b);
        tasks.put(a.pid(), a);
        tasks.put(b.pid(), b);
    }

    /** detach_pid() at release_task(): the pid is free again, the task forgotten. */
    public void forget(Task task) {
        tasks.remove(task.pid());
        runQueue.remove(task);
        timers.removeIf(t -> t.task == task);
        leaveWaitQueues(task);
        if (cpuOwner == task) {
            cpuOwner = null;
        }
    }

    /**
     * do_signal_stop() for one thread: a sleeper leaves its queues (its call runs again when it
     * continues), and the thread is off the run queue until {@link #resume}.
     */
    public void stop(Task task) {
        if (task.state() == TaskState.INTERRUPTIBLE) {
            wakeUp(task);
        }
        runQueue.remove(task);
        task.setState(TaskState.STOPPED);
        task.setWchan("do_signal_stop");
    }

    /** SIGCONT: a stopped thread runs again. */
    public void resume(Task task) {
        if (task.state() == TaskState.STOPPED) {
            task.setState(TaskState.RUNNING);
            task.setWchan("");
            task.setVruntime(Math.max(task.vruntime(), minVruntime - quantumBlocks / 2));
            enqueue(task);
        }
    }

    /** The task exits: off the run queue, its timers and its wait queues (it may be killed asleep). */
    public void dequeue(Task task) {
        runQueue.remove(task);
        timers.removeIf(t -> t.task == task);
        leaveWaitQueues(task);
    }

    /** The CPU state of this task is no longer needed (it exited): never save it again. */
    public void dropCpuState(Task task) {
        if (cpuOwner == task) {
            cpuOwner = null;
        }
    }

    // ---- sleeping and waking ----------------------------------------------------------------------

    private void enqueue(Task t) {
        t.setEnqueueSequence(sequence++);
        runQueue.add(t);
    }

    /**
     * try_to_wake_up(): a sleeping task becomes runnable. A long sleeper is not allowed to bank CPU
     * time: its vruntime is raised to near the queue's minimum (place_entity's sleeper credit).
     */
    public void wakeUp(Task task) {
        if (task.state() != TaskState.INTERRUPTIBLE && task.state() != TaskState.UNINTERRUPTIBLE) {
            return;
        }
        task.setState(TaskState.RUNNING);
        task.setWchan("");
        leaveWaitQueues(task);
        timers.removeIf(t -> t.task == task);
        task.setVruntime(Math.max(task.vruntime(), minVruntime - quantumBlocks / 2));
        enqueue(task);
    }

    /**
     * The task sleeps in {@code state} waiting for {@code wchan}. Called from a system call, the CPU
     * stops after the hook and the task is not picked again until woken.
     */
    public void sleep(Task task, TaskState state, String wchan) {
        runQueue.remove(task);
        task.setState(state);
        task.setWchan(wchan);
        if (task == current && !task.isKernelThread()) {
            cpu.stopAfterHook();
        }
    }

    /** prepare_to_wait() + schedule(): sleeps on {@code queue} until wakeUpAll(). */
    public void sleepOn(Task task, WaitQueue queue, TaskState state) {
        queue.add(task);
        task.setWaitQueues(List.of(queue));
        sleep(task, state, queue.name());
    }

    private static void leaveWaitQueues(Task task) {
        for (WaitQueue q : task.waitQueues()) {
            q.remove(task);
        }
        task.setWaitQueues(List.of());
    }

    /**
     * poll and select: sleep on every queue of {@code queues} at once (poll_wait added each), and
     * run the call again when any of them wakes, or at {@code deadline} (-1: never).
     */
    public boolean blockAndRestart(Task task, List<WaitQueue> queues, String wchan, long deadline) {
        if (signalRefuses(task)) {
            return false;
        }
        task.setSyscallRestart(true);
        for (WaitQueue q : queues) {
            q.add(task);
        }
        task.setWaitQueues(List.copyOf(queues));
        sleep(task, TaskState.INTERRUPTIBLE, wchan);
        if (deadline >= 0) {
            timers.add(new Timer(deadline, sequence++, task));
        }
        return true;
    }

    /**
     * The blocking form of a system call: sleep on {@code queue}, and when woken run the call again
     * from the start (its condition is tested afresh), like Linux's wait loop around schedule().
     * False, without sleeping, when a signal is pending: the call then returns its restart code
     * ({@link Task#restartKind}) and the signal is delivered (signal_pending() in that loop).
     */
    public boolean blockAndRestart(Task task, WaitQueue queue) {
        return blockAndRestart(task, queue, -1);
    }

    /** The same, giving up at {@code deadline} (monotonic nanoseconds; -1 for never): the call then runs again. */
    public boolean blockAndRestart(Task task, WaitQueue queue, long deadline) {
        if (signalRefuses(task)) {
            return false;
        }
        task.setSyscallRestart(true);
        sleepOn(task, queue, TaskState.INTERRUPTIBLE);
        if (deadline >= 0) {
            timers.add(new Timer(deadline, sequence++, task));
        }
        return true;
    }

    /** An interruptible sleep a pending signal forbids: the call is marked interrupted instead. */
    private static boolean signalRefuses(Task task) {
        if (task.isKernelThread() || !minikernel.kernel.signal.Signals.signalPending(task)) {
            return false;
        }
        task.setInterrupted(true);
        return true;
    }

    /**
     * Sleeps (the call restarts when woken) with an optional timeout: a task waiting on a futex,
     * which keeps its own queue. {@code deadline} is monotonic nanoseconds, or -1 for none.
     */
    public boolean sleepAndRestart(Task task, String wchan, long deadline) {
        if (signalRefuses(task)) {
            return false;
        }
        task.setSyscallRestart(true);
        sleep(task, TaskState.INTERRUPTIBLE, wchan);
        if (deadline >= 0) {
            timers.add(new Timer(deadline, sequence++, task));
        }
        return true;
    }

    /** Sleeps until the monotonic clock reaches {@code deadline} (schedule_hrtimeout). */
    public void sleepUntil(Task task, long deadline, String wchan) {
        sleep(task, TaskState.INTERRUPTIBLE, wchan);
        timers.add(new Timer(deadline, sequence++, task));
    }

    /**
     * Gives up the CPU but stays runnable (sched_yield): it goes behind every other runnable task,
     * as CFS's skip buddy makes it.
     */
    public void yield(Task task) {
        yielded = task;
        if (task == current && !task.isKernelThread()) {
            cpu.stopAfterHook();
        }
    }

    private void wakeExpiredTimers() {
        long now = kernel.clock().monotonicNanos();
        while (!timers.isEmpty() && timers.peek().deadline <= now) {
            Timer t = timers.poll();
            if (t.action != null) {
                t.action.run();
            } else {
                wakeUp(t.task);
            }
        }
    }

    /**
     * A kernel timer (hrtimer): {@code action} runs from the scheduler's loop once the monotonic
     * clock reaches {@code deadline}. The handle cancels it.
     */
    public Object addTimer(long deadline, Runnable action) {
        Timer t = new Timer(deadline, sequence++, null, action);
        timers.add(t);
        return t;
    }

    /** hrtimer_cancel(): the timer will not run (it may have already). */
    public void cancelTimer(Object handle) {
        timers.remove(handle);
    }

    /** True if some other task could run now. */
    public boolean othersRunnable(Task self) {
        for (Task t : runQueue) {
            if (t != self) {
                return true;
            }
        }
        return false;
    }

    // ---- the loop ---------------------------------------------------------------------------------

    /** Runs tasks until the kernel halts. */
    public void run() {
        while (!kernel.halted()) {
            if (kernel.frames().quarantineFull()) {
                kernel.frames().reclaimQuarantine();
            }
            wakeExpiredTimers();
            kernel.pollConsole(false);
            Task next = runQueue.pollFirst();
            if (next == null) {
                if (!timers.isEmpty()) {
                    kernel.idleUntil(timers.peek().deadline);
                    continue;
                }
                if (kernel.pollConsole(true)) {
                    continue;
                }
                kernel.deadlock();
                return;
            }
            minVruntime = Math.max(minVruntime, next.vruntime());
            current = next;
            long ran = next.isKernelThread() ? runKernelThread(next) : runOnCpu(next);
            if (budget > 0 && cpu.quantum().blocks() >= budget && !kernel.halted()) {
                kernel.budgetExhausted(budget);
            }
            next.setVruntime(next.vruntime() + Math.max(1, ran) * NICE_0_WEIGHT / weight(next));
            if (yielded == next && !runQueue.isEmpty()) {
                next.setVruntime(Math.max(next.vruntime(), runQueue.last().vruntime() + 1));
            }
            yielded = null;
            if (next.state() == TaskState.RUNNING && !runQueue.contains(next)) {
                enqueue(next);
            }
        }
    }

    private long runKernelThread(Task t) {
        t.kthread().run(t);
        return 1;
    }

    private long runOnCpu(Task task) {
        if (task.startRegisters() != null) {
            startProgram(task);
        }
        contextSwitch(task);
        minikernel.kernel.arch.SignalDelivery.exitToUserMode(task, cpu);
        if (task.state() != TaskState.RUNNING) {
            return 0;                           // a signal ended or stopped it on its way back to user mode
        }
        cpu.quantum().set(nextQuantum());
        long before = cpu.quantum().blocks();
        Trap trap = cpu.run();
        long ran = cpu.quantum().blocks() - before;
        task.addBlocksRun(ran);
        task.countSwitch(!(trap instanceof Trap.Preempted));
        if (task.syscallRestart()) {
            task.setSyscallRestart(false);
            if (cpuOwner == task) {
                cpu.setEip(cpu.eip() - 2);      // back onto the int $0x80, to run the call again
                task.setAtRestartPoint(true);
            }
        }
        if (!(trap instanceof Trap.Preempted) && !(trap instanceof Trap.Stopped)) {
            traps.handle(task, trap);
        }
        return ran;
    }

    /** start_thread() of an exec'd program: fresh registers at its entry point, built between runs. */
    private void startProgram(Task task) {
        long[] regs = task.startRegisters();
        task.clearStartRegisters();
        releaseCpu();
        if (task.context() != null) {
            cpu.freeContext(task.context());
        }
        cpu.switchMm(task.mm().pageTables().pgd());
        task.setContext(cpu.newUserContext(regs[0], regs[1]));
        cpuOwner = null;
    }

    /**
     * context_switch(): switch_mm() loads the next address space (flushing the TLB only if it
     * differs: not between threads of one process), then switch_to() saves the previous task's
     * registers and loads the next one's, with its TLS descriptors.
     */
    private void contextSwitch(Task next) {
        if (cpuOwner == next) {
            return;
        }
        contextSwitches++;
        if (cpu.mmu().cr3() == next.mm().pageTables().pgd()) {
            threadSwitches++;      // the address space already loaded (prev->active_mm): no TLB flush
        }
        if (cpuOwner != null) {
            cpu.saveContext(cpuOwner.context());
        }
        cpu.switchMm(next.mm().pageTables().pgd());
        cpu.restoreContext(next.context());
        cpu.loadTls(next.tls());
        Task prev = cpuOwner;
        cpuOwner = next;
        kernel.tracepoints().schedSwitch(prev, next);
    }

    /** Saves the loaded task's registers so the CPU may be used for something else. */
    public void releaseCpu() {
        if (cpuOwner != null) {
            cpu.saveContext(cpuOwner.context());
            cpuOwner = null;
        }
    }

    private long nextQuantum() {
        if (quantumBlocks == 0) {
            return Long.MAX_VALUE;
        }
        return perturbation == null ? quantumBlocks : quantumBlocks / 2 + perturbation.nextLong(quantumBlocks);
    }

    private static int weight(Task t) {
        return PRIO_TO_WEIGHT[t.nice() + 20];
    }

    /** Context switches since boot (nr_switches). */
    public long contextSwitches() {
        return contextSwitches;
    }

    /** Of those, switches between two tasks of one address space (no TLB flush needed). */
    public long threadSwitches() {
        return threadSwitches;
    }

    // ---- read-only views (the debugger's sched command) -----------------------------------------

    /** The runnable tasks in the order CFS would pick them: least vruntime first (the rbtree, leftmost first). */
    public List<Task> runQueue() {
        return List.copyOf(runQueue);
    }

    /** cfs_rq->min_vruntime: where a new or long-sleeping task is placed. */
    public long minVruntime() {
        return minVruntime;
    }

    /** The configured quantum in blocks (0: no preemption). */
    public long quantumBlocks() {
        return quantumBlocks;
    }

    /** The earliest timer {@code task} sleeps on (monotonic nanoseconds), or -1 if none. */
    public long timerDeadline(Task task) {
        long earliest = -1;
        for (Timer t : timers) {
            if (t.task == task && (earliest < 0 || t.deadline < earliest)) {
                earliest = t.deadline;
            }
        }
        return earliest;
    }

    /** Tasks that are not yet reaped, in pid order. */
    public List<Task> liveTasks() {
        List<Task> list = new ArrayList<>();
        for (Task t : tasks.values()) {
            if (t.state() != TaskState.DEAD) {
                list.add(t);
            }
        }
        return list;
    }
}
