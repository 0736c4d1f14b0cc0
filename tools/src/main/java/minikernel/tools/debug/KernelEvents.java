package minikernel.tools.debug;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import minikernel.kernel.Kernel;
import minikernel.kernel.exec.ElfException;
import minikernel.kernel.exec.ElfFile;
import minikernel.kernel.exec.Executable;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Syscall;
import minikernel.kernel.syscall.Tracer;

/**
 * The kernel's tracepoints, seen by the debugger: system call entry and exit (catch syscall,
 * stepsys), fork and clone (reported when the call returns to the parent, so the child is in the
 * task list), exec (and the new program's symbols), exit and signal delivery. Each may stop the
 * console, which then runs inside the kernel's own call, with the guest paused. (The stop before
 * a signal acts, which gdb gets, is not a tracepoint but the kernel's tracer hook: see
 * Debugger#signalDeliveryStop.)
 */
final class KernelEvents {
    private final Debugger debugger;
    private final Kernel kernel;
    private final Tracer tracer;
    private final ByteArrayOutputStream traced = new ByteArrayOutputStream();
    private final Map<Integer, long[]> args = new HashMap<>();         // by pid: the call in progress
    private final Map<Integer, String[]> atEntry = new HashMap<>();
    private final Map<Integer, Task> newTasks = new HashMap<>();       // by parent pid: made by this call

    KernelEvents(Debugger debugger, Kernel kernel) {
        this.debugger = debugger;
        this.kernel = kernel;
        this.tracer = new Tracer(new PrintStream(traced, true, StandardCharsets.UTF_8), kernel.ram());
        var tp = kernel.tracepoints();
        tp.registerSysEnter(this::sysEnter);
        tp.registerSysExit(this::sysExit);
        tp.registerProcessFork((parent, child) -> newTasks.put(parent.pid(), child));
        tp.registerProcessExec(this::exec);
        tp.registerProcessExit(this::exit);
        tp.registerSignalDeliver(this::signal);
        tp.registerPageFaultUser(this::pageFault);
    }

    private void sysEnter(Task t, int nr, long[] a) {
        Syscall call = Syscall.byNumber(nr);
        long[] copy = a.clone();
        args.put(t.pid(), copy);
        String[] entry = tracer.atEntry(t, call, copy);
        atEntry.put(t.pid(), entry);
        String why = debugger.syscallStop(t, nr, true);
        if (why != null) {
            debugger.stopAtEvent(t, why + ": " + call.traceName() + "(" + String.join(", ", nonNull(entry)) + ")");
        }
    }

    private void sysExit(Task t, int nr, long result) {
        if (!debugger.watchpoints().isEmpty()) {
            debugger.resolveWatches();
        }
        Syscall call = Syscall.byNumber(nr);
        Task child = newTasks.remove(t.pid());
        if (child != null) {
            boolean thread = child.tgid() == t.tgid();
            String kind = thread ? "thread" : "process";
            String why = debugger.forkStop(thread);
            if (why != null) {
                debugger.stopAtEvent(t, String.format("%s: new %s %d (%s), made by pid %d", why, kind, child.pid(),
                        child.comm(), t.pid()));
            }
        }
        long[] a = args.remove(t.pid());
        String[] entry = atEntry.remove(t.pid());
        if (t.isZombieOrDead()) {
            return;                       // exit and exit_group do not return
        }
        String why = debugger.syscallStop(t, nr, false);
        if (why != null && a != null) {
            traced.reset();
            tracer.print(t, call, a, entry, result, result == Syscall.NO_RETURN, false);
            debugger.stopAtEvent(t, why + ": " + traced.toString(StandardCharsets.UTF_8).strip());
        }
    }

    /**
     * Inside the MMU's fill callback nothing may call the engine (the console reads registers):
     * a page-fault catchpoint stops before the next instruction instead, and says what happened.
     */
    private void pageFault(Task t, long address, minikernel.cpu.Access access,
                           minikernel.cpu.PageFaultHandler.Result result) {
        if (!debugger.watchpoints().isEmpty()) {
            debugger.resolveWatches();
        }
        String why = debugger.eventStop(Catchpoint.Kind.PAGEFAULT);
        if (why != null) {
            String what = switch (result) {
                case HANDLED -> "handled: the page is mapped now (a new page, a copy on write or a file's page)";
                case SEGV_MAPERR -> "refused: nothing is mapped there (SIGSEGV, SEGV_MAPERR)";
                case SEGV_ACCERR -> "refused: the mapping forbids it (SIGSEGV, SEGV_ACCERR)";
                case SIGBUS -> "refused: past the end of the mapped file (SIGBUS)";
                case OOM -> "refused: no memory left (the task is killed)";
            };
            debugger.stopBeforeNextInstruction(String.format("%s: pid %d, %s at 0x%08x: %s", why, t.pid(),
                    access.name().toLowerCase(java.util.Locale.ROOT), address, what));
        }
    }

    private void exec(Task t, Executable exe) {
        try {
            debugger.setProgram(t, ElfFile.parse(exe.bytes()));
        } catch (ElfException e) {
            debugger.setProgram(t, null);
        }
        String why = debugger.eventStop(Catchpoint.Kind.EXEC);
        if (why != null) {
            debugger.stopAtEvent(t, why + ": pid " + t.pid() + " executed " + exe.path()
                    + " (it starts at its entry point when it next runs)");
        }
    }

    private void exit(Task t) {
        String why = debugger.eventStop(Catchpoint.Kind.EXIT);
        if (why != null) {
            int status = t.exitCode();
            String how = (status & 0x7f) == 0 ? "with status " + (status >> 8 & 0xff)
                    : "killed by " + minikernel.kernel.signal.Signal.name(status & 0x7f);
            debugger.stopAtEvent(t, why + ": pid " + t.pid() + " (" + t.comm() + ") is exiting " + how);
        }
    }

    private void signal(Task t, int sig, long handler) {
        String why = debugger.eventStop(Catchpoint.Kind.SIGNAL);
        if (why != null) {
            debugger.stopAtEvent(t, String.format("%s: pid %d received signal %d (%s); its handler starts at"
                    + " 0x%08x", why, t.pid(), sig, minikernel.kernel.signal.Signal.name(sig), handler));
        }
    }

    private static String[] nonNull(String[] a) {
        String[] out = new String[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] == null ? "..." : a[i];
        }
        return out;
    }
}
