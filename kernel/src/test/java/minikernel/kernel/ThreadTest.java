package minikernel.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.FilesStruct;
import minikernel.kernel.fs.FsStruct;
import minikernel.kernel.ipc.SemUndoList;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.sched.Nsproxy;
import minikernel.kernel.sched.Task;
import minikernel.kernel.signal.SigHand;
import minikernel.kernel.signal.SignalStruct;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What copy_process() shares and what it copies, seen from inside the kernel: a probe on the
 * sched_process_fork tracepoint captures the parent's and the child's objects at the moment of
 * the clone, and once every task is gone each captured object's count must be back at zero.
 */
class ThreadTest {
    /** Flags of glibc's create_thread() minus CLONE_SETTLS (the raw clone here needs no TLS). */
    private static final String THREAD_FLAGS =
            "CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM"
            + "|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID";

    /** A raw i386 clone (EBX flags, ECX stack, EDX parent_tid, ESI tls, EDI child_tid). */
    private static final String RAW_CLONE = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <unistd.h>
            #include <sched.h>
            #include <sys/wait.h>
            #include <sys/syscall.h>
            #ifndef CLONE_VM
            #define CLONE_VM 0x100
            #endif
            #ifndef CLONE_FS
            #define CLONE_FS 0x200
            #endif
            #ifndef CLONE_FILES
            #define CLONE_FILES 0x400
            #endif
            #ifndef CLONE_SIGHAND
            #define CLONE_SIGHAND 0x800
            #endif
            #ifndef CLONE_THREAD
            #define CLONE_THREAD 0x10000
            #endif
            #ifndef CLONE_SYSVSEM
            #define CLONE_SYSVSEM 0x40000
            #endif
            #ifndef CLONE_PARENT_SETTID
            #define CLONE_PARENT_SETTID 0x100000
            #endif
            #ifndef CLONE_CHILD_CLEARTID
            #define CLONE_CHILD_CLEARTID 0x200000
            #endif
            #define FUTEX_WAIT 0
            #ifndef SIGCHLD
            #define SIGCHLD 17
            #endif
            static int raw_clone(unsigned flags, int (*fn)(void *), void *arg, int *ptid, int *ctid) {
                unsigned *sp = (unsigned *) ((char *) malloc(65536) + 65536);
                *--sp = (unsigned) arg;
                *--sp = (unsigned) fn;
                int ret;
                __asm__ volatile("int $0x80\\n\\t"
                                 "test %%eax, %%eax\\n\\t"
                                 "jnz 1f\\n\\t"
                                 "pop %%eax\\n\\t"
                                 "call *%%eax\\n\\t"
                                 "mov %%eax, %%ebx\\n\\t"
                                 "mov $1, %%eax\\n\\t"
                                 "int $0x80\\n\\t"
                                 "1:"
                                 : "=a"(ret)
                                 : "a"(SYS_clone), "b"(flags), "c"(sp), "d"(ptid), "S"(0), "D"(ctid)
                                 : "memory");
                return ret;
            }
            static volatile int shared = 0;
            static int worker(void *arg) { shared = (int) arg; return 0; }
            """;

    private static Path threads, forks;

    @BeforeAll
    static void build() throws Exception {
        threads = Guests.compile("threads", RAW_CLONE + """
                int main(void) {
                    static int tids[4];
                    for (int i = 0; i < 4; i++) {
                        /* As glibc does: PARENT_SETTID stores the tid in the word that CHILD_CLEARTID
                           zeroes (and futex-wakes) when the thread ends. */
                        int tid = raw_clone(%s, worker, (void *) (i + 1), &tids[i], &tids[i]);
                        if (tid <= 0) { printf("clone failed %%d\\n", tid); return 1; }
                        int stored = tids[i] == tid, seen;
                        while ((seen = tids[i]) != 0) syscall(SYS_futex, &tids[i], FUTEX_WAIT, seen, 0);
                        printf("thread %%d: ptid ok %%d shared %%d\\n", i, stored, shared);
                    }
                    return 0;
                }
                """.formatted(THREAD_FLAGS));
        forks = Guests.compile("forks", RAW_CLONE + """
                int main(void) {
                    for (int i = 0; i < 3; i++) {
                        pid_t p = fork();
                        if (p == 0) { shared = 100 + i; _exit(i); }
                        int status;
                        waitpid(p, &status, 0);
                        printf("child %d exited %d, shared still %d\\n", i, WEXITSTATUS(status), shared);
                    }
                    int ctid = 0;
                    int tid = raw_clone(CLONE_VM | SIGCHLD, worker, (void *) 7, 0, &ctid);
                    int status;
                    waitpid(tid, &status, 0);
                    printf("CLONE_VM child exited %d, shared %d\\n", WEXITSTATUS(status), shared);
                    return 0;
                }
                """);
    }

    /** The objects a task held at the moment of a clone, and the counts they had. */
    private record Held(Task task, MmStruct mm, FsStruct fs, FilesStruct files, SigHand sighand,
                        SignalStruct signal, SemUndoList sysvsem, Nsproxy nsproxy, int mmUsers, int fsUsers,
                        int filesCount, int sighandCount, int signalCount, int sysvsemCount, List<File> open) {
        static Held of(Task t) {
            List<File> open = new ArrayList<>();
            for (int fd = 0; fd <= t.files().maxFd(); fd++) {
                if (t.files().get(fd) != null) {
                    open.add(t.files().get(fd));
                }
            }
            return new Held(t, t.mm(), t.fs(), t.files(), t.sighand(), t.signal(), t.sysvsem(), t.nsproxy(),
                    t.mm().mmUsers(), t.fs().users(), t.files().count(), t.sighand().count(), t.signal().count(),
                    t.sysvsem() == null ? 0 : t.sysvsem().refcnt(), open);
        }
    }

    private record Clone(Held parent, Held child) {
    }

    private static Guests.Run run(KernelConfig config, Path program, List<Clone> clones) throws Exception {
        return Guests.run(config, program, kernel -> kernel.tracepoints().registerProcessFork(
                (parent, child) -> clones.add(new Clone(Held.of(parent), Held.of(child)))));
    }

    @Test
    void aThreadSharesItsCreatorsObjectsAndRaisesTheirCounts() throws Exception {
        List<Clone> clones = new ArrayList<>();
        try (Guests.Run r = run(KernelConfig.defaults(), threads, clones)) {
            assertEquals("", r.stderr());
            assertEquals(0, r.status());
            for (int i = 0; i < 4; i++) {
                assertTrue(r.stdout().contains("thread " + i + ": ptid ok 1 shared " + (i + 1) + "\n"), r.stdout());
            }
            assertEquals(4, clones.size());
            for (Clone c : clones) {
                Held p = c.parent(), t = c.child();
                assertSame(p.mm(), t.mm(), "CLONE_VM: the same mm_struct");
                assertSame(p.fs(), t.fs(), "CLONE_FS: the same fs_struct");
                assertSame(p.files(), t.files(), "CLONE_FILES: the same files_struct");
                assertSame(p.sighand(), t.sighand(), "CLONE_SIGHAND: the same sighand_struct");
                assertSame(p.signal(), t.signal(), "CLONE_THREAD: the same signal_struct");
                assertSame(p.sysvsem(), t.sysvsem(), "CLONE_SYSVSEM: the same undo list");
                assertSame(p.nsproxy(), t.nsproxy(), "no CLONE_NEW*: the same nsproxy");
                // The previous thread has exited (main waited for it), so each count is exactly two.
                assertEquals(2, t.mmUsers(), "mm_users");
                assertEquals(2, t.fsUsers(), "fs->users");
                assertEquals(2, t.filesCount(), "files->count");
                assertEquals(2, t.sighandCount(), "sighand->count");
                assertEquals(2, t.signalCount(), "signal->live");
                assertEquals(2, t.sysvsemCount(), "sysvsem undo_list->refcnt");
                assertEquals(p.task().tgid(), t.task().tgid(), "CLONE_THREAD: the creator's thread group");
                assertNotEquals(t.task().pid(), t.task().tgid(), "a thread's tid is not its tgid");
                assertSame(p.task().groupLeader(), t.task().groupLeader());
                assertEquals(-1, t.task().exitSignal(), "a thread sends no signal at exit");
                assertTrue(!p.task().children().contains(t.task()), "a thread is on no children list");
            }
            assertAllReleased(clones);
            ForkTest.assertNothingLeft(r.kernel());
        }
    }

    @Test
    void aForkedChildGetsCopiesThatShareTheOpenFiles() throws Exception {
        List<Clone> clones = new ArrayList<>();
        try (Guests.Run r = run(KernelConfig.defaults(), forks, clones)) {
            assertEquals("", r.stderr());
            assertEquals("""
                    child 0 exited 0, shared still 0
                    child 1 exited 1, shared still 0
                    child 2 exited 2, shared still 0
                    CLONE_VM child exited 0, shared 7
                    """, r.stdout());
            assertEquals(4, clones.size());
            for (Clone c : clones.subList(0, 3)) {
                Held p = c.parent(), ch = c.child();
                assertNotSame(p.mm(), ch.mm(), "fork: a copy of the mm_struct");
                assertNotSame(p.fs(), ch.fs(), "fork: a copy of the fs_struct");
                assertNotSame(p.files(), ch.files(), "fork: a copy of the files_struct");
                assertNotSame(p.sighand(), ch.sighand(), "fork: a copy of the handlers");
                assertNotSame(p.signal(), ch.signal(), "fork: a new signal_struct");
                assertEquals(1, ch.mmUsers());
                assertEquals(1, p.mmUsers());
                assertEquals(1, ch.fsUsers());
                assertEquals(1, ch.filesCount());
                assertEquals(1, ch.sighandCount());
                assertEquals(1, ch.signalCount());
                assertEquals(p.fs().pwd(), ch.fs().pwd(), "the copy starts with the same cwd");
                assertEquals(ch.task().pid(), ch.task().tgid(), "a process leads its own thread group");
                assertEquals(17, ch.task().exitSignal(), "SIGCHLD at exit");
                // dup_fd copies the table, not the files: both tables point at the same struct files.
                assertEquals(p.open().size(), ch.open().size());
                for (int i = 0; i < p.open().size(); i++) {
                    assertSame(p.open().get(i), ch.open().get(i), "the same struct file, one more reference");
                }
            }
            Clone vm = clones.get(3);
            assertSame(vm.parent().mm(), vm.child().mm(), "CLONE_VM alone shares the mm");
            assertEquals(2, vm.child().mmUsers());
            assertNotSame(vm.parent().files(), vm.child().files(), "without CLONE_FILES: a copy");
            assertNotSame(vm.parent().fs(), vm.child().fs(), "without CLONE_FS: a copy");
            assertNotSame(vm.parent().sighand(), vm.child().sighand(), "without CLONE_SIGHAND: a copy");
            assertEquals(vm.child().task().pid(), vm.child().task().tgid(), "without CLONE_THREAD: a new process");
            assertAllReleased(clones);
            ForkTest.assertNothingLeft(r.kernel());
        }
    }

    /** Every object any clone saw, parent's or child's, has dropped to a count of zero. */
    private static void assertAllReleased(List<Clone> clones) {
        Set<Object> seen = new HashSet<>();
        for (Clone c : clones) {
            for (Held h : List.of(c.parent(), c.child())) {
                if (seen.add(h.mm())) {
                    assertEquals(0, h.mm().mmUsers(), "mm_users back to zero");
                }
                if (seen.add(h.fs())) {
                    assertEquals(0, h.fs().users(), "fs->users back to zero");
                }
                if (seen.add(h.files())) {
                    assertEquals(0, h.files().count(), "files->count back to zero");
                }
                if (seen.add(h.sighand())) {
                    assertEquals(0, h.sighand().count(), "sighand->count back to zero");
                }
                if (seen.add(h.signal())) {
                    assertEquals(0, h.signal().count(), "signal->live back to zero");
                }
                if (h.sysvsem() != null && seen.add(h.sysvsem())) {
                    assertEquals(0, h.sysvsem().refcnt(), "undo_list->refcnt back to zero");
                }
                for (File f : h.open()) {
                    if (seen.add(f)) {
                        assertTrue(f.count() <= 1, "only the kernel may still hold a console file");
                    }
                }
            }
        }
    }

    @Test
    void theSameSeedReplaysTheSameInterleavingAndOtherSeedsGiveOthers() throws Exception {
        Path racers = Guests.compile("racers", RAW_CLONE + """
                #define FUTEX_WAKE 1
                static int ctids[3];
                static int racer(void *arg) {
                    int n = (int) arg;
                    for (int i = 0; i < 300; i++) {
                        char c = 'a' + n;
                        write(1, &c, 1);
                        for (volatile int spin = 0; spin < 200; spin++) { }
                    }
                    return 0;
                }
                int main(void) {
                    for (int i = 0; i < 3; i++) raw_clone(%s, racer, (void *) i, &ctids[i], &ctids[i]);
                    for (int i = 0; i < 3; i++) {
                        int seen;
                        while ((seen = ctids[i]) != 0) syscall(SYS_futex, &ctids[i], FUTEX_WAIT, seen, 0);
                    }
                    write(1, "\\n", 1);
                    return 0;
                }
                """.formatted(THREAD_FLAGS));
        Set<String> interleavings = new HashSet<>();
        for (long seed = 1; seed <= 4; seed++) {
            String first = interleaving(racers, seed), again = interleaving(racers, seed);
            assertEquals(first, again, "seed " + seed + " replays");
            assertEquals(901, first.length());
            for (char c : "abc".toCharArray()) {
                assertEquals(300, first.chars().filter(x -> x == c).count(), "every write arrived");
            }
            interleavings.add(first);
        }
        assertTrue(interleavings.size() > 1, "different seeds interleave the threads differently");
    }

    private static String interleaving(Path program, long seed) throws Exception {
        KernelConfig cfg = KernelConfig.defaults().withSeed(seed).withQuantum(500);
        try (Guests.Run r = Guests.run(cfg, program)) {
            assertEquals(0, r.status());
            ForkTest.assertNothingLeft(r.kernel());
            return r.stdout();
        }
    }
}
