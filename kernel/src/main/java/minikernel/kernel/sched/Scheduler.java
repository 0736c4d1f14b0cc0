package minikernel.kernel.sched;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import minikernel.cpu.Cpu;
import minikernel.cpu.Trap;
import minikernel.kernel.Kernel;

/**
 * One CPU's scheduler: a round-robin run queue, the sleepers' timers, and the loop that runs the
 * chosen task on the CPU until its quantum ends or it stops (Linux's schedule() and
 * context_switch() in kernel/sched/core.c, without priorities yet). Preemption is the C block hook
 * counting blocks, so the interleaving is a pure function of the program, its input and the seed:
 * a seed other than 0 perturbs each quantum to explore other interleavings, reproducibly.
 */
public final class Scheduler {
    /** What the scheduler does with a task whose run ended in a trap (arch code decides). */
    @FunctionalInterface
    public interface TrapHandler {
        void handle(Task task, Trap trap);
    }

    private record Timer(long deadline, long sequence, Task task) {
    }

    private final Kernel kernel;
    private final Cpu cpu;
    private final long quantumBlocks;
    private final SplittableRandom perturbation;
    private final ArrayDeque<Task> runQueue = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.deadline != b.deadline
            ? Long.compare(a.deadline, b.deadline) : Long.compare(a.sequence, b.sequence));
    private final TreeMap<Integer, Task> tasks = new TreeMap<>();   // the pid hash
    private TrapHandler traps;
    private Task current;
    private Task cpuOwner;           // the task whose registers are loaded in the CPU
    private long timerSequence;
    private long contextSwitches;

    public Scheduler(Kernel kernel, Cpu cpu, long quantumBlocks, long seed) {
        this.kernel = kernel;
        this.cpu = cpu;
        this.quantumBlocks = quantumBlocks;
        this.perturbation = seed == 0 ? null : new SplittableRandom(seed);
    }

    public void setTrapHandler(TrapHandler traps) {
        this.traps = traps;
    }

    /** The task on the CPU (Linux's {@code current}). */
    public Task current() {
        return current;
    }

    // ---- the task list ----------------------------------------------------------------------------

    /** Makes a new task known (attach_pid) and runnable (wake_up_new_task). */
    public void wakeUpNewTask(Task task) {
        tasks.put(task.pid(), task);
        task.setState(TaskState.RUNNING);
        runQueue.add(task);
    }

    /** find_task_by_vpid(). */
    public Task findTask(int pid) {
        return tasks.get(pid);
    }

    public Collection<Task> tasks() {
        return Collections.unmodifiableCollection(tasks.values());
    }

    /** detach_pid() at release_task(): the pid is free again, the task forgotten. */
    public void forget(Task task) {
        tasks.remove(task.pid());
        runQueue.remove(task);
        timers.removeIf(t -> t.task == task);
        if (cpuOwner == task) {
            cpuOwner = null;
        }
    }

    /** The CPU state of this task is no longer needed (it exited): never save it again. */
    public void dropCpuState(Task task) {
        if (cpuOwner == task) {
            cpuOwner = null;
        }
    }

    // ---- sleeping and waking ----------------------------------------------------------------------

    /** try_to_wake_up(): a sleeping task becomes runnable; no effect on others. */
    public void wakeUp(Task task) {
        if (task.state() == TaskState.INTERRUPTIBLE || task.state() == TaskState.UNINTERRUPTIBLE) {
            task.setState(TaskState.RUNNING);
            timers.removeIf(t -> t.task == task);
            runQueue.add(task);
        }
    }

    /**
     * The current task sleeps in {@code state}. When called from a system call, the CPU stops
     * after the hook and the task is not picked again until woken.
     */
    public void sleep(Task task, TaskState state) {
        task.setState(state);
        runQueue.remove(task);
        if (task == current && !task.isKernelThread()) {
            cpu.stopAfterHook();
        }
    }

    /** Sleeps until the monotonic clock reaches {@code deadline} (schedule_hrtimeout). */
    public void sleepUntil(Task task, long deadline) {
        sleep(task, TaskState.INTERRUPTIBLE);
        timers.add(new Timer(deadline, timerSequence++, task));
    }

    /** Gives up the CPU but stays runnable (sched_yield). */
    public void yield(Task task) {
        if (task == current && !task.isKernelThread()) {
            cpu.stopAfterHook();
        }
    }

    private void wakeExpiredTimers() {
        long now = kernel.clock().monotonicNanos();
        while (!timers.isEmpty() && timers.peek().deadline <= now) {
            wakeUp(timers.poll().task);
        }
    }

    // ---- the loop ---------------------------------------------------------------------------------

    /** Runs tasks until the kernel halts. */
    public void run() {
        while (!kernel.halted()) {
            if (kernel.frames().quarantineFull()) {
                kernel.frames().reclaimQuarantine();
            }
            wakeExpiredTimers();
            Task next = runQueue.poll();
            if (next == null) {
                if (!timers.isEmpty()) {
                    kernel.clock().idleUntil(timers.peek().deadline);
                    continue;
                }
                kernel.deadlock();
                return;
            }
            if (next.state() != TaskState.RUNNING) {
                continue;
            }
            current = next;
            if (next.isKernelThread()) {
                next.kthread().run(next);
            } else {
                runOnCpu(next);
            }
            if (next.state() == TaskState.RUNNING && !runQueue.contains(next)) {
                runQueue.add(next);
            }
        }
    }

    private void runOnCpu(Task task) {
        contextSwitch(task);
        cpu.quantum().set(nextQuantum());
        long before = cpu.quantum().blocks();
        Trap trap = cpu.run();
        task.addBlocksRun(cpu.quantum().blocks() - before);
        task.countSwitch(!(trap instanceof Trap.Preempted));
        if (!(trap instanceof Trap.Preempted) && !(trap instanceof Trap.Stopped)) {
            traps.handle(task, trap);
        }
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
        if (cpuOwner != null) {
            cpu.saveContext(cpuOwner.context());
        }
        cpu.switchMm(next.mm().pageTables().pgd());
        cpu.restoreContext(next.context());
        cpu.loadTls(next.tls());
        cpuOwner = next;
    }

    /**
     * Saves the loaded task's registers so the CPU may be used for something else (building a new
     * task's initial context); the next switch reloads them.
     */
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

    /** Context switches since boot (nr_switches). */
    public long contextSwitches() {
        return contextSwitches;
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
