/*
 * proc_self.c - a process looking at itself through /proc (fs/proc:
 * base.c, array.c, fd.c, self.c). Only relations are printed (equal to
 * getpid(), the same file as argv[0], ...), never a pid, an inode number
 * or a path outside the test's own directory:
 *
 *   /proc/self         a symbolic link to the decimal pid; /proc/PID works
 *                      the same
 *   exe                a link to the program (the same file as argv[0])
 *   cwd                a link to the current directory (getcwd)
 *   cmdline, comm      the arguments with their NULs; the program's name
 *   status             Name, State "R (running)", Tgid, Pid, PPid, Uid,
 *                      Gid, Threads: 1, then 3 with two more threads (raw
 *                      clone, so both C libraries make the same calls); a
 *                      thread's task/TID/status has its own Pid
 *   stat               pid, (comm), R, ppid, pgrp, session, threads
 *   task               one entry per thread
 *   fd                 0, 1, 2 and what the program opened; each link: a
 *                      file's absolute path, " (deleted)" after unlink,
 *                      "pipe:[N]" the same N for both ends, /dev/null;
 *                      opening fd/N opens the file anew (its own offset);
 *                      fdinfo/N has the offset
 *   a child's status   "S (sleeping)" while it waits in read, "Z (zombie)"
 *                      once exited and not yet waited for, PPid our pid
 */
#define _GNU_SOURCE
#include <limits.h>
#include <sched.h>
#include <time.h>
#include <stdlib.h>
#include "thread_helpers.h"
#include "fs_helpers.h"

struct dirent64_view {
    unsigned long long d_ino;
    long long d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

static char text[16384];
static int listing_fd;      /* the descriptor numeric_entries read the directory with */

/* Reads a whole /proc file into text; its length, or -1. */
static long slurp(const char *path)
{
    int fd = open(path, O_RDONLY);
    long n;

    text[0] = '\0';
    if (fd < 0)
        return -1;
    n = read_all(fd, text, sizeof text - 1);
    close(fd);
    text[n > 0 ? n : 0] = '\0';
    return n;
}

/* The value of "Key:" in the text last read (up to the end of its line), or "". */
static const char *field(const char *key)
{
    static char value[256];
    const char *p = text;
    size_t klen = strlen(key), n;

    while (p && *p) {
        if (strncmp(p, key, klen) == 0 && p[klen] == ':') {
            p += klen + 1;
            while (*p == '\t' || *p == ' ')
                p++;
            n = strcspn(p, "\n");
            if (n >= sizeof value)
                n = sizeof value - 1;
            memcpy(value, p, n);
            value[n] = '\0';
            return value;
        }
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    return "";
}

static long field_num(const char *key)
{
    return strtol(field(key), NULL, 10);
}

static const char *link_of(const char *path)
{
    static char buf[PATH_MAX];
    ssize_t n = readlink(path, buf, sizeof buf - 1);

    if (n < 0)
        return errno_name(errno);
    buf[n] = '\0';
    return buf;
}

/* The sorted numeric entries of a /proc directory, as "a b c" (not "." and ".."). */
static const char *numeric_entries(const char *path)
{
    static char list[1024], buf[4096];
    int nums[128], count = 0, i, j, t, fd = open(path, O_RDONLY | O_DIRECTORY);
    long n, pos;
    struct dirent64_view *e;

    if (fd < 0) {
        snprintf(list, sizeof list, "%s", errno_name(errno));
        return list;
    }
    listing_fd = fd;
    while ((n = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0)
        for (pos = 0; pos < n; pos += e->d_reclen) {
            e = (struct dirent64_view *)(buf + pos);
            if (e->d_name[0] >= '0' && e->d_name[0] <= '9' && count < 128)
                nums[count++] = atoi(e->d_name);
        }
    close(fd);
    for (i = 0; i < count; i++)
        for (j = i + 1; j < count; j++)
            if (nums[j] < nums[i]) {
                t = nums[i];
                nums[i] = nums[j];
                nums[j] = t;
            }
    list[0] = '\0';
    for (i = 0; i < count; i++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%d", i ? " " : "", nums[i]);
    return list;
}

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;

    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_ino == sb.st_ino && sa.st_dev == sb.st_dev;
}

static void links(const char *argv0)
{
    char expect[32], path[64], cwd[PATH_MAX];
    const char *exe;
    struct stat st;

    snprintf(expect, sizeof expect, "%d", (int)getpid());
    printf("/proc/self is a symbolic link: %s\n", ok(lstat("/proc/self", &st) == 0 && S_ISLNK(st.st_mode)));
    printf("readlink /proc/self is the pid: %s\n", ok(strcmp(link_of("/proc/self"), expect) == 0));
    exe = link_of("/proc/self/exe");
    printf("readlink /proc/self/exe is absolute: %s, the same file as argv[0]: %s\n", ok(exe[0] == '/'),
           ok(same_file(exe, argv0)));
    printf("/proc/self/exe opens the program: %s\n", ok(slurp("/proc/self/exe") > 4 && memcmp(text, "\177ELF", 4) == 0));
    getcwd(cwd, sizeof cwd);
    printf("readlink /proc/self/cwd is getcwd: %s\n", ok(strcmp(link_of("/proc/self/cwd"), cwd) == 0));
    snprintf(path, sizeof path, "/proc/%d/cwd", (int)getpid());
    printf("readlink /proc/PID/cwd is getcwd: %s\n", ok(strcmp(link_of(path), cwd) == 0));
    chdir("/");
    printf("after chdir(\"/\"): /proc/self/cwd -> %s\n", link_of("/proc/self/cwd"));
    chdir(cwd);
    printf("readlink /proc/self/root: %s\n", link_of("/proc/self/root"));
}

static void cmdline_comm(int argc, char **argv)
{
    long n = slurp("/proc/self/cmdline"), pos = 0;
    int i, same = 1;

    for (i = 0; i < argc; i++) {
        if (pos + (long)strlen(argv[i]) + 1 > n || strcmp(text + pos, argv[i]) != 0)
            same = 0;
        pos += strlen(argv[i]) + 1;
    }
    printf("/proc/self/cmdline is argv with NULs: %s (%d arguments)\n", ok(same && pos == n), argc);
    if (slurp("/proc/self/comm") < 0)
        printf("/proc/self/comm: %s\n", errno_name(errno));
    else
        printf("/proc/self/comm: [%.*s]\n", (int)strcspn(text, "\n"), text);
}

static void status(const char *when, int threads)
{
    char uids[64], gids[64];

    slurp("/proc/self/status");
    printf("%s: Name: %s\n", when, field("Name"));
    printf("%s: State: %s\n", when, field("State"));
    printf("%s: Tgid is getpid: %s, Pid is getpid: %s, PPid is getppid: %s\n", when,
           ok(field_num("Tgid") == getpid()), ok(field_num("Pid") == getpid()), ok(field_num("PPid") == getppid()));
    snprintf(uids, sizeof uids, "%d\t%d\t%d\t%d", (int)getuid(), (int)geteuid(), (int)getuid(), (int)getuid());
    snprintf(gids, sizeof gids, "%d\t%d\t%d\t%d", (int)getgid(), (int)getegid(), (int)getgid(), (int)getgid());
    printf("%s: Uid is the four uids: %s, Gid the four gids: %s\n", when, ok(strcmp(field("Uid"), uids) == 0),
           ok(strcmp(field("Gid"), gids) == 0));
    printf("%s: Threads: %s (expected %d)\n", when, field("Threads"), threads);
}

static void stat_line(int threads)
{
    char comm[64], state;
    long pid, ppid, pgrp, session, nthreads = -1;
    char *close_paren, *p;
    int i;

    slurp("/proc/self/stat");
    pid = strtol(text, &p, 10);
    close_paren = strrchr(text, ')');
    if (close_paren == NULL || p[0] != ' ' || p[1] != '(') {
        printf("FAIL: /proc/self/stat: [%s]\n", text);
        return;
    }
    snprintf(comm, sizeof comm, "%.*s", (int)(close_paren - p - 2), p + 2);
    p = close_paren + 2;
    state = *p;
    ppid = strtol(p + 2, &p, 10);
    pgrp = strtol(p, &p, 10);
    session = strtol(p, &p, 10);
    for (i = 7; i <= 20 && p; i++) {       /* fields 7..19, then num_threads is field 20 */
        if (i == 20)
            nthreads = strtol(p, NULL, 10);
        else
            strtol(p, &p, 10);
    }
    printf("/proc/self/stat: pid %s, comm (%s), state %c, ppid %s, pgrp %s, session %s, threads %ld (expected %d)\n",
           ok(pid == getpid()), comm, state, ok(ppid == getppid()), ok(pgrp == getpgrp()),
           ok(session == getsid(0)), nthreads, threads);
}

static volatile int release_threads;
static volatile int thread_tids[2];
static struct thread_stack stacks[2];

static int parked(void *arg)
{
    (void)arg;
    while (!release_threads)
        raw_futex((volatile int *)&release_threads, F_FUTEX_WAIT, 0, NULL, NULL, 0);
    return 0;
}

static void threads(void)
{
    char path[64], tasks[256];
    int i, tid;

    for (i = 0; i < 2; i++)
        if (spawn_thread(parked, NULL, &stacks[i], &thread_tids[i]) < 0)
            printf("FAIL: clone\n");
    tid = thread_tids[0];
    status("with two more threads", 3);
    stat_line(3);
    snprintf(tasks, sizeof tasks, "%s", numeric_entries("/proc/self/task"));
    printf("/proc/self/task has %d entries, the pid among them: %s\n",
           (int)(1 + (strchr(tasks, ' ') ? 1 : 0) + (strrchr(tasks, ' ') != strchr(tasks, ' ') ? 1 : 0)),
           ok(strstr(tasks, link_of("/proc/self")) != NULL));
    snprintf(path, sizeof path, "/proc/self/task/%d/status", tid);
    slurp(path);
    printf("a thread's status: Pid is its tid: %s, Tgid is getpid: %s\n", ok(field_num("Pid") == tid),
           ok(field_num("Tgid") == getpid()));
    printf("a thread's status: Name: %s\n", field("Name"));
    snprintf(path, sizeof path, "/proc/%d/status", tid);
    printf("/proc/TID/status of a thread (not listed in /proc, but there): %s\n", ok(slurp(path) > 0));
    release_threads = 1;
    raw_futex((volatile int *)&release_threads, F_FUTEX_WAKE, INT_MAX_WAKE, NULL, NULL, 0);
    join_thread(&thread_tids[0]);
    join_thread(&thread_tids[1]);
    /* The kernel clears a thread's tid word (waking the joiner) in mm_release, before
       exit_notify takes the thread out of its group: on a second CPU, Linux may still count
       it for a moment. Wait (up to a second) until it has gone. */
    for (int i = 0; i < 1000 && (slurp("/proc/self/status"), field_num("Threads")) > 1; i++) {
        struct timespec ms = { 0, 1000000 };
        nanosleep(&ms, NULL);
    }
    status("after they exit", 1);
}

/* Whether the list "a b c" has the number. */
static int listed(const char *list, int fd)
{
    char word[16];
    size_t n = strlen(list), w;
    const char *p = list;

    w = (size_t)snprintf(word, sizeof word, "%d", fd);
    while ((p = strstr(p, word)) != NULL) {
        if ((p == list || p[-1] == ' ') && (p[w] == ' ' || p[w] == '\0'))
            return 1;
        p += w;
        if (p >= list + n)
            break;
    }
    return 0;
}

/* How many numbers the list has. */
static int count_of(const char *list)
{
    int n = 0;

    for (; *list; list++)
        if (*list != ' ' && (list[1] == ' ' || list[1] == '\0'))
            n++;
    return n;
}

/*
 * /proc/self/fd is compared with its listing at the start, so descriptors
 * inherited from whoever ran the program do not matter: the new entries
 * must be exactly the ones opened since, and the listing's own.
 */
static void fds(void)
{
    char cwd[PATH_MAX], expect[PATH_MAX + 32], path[64], buf[8], base[1024], now[1024];
    int file, p[2], null, dir, again, base_count;
    const char *l2;

    snprintf(base, sizeof base, "%s", numeric_entries("/proc/self/fd"));
    base_count = count_of(base);
    printf("/proc/self/fd lists 0, 1 and 2: %s, and the descriptor reading it: %s\n",
           ok(listed(base, 0) && listed(base, 1) && listed(base, 2)), ok(listed(base, listing_fd)));
    getcwd(cwd, sizeof cwd);
    make_file("opened.txt", "0123456789");
    file = open("opened.txt", O_RDONLY);
    snprintf(now, sizeof now, "%s", numeric_entries("/proc/self/fd"));
    printf("after opening a file: it is listed: %s, one entry more: %s\n", ok(listed(now, file)),
           ok(count_of(now) == base_count + 1));
    pipe(p);
    null = open("/dev/null", O_WRONLY);
    dir = open(".", O_RDONLY | O_DIRECTORY);
    snprintf(now, sizeof now, "%s", numeric_entries("/proc/self/fd"));
    printf("with a pipe, /dev/null and a directory too: all listed: %s, five entries more: %s\n",
           ok(listed(now, file) && listed(now, p[0]) && listed(now, p[1]) && listed(now, null) && listed(now, dir)),
           ok(count_of(now) == base_count + 5));

    snprintf(path, sizeof path, "/proc/self/fd/%d", file);
    snprintf(expect, sizeof expect, "%s/opened.txt", cwd);
    printf("fd link of a file is its absolute path: %s\n", ok(strcmp(link_of(path), expect) == 0));
    lseek(file, 4, SEEK_SET);
    again = open(path, O_RDONLY);
    printf("opening the fd link reads from offset 0: [%c], the original's offset stays %ld\n",
           read(again, buf, 1) == 1 ? buf[0] : '?', offset_of(file));
    close(again);
    snprintf(path, sizeof path, "/proc/self/fdinfo/%d", file);
    slurp(path);
    printf("fdinfo pos: %s\n", field("pos"));
    unlink("opened.txt");
    snprintf(path, sizeof path, "/proc/self/fd/%d", file);
    snprintf(expect, sizeof expect, "%s/opened.txt (deleted)", cwd);
    printf("after unlink it ends with \" (deleted)\": %s\n", ok(strcmp(link_of(path), expect) == 0));

    snprintf(path, sizeof path, "/proc/self/fd/%d", p[0]);
    snprintf(expect, sizeof expect, "%s", link_of(path));
    snprintf(path, sizeof path, "/proc/self/fd/%d", p[1]);
    l2 = link_of(path);
    printf("fd link of a pipe is pipe:[N]: %s, the same for both ends: %s\n",
           ok(strncmp(expect, "pipe:[", 6) == 0 && expect[strlen(expect) - 1] == ']' && expect[6] >= '0'
              && expect[6] <= '9'), ok(strcmp(expect, l2) == 0));
    snprintf(path, sizeof path, "/proc/self/fd/%d", null);
    printf("fd link of /dev/null: %s\n", link_of(path));
    snprintf(path, sizeof path, "/proc/self/fd/%d", dir);
    printf("fd link of the directory is getcwd: %s\n", ok(strcmp(link_of(path), cwd) == 0));
    printf("fd link of a closed descriptor: %s\n", link_of("/proc/self/fd/999"));
    close(file);
    close(p[0]);
    close(p[1]);
    close(null);
    close(dir);
    printf("/proc/self/fd after closing them lists what it did at the start: %s\n",
           ok(strcmp(numeric_entries("/proc/self/fd"), base) == 0));
}

/* Reads /proc/PID/status until State starts with the letter (at most many tries; once for 0). */
static const char *state_of(pid_t pid, char letter)
{
    char path[64];
    int i;

    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    for (i = 0; i < 100000; i++) {
        if (slurp(path) < 0)
            return errno_name(errno);
        if (field("State")[0] == letter || letter == 0)
            break;
        sched_yield();
    }
    return field("State");
}

static void child_states(void)
{
    int p[2], status;
    char c;
    pid_t pid;

    pipe(p);
    pid = fork_flushed();
    if (pid == 0) {
        read(p[0], &c, 1);
        _exit(0);
    }
    printf("a child blocked in read: State: %s\n", state_of(pid, 'S'));
    printf("  its PPid is our pid: %s\n", ok(field_num("PPid") == getpid()));
    write(p[1], "x", 1);
    printf("after it exits, before wait: State: %s\n", state_of(pid, 'Z'));
    status = wait_for(pid);
    printf("the child %s; then its status: %s\n", ended(status), state_of(pid, 0));
    close(p[0]);
    close(p[1]);
}

int main(int argc, char **argv)
{
    links(argv[0]);
    cmdline_comm(argc, argv);
    status("alone", 1);
    stat_line(1);
    threads();
    fds();
    child_states();
    return 0;
}
