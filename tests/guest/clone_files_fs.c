/*
 * clone_files_fs.c - the descriptor table and the fs_struct as shared
 * objects (kernel/fork.c copy_files/copy_fs, unshare(2)), beyond
 * clone_sharing.c:
 *
 *   threads (glibc's clone flags, raw, so both C libraries make the same
 *   calls): a file the thread opens is open in the main thread, a
 *   descriptor it closes is closed there; its chdir moves the main
 *   thread's relative opens and getcwd, its umask is the main thread's
 *
 *   unshare in a thread: after unshare(CLONE_FILES) its opens and closes
 *   are its own; after unshare(CLONE_FS) its chdir and umask are its own
 *
 *   processes (no CLONE_VM): clone(CLONE_FILES) - the child's open is the
 *   parent's; clone(CLONE_FS) - the child's chdir moves the parent
 *
 * Files are made in the current directory; getcwd is printed only relative
 * to it.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <sys/stat.h>
#include "thread_helpers.h"
#include "fs_helpers.h"

#define NR_open_    5
#define NR_close_   6
#define NR_chdir_  12
#define NR_umask_  60

static struct thread_stack stack;
static volatile int tid;
static char start[PATH_MAX];

/* What a thread did: its results, -errno on failure. */
static volatile long opened_fd, closed_result, unshare_result, chdir_result;
static int victim_fd;

static void show_cwd(const char *what)
{
    char now[PATH_MAX];

    if (getcwd(now, sizeof now) == NULL)
        printf("%s: getcwd %s\n", what, errno_name(errno));
    else if (strncmp(now, start, strlen(start)) == 0)
        printf("%s: START%s\n", what, now + strlen(start));
    else
        printf("%s: %s\n", what, now);
}

static int is_open(int fd)
{
    return fcntl(fd, F_GETFD) >= 0;
}

static void run_thread(int (*fn)(void *))
{
    long r = spawn_thread(fn, NULL, &stack, &tid);

    if (r < 0)
        printf("FAIL: clone: %s\n", raw_errno(r));
    else
        join_thread(&tid);
}

static int open_and_close(void *arg)
{
    (void)arg;
    opened_fd = raw3(NR_open_, (long)"by_thread.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    closed_result = raw1(NR_close_, victim_fd);
    return 0;
}

static int chdir_and_umask(void *arg)
{
    (void)arg;
    chdir_result = raw1(NR_chdir_, (long)"sub");
    raw1(NR_umask_, 077);
    return 0;
}

static int unshare_files(void *arg)
{
    (void)arg;
    unshare_result = raw1(NR_unshare, F_CLONE_FILES);
    opened_fd = raw3(NR_open_, (long)"private.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    closed_result = raw1(NR_close_, victim_fd);
    return 0;
}

static int unshare_fs(void *arg)
{
    (void)arg;
    unshare_result = raw1(NR_unshare, F_CLONE_FS);
    chdir_result = raw1(NR_chdir_, (long)"sub");
    raw1(NR_umask_, 0);
    return 0;
}

static void threads(void)
{
    mode_t mask;

    victim_fd = open("victim.txt", O_RDONLY | O_CREAT, 0644);
    run_thread(open_and_close);
    printf("thread: open %s, close of the main thread's descriptor %s\n", raw_errno(opened_fd < 0 ? opened_fd : 0),
           raw_errno(closed_result));
    printf("  the thread's file is open in the main thread: %s\n", ok(opened_fd >= 0 && is_open((int)opened_fd)));
    printf("  the closed descriptor is closed in the main thread: %s\n", ok(!is_open(victim_fd)));
    if (opened_fd >= 0)
        printf("  a write through it from the main thread: %s\n", res((long)write((int)opened_fd, "main", 4)));
    close((int)opened_fd);

    mkdir("sub", 0755);
    make_file("sub/here.txt", "in sub");
    make_file("here.txt", "at the start");
    umask(022);
    run_thread(chdir_and_umask);
    mask = umask(022);
    printf("thread: chdir sub %s\n", raw_errno(chdir_result));
    show_cwd("  the main thread's getcwd");
    printf("  the main thread's here.txt: [%s]\n", file_text("here.txt"));
    printf("  the main thread's umask: %03o\n", (unsigned)mask);
    chdir(start);

    victim_fd = open("victim.txt", O_RDONLY);
    run_thread(unshare_files);
    printf("thread after unshare(CLONE_FILES) %s: open %s, close %s\n", raw_errno(unshare_result),
           raw_errno(opened_fd < 0 ? opened_fd : 0), raw_errno(closed_result));
    printf("  its file is not open in the main thread: %s\n", ok(opened_fd >= 0 && !is_open((int)opened_fd)));
    printf("  the descriptor it closed is still open in the main thread: %s\n", ok(is_open(victim_fd)));
    printf("  (its table went with it: private.txt exists: %s)\n", ok(access("private.txt", F_OK) == 0));
    close(victim_fd);

    umask(022);
    run_thread(unshare_fs);
    mask = umask(022);
    printf("thread after unshare(CLONE_FS) %s: chdir sub %s\n", raw_errno(unshare_result), raw_errno(chdir_result));
    show_cwd("  the main thread's getcwd");
    printf("  the main thread's umask: %03o\n", (unsigned)mask);
}

static void processes(void)
{
    long pid;
    int status, fd;

    fflush(stdout);
    pid = guest_raw_clone(F_CLONE_FILES | SIGCHLD, NULL, NULL, NULL, NULL, NULL, NULL);
    if (pid == 0) {
        fd = (int)raw3(NR_open_, (long)"by_child.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        raw1(NR_exit_group, fd < 0 ? 255 : fd);
    }
    status = pid > 0 ? wait_for((pid_t)pid) : -1;
    fd = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    printf("clone(CLONE_FILES) child: open %s\n", fd >= 0 && fd != 255 ? "OK" : "FAIL");
    printf("clone(CLONE_FILES): the child's descriptor is open in the parent: %s\n",
           ok(fd >= 0 && fd != 255 && is_open(fd)));
    if (fd >= 0 && fd != 255 && is_open(fd))
        close(fd);

    fflush(stdout);
    pid = guest_raw_clone(F_CLONE_FS | SIGCHLD, NULL, NULL, NULL, NULL, NULL, NULL);
    if (pid == 0)
        raw1(NR_exit_group, raw1(NR_chdir_, (long)"sub") == 0 ? 0 : 1);
    status = pid > 0 ? wait_for((pid_t)pid) : -1;
    printf("clone(CLONE_FS) child: chdir sub %s\n", ended(status));
    show_cwd("clone(CLONE_FS): the parent's getcwd");
    printf("clone(CLONE_FS): the parent's here.txt: [%s]\n", file_text("here.txt"));
    chdir(start);

    fflush(stdout);
    pid = guest_raw_clone(SIGCHLD, NULL, NULL, NULL, NULL, NULL, NULL);
    if (pid == 0)
        raw1(NR_exit_group, raw1(NR_chdir_, (long)"sub") == 0 ? 0 : 1);
    status = pid > 0 ? wait_for((pid_t)pid) : -1;
    printf("clone without CLONE_FS: chdir sub %s\n", ended(status));
    show_cwd("clone without CLONE_FS: the parent's getcwd");
}

int main(void)
{
    if (getcwd(start, sizeof start) == NULL) {
        printf("FAIL: getcwd: errno=%s\n", errno_name(errno));
        return 1;
    }
    threads();
    processes();
    return 0;
}
