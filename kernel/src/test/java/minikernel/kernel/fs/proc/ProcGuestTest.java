package minikernel.kernel.fs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import minikernel.kernel.Guests;
import minikernel.kernel.KernelConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /proc as a guest program sees it through open, read, pread, lseek, readlink and getdents64:
 * its own files, a child's while it sleeps, after it exits (a zombie) and once it is reaped,
 * the threads of a process, and renaming through comm.
 */
class ProcGuestTest {
    private static java.nio.file.Path prog;

    @BeforeAll
    static void build() throws Exception {
        prog = Guests.compile("procfs", """
                #include <dirent.h>
                #include <errno.h>
                #include <fcntl.h>
                #include <pthread.h>
                #include <stdio.h>
                #include <stdlib.h>
                #include <string.h>
                #include <sys/mman.h>
                #include <sys/stat.h>
                #include <sys/syscall.h>
                #include <sys/wait.h>
                #include <unistd.h>

                static char buf[65536];

                static int slurp(const char *path) {
                    int fd = open(path, O_RDONLY);
                    if (fd < 0) return -errno;
                    int n = 0, r;
                    while ((r = read(fd, buf + n, sizeof buf - 1 - n)) > 0) n += r;
                    int e = errno;
                    close(fd);
                    if (r < 0) return -e;
                    buf[n] = 0;
                    return n;
                }
                static void cat(const char *path) {
                    int n = slurp(path);
                    if (n < 0) { printf("== %s: error %d\\n", path, -n); return; }
                    for (int i = 0; i < n; i++) if (buf[i] == 0) buf[i] = '|';
                    printf("== %s\\n%s", path, buf);
                    if (n == 0 || buf[n - 1] != '\\n') printf("\\n");
                }
                static void lnk(const char *path) {
                    char b[512];
                    ssize_t n = readlink(path, b, sizeof b - 1);
                    if (n < 0) { printf("%s -> error %d\\n", path, errno); return; }
                    b[n] = 0;
                    printf("%s -> %s\\n", path, b);
                }
                static void ls(const char *path) {
                    DIR *d = opendir(path);
                    if (!d) { printf("ls %s: error %d\\n", path, errno); return; }
                    printf("ls %s:", path);
                    struct dirent *e;
                    while ((e = readdir(d))) printf(" %s", e->d_name);
                    printf("\\n");
                    closedir(d);
                }
                static char state(int pid) {
                    char path[64];
                    sprintf(path, "/proc/%d/stat", pid);
                    if (slurp(path) < 0) return '?';
                    char *p = strrchr(buf, ')');
                    return p ? p[2] : '?';
                }

                static int self(const char *tmp) {
                    int fd = open(tmp, O_CREAT | O_RDWR | O_TRUNC, 0600);
                    int p[2];
                    pipe(p);
                    chdir("/tmp");
                    char *shared = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
                    shared[0] = 1;
                    cat("/proc/self/status");
                    cat("/proc/self/stat");
                    cat("/proc/self/statm");
                    cat("/proc/self/maps");
                    cat("/proc/self/cmdline");
                    cat("/proc/self/comm");
                    lnk("/proc/self");
                    lnk("/proc/thread-self");
                    lnk("/proc/self/exe");
                    lnk("/proc/self/cwd");
                    lnk("/proc/self/root");
                    ls("/proc/self/fd");
                    lnk("/proc/self/fd/3");
                    lnk("/proc/self/fd/4");
                    lnk("/proc/self/fd/9");
                    cat("/proc/self/fdinfo/3");
                    ls("/proc");
                    cat("/proc/mounts");
                    // the link leads to the open file itself, and names it even once unlinked
                    int again = open("/proc/self/fd/3", O_RDONLY);
                    struct stat a, b;
                    fstat(fd, &a);
                    fstat(again, &b);
                    printf("reopened same inode: %d\\n", again >= 0 && a.st_ino == b.st_ino);
                    unlink(tmp);
                    lnk("/proc/self/fd/3");
                    printf("pipe link opens: %d\\n", open("/proc/self/fd/4", O_RDONLY) >= 0 ? 0 : errno);
                    // lseek and pread on a generated file
                    int s = open("/proc/self/status", O_RDONLY);
                    char head[6] = {0};
                    read(s, head, 5);
                    printf("head %s seek_end %d\\n", head, (int) lseek(s, 0, SEEK_END) < 0 ? errno : 0);
                    lseek(s, 0, SEEK_SET);
                    memset(head, 0, sizeof head);
                    read(s, head, 5);
                    printf("again %s pread %d\\n", head, (int) pread(s, head, 5, 0));
                    printf("write %d\\n", write(open("/proc/self/status", O_WRONLY), "x", 1) < 0 ? errno : 0);
                    struct stat st;
                    lstat("/proc/self", &st);
                    printf("self mode %o\\n", st.st_mode);
                    stat("/proc/self/fd", &st);
                    printf("fd mode %o\\n", st.st_mode);
                    stat("/proc/self/status", &st);
                    printf("status mode %o size %d\\n", st.st_mode, (int) st.st_size);
                    return 0;
                }

                static int child(void) {
                    int p[2];
                    pipe(p);
                    pid_t pid = fork();
                    if (pid == 0) {
                        char c;
                        close(p[1]);
                        read(p[0], &c, 1);
                        _exit(7);
                    }
                    close(p[0]);
                    char path[64];
                    for (int i = 0; i < 1000 && state(pid) != 'S'; i++) sched_yield();
                    sprintf(path, "/proc/%d/status", pid);
                    cat(path);
                    sprintf(path, "/proc/%d", pid);
                    int dir = open(path, O_RDONLY | O_DIRECTORY);
                    sprintf(path, "/proc/%d/wchan", pid);
                    cat(path);
                    sprintf(path, "/proc/%d/cmdline", pid);
                    cat(path);
                    write(p[1], "x", 1);
                    for (int i = 0; i < 1000 && state(pid) != 'Z'; i++) sched_yield();
                    sprintf(path, "/proc/%d/status", pid);
                    cat(path);
                    int held = open(path, O_RDONLY);
                    char first[16];
                    read(held, first, sizeof first);
                    sprintf(path, "/proc/%d/cmdline", pid);
                    cat(path);
                    sprintf(path, "/proc/%d/maps", pid);
                    cat(path);
                    sprintf(path, "/proc/%d/fd", pid);
                    ls(path);
                    sprintf(path, "/proc/%d/cwd", pid);
                    lnk(path);
                    sprintf(path, "/proc/%d/stat", pid);
                    cat(path);
                    int status;
                    waitpid(pid, &status, 0);
                    printf("reaped %d\\n", WEXITSTATUS(status));
                    sprintf(path, "/proc/%d/status", pid);
                    cat(path);
                    printf("openat in dead dir: %d\\n", openat(dir, "status", O_RDONLY) >= 0 ? 0 : errno);
                    char b[16];
                    printf("pread of held file: %d\\n", pread(held, b, sizeof b, 0) >= 0 ? 0 : errno);
                    int n = syscall(SYS_getdents64, dir, buf, sizeof buf);
                    printf("getdents of dead dir: %d\\n", n >= 0 ? n : -errno);
                    return 0;
                }

                static int pipefd[2];
                static void *thread(void *arg) {
                    lnk("/proc/thread-self");
                    char path[64];
                    sprintf(path, "/proc/%d/comm", gettid());
                    cat(path);
                    fflush(stdout);
                    char c;
                    read(pipefd[0], &c, 1);
                    return 0;
                }

                static int threads(void) {
                    pipe(pipefd);
                    pthread_t t;
                    pthread_create(&t, 0, thread, 0);
                    for (int i = 0; i < 100; i++) sched_yield();
                    ls("/proc/self/task");
                    ls("/proc");
                    cat("/proc/self/status");
                    write(pipefd[1], "x", 1);
                    pthread_join(t, 0);
                    ls("/proc/self/task");
                    return 0;
                }

                static int comm(void) {
                    int fd = open("/proc/self/comm", O_WRONLY | O_TRUNC);
                    printf("wrote %d\\n", (int) write(fd, "a-much-longer-name", 18));
                    cat("/proc/self/comm");
                    cat("/proc/self/stat");
                    return 0;
                }

                static int heldDir;
                static void *execer(void *arg) {
                    char fdarg[16];
                    sprintf(fdarg, "%d", heldDir);
                    char *args[] = {"procfs", "afterexec", fdarg, 0};
                    printf("thread %d execs\\n", gettid());
                    execv("/proc/self/exe", args);
                    printf("execv: error %d\\n", errno);
                    return 0;
                }

                static int dethread(void) {
                    heldDir = open("/proc/self", O_RDONLY | O_DIRECTORY);
                    printf("process %d\\n", getpid());
                    pthread_t t;
                    pthread_create(&t, 0, execer, 0);
                    for (;;) pause();
                }

                static int afterexec(int dir) {
                    int fd = openat(dir, "status", O_RDONLY);
                    int n = read(fd, buf, sizeof buf - 1);
                    buf[n > 0 ? n : 0] = 0;
                    char *pid = strstr(buf, "\\nPid:");
                    printf("after exec: getpid %d gettid %d, held dir says%.*s\\n", getpid(), gettid(),
                           pid ? (int) strcspn(pid + 1, "\\n") + 1 : 0, pid ? pid : "");
                    return 0;
                }

                int main(int argc, char **argv) {
                    setvbuf(stdout, 0, _IONBF, 0);
                    if (!strcmp(argv[1], "self")) return self(argv[2]);
                    if (!strcmp(argv[1], "child")) return child();
                    if (!strcmp(argv[1], "threads")) return threads();
                    if (!strcmp(argv[1], "comm")) return comm();
                    if (!strcmp(argv[1], "dethread")) return dethread();
                    if (!strcmp(argv[1], "afterexec")) return afterexec(atoi(argv[2]));
                    return 2;
                }
                """);
    }

    /** Where the text of one cat ends: the next line the program printed itself. */
    private static final Pattern NEXT = Pattern.compile("\n(== |ls |/proc/|reopened |reaped |openat |pread |getdents "
            + "|head |again |write |self mode|fd mode|status mode|wrote |pipe link)");

    /** The text "cat" printed for {@code name}. */
    private static String section(String out, String name) {
        int at = out.indexOf("== " + name + "\n");
        assertTrue(at >= 0, "no " + name + " in:\n" + out);
        String rest = out.substring(at + name.length() + 4);
        Matcher m = NEXT.matcher(rest);
        return m.find() ? rest.substring(0, m.start() + 1) : rest;
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("(no line " + prefix + ")");
    }

    @Test
    void itsOwnFiles() throws Exception {
        java.nio.file.Path tmp = Files.createTempFile("mk-proc", ".txt");
        try (Guests.Run r = Guests.run(KernelConfig.defaults(), prog, k -> { }, "self", tmp.toString())) {
            String out = r.stdout();

            assertEquals(0, r.status(), out + r.stderr());
            int pid = Integer.parseInt(line(out, "/proc/self -> ").substring(14));
            String status = section(out, "/proc/self/status");
            assertTrue(status.startsWith("Name:\tprocfs\nUmask:\t0022\nState:\tR (running)\nTgid:\t" + pid + "\n"), status);
            assertTrue(status.contains("\nPid:\t" + pid + "\nPPid:\t1\n"), status);
            assertTrue(status.matches("(?s).*\nVmSize:\t +\\d+ kB\n.*\nVmStk:\t +1[0-9]{2} kB\n.*"), status);
            String stat = section(out, "/proc/self/stat");
            assertTrue(stat.startsWith(pid + " (procfs) R 1 1 1 0 -1 "), stat);
            assertEquals(52, stat.trim().split(" ").length, stat);
            String maps = section(out, "/proc/self/maps");
            assertTrue(maps.lines().anyMatch(l -> l.matches("08048000-\\p{XDigit}{8} r-xp 00000000 \\p{XDigit}{2}:\\p{XDigit}{2} [1-9]\\d* +"
                    + Pattern.quote(prog.toString()))), maps);
            assertTrue(maps.lines().anyMatch(l -> l.endsWith(" [stack]")), maps);
            assertTrue(maps.lines().anyMatch(l -> l.matches("\\p{XDigit}{8}-\\p{XDigit}{8} rw-s 00000000 00:01 1 +/dev/zero \\(deleted\\)")),
                    maps);
            assertTrue(status.contains("\nRssShmem:\t       4 kB\n"), status);
            assertEquals("procfs|self|" + tmp + "|\n", section(out, "/proc/self/cmdline"));
            assertEquals("procfs\n", section(out, "/proc/self/comm"));
            assertEquals("/proc/thread-self -> " + pid + "/task/" + pid, line(out, "/proc/thread-self"));
            assertEquals("/proc/self/exe -> " + prog, line(out, "/proc/self/exe"));
            assertEquals("/proc/self/cwd -> /tmp", line(out, "/proc/self/cwd"));
            assertEquals("/proc/self/root -> /", line(out, "/proc/self/root"));
            assertEquals("ls /proc/self/fd: . .. 0 1 2 3 4 5 6", line(out, "ls /proc/self/fd"), "6 is the listing's own");
            List<String> fd3 = out.lines().filter(l -> l.startsWith("/proc/self/fd/3 -> ")).toList();
            assertEquals(List.of("/proc/self/fd/3 -> " + tmp, "/proc/self/fd/3 -> " + tmp + " (deleted)"), fd3);
            assertTrue(line(out, "/proc/self/fd/4 -> ").matches("/proc/self/fd/4 -> pipe:\\[\\d+\\]"), out);
            assertEquals("/proc/self/fd/9 -> error 2", line(out, "/proc/self/fd/9"));
            assertTrue(section(out, "/proc/self/fdinfo/3").matches("pos:\t0\nflags:\t0100002\nmnt_id:\t1\nino:\t\\d+\n")
                    || section(out, "/proc/self/fdinfo/3").matches("pos:\t0\nflags:\t02\nmnt_id:\t1\nino:\t\\d+\n"),
                    section(out, "/proc/self/fdinfo/3"));
            String root = line(out, "ls /proc:");
            assertTrue(root.startsWith("ls /proc: . .. stat mounts uptime cpuinfo loadavg meminfo version filesystems self thread-self 1 "),
                    root);
            assertTrue(root.endsWith(" " + pid), root);
            assertTrue(section(out, "/proc/mounts").contains("proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n"), out);
            assertEquals("reopened same inode: 1", line(out, "reopened"));
            assertEquals("pipe link opens: 2", line(out, "pipe link opens"));
            assertEquals("head Name: seek_end 22", line(out, "head "));
            assertEquals("again Name: pread 5", line(out, "again "));
            assertEquals("self mode 120777", line(out, "self mode"));
            assertEquals("fd mode 40500", line(out, "fd mode"));
            assertEquals("status mode 100444 size 0", line(out, "status mode"));
            assertTrue(line(out, "write ").equals("write 22") || line(out, "write ").equals("write 9"), out);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Test
    void aChildAsleepAZombieAndGone() throws Exception {
        try (Guests.Run r = Guests.run(KernelConfig.defaults(), prog, k -> { }, "child")) {
            String out = r.stdout();
            assertEquals(0, r.status(), out + r.stderr());
            String[] parts = out.split("== /proc/");
            String asleep = parts[1];
            Matcher m = Pattern.compile("(\\d+)/status\n").matcher(asleep);
            assertTrue(m.lookingAt(), asleep);
            int child = Integer.parseInt(m.group(1));
            assertTrue(asleep.contains("State:\tS (sleeping)\n"), asleep);
            assertTrue(asleep.contains("\nPid:\t" + child + "\nPPid:\t" + (child - 1) + "\n"), asleep);
            assertEquals("pipe_read\n", section(out, "/proc/" + child + "/wchan"), out);
            String zombie = out.substring(out.indexOf("State:\tZ"));
            assertTrue(out.contains("State:\tZ (zombie)\n"), out);
            assertFalse(zombie.substring(0, zombie.indexOf("== ")).contains("VmSize"), "no memory lines for a zombie");
            assertEquals("ls /proc/" + child + "/fd: . ..", line(out, "ls /proc/" + child + "/fd"));
            assertEquals("/proc/" + child + "/cwd -> error 2", line(out, "/proc/" + child + "/cwd"));
            assertTrue(out.contains("reaped 7\n"), out);
            assertTrue(out.contains("== /proc/" + child + "/status: error 2\n"), out);
            assertEquals("openat in dead dir: 2", line(out, "openat in dead dir"));
            assertEquals("pread of held file: 3", line(out, "pread of held file"));
            assertEquals("getdents of dead dir: -2", line(out, "getdents of dead dir"));
        }
    }

    @Test
    void threadsAreInTaskButNotListedAtTheRoot() throws Exception {
        try (Guests.Run r = Guests.run(KernelConfig.defaults(), prog, k -> { }, "threads")) {
            String out = r.stdout();
            assertEquals(0, r.status(), out + r.stderr());
            Matcher m = Pattern.compile("/proc/thread-self -> (\\d+)/task/(\\d+)\n").matcher(out);
            assertTrue(m.find(), out);
            String tgid = m.group(1), tid = m.group(2);
            assertEquals("procfs\n", section(out, "/proc/" + tid + "/comm"), "/proc/TID is found by lookup");
            List<String> tasks = out.lines().filter(l -> l.startsWith("ls /proc/self/task:")).toList();
            assertEquals(List.of("ls /proc/self/task: . .. " + tgid + " " + tid, "ls /proc/self/task: . .. " + tgid), tasks);
            String root = line(out, "ls /proc:");
            assertTrue(root.contains(" " + tgid) && !root.contains(" " + tid), root);
            assertTrue(section(out, "/proc/self/status").contains("\nThreads:\t2\n"), out);
        }
    }

    /**
     * A thread that exec's takes its process's pid (de_thread); a /proc/PID directory held open
     * across that follows the pid to it.
     */
    @Test
    void aHeldDirectoryFollowsThePidThroughExecInAThread() throws Exception {
        try (Guests.Run r = Guests.run(KernelConfig.defaults(), prog, k -> { }, "dethread")) {
            String out = r.stdout();
            assertEquals(0, r.status(), out + r.stderr());
            String pid = line(out, "process ").substring(8);
            assertTrue(out.contains("after exec: getpid " + pid + " gettid " + pid + ", held dir says\nPid:\t" + pid + "\n"),
                    out);
        }
    }

    @Test
    void commIsWritable() throws Exception {
        try (Guests.Run r = Guests.run(KernelConfig.defaults(), prog, k -> { }, "comm")) {
            String out = r.stdout();
            assertEquals(0, r.status(), out + r.stderr());
            assertEquals("wrote 18", line(out, "wrote"));
            assertEquals("a-much-longer-n\n", section(out, "/proc/self/comm"));
            assertTrue(section(out, "/proc/self/stat").contains(" (a-much-longer-n) R "), out);
        }
    }
}
