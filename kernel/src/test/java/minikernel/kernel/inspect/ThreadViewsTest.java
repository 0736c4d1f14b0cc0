package minikernel.kernel.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import minikernel.kernel.Guests;
import minikernel.kernel.Kernel;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.TaskState;
import minikernel.kernel.syscall.Syscall;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ps, task, sched and futex on a process of two threads, looked at from the new thread once the
 * main thread sleeps in pthread_join (the thread yields until it does: sched_yield puts it behind
 * every runnable task, so the main thread runs into its join first).
 */
class ThreadViewsTest {
    private static Path threads;

    @BeforeAll
    static void build() throws Exception {
        threads = Guests.compile("threads", """
                #include <pthread.h>
                #include <sched.h>
                #include <unistd.h>
                static void *worker(void *arg) {
                    for (int i = 0; i < 50; i++) {
                        sched_yield();
                        getppid();                 /* look (the test keeps the first look with main asleep) */
                    }
                    return arg;
                }
                int main(void) {
                    pthread_t t;
                    if (pthread_create(&t, 0, worker, 0) != 0)
                        return 1;
                    pthread_join(t, 0);
                    return 0;
                }
                """);
    }

    /** What the views showed at the first look with the main thread asleep. */
    private static final class Seen {
        String ps, share, task, leaderTask, sched, futex;
        int main, worker;
        long clearChildTid;
    }

    @Test
    void viewsOfTwoThreadsOneAsleepInJoin() throws Exception {
        Seen s = new Seen();
        try (Guests.Run r = Guests.run(KernelConfig.defaults(), threads, k -> k.tracepoints().registerSysExit(
                (task, nr, result) -> {
                    Task leader = task.groupLeader();
                    if (nr == Syscall.GETPPID.number() && s.ps == null && leader != task
                            && leader.state() == TaskState.INTERRUPTIBLE) {
                        look(k, task, s);
                    }
                }))) {
            assertEquals(0, r.status(), r.stderr());
        }
        assertNotNull(s.ps, "the main thread slept in pthread_join while the thread ran");

        // ps: both threads use mm#1, files#1... each counted twice; the kernel's init in brackets
        for (int pid : new int[]{s.main, s.worker}) {
            String row = s.ps.lines().filter(l -> l.matches(" *" + pid + " .*")).findFirst().orElseThrow();
            assertTrue(row.matches(" *" + pid + " +" + s.main + " +\\d+ [RS] threads +mm#1\\(2\\) +fs#1\\(2\\) +files#1\\(2\\)"
                    + " +sighand#1\\(2\\) +signal#1\\(2\\) .*"), row);
        }
        assertTrue(s.ps.lines().anyMatch(l -> l.matches(" *1 +1 +0 . \\[.*\\].*")), "the kernel's init: " + s.ps);
        assertTrue(s.ps.contains("futex_wait"), s.ps);
        assertTrue(s.share.lines().anyMatch(l -> l.matches("mm#1 +mm_struct +mm_users 2 .*")), "share agrees: " + s.share);

        // task: the thread's ids, its leader, its clear_child_tid and its TLS entry
        assertTrue(s.task.contains(String.format("%-22s %d%n", "pid", s.worker)), s.task);
        assertTrue(s.task.contains(String.format("%-22s %d%n", "tgid", s.main)), s.task);
        assertTrue(s.task.contains(String.format("%-22s threads[%d]%n", "group_leader", s.main)), s.task);
        assertTrue(s.task.contains(String.format("%-22s mm#1 (mm_users 2)%n", "mm")), s.task);
        assertTrue(s.task.contains(String.format("%-22s signal#1 (nr_threads 2)%n", "signal")), s.task);
        assertTrue(s.task.contains(String.format("%-22s -1%n", "exit_signal")), "a thread signals no one: " + s.task);
        assertTrue(s.clearChildTid != 0);
        assertTrue(s.task.contains(String.format("%-22s 0x%08x%n", "clear_child_tid", s.clearChildTid)), s.task);
        Matcher tls = Pattern.compile("tls_array\\[0\\] +GDT 12: base 0x([0-9a-f]{8}) limit 0xfffff"
                + " seg_32bit\\|limit_in_pages\\|useable\n").matcher(s.task);
        assertTrue(tls.find(), "glibc's %gs entry: " + s.task);
        assertTrue(Long.parseLong(tls.group(1), 16) != 0);
        assertTrue(s.task.contains("tls_array[1]           GDT 13: empty\n"), s.task);
        assertTrue(s.leaderTask.contains(String.format("%-22s TASK_INTERRUPTIBLE (S)%n", "__state")), s.leaderTask);
        assertTrue(s.leaderTask.contains(String.format("%-22s futex_wait%n", "wchan")), s.leaderTask);
        assertTrue(s.leaderTask.contains(String.format("%-22s %d (SIGCHLD)%n", "exit_signal", 17)), s.leaderTask);

        // sched: the thread is current, the main thread sleeps in futex_wait
        assertTrue(s.sched.startsWith("current: threads[" + s.worker + "]\n"), s.sched);
        String sleeping = s.sched.substring(s.sched.indexOf("sleeping:"));
        assertTrue(sleeping.lines().anyMatch(l -> l.matches(" +" + s.main + " threads +S futex_wait +-")), s.sched);
        assertTrue(s.sched.contains("run queue (next to run first):"), s.sched);

        // futex: one queue, on the thread's tid word, with the main thread waiting, the word holding the tid
        assertTrue(s.futex.startsWith("futex hash: 1 queue\n"), s.futex);
        assertTrue(s.futex.contains(String.format("key mm#1 0x%08x (private memory, FUT_OFF_MMSHARED", s.clearChildTid)),
                s.futex);
        assertTrue(s.futex.contains("*uaddr = " + s.worker + "\n"), s.futex);
        assertTrue(s.futex.contains(String.format("  waiter threads[%d] bitset 0x", s.main)), s.futex);
    }

    private static void look(Kernel k, Task task, Seen s) {
        s.ps = PsView.render(k);
        s.share = SharingText.write(SharingSnapshot.of(k, "now"));
        s.task = TaskView.render(task);
        s.leaderTask = TaskView.render(task.groupLeader());
        s.sched = SchedView.render(k);
        s.futex = FutexView.render(k);
        s.main = task.tgid();
        s.worker = task.pid();
        s.clearChildTid = task.clearChildTid();
    }
}
