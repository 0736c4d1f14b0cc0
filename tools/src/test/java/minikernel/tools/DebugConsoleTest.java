package minikernel.tools;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import minikernel.kernel.Kernel;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.drivers.HostFd;
import minikernel.kernel.exec.ElfFile;
import minikernel.kernel.exec.Executable;
import minikernel.tools.debug.Debugger;
import minikernel.tools.debug.ScriptLines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debugger sessions as transcripts (the way --batch and -ex run them): breakpoints, steps, the
 * kernel's objects at a stop, watchpoints, catchpoints and reverse execution, over the default
 * image's demos and a small threaded program.
 */
class DebugConsoleTest {
    @TempDir
    static Path tmp;
    private static Path watched, racers, signalled;

    @BeforeAll
    static void compile() throws Exception {
        watched = compile("watched");
        racers = compile("racers");
        signalled = compile("signalled");
    }

    private static Path compile(String name) throws Exception {
        Path root = Path.of(System.getProperty("minikernel.root", ".."));
        Path out = tmp.resolve(name);
        Process p = new ProcessBuilder(root.resolve("userland/bin/minikernel-cc").toString(), "-O1", "-o",
                out.toString(), root.resolve("tools/src/test/c/" + name + ".c").toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log);
        return out;
    }

    /** The console's transcript and the guest's own output of one session. */
    record Session(String transcript, String guest, int status, String trace) {
    }

    private static Session debug(Executable exe, String... commands) throws Exception {
        return session(exe, 3, true, commands);
    }

    /** With {@code debugger} false, the program runs as ./minikernel run runs it: no hook at all. */
    private static Session session(Executable exe, long seed, boolean debugger, String... commands) throws Exception {
        Path out = Files.createTempFile(tmp, "guest", ".out");
        int in = HostFd.open("/dev/null", 0, 0);
        int fo = HostFd.open(out.toString(), 01 | 01000, 0);
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(transcript, true, StandardCharsets.UTF_8);
        Debugger d = new Debugger(new ScriptLines(List.of(commands)), console, ElfFile.parse(exe.bytes()));
        int status;
        boolean replay = false;
        try {
            do {
                // A reverse command replays in a fresh kernel (its output is the replay's too).
                trace.reset();
                KernelConfig config = KernelConfig.defaults().withSeed(seed).withConsole(in, fo, fo)
                        .withTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
                try (Kernel kernel = new Kernel(config)) {
                    kernel.console().setMuted(replay);        // as DebugCommand does
                    d.onReplayArrived(() -> kernel.console().setMuted(false));
                    if (debugger) {
                        d.attach(kernel);
                    }
                    status = kernel.runProgram(exe, List.of(Path.of(exe.path()).getFileName().toString()),
                            List.of("PATH=/bin"));
                }
                replay = d.replayRequested();
            } while (replay);
        } finally {
            HostFd.close(in);
            HostFd.close(fo);
        }
        return new Session(transcript.toString(StandardCharsets.UTF_8), Files.readString(out), status,
                trace.toString(StandardCharsets.UTF_8));
    }

    private static Executable image(String name) throws Exception {
        return RootImage.executable(RootImage.load(), "/bin/" + name).orElseThrow();
    }

    private static Executable watchedProgram() throws Exception {
        return new Executable(watched.toString(), Files.readAllBytes(watched));
    }

    @Test
    void breakStepRegsExamineDisassembleBacktrace() throws Exception {
        Session s = debug(image("hello"), "break main", "continue", "step", "regs", "x/2xw $esp", "disas $eip 2",
                "bt", "continue");
        String t = s.transcript();
        assertAll(
                () -> assertTrue(t.contains("Stopped at the program's entry point, pid 2."), t),
                () -> assertTrue(t.matches("(?s).*Breakpoint 1 at 0x[0-9a-f]{8} <main>.*"), t),
                () -> assertTrue(t.contains("Breakpoint 1, pid 2"), t),
                () -> assertTrue(t.matches("(?s).*0x[0-9a-f]{8} <main\\+1> in pid 2 \\(hello\\):\\tmov    %esp,%ebp.*"), t),
                () -> assertTrue(t.matches("(?s).*eip            0x[0-9a-f]+ +0x[0-9a-f]+ <main\\+1>.*"), t),
                () -> assertTrue(t.contains("eflags         0x"), t),
                () -> assertTrue(t.matches("(?s).*0x[0-9a-f]+:\\t0x[0-9a-f]{8}\\t0x[0-9a-f]{8}\n.*"), t),
                () -> assertTrue(t.matches("(?s).*=> 0x[0-9a-f]{8} <main\\+1>:\\tmov    %esp,%ebp\n.*"), t),
                () -> assertTrue(t.contains("#0  0x"), t),
                () -> assertEquals("Hello, world!\n", s.guest()),
                () -> assertEquals(0, s.status()));
    }

    @Test
    void catchSyscallCloneThenPsShowsTheThreadSharingTheMm() throws Exception {
        Session s = debug(image("sharedemo"), "catch syscall clone", "continue", "continue", "ps", "share", "kill");
        String t = s.transcript();
        int ret = t.indexOf("returned from system call): clone(CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD");
        assertTrue(ret > 0, t);
        String ps = t.substring(ret);
        assertAll(
                () -> assertTrue(ps.matches("(?s).*\n +2 +2 +1 R sharedemo +mm#1\\(2\\).*"), ps),
                () -> assertTrue(ps.matches("(?s).*\n +3 +2 +1 R sharedemo +mm#1\\(2\\).*"), ps),
                () -> assertTrue(ps.contains("mm#1       mm_struct       mm_users 2"), ps));
    }

    @Test
    void ptAfterForkShowsTheCopyOnWriteEntryThenTwoFrames() throws Exception {
        Session s = debug(image("forkdemo"), "catch fork", "continue", "pt 2 counter", "delete", "catch exit",
                "continue", "pt 2 counter", "pt 3 counter", "continue");
        String t = s.transcript();
        int fork = t.indexOf("new process 3");
        int exit = t.indexOf("pid 3 (forkdemo) is exiting");
        assertTrue(fork > 0 && exit > fork, t);
        String atFork = t.substring(fork, exit);
        String atExit = t.substring(exit);
        assertAll(
                () -> assertTrue(atFork.contains("RW=0"), atFork),
                () -> assertTrue(atFork.contains("_refcount 2"), atFork),
                () -> assertTrue(atFork.contains("COW (shared with 1)"), atFork),
                () -> assertNotEquals(frame(atExit, 0), frame(atExit, 1), atExit));
    }

    /** The n-th "frame 0x..." of a transcript. */
    private static String frame(String t, int n) {
        Matcher m = Pattern.compile("frame (0x[0-9a-f]+)").matcher(t);
        for (int i = 0; i <= n; i++) {
            assertTrue(m.find(), t);
        }
        return m.group(1);
    }

    @Test
    void fdsAfterDup2AndAWatchOnAGlobalWrittenByAnotherThread() throws Exception {
        Session s = debug(watchedProgram(), "catch syscall getppid", "continue", "fds", "delete", "watch shared",
                "continue", "continue", "info breakpoints", "continue");
        String t = s.transcript();
        assertAll(
                () -> assertTrue(t.matches("(?s).*\n +5 +\\d+ +0 .*"), t),
                () -> assertTrue(t.contains("Old value = 2\nNew value = 42\n"), t),
                () -> assertTrue(t.matches("(?s).*New value = 42\n0x[0-9a-f]{8} <worker\\+\\d+> in pid 3.*"), t),
                () -> assertTrue(t.contains("Old value = 42\nNew value = 43\n"), t),
                () -> assertTrue(t.contains("watchpoint already hit 2 times"), t),
                () -> assertEquals("shared = 43\n", s.guest()));
    }

    @Test
    void rwatchStopsAfterTheReadNotAtWrites() throws Exception {
        Session s = debug(watchedProgram(), "break main", "continue", "rwatch shared", "continue", "continue");
        String t = s.transcript();
        // main writes 2, the thread writes 42 and 43: no stop; then main reads it for printf.
        assertTrue(t.matches("(?s).*Read watchpoint 2: shared\n\nValue = 43\n0x[0-9a-f]{8} <main\\+\\d+> in pid 2.*"),
                t);
        assertEquals(1, t.split("Read watchpoint 2: shared\n", -1).length - 1, t);
        assertEquals("shared = 43\n", s.guest());
    }

    @Test
    void reverseStepReturnsToThePreviousInstructionWithTheSameRegisters() throws Exception {
        Session s = debug(image("forkdemo"), "break main", "continue", "step 2", "regs", "step", "reverse-step", "regs",
                "continue");
        String t = s.transcript();
        int first = t.indexOf("eax  ");
        int second = t.indexOf("eax  ", first + 1);
        assertTrue(first > 0 && second > first, t);
        String before = t.substring(first, t.indexOf("(mk)", first));
        String after = t.substring(second, t.indexOf("(mk)", second));
        assertEquals(before, after, t);
        // The replay is muted until it arrives: each line once.
        assertEquals(1, s.guest().split("parent: before fork", -1).length - 1, s.guest());
        assertTrue(s.guest().contains("parent: the child exited with status 7"), s.guest());
    }

    @Test
    void catchPagefaultStopsAfterTheFaultingInstructionAndSaysWhatHappened() throws Exception {
        Session s = debug(image("forkdemo"), "break main", "continue", "catch pagefault", "continue", "info breakpoints",
                "delete", "continue");
        String t = s.transcript();
        assertTrue(t.matches("(?s).*Catchpoint 2 \\(page fault\\): pid 2, (read|write) at 0x[0-9a-f]{8}: handled: .*\n"
                + "0x[0-9a-f]{8} <\\w+\\+\\d+> in pid 2 \\(forkdemo\\):.*"), t);
        assertTrue(t.contains("catchpoint already hit 1 time"), t);
        assertTrue(s.guest().contains("parent: the child exited with status 7"), s.guest());
    }

    @Test
    void reverseStepAtACatchpointGoesBackToTheSystemCall() throws Exception {
        Session s = debug(image("hello"), "catch syscall write", "continue", "reverse-step", "x/i $eip", "kill");
        String t = s.transcript();
        int rs = t.indexOf("(mk) reverse-step\n");
        assertTrue(rs > 0, t);
        assertTrue(t.substring(rs).matches("(?s)\\(mk\\) reverse-step\n0x[0-9a-f]{8} <__int80_entry> in pid 2 "
                + "\\(hello\\):\tint    \\$0x80\n.*"), t);
    }

    @Test
    void reverseContinueGoesBackToTheLastHit() throws Exception {
        Session s = debug(watchedProgram(), "break worker", "continue", "step 3", "reverse-continue", "info breakpoints",
                "continue");
        String t = s.transcript();
        int rc = t.indexOf("(mk) reverse-continue");
        assertTrue(rc > 0, t);
        assertTrue(t.substring(rc).matches("(?s)\\(mk\\) reverse-continue\n0x[0-9a-f]{8} <worker> in pid 3.*"), t);
    }

    @Test
    void stopsAndStepsDoNotChangeWhatTheProgramDoes() throws Exception {
        Session plain = debug(image("sharedemo"), "continue");
        Session stepped = debug(image("sharedemo"), "break pthread_create", "continue", "step 50", "next", "delete",
                "catch syscall write", "continue", "step", "delete", "continue");
        assertEquals(plain.guest(), stepped.guest());
        // The same system calls, by the same tasks, in the same order: the same interleaving.
        assertEquals(plain.trace(), stepped.trace());
        assertTrue(plain.trace().contains("clone("), plain.trace());
        assertEquals(0, stepped.status());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3})
    void aDebuggedRunIsScheduledExactlyAsRunSchedulesIt(long seed) throws Exception {
        Executable exe = new Executable(racers.toString(), Files.readAllBytes(racers));
        Session run = session(exe, seed, false);
        Session debugged = session(exe, seed, true, "break racer", "continue", "step 20", "next", "delete",
                "watch len", "continue", "delete", "rwatch len", "continue", "delete", "continue");
        // The log records which thread the timer preempted when: the same log, the same schedule.
        assertTrue(run.guest().matches("[ab]{60}\n"), run.guest());
        assertEquals(run.guest(), debugged.guest(), debugged.transcript());
        assertEquals(run.trace(), debugged.trace());
    }

    /**
     * As gdb does, the console stops at a signal before it acts (SIGCHLD and the like excepted):
     * the sender or the fault, where the task is; continue passes the signal on.
     */
    @Test
    void aSignalStopsTheProgramBeforeItActsAndContinuePassesItOn() throws Exception {
        Session s = debug(new Executable(signalled.toString(), Files.readAllBytes(signalled)), "continue", "continue",
                "x/i $eip", "continue");
        String t = s.transcript();
        assertAll(
                () -> assertTrue(t.contains("\nProgram received signal SIGUSR1, pid 2 (signalled): sent by pid 2\n"), t),
                () -> assertTrue(t.matches("(?s).*\nProgram received signal SIGSEGV, pid 2 \\(signalled\\): a fault at"
                        + " 0x00000000 \\(si_code 1\\)\n0x[0-9a-f]{8} <main\\+\\d+> in pid 2 \\(signalled\\):\tmov.*"), t),
                () -> assertTrue(t.matches("(?s).*\\(mk\\) x/i \\$eip\n=> 0x[0-9a-f]+ <main\\+\\d+>:\tmov.*"), t),
                () -> assertTrue(s.guest().startsWith("handler saw 10\n"), s.guest()),   // then the kernel's report
                () -> assertEquals(139, s.status()));
    }

    /** handle SIGUSR1 nostop nopass: no stop and no handler; signal 0 at the fault: it faults again. */
    @Test
    void handleAndSignalDecideWhatTheTaskGets() throws Exception {
        Session s = debug(new Executable(signalled.toString(), Files.readAllBytes(signalled)),
                "handle SIGUSR1 nostop nopass", "continue", "signal 0", "info program", "kill");
        String t = s.transcript();
        assertAll(
                () -> assertTrue(t.contains("(mk) handle SIGUSR1 nostop nopass\nSignal        Stop  Pass\n"
                        + "SIGUSR1       No    No\n"), t),
                () -> assertTrue(!t.contains("signal SIGUSR1"), t),
                () -> assertEquals(2, t.split("Program received signal SIGSEGV", -1).length - 1, t),
                () -> assertTrue(t.contains("(mk) signal 0\nContinuing with no signal.\n"), t),
                () -> assertTrue(s.guest().startsWith("handler saw 0\n"), s.guest()));
    }

    @Test
    void badCommandsSayWhatIsWrongAndLoseNothing() throws Exception {
        Session s = debug(image("hello"), "frobnicate", "break nosuchsymbol", "x/4xw 0", "thread 99", "delete 7",
                "continue");
        String t = s.transcript();
        assertAll(
                () -> assertTrue(t.contains("Undefined command: \"frobnicate\""), t),
                () -> assertTrue(t.toLowerCase().contains("nosuchsymbol"), t),
                () -> assertTrue(t.contains("no task 99"), t),
                () -> assertTrue(t.contains("No breakpoint number 7."), t),
                () -> assertEquals("Hello, world!\n", s.guest()));
    }
}
