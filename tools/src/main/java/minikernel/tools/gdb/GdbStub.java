package minikernel.tools.gdb;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import minikernel.kernel.sched.Task;
import minikernel.tools.debug.Debugger;

/**
 * A gdb remote stub for a minikernel run (gdbserver's role): gdb connects over TCP, on the
 * loopback interface only, and drives the debugger session the console also uses (its
 * breakpoints, watchpoints and steps run in the CPU's code hook). Every user task is a gdb thread
 * (its pid the thread id). At each stop the stub answers packets until one lets the guest run on;
 * when the program ends, gdb hears W (exited) or X (killed by a signal). Like a ptrace tracer it
 * sees every signal before the signal acts (a T packet) and passes it on, or not, as gdb says
 * (C, S, vCont). One client at a time:
 * the listening socket closes once gdb has connected.
 */
public final class GdbStub implements Debugger.FrontEnd, AutoCloseable {
    private final Debugger debugger;
    private final RspChannel channel;
    private final Packets packets = Packets.all();
    private int generalThread;                // Hg: the task registers and memory are read from (0: the stopped one)
    private int continueThread;               // Hc: the task s steps (0: the stopped one)
    private Task stopped;                     // the task the guest stopped in
    private String stopReply = "S05";
    private boolean waitingForStop;           // gdb resumed the guest and waits for its next stop
    private boolean detached;
    private boolean running;                  // the guest runs (an interrupt byte means stop it)
    private int resumeSignal;                 // the Linux signal C, S or vCont passed to the stopped task (0: none)
    private final java.util.Set<Long> accessWatches = new java.util.HashSet<>();   // Z4's addresses
    private java.util.Set<Integer> passSignals = java.util.Set.of();   // QPassSignals', Linux numbers

    private GdbStub(Debugger debugger, Socket socket) throws IOException {
        this.debugger = debugger;
        this.channel = new RspChannel(socket, this::interrupt);
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0: any free port), says where on {@code log}, and waits
     * for gdb to connect.
     */
    public static GdbStub listen(int port, Debugger debugger, PrintStream log, String program) throws IOException {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            int bound = server.getLocalPort();
            log.printf("minikernel: waiting for gdb on 127.0.0.1:%d (gdb %s -ex 'target remote :%d')%n", bound,
                    program, bound);
            log.flush();
            Socket socket = server.accept();
            socket.setTcpNoDelay(true);
            return new GdbStub(debugger, socket);
        }
    }

    // ---- the debugger's stops ------------------------------------------------------------------

    @Override
    public void stopped(Task task, long address, Debugger.Stop kind, long dataAddress) {
        running = false;
        if (detached) {
            return;
        }
        stopped = task;
        generalThread = 0;
        resumeSignal = 0;
        stopReply = stopReply(task, kind, dataAddress, accessWatches.contains(dataAddress));
        if (waitingForStop) {
            waitingForStop = false;
            channel.send(stopReply);
        }
        serve();
        running = !detached;
    }

    /**
     * T05 and the thread (SIGTRAP), T02 for an interrupt (SIGINT), the signal itself for a stop at
     * a signal's delivery; why, for a breakpoint or a watchpoint (an access watchpoint's, Z4's,
     * either kind of stop).
     */
    private static String stopReply(Task t, Debugger.Stop kind, long data, boolean access) {
        String why = switch (kind) {
            case BREAKPOINT -> "swbreak:;";
            case WATCHPOINT -> String.format(access ? "awatch:%x;" : "watch:%x;", data);
            case READ_WATCHPOINT -> String.format(access ? "awatch:%x;" : "rwatch:%x;", data);
            default -> "";
        };
        int signal = switch (kind) {
            case INTERRUPT -> 2;
            case SIGNAL -> GdbSignals.fromLinux((int) data);
            default -> 5;
        };
        return String.format("T%02xthread:%x;%s", signal, t.pid(), why);
    }

    /** As gdb under ptrace: every signal stops its task before it acts, and gdb says what goes on. */
    @Override
    public boolean tracesSignals() {
        return !detached;
    }

    @Override
    public boolean passes(int sig) {
        return passSignals.contains(sig);
    }

    @Override
    public int signalAfterStop(int sig) {
        return resumeSignal;
    }

    void setPassSignals(java.util.Set<Integer> signals) {
        passSignals = signals;
    }

    /** Answers packets until one resumes the guest (c, s, vCont), kills it or detaches; gdb gone: detach. */
    private void serve() {
        try {
            while (!detached) {
                String packet = channel.next();
                if (packet == null) {
                    detach();                 // the connection ended: the program runs on to its end
                    return;
                }
                PacketHandler.Reply reply = packets.answer(this, packet);
                if (reply.resume()) {
                    waitingForStop = reply.awaitStop();
                    return;
                }
                if (reply.text() != null) {
                    channel.send(reply.text());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            detach();
        }
    }

    /**
     * The program has ended ({@code waitStatus} as wait(2) gives it): gdb, if it waits, hears W
     * or X; then the stub answers until gdb leaves (or a few seconds pass) and closes.
     */
    public void finished(int waitStatus) {
        if (detached) {
            close();
            return;
        }
        int signal = waitStatus & 0x7f;
        String end = signal == 0 ? String.format("W%02x", waitStatus >> 8 & 0xff)
                : String.format("X%02x", GdbSignals.fromLinux(signal));
        if (waitingForStop) {
            channel.send(end);
        }
        try {
            for (String p; (p = channel.next(5000)) != null; ) {
                if (p.equals("k") || p.startsWith("D")) {
                    if (p.startsWith("D")) {
                        channel.send("OK");
                    }
                    break;
                }
                channel.send(p.equals("?") ? end : p.startsWith("vKill") ? "OK" : "E01");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /** 0x03 from gdb: stop the running guest before its next instruction. */
    private void interrupt() {
        if (running) {
            debugger.interrupt();
        }
    }

    // ---- what the handlers use -----------------------------------------------------------------

    Debugger debugger() {
        return debugger;
    }

    RspChannel channel() {
        return channel;
    }

    String stopReply() {
        return stopReply;
    }

    Task stoppedTask() {
        return stopped;
    }

    /** The user task with thread id {@code tid}, alive; null if there is none. */
    Task task(long tid) {
        for (Task t : debugger.userTasks()) {
            if (t.pid() == tid) {
                return t;
            }
        }
        return null;
    }

    /** The task g, p, m and Z2 act on: Hg's, or the stopped one. */
    Task generalTask() {
        Task t = generalThread > 0 ? task(generalThread) : null;
        return t != null ? t : stopped;
    }

    /** The task s steps: Hc's, or the stopped one. */
    Task continueTask() {
        Task t = continueThread > 0 ? task(continueThread) : null;
        return t != null ? t : stopped;
    }

    void setGeneralThread(int tid) {
        generalThread = tid;
        debugger.setFocus(generalTask());
    }

    void setContinueThread(int tid) {
        continueThread = tid;
    }

    /** The start addresses of Z4's access watchpoints (each a write and a read watchpoint). */
    java.util.Set<Long> accessWatches() {
        return accessWatches;
    }

    /** The signal (gdb's number; 0: none) a resume passes to the stopped task, for a stop at a signal. */
    void setResumeSignal(int gdbSignal) {
        resumeSignal = GdbSignals.toLinux(gdbSignal);
    }

    /** Whether {@code t}'s registers are the engine's (the task the guest stopped in, on the CPU). */
    boolean live(Task t) {
        return t == stopped && t == debugger.kernel().scheduler().current();
    }

    /** D: no more stops; the program runs to its end and gdb is let go. */
    void detach() {
        detached = true;
        debugger.detach();
    }

    @Override
    public void close() {
        channel.close();
    }
}
