package minikernel.kernel;

import java.util.ArrayList;
import java.util.List;
import minikernel.kernel.sched.Task;

/**
 * Static tracepoints, as in include/trace/events/sched.h: places in the kernel where an observer
 * (a test, the debugger's {@code catch fork}, a benchmark's counters) may look at the kernel's
 * objects at the moment something happens. Probes run inside the syscall, so they must only read.
 */
public final class Tracepoints {
    /** A probe on sched_process_fork: called with the creator and the new task, before it first runs. */
    public interface ProcessFork {
        void fork(Task parent, Task child);
    }

    /** A probe on sched_process_exit: called as a task enters do_exit, with its resources still held. */
    public interface ProcessExit {
        void exit(Task task);
    }

    /** A probe on raw_syscalls:sys_exit: called as a system call returns to its task, with the result. */
    public interface SysExit {
        void sysExit(Task task, int number, long result);
    }

    /** A probe on raw_syscalls:sys_enter: called as a system call starts, with its arguments. */
    public interface SysEnter {
        void sysEnter(Task task, int number, long[] args);
    }

    /** A probe on sched_process_exec: called when execve has replaced the task's program. */
    public interface ProcessExec {
        void exec(Task task, minikernel.kernel.exec.Executable exe);
    }

    /** A probe on signal_deliver: called when a handler is about to run (its frame is on the stack). */
    public interface SignalDeliver {
        void deliver(Task task, int sig, long handler);
    }

    /** A probe on exceptions:page_fault_user: called after the kernel handled a user page fault. */
    public interface PageFaultUser {
        void fault(Task task, long address, minikernel.cpu.Access access, minikernel.cpu.PageFaultHandler.Result result);
    }

    /** A probe on sched_switch: called when the CPU is handed from one task to another. */
    public interface SchedSwitch {
        void sched(Task prev, Task next);
    }

    private final List<SchedSwitch> schedSwitch = new ArrayList<>();
    private final List<PageFaultUser> pageFault = new ArrayList<>();
    private final List<SysEnter> sysEnter = new ArrayList<>();
    private final List<ProcessExec> exec = new ArrayList<>();
    private final List<SignalDeliver> deliver = new ArrayList<>();
    private final List<ProcessFork> fork = new ArrayList<>();
    private final List<ProcessExit> exit = new ArrayList<>();
    private final List<SysExit> sysExit = new ArrayList<>();
    private boolean sysExitEnabled;           // the static key for sys_enter and sys_exit: the hot path tests only this

    public void registerProcessFork(ProcessFork probe) {
        fork.add(probe);
    }

    public void registerProcessExit(ProcessExit probe) {
        exit.add(probe);
    }

    public void registerSysEnter(SysEnter probe) {
        sysEnter.add(probe);
        sysExitEnabled = true;
    }

    public void registerSchedSwitch(SchedSwitch probe) {
        schedSwitch.add(probe);
    }

    /** trace_sched_switch(): context_switch() calls it with the next task's registers loaded. */
    public void schedSwitch(Task prev, Task next) {
        for (SchedSwitch probe : schedSwitch) {
            probe.sched(prev, next);
        }
    }

    public void registerPageFaultUser(PageFaultUser probe) {
        pageFault.add(probe);
    }

    /**
     * trace_page_fault_user(): the MMU's fault path calls it once the fault is handled (or refused).
     * It runs inside the TLB-fill callback: a probe must not call into the engine.
     */
    public void pageFaultUser(Task task, long address, minikernel.cpu.Access access,
                              minikernel.cpu.PageFaultHandler.Result result) {
        for (PageFaultUser probe : pageFault) {
            probe.fault(task, address, access, result);
        }
    }

    public void registerProcessExec(ProcessExec probe) {
        exec.add(probe);
    }

    public void registerSignalDeliver(SignalDeliver probe) {
        deliver.add(probe);
    }

    /** trace_sys_enter(): the dispatcher calls it before the handler runs. */
    public void sysEnter(Task task, int number, long[] args) {
        for (SysEnter probe : sysEnter) {
            probe.sysEnter(task, number, args);
        }
    }

    /** trace_sched_process_exec(): execve calls it once the new program is in place. */
    public void schedProcessExec(Task task, minikernel.kernel.exec.Executable exe) {
        for (ProcessExec probe : exec) {
            probe.exec(task, exe);
        }
    }

    /** trace_signal_deliver(): signal delivery calls it with the handler's frame set up. */
    public void signalDeliver(Task task, int sig, long handler) {
        for (SignalDeliver probe : deliver) {
            probe.deliver(task, sig, handler);
        }
    }

    public void registerSysExit(SysExit probe) {
        sysExit.add(probe);
        sysExitEnabled = true;
    }

    public boolean sysExitEnabled() {
        return sysExitEnabled;
    }

    /** trace_sys_exit(): the dispatcher calls it when a call returns (not when it sleeps to run again). */
    public void sysExit(Task task, int number, long result) {
        for (SysExit probe : sysExit) {
            probe.sysExit(task, number, result);
        }
    }

    /** trace_sched_process_fork(): kernel_clone() calls it once copy_process() has succeeded. */
    public void schedProcessFork(Task parent, Task child) {
        for (ProcessFork probe : fork) {
            probe.fork(parent, child);
        }
    }

    /** trace_sched_process_exit(): do_exit() calls it before releasing mm, files and fs. */
    public void schedProcessExit(Task task) {
        for (ProcessExit probe : exit) {
            probe.exit(task);
        }
    }
}
