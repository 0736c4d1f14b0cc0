package minikernel.tools.debug;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import minikernel.cpu.Cpu;
import minikernel.cpu.DebugHook;
import minikernel.cpu.capstone.Disassembler;
import minikernel.cpu.capstone.Instruction;
import minikernel.kernel.Kernel;
import minikernel.kernel.exec.ElfFile;
import minikernel.kernel.sched.Task;

/**
 * The debugger console's session: the kernel it watches, the breakpoints, the task in focus, and
 * what the guest was told to do when it last ran on. {@link #stop} is called by the CPU's code hook
 * before an instruction worth stopping at; it prints where the guest is and reads commands until
 * one lets the guest go on. The console runs inside the hook, so the engine is never stopped for
 * the debugger and the run stays the one {@code ./minikernel run} would make.
 */
public final class Debugger implements DebugHook.Console {
    /** What made the guest stop, for a front end that reports it in its own terms (gdb's stop replies). */
    public enum Stop { ENTRY, BREAKPOINT, WATCHPOINT, READ_WATCHPOINT, STEP, INTERRUPT, EVENT, SIGNAL }

    /**
     * Who takes the stops: by default this console's command loop; the gdb stub sets itself. It is
     * called inside the hook, the guest paused before the instruction at {@code address} of
     * {@code task}, and returns when the guest may run on.
     */
    public interface FrontEnd {
        /** @param dataAddress for a watchpoint stop, the watched address; for a SIGNAL stop the signal; 0 otherwise */
        void stopped(Task task, long address, Stop kind, long dataAddress);

        /** Whether each signal stops its task before delivery, as under a ptrace tracer (gdb's way; not the console's). */
        default boolean tracesSignals() {
            return false;
        }

        /** A signal the front end lets through without a stop (gdb's QPassSignals). */
        default boolean passes(int sig) {
            return false;
        }

        /** After a SIGNAL stop: the signal the task goes on with (0: none), as the front end was told when resumed. */
        default int signalAfterStop(int sig) {
            return sig;
        }
    }

    private Kernel kernel;                         // the run being debugged (a replay makes a new one)
    private Cpu cpu;
    private final LineSource lines;
    private final PrintStream out;
    private final Commands commands = new Commands();
    private final ElfFile program;                 // the first program's symbols; null if unreadable
    private final java.util.Map<Integer, ElfFile> programs = new java.util.HashMap<>();   // by tgid, after exec
    private final List<Catchpoint> catchpoints = new ArrayList<>();
    private final Watchpoints watchpoints = new Watchpoints();
    private final java.util.Map<ElfFile, Symbols> symbolCache = new java.util.IdentityHashMap<>();
    private minikernel.cpu.capstone.Syntax syntax = minikernel.cpu.capstone.Syntax.ATT;
    private int stepsysPid;                        // stepsys: stop at this task's next call entry or exit
    private final List<Breakpoint> breakpoints = new ArrayList<>();
    private final Disassembler disassembler = new Disassembler();
    private DebugHook hook;
    private int nextBreakpoint = 1;
    private Task focus;                            // the task commands act on (-p PID picks another)
    private Task stopped;                          // the task the hook stopped in (its registers are live)
    private String lastLine = "";
    private boolean killed;                        // this run ends: killed, or abandoned for a replay
    private final ReverseExecution reverse = new ReverseExecution();
    private Runnable onReplayArrived = () -> { };  // the guest's output goes to the terminal again
    private long resumeCount;                      // the instruction count the guest last resumed at ...
    private long resumeAddress = -1;               // ... the address ...
    private int resumePid;                         // ... and task: a fault's retry there is no new stop
    private boolean inEvent;                       // the console runs inside a kernel tracepoint
    private minikernel.kernel.signal.SigInfo stopSignal;   // the signal the guest stopped at, or null
    private final SignalHandling signalHandling = new SignalHandling();
    private int signalAfterStop;                   // at a console stop at a signal: what the task gets
    private boolean deferredKill;                  // kill when the guest next runs an instruction
    private String pendingWhy;                     // a stop asked for by the kernel, made at the next instruction
    private FrontEnd frontEnd;                     // null: this console's command loop
    private Stop stopKind = Stop.INTERRUPT;        // what the last reasonToStop found
    private long stopData;                         // ... and, for a watchpoint, its address

    // What "run on" means until the next stop: single steps of one task, or a temporary stop.
    private int stepPid;
    private long stepsLeft;
    private Breakpoint temporary;                  // next, finish, until: one task, one address
    private long temporaryMinEsp;                  // ... reached with the stack no deeper than this

    public Debugger(LineSource lines, PrintStream out, ElfFile program) {
        this.lines = lines;
        this.out = out;
        this.program = program;
    }

    /** What tab completes: the command names and the program's symbols. */
    public static List<String> completions(ElfFile program) {
        List<String> words = new Commands().names();
        if (program != null) {
            program.symbols().symbols().forEach(sym -> words.add(sym.name()));
        }
        return words;
    }

    /**
     * Watches a new run: installs the code hook before the program starts and asks for a stop at
     * its first instruction, or, for a replay, at the instruction the reverse command chose.
     */
    public void attach(Kernel k) {
        kernel = k;
        cpu = k.cpu();
        killed = false;
        deferredKill = false;
        inEvent = false;
        pendingWhy = null;
        stepsLeft = 0;
        temporary = null;
        stepsysPid = 0;
        programs.clear();
        reverse.startRun();
        hook = cpu.installDebugHook(this);
        new KernelEvents(this, kernel);
        traceSignals();
        k.tracepoints().registerSchedSwitch((prev, next) -> reverse.recordSwitch(hook.instructions() + 1, next.pid()));
        syncHook();
        if (!reverse.silent()) {
            hook.stopAt(1);
        }
    }

    /** True when the run ended because a reverse command needs a replay: start another kernel. */
    public boolean replayRequested() {
        return reverse.requested();
    }

    /** Called when a replay reaches its instruction: the guest's output is to be seen again. */
    public void onReplayArrived(Runnable r) {
        onReplayArrived = r;
    }

    // ---- kernel events (KernelEvents calls these) ---------------------------------------------

    /** Why to stop at this call's entry or exit (a catchpoint, stepsys), or null. */
    String syscallStop(Task t, int nr, boolean entry) {
        if (killed || reverse.silent()) {
            return null;
        }
        if (stepsysPid == t.pid()) {
            stepsysPid = 0;
            return entry ? "\nSystem call entry" : "\nSystem call exit";
        }
        for (Catchpoint c : catchpoints) {
            if (c.catchesSyscall(nr)) {
                c.hits++;
                return String.format("%nCatchpoint %d (%s system call)", c.number, entry ? "call to" : "returned from");
            }
        }
        return null;
    }

    /** Why to stop when a clone made a thread or a process, or null. */
    String forkStop(boolean thread) {
        if (killed || reverse.silent()) {
            return null;
        }
        for (Catchpoint c : catchpoints) {
            if (c.enabled && (c.kind == Catchpoint.Kind.CLONE || c.kind == Catchpoint.Kind.FORK && !thread)) {
                c.hits++;
                return String.format("%nCatchpoint %d (%s)", c.number, c.what);
            }
        }
        return null;
    }

    /** Why to stop at an exec, exit or signal delivery, or null. */
    String eventStop(Catchpoint.Kind kind) {
        if (killed || reverse.silent()) {
            return null;
        }
        for (Catchpoint c : catchpoints) {
            if (c.enabled && c.kind == kind) {
                c.hits++;
                return String.format("%nCatchpoint %d (%s)", c.number, c.what);
            }
        }
        return null;
    }

    /** A stop inside the kernel (a tracepoint): the guest is paused at the task's next instruction. */
    void stopAtEvent(Task t, String why) {
        stopInKernel(t, why, Stop.EVENT, 0);
    }

    /**
     * ptrace_signal()'s stop, for a front end that traces signals: the task stops before
     * {@code sig} acts, and goes on with the signal the front end then names (0: none).
     */
    int signalDeliveryStop(Task t, int sig, minikernel.kernel.signal.SigInfo info) {
        if (killed || reverse.silent()) {
            return sig;
        }
        if (frontEnd != null && (!frontEnd.tracesSignals() || frontEnd.passes(sig))) {
            return sig;                                 // gdb let it through (QPassSignals), or is gone
        }
        if (frontEnd == null && !signalHandling.stops(sig)) {
            return signalHandling.passes(sig) ? sig : 0;   // the console's handle table: no stop
        }
        stopSignal = info;
        signalAfterStop = signalHandling.passes(sig) ? sig : 0;
        try {
            stopInKernel(t, received(t, info), Stop.SIGNAL, sig);
        } finally {
            stopSignal = null;
        }
        if (killed) {
            return 0;
        }
        return frontEnd != null ? frontEnd.signalAfterStop(sig) : signalAfterStop;
    }

    /** "Program received signal SIGSEGV, pid 2 (prog): a fault at 0x00000000 (si_code 1)". */
    private static String received(Task t, minikernel.kernel.signal.SigInfo info) {
        int sig = info.signo();
        boolean fault = info.code() > 0 && info.code() < minikernel.kernel.signal.SigInfo.SI_KERNEL
                && (sig == 4 || sig == 5 || sig == 7 || sig == 8 || sig == 11);
        String from = fault ? String.format("a fault at 0x%08x (si_code %d)", info.addr(), info.code())
                : info.code() == minikernel.kernel.signal.SigInfo.SI_KERNEL ? "from the kernel"
                : "sent by pid " + info.pid();
        return String.format("%nProgram received signal %s, pid %d (%s): %s", minikernel.kernel.signal.Signal.name(sig),
                t.pid(), t.comm(), from);
    }

    SignalHandling signalHandling() {
        return signalHandling;
    }

    /** signal N at a stop at a signal: the task goes on with N instead (0: none). */
    void setSignalAfterStop(int sig) throws DebugException {
        if (stopSignal == null) {
            throw new DebugException("signal: the program is not stopped at a signal");
        }
        signalAfterStop = sig;
    }

    /** At a stop at a signal's delivery, the signal's siginfo (PTRACE_GETSIGINFO's); null at other stops. */
    public minikernel.kernel.signal.SigInfo stopSignal() {
        return stopSignal;
    }

    private void stopInKernel(Task t, String why, Stop kind, long data) {
        if (killed) {
            return;
        }
        stepsLeft = 0;
        temporary = null;
        stopped = t == kernel.scheduler().current() ? t : null;
        focus = t;
        inEvent = true;
        try {
            if (frontEnd != null) {
                frontEnd.stopped(t, registers(t).get("eip"), kind, data);
            } else {
                out.println(why);
                out.println(where(t, registers(t).get("eip")));
                commandLoop();
            }
        } finally {
            inEvent = false;
        }
        stopped = null;
        if (!killed) {
            syncHook();
        }
        out.flush();
    }

    /** A stop the kernel cannot make where it is (the MMU's callback): before the next instruction. */
    void stopBeforeNextInstruction(String why) {
        pendingWhy = pendingWhy == null ? why : pendingWhy + "\n" + why;
        hook.requestStop();
    }

    /** exec gave the task's thread group a new program (null: no symbols). */
    void setProgram(Task t, ElfFile elf) {
        programs.put(t.tgid(), elf);
    }

    List<Catchpoint> catchpoints() {
        return catchpoints;
    }

    Catchpoint addCatchpoint(Catchpoint.Kind kind, java.util.Set<Integer> syscalls, String what) {
        Catchpoint c = new Catchpoint(nextBreakpoint++, kind, syscalls, what);
        catchpoints.add(c);
        return c;
    }

    /** stepsys: run until the task in focus enters or leaves a system call. */
    void stepSyscall() {
        stepsysPid = focus.pid();
    }

    // ---- the hook's call ----------------------------------------------------------------------

    @Override
    public void stop(long address, int reason) {
        if (deferredKill) {
            deferredKill = false;
            killAll();
            return;
        }
        if (killed) {
            return;
        }
        Task t = kernel.scheduler().current();
        String why;
        if (reverse.silent()) {
            why = replayStop(t, address, reason);
        } else if (address == resumeAddress && t.pid() == resumePid && hook.instructions() - resumeCount <= 3
                && (reason & DebugHook.REQUEST) == 0) {
            why = null;          // the instruction it resumed at, run again after a page fault
        } else {
            why = reasonToStop(t, address, reason);
        }
        if (why == null) {
            if (!killed && !reverse.silent()) {
                syncHook();
            }
            return;
        }
        stepsLeft = 0;
        temporary = null;
        stopped = t;
        focus = t;
        if (frontEnd != null) {
            frontEnd.stopped(t, address, stopKind, stopData);
        } else {
            if (!why.isEmpty()) {
                out.println(why);
            }
            out.println(where(t, address));
            commandLoop();
        }
        stopped = null;
        resumeAddress = address;
        resumePid = t.pid();
        resumeCount = hook.instructions();
        if (!killed) {
            syncHook();
        }
        out.flush();
    }

    /** A silent replay's stop: arrive at the chosen instruction, or record a hit while scanning. */
    private String replayStop(Task t, long address, int reason) {
        long count = hook.instructions();
        if (reverse.scanUntil() > 0) {
            boolean hit = (reason & DebugHook.BREAK) != 0 && breakpointAt(t, address)
                    || (reason & DebugHook.READ) != 0 && watchpoints.readBy(kernel, hook.readAddress()) != null;
            if ((reason & DebugHook.WATCH) != 0) {
                hit |= watchpoints.changed(kernel);
                resolveWatches();           // the hook compares against the bytes as they are now
            }
            if (hit && count < reverse.scanUntil()) {
                reverse.recordHit(count);
            }
            if (count >= reverse.scanUntil()) {
                long back = reverse.lastHitBefore(reverse.scanUntil());
                reverse.request(back > 0 ? back : 1);
                if (back == 0) {
                    out.println("\nNo more reverse-execution history: back at the program's entry point.");
                }
                abandon();
            }
            return null;
        }
        if (count < reverse.target()) {
            hook.stopAt(reverse.target());
            return null;
        }
        reverse.arrived();
        watchpoints.refresh(kernel);
        onReplayArrived.run();
        return "";
    }

    private boolean breakpointAt(Task t, long address) {
        for (Breakpoint b : breakpoints) {
            if (b.address == address && b.appliesTo(t.pid())) {
                return true;
            }
        }
        return false;
    }

    /** Null to run on without stopping; otherwise the line that says why it stopped ("" for a step). */
    private String reasonToStop(Task t, long address, int reason) {
        String why = null;
        stopData = 0;
        if ((reason & DebugHook.REQUEST) != 0) {
            stopKind = pendingWhy != null ? Stop.EVENT : Stop.INTERRUPT;
            why = pendingWhy != null ? pendingWhy : "\nInterrupted.";
            pendingWhy = null;
        }
        if ((reason & DebugHook.BREAK) != 0) {
            if (temporary != null && temporary.address == address && temporary.pid == t.pid()
                    && registers(t, true).get("esp") >= temporaryMinEsp) {
                why = why == null ? "" : why;
                stopKind = Stop.STEP;
            }
            for (Breakpoint b : new ArrayList<>(breakpoints)) {
                if (b.address == address && b.appliesTo(t.pid())) {
                    b.hits++;
                    if (b.temporary) {
                        breakpoints.remove(b);
                    }
                    why = String.format("%n%s %d, pid %d", b.temporary ? "Temporary breakpoint" : "Breakpoint",
                            b.number, t.pid());
                    stopKind = Stop.BREAKPOINT;
                    break;
                }
            }
        }
        if ((reason & DebugHook.WATCH) != 0) {
            String changed = watchpoints.changes(kernel);
            if (changed != null) {
                why = changed;
                stopKind = Stop.WATCHPOINT;
                stopData = watchpoints.lastFired().address;
            }
        }
        if ((reason & DebugHook.READ) != 0) {
            String read = watchpoints.readBy(kernel, hook.readAddress());
            if (read != null) {
                why = why == null ? read : why + read;
                stopKind = Stop.READ_WATCHPOINT;
                stopData = watchpoints.lastFired().address;
            }
        }
        if ((reason & DebugHook.STEP) != 0 && stepsLeft > 0) {
            if (t.pid() == stepPid && --stepsLeft == 0) {
                if (why == null) {
                    why = "";
                    stopKind = Stop.STEP;
                }
            } else if (stepsLeft > 0) {
                hook.stopAt(hook.instructions() + 1);
            }
        } else if ((reason & DebugHook.STEP) != 0 && hook.instructions() == 1) {
            why = "Stopped at the program's entry point, pid " + t.pid() + ".";
            stopKind = Stop.ENTRY;
        }
        return why;
    }

    private void commandLoop() {
        while (true) {
            out.flush();
            String line = lines.readLine("(mk) ");
            if (line == null) {
                if (lines.echoes()) {
                    out.println("(mk) [end of commands: killing the program]");
                }
                kill();
                return;
            }
            if (lines.echoes()) {
                out.println("(mk) " + line);
            }
            String text = line.strip();
            if (text.isEmpty()) {
                text = lastLine;           // gdb: an empty line repeats the last command
                if (text.isEmpty()) {
                    continue;
                }
            }
            lastLine = text;
            try {
                if (commands.run(this, text) == ConsoleCommand.After.RESUME) {
                    return;
                }
            } catch (DebugException e) {
                out.println(e.getMessage());
            }
        }
    }

    // ---- what commands use --------------------------------------------------------------------

    public Kernel kernel() {
        return kernel;
    }

    public PrintStream out() {
        return out;
    }

    Commands commands() {
        return commands;
    }

    /** Instructions the guest has started since the hook was installed (all tasks). */
    public long instructions() {
        return hook.instructions();
    }

    /** The task in focus. */
    public Task focus() {
        return focus;
    }

    /** The task with {@code pid}, or a DebugException. */
    public Task task(int pid) throws DebugException {
        Task t = kernel.scheduler().findTask(pid);
        if (t == null || t.isKernelThread()) {
            throw new DebugException("no task " + pid);
        }
        return t;
    }

    public void setFocus(Task t) {
        focus = t;
    }

    /** The registers of {@code t}: live for the task the hook stopped in, saved for the others. */
    public RegisterFile registers(Task t) {
        return registers(t, t == stopped);
    }

    private RegisterFile registers(Task t, boolean live) {
        return new TaskRegisters(cpu, t, live);
    }

    public GuestMemory memory(Task t) {
        return new TaskMemory(kernel.ram(), t.mm());
    }

    /** {@code address} as {@code " <main+28>"}, or "" when no symbol covers it. */
    public String label(long address) {
        String l = symbols(focus).label(address);
        return l.isEmpty() ? "" : " <" + l + ">";
    }

    /** The symbols of the program task t runs. */
    public Symbols symbols(Task t) {
        ElfFile p = programOf(t);
        return p == null ? Symbols.empty() : symbolCache.computeIfAbsent(p, e -> Symbols.of(e.symbols().symbols()));
    }

    /** The program task t runs: the one its thread group last exec'd. */
    ElfFile programOf(Task t) {
        return t != null && programs.containsKey(t.tgid()) ? programs.get(t.tgid()) : program;
    }

    /** The address of a symbol of the program. */

    /** An address or number in the console's expression syntax, for the task in focus. */
    public long evaluate(String text) throws DebugException {
        return expression(focus).address(text);
    }

    Expression expression(Task t) {
        return new Expression(registers(t), memory(t), symbols(t));
    }

    Disassembly disassembly(Task t) {
        Disassembly d = new Disassembly(memory(t), registers(t), symbols(t), disassembler);
        d.setSyntax(syntax);
        return d;
    }

    void setSyntax(minikernel.cpu.capstone.Syntax s) {
        syntax = s;
    }

    public ElfFile program() {
        return program;
    }

    public Disassembler disassembler() {
        return disassembler;
    }

    /** One instruction at {@code address} of {@code t}, if its bytes are mapped and decode. */
    public Optional<Instruction> instruction(Task t, long address) {
        byte[] code = memory(t).read(address, 15);
        if (code == null) {
            code = memory(t).read(address, (int) (4096 - (address & 0xfff)));
        }
        return code == null ? Optional.empty() : disassembler.disassembleOne(code, address);
    }

    /** "0x08049a1c <main+0x3> in pid 2 (hello):\tmov %esp, %ebp". */
    public String where(Task t, long address) {
        Task saved = focus;
        focus = t;                               // the label comes from t's program
        try {
            return whereIn(t, address);
        } finally {
            focus = saved;
        }
    }

    private String whereIn(Task t, long address) {
        String insn;
        try {
            List<String> l = disassembly(t).lines(address, 1);
            insn = l.isEmpty() ? "" : "\t" + l.get(0).substring(l.get(0).indexOf(':') + 1).strip();
        } catch (DebugException e) {
            insn = "";
        }
        return String.format("0x%08x%s in pid %d (%s):%s", address, label(address), t.pid(), t.comm(), insn);
    }

    // ---- breakpoints and running on ----------------------------------------------------------

    public List<Breakpoint> breakpoints() {
        return breakpoints;
    }

    Breakpoint addBreakpoint(long address, String where, int pid, boolean temporary) throws DebugException {
        if (breakpoints.size() >= DebugHook.MAX_BREAKS - 1) {
            throw new DebugException("too many breakpoints (" + (DebugHook.MAX_BREAKS - 1) + " at most)");
        }
        Breakpoint b = new Breakpoint(nextBreakpoint++, address, where, pid, temporary);
        breakpoints.add(b);
        return b;
    }

    /** step N: stop after N more instructions of the focused task. */
    void stepInstructions(long n) {
        stepPid = focus.pid();
        stepsLeft = n;
        hook.stopAt(hook.instructions() + 1);
    }

    /** next, finish, until: stop when this task reaches {@code address} with esp at least {@code minEsp}. */
    void runTo(long address, long minEsp) {
        temporary = new Breakpoint(0, address, "", focus.pid(), true);
        temporaryMinEsp = minEsp;
    }

    List<Watchpoint> watchpoints() {
        return watchpoints.list();
    }

    Watchpoint addWatchpoint(long address, int length, String what, boolean read) throws DebugException {
        return watchpoints.add(nextBreakpoint++, kernel, focus, address, length, what, read);
    }

    /** The watched frames, found again (KernelEvents calls this after faults and system calls). */
    void resolveWatches() {
        if (hook != null) {
            watchpoints.resolve(kernel, hook);
        }
    }

    /** The hook's address list: the enabled breakpoints and the temporary stop; the watched frames. */
    private void syncHook() {
        if (hook == null) {
            return;
        }
        resolveWatches();
        List<Long> addresses = new ArrayList<>();
        for (Breakpoint b : breakpoints) {
            if (b.enabled && !addresses.contains(b.address)) {
                addresses.add(b.address);
            }
        }
        if (temporary != null && !addresses.contains(temporary.address)) {
            addresses.add(temporary.address);
        }
        hook.setBreakpoints(addresses.stream().mapToLong(Long::longValue).toArray());
        if (reverse.silent()) {
            hook.stopAt(reverse.target() > 0 ? reverse.target() : reverse.scanUntil());
        } else if (stepsLeft == 0) {
            hook.stopAt(-1);
        }
    }

    // ---- what another front end (the gdb stub) uses ---------------------------------------------

    /** Stops go to {@code f} instead of this console's command loop. */
    public void setFrontEnd(FrontEnd f) {
        frontEnd = f;
        traceSignals();
    }

    /**
     * The kernel hands signals to this session first (as to a ptrace tracer): the console stops at
     * them as its handle table says, gdb as gdb says; after a detach no more.
     */
    private void traceSignals() {
        if (kernel != null) {          // else: set when the run's kernel comes
            boolean tracing = frontEnd == null || frontEnd.tracesSignals();
            kernel.setSignalTracer(tracing ? this::signalDeliveryStop : null);
        }
    }

    /** The user tasks alive now (not zombies), by pid. */
    public List<Task> userTasks() {
        return kernel.scheduler().tasks().stream().filter(t -> !t.isKernelThread() && !t.isZombieOrDead())
                .sorted(java.util.Comparator.comparingInt(Task::pid)).toList();
    }

    /** Writes {@code bytes} at {@code address} of {@code t}'s memory as the task could; false if it cannot. */
    public boolean writeMemory(Task t, long address, byte[] bytes) {
        boolean ok = t.mm() != null && kernel.userAccess().copyToUser(t.mm(), address, bytes);
        resolveWatches();          // a write may have copied a page (copy on write)
        return ok;
    }

    /** A breakpoint at {@code address} for every task; false if there are too many. */
    public boolean insertBreakpoint(long address) {
        if (breakpoints.stream().anyMatch(b -> b.address == address && b.pid == 0 && !b.temporary)) {
            return true;
        }
        try {
            addBreakpoint(address, String.format("0x%08x", address), 0, false);
            return true;
        } catch (DebugException e) {
            return false;
        }
    }

    public void removeBreakpoint(long address) {
        breakpoints.removeIf(b -> b.address == address && b.pid == 0 && !b.temporary);
    }

    /** A watchpoint on {@code length} bytes of the focused task's memory (a read one if {@code read}). */
    public void insertWatchpoint(long address, int length, boolean read) throws DebugException {
        addWatchpoint(address, length, String.format("*(char[%d] *) 0x%08x", length, address), read);
    }

    public void removeWatchpoint(long address, int length, boolean read) {
        watchpoints.list().removeIf(w -> w.address == address && w.length == length && w.read == read);
    }

    /** Run on until task {@code t} has run one instruction. */
    public void stepInstruction(Task t) {
        focus = t;
        stepInstructions(1);
    }

    /** No more stops: breakpoints and watchpoints go, and the guest runs to its end. */
    public void detach() {
        breakpoints.clear();
        watchpoints.list().clear();
        stepsLeft = 0;
        temporary = null;
        frontEnd = (task, address, kind, data) -> { };
        traceSignals();
    }

    /** kill: SIGKILL to every user task; the console stops watching. */
    public void kill() {
        abandon();
    }

    /** Ends this run: SIGKILL to every task, no more stops (a kill, or a run replaced by a replay). */
    private void abandon() {
        killed = true;
        temporary = null;
        stepsLeft = 0;
        hook.setBreakpoints(new long[0]);
        hook.setWatches(new long[0], new int[0]);
        hook.setReadWatches(new long[0], new int[0]);
        hook.stopAt(-1);
        if (inEvent) {
            // Inside a system call (or signal delivery) the task cannot be killed under the kernel's
            // feet: the kill happens before the next instruction any task runs.
            deferredKill = true;
            hook.requestStop();
            return;
        }
        killAll();
    }

    /** SIGKILL to every user task, and the engine stops so the scheduler sees them die. */
    private void killAll() {
        for (Task t : new ArrayList<>(kernel.scheduler().tasks())) {
            if (!t.isKernelThread() && !t.isZombieOrDead()) {
                minikernel.kernel.signal.Kill.send(t, minikernel.kernel.signal.Signal.SIGKILL.number);
            }
        }
        cpu.stopAfterHook();
    }

    public boolean killed() {
        return killed && !reverse.requested();
    }

    // ---- reverse execution --------------------------------------------------------------------

    /** reverse-step: the focused task's previous instruction, by a replay. */
    void reverseStep() throws DebugException {
        long now = hook.instructions();
        // Stopped in the kernel (a catchpoint), the task has run the int $0x80 numbered now: that
        // instruction is the one before; at an instruction, it is the task's last before it.
        long back = inEvent && stopped == focus ? now : reverse.previousOf(focus.pid(), now);
        if (back <= 0) {
            throw new DebugException("No more reverse-execution history.");
        }
        requireVirtualClock();
        reverse.request(back);
        abandon();
    }

    /** reverse-continue: back to the last breakpoint or watchpoint hit before now, by two replays. */
    void reverseContinue() throws DebugException {
        requireVirtualClock();
        reverse.requestScan(hook.instructions());
        abandon();
    }

    private void requireVirtualClock() throws DebugException {
        if (kernel.clock().mode() != minikernel.kernel.time.Clock.Mode.VIRTUAL) {
            throw new DebugException("reverse execution needs the virtual clock (a replay with --clock host"
                    + " would not take the same path)");
        }
    }

    /** Ctrl-C from another thread: stop before the next instruction. */
    public void interrupt() {
        if (hook != null) {
            hook.requestStop();
        }
    }
}
