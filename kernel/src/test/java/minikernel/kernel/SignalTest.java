package minikernel.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import minikernel.kernel.signal.SigHand;
import minikernel.kernel.signal.SignalStruct;
import org.junit.jupiter.api.Test;

/**
 * Signals under many interleavings: four processes and two threads send queued real-time signals
 * to one process while its handler runs, under ten seeds and a short quantum. Every signal must
 * arrive exactly once (each value is counted), none may be lost or duplicated, every run of one
 * seed must be the same, and once every task is gone each sighand_struct and signal_struct the
 * tasks used must be back at a count of zero.
 */
class SignalTest {
    private static final String PROGRAM = """
            #include <pthread.h>
            #include <signal.h>
            #include <stdio.h>
            #include <string.h>
            #include <unistd.h>
            #include <sys/wait.h>
            #define SENDERS 6
            #define EACH 40
            static volatile int seen[SENDERS][EACH], total;
            static pid_t parent;
            static void on_rt(int sig, siginfo_t *si, void *uc) {
                int v = si->si_value.sival_int;
                (void)sig; (void)uc;
                if (v >= 0 && v < SENDERS * EACH)
                    seen[v / EACH][v % EACH]++;
                total++;
            }
            static void send_all(int who) {
                for (int i = 0; i < EACH; i++) {
                    union sigval v;
                    v.sival_int = who * EACH + i;
                    while (sigqueue(parent, SIGRTMIN + 1, v) != 0)
                        ;
                    if (i % 7 == 0)
                        sched_yield();
                }
            }
            static void *thread_sender(void *arg) {
                send_all((int)(long)arg);
                return NULL;
            }
            int main(void) {
                struct sigaction sa;
                pthread_t t[2];
                int i, j, bad = 0;
                memset(&sa, 0, sizeof sa);
                sa.sa_sigaction = on_rt;
                sa.sa_flags = SA_SIGINFO | SA_RESTART;
                sigemptyset(&sa.sa_mask);
                sigaction(SIGRTMIN + 1, &sa, NULL);
                parent = getpid();
                for (i = 0; i < 4; i++)
                    if (fork() == 0) {
                        send_all(i);
                        _exit(0);
                    }
                for (i = 0; i < 2; i++)
                    pthread_create(&t[i], NULL, thread_sender, (void *)(long)(4 + i));
                for (i = 0; i < 2; i++)
                    pthread_join(t[i], NULL);
                while (wait(NULL) > 0)
                    ;
                for (i = 0; i < SENDERS; i++)
                    for (j = 0; j < EACH; j++)
                        bad += seen[i][j] != 1;
                printf("received %d, values not seen exactly once: %d\\n", total, bad);
                return 0;
            }
            """;

    @Test
    void queuedSignalsArriveExactlyOnceUnderEverySeedAndCountsReturnToZero() throws Exception {
        Path program = Guests.compile("signals", PROGRAM);
        Set<String> runs = new HashSet<>();
        for (long seed = 1; seed <= 10; seed++) {
            List<SigHand> handlers = new ArrayList<>();
            List<SignalStruct> groups = new ArrayList<>();
            KernelConfig config = KernelConfig.defaults().withSeed(seed).withQuantum(300);
            try (Guests.Run r = Guests.run(config, program, kernel -> kernel.tracepoints().registerProcessFork(
                    (parent, child) -> {
                        handlers.add(child.sighand());
                        groups.add(child.signal());
                    }))) {
                assertEquals(0, r.status(), r.stderr());
                assertEquals("received 240, values not seen exactly once: 0\n", r.stdout(), "seed " + seed);
                ForkTest.assertNothingLeft(r.kernel());
                runs.add(r.stdout());
            }
            assertTrue(handlers.size() >= 6, "four processes and two threads were made");
            for (SigHand h : handlers) {
                assertEquals(0, h.count(), "seed " + seed + ": a sighand_struct back to zero");
            }
            for (SignalStruct s : groups) {
                assertEquals(0, s.count(), "seed " + seed + ": a signal_struct back to zero");
            }
        }
        assertEquals(1, runs.size());
    }
}
