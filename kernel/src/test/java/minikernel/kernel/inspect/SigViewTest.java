package minikernel.kernel.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import minikernel.kernel.Guests;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.exec.ElfFile;
import minikernel.kernel.syscall.Syscall;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A handler with SA_RESTART and a mask, an ignored signal, and blocked signals pending for the thread and the group. */
class SigViewTest {
    private static Path sigs;
    private static long handler;

    @BeforeAll
    static void build() throws Exception {
        sigs = Guests.compile("sigs", """
                #include <signal.h>
                #include <string.h>
                #include <unistd.h>
                void on_usr1(int sig) { (void)sig; }
                int main(void) {
                    struct sigaction sa;
                    memset(&sa, 0, sizeof sa);
                    sa.sa_handler = on_usr1;
                    sa.sa_flags = SA_RESTART;
                    sigemptyset(&sa.sa_mask);
                    sigaddset(&sa.sa_mask, SIGUSR2);
                    sigaction(SIGUSR1, &sa, 0);
                    signal(SIGPIPE, SIG_IGN);
                    sigset_t b;
                    sigemptyset(&b);
                    sigaddset(&b, SIGCHLD);
                    sigaddset(&b, SIGUSR2);
                    sigprocmask(SIG_BLOCK, &b, 0);
                    raise(SIGUSR2);            /* tgkill: pending for this thread */
                    kill(getpid(), SIGCHLD);   /* kill: pending for the group */
                    getppid();                 /* look */
                    return 0;
                }
                """);
        handler = ElfFile.parse(sigs).addressOf("on_usr1").orElseThrow();
    }

    @Test
    void handlersMasksAndBothPendingSets() throws Exception {
        List<String> views = new ArrayList<>();
        try (Guests.Run r = Guests.run(KernelConfig.defaults(), sigs, k -> k.tracepoints().registerSysExit(
                (task, nr, result) -> {
                    if (nr == Syscall.GETPPID.number()) {
                        views.add(SigView.render(task));
                        views.add(TaskView.render(task));
                    }
                }))) {
            assertEquals(0, r.status(), r.stderr());
        }
        String v = views.get(0);
        long chld = 1L << 16, usr2 = 1L << 11;
        assertTrue(v.startsWith(String.format("blocked         0x%016x [USR2 CHLD]%n", chld | usr2)), v);
        assertTrue(v.contains(String.format("pending         0x%016x [USR2]  (this thread)%n", usr2)), v);
        assertTrue(v.contains(String.format("shared_pending  0x%016x [CHLD]  (the thread group)%n", chld)), v);
        assertTrue(v.contains("sighand#1 (count 1): every action that is not SIG_DFL\n"), v);
        String usr1 = v.lines().filter(l -> l.startsWith("  SIGUSR1 ")).findFirst().orElseThrow();
        assertTrue(usr1.matches(String.format("  SIGUSR1 +0x%08x +0x[0-9a-f]{8} +SA_RESTORER\\|SA_RESTART +\\[USR2\\]",
                handler)), usr1);
        assertTrue(v.lines().anyMatch(l -> l.matches("  SIGPIPE +SIG_IGN .*")), v);
        assertEquals(2, v.lines().filter(l -> l.startsWith("  SIG") && !l.startsWith("  SIG ")).count(),
                "only the two actions that are not SIG_DFL: " + v);
        String task = views.get(1);
        assertTrue(task.contains(String.format("%-22s 0x%016x [USR2 CHLD]%n", "blocked", chld | usr2)), task);
    }
}
