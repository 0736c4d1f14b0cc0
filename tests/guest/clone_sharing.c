/*
 * clone_sharing.c - what each of clone(2)'s sharing flags shares, one at a
 * time, with children that signal SIGCHLD at exit and are reaped with
 * waitpid: CLONE_VM (the child's writes to memory are the parent's),
 * CLONE_FILES (one descriptor table: a close or a new pipe in the child is
 * the parent's too), CLONE_FS (one cwd and umask), CLONE_VFORK (the parent
 * sleeps until the child exits), and the flag sets copy_process() refuses:
 * CLONE_THREAD without CLONE_SIGHAND ("thread groups must share signals")
 * and CLONE_SIGHAND without CLONE_VM ("shared signal handlers imply shared
 * VM"). Each child runs on its own stack and makes raw system calls only.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include "thread_helpers.h"

#define NR_close      6
#define NR_chdir     12
#define NR_umask     60
#define NR_fcntl64  221
#define NR_pipe2    331

static struct thread_stack stack;
static volatile int shared_value;        /* written by CLONE_VM children */
static volatile int child_fds[2];        /* a pipe the child made */
static volatile int finished;            /* the child is about to exit */
static int target_fd;                    /* the descriptor the child closes */

/* Starts fn in a child with these flags (plus SIGCHLD) and reaps it; its wait status, or -1. */
static int run_child(unsigned long flags, int (*fn)(void *))
{
    long pid;

    fflush(stdout);
    pid = guest_raw_clone(flags | SIGCHLD, stack_top(&stack), NULL, NULL, NULL, fn, NULL);
    if (pid < 0) {
        printf("FAIL: clone: %s\n", raw_errno(pid));
        return -1;
    }
    return wait_for((pid_t)pid);
}

static int fd_open(int fd)
{
    return fcntl(fd, F_GETFD) >= 0;
}

static int write_memory(void *arg)
{
    (void)arg;
    shared_value = 42;
    return 7;
}

static int close_and_pipe(void *arg)
{
    int fds[2];

    (void)arg;
    if (raw2(NR_pipe2, (long)fds, 0) != 0)
        return 1;
    if (raw1(NR_close, target_fd) != 0)
        return 2;
    child_fds[0] = fds[0];
    child_fds[1] = fds[1];
    return fds[0];   /* for a child without CLONE_VM, the exit status carries it */
}

static int chdir_and_umask(void *arg)
{
    (void)arg;
    if (raw1(NR_chdir, (long)"/dev") != 0)
        return 1;
    raw1(NR_umask, 077);
    return 0;
}

static int slow_exit(void *arg)
{
    int i;

    (void)arg;
    for (i = 0; i < 100; i++)
        raw_yield();
    finished = 1;
    return 0;
}

static void memory(void)
{
    int status;

    shared_value = 1;
    status = run_child(F_CLONE_VM, write_memory);
    printf("CLONE_VM: the child is waitable and exited 7: %s\n", ok(WIFEXITED(status) && WEXITSTATUS(status) == 7));
    printf("CLONE_VM: the parent sees the child's write: %s\n", ok(shared_value == 42));
    shared_value = 1;
    status = run_child(0, write_memory);
    printf("no CLONE_VM: the child exited 7: %s\n", ok(WIFEXITED(status) && WEXITSTATUS(status) == 7));
    printf("no CLONE_VM: the child wrote its own copy: %s\n", ok(shared_value == 1));
}

static void files(void)
{
    int p[2], status;

    if (pipe(p) != 0) {
        printf("FAIL: pipe: errno=%s\n", errno_name(errno));
        return;
    }
    target_fd = p[0];
    child_fds[0] = child_fds[1] = -1;
    status = run_child(F_CLONE_VM | F_CLONE_FILES, close_and_pipe);
    printf("CLONE_VM|CLONE_FILES: the child closed and piped: %s\n", ok(WIFEXITED(status) && child_fds[0] >= 0));
    printf("CLONE_VM|CLONE_FILES: the child's close closed the parent's descriptor: %s\n", ok(!fd_open(p[0])));
    printf("CLONE_VM|CLONE_FILES: the child's pipe is open in the parent: %s\n",
           ok(fd_open(child_fds[0]) && fd_open(child_fds[1])));
    close(child_fds[0]);
    close(child_fds[1]);
    close(p[1]);

    if (pipe(p) != 0)
        return;
    target_fd = p[0];
    child_fds[0] = child_fds[1] = -1;
    status = run_child(F_CLONE_VM, close_and_pipe);
    printf("CLONE_VM alone: the child closed and piped: %s\n", ok(WIFEXITED(status) && child_fds[0] >= 0));
    printf("CLONE_VM alone: the parent's descriptor is still open: %s\n", ok(fd_open(p[0])));
    printf("CLONE_VM alone: the child's pipe is not in the parent's table: %s\n",
           ok(!fd_open(child_fds[0]) && !fd_open(child_fds[1])));

    /* CLONE_FILES without CLONE_VM: separate memory, one table; the exit status names the child's new descriptor. */
    target_fd = p[0];
    status = run_child(F_CLONE_FILES, close_and_pipe);
    printf("CLONE_FILES alone: the child's close and pipe are the parent's: %s\n",
           ok(WIFEXITED(status) && WEXITSTATUS(status) > 2 && !fd_open(p[0]) && fd_open(WEXITSTATUS(status))));
    if (WIFEXITED(status) && WEXITSTATUS(status) > 2) {
        close(WEXITSTATUS(status));
        close(WEXITSTATUS(status) + 1);
    }
    close(p[1]);
}

static void fs(void)
{
    char start[PATH_MAX], now[PATH_MAX];
    mode_t mask;
    int status;

    if (getcwd(start, sizeof start) == NULL || chdir("/") != 0) {
        printf("FAIL: getcwd/chdir: errno=%s\n", errno_name(errno));
        return;
    }
    umask(022);
    status = run_child(F_CLONE_VM | F_CLONE_FS, chdir_and_umask);
    mask = umask(022);
    printf("CLONE_VM|CLONE_FS: the child changed directory: %s\n", ok(WIFEXITED(status) && WEXITSTATUS(status) == 0));
    printf("CLONE_VM|CLONE_FS: the parent's cwd is the child's: %s\n",
           ok(getcwd(now, sizeof now) != NULL && strcmp(now, "/dev") == 0));
    printf("CLONE_VM|CLONE_FS: the parent's umask is the child's: %s\n", ok(mask == 077));

    chdir("/");
    status = run_child(F_CLONE_VM, chdir_and_umask);
    mask = umask(022);
    printf("CLONE_VM alone: the child changed directory: %s\n", ok(WIFEXITED(status) && WEXITSTATUS(status) == 0));
    printf("CLONE_VM alone: the parent's cwd is unchanged: %s\n",
           ok(getcwd(now, sizeof now) != NULL && strcmp(now, "/") == 0));
    printf("CLONE_VM alone: the parent's umask is unchanged: %s\n", ok(mask == 022));
    chdir(start);
}

static void vfork_flag(void)
{
    long pid;
    int seen, status;

    finished = 0;
    fflush(stdout);
    pid = guest_raw_clone(F_CLONE_VM | F_CLONE_VFORK | SIGCHLD, stack_top(&stack), NULL, NULL, NULL, slow_exit, NULL);
    seen = finished;
    status = pid > 0 ? wait_for((pid_t)pid) : -1;
    printf("CLONE_VM|CLONE_VFORK: the parent resumed only after the child's exit: %s\n", ok(seen == 1));
    printf("CLONE_VM|CLONE_VFORK: the child exited 0: %s\n", ok(WIFEXITED(status) && WEXITSTATUS(status) == 0));
}

static void refused(void)
{
    long r;

    r = guest_raw_clone(F_CLONE_VM | F_CLONE_THREAD, stack_top(&stack), NULL, NULL, NULL, write_memory, NULL);
    printf("CLONE_THREAD without CLONE_SIGHAND: %s\n", raw_errno(r));
    r = guest_raw_clone(F_CLONE_SIGHAND | SIGCHLD, stack_top(&stack), NULL, NULL, NULL, write_memory, NULL);
    printf("CLONE_SIGHAND without CLONE_VM: %s\n", raw_errno(r));
    r = guest_raw_clone(F_CLONE_FS | F_CLONE_NEWNS | SIGCHLD, stack_top(&stack), NULL, NULL, NULL, write_memory, NULL);
    printf("CLONE_FS with CLONE_NEWNS: %s\n", raw_errno(r));
}

int main(void)
{
    memory();
    files();
    fs();
    vfork_flag();
    refused();
    return 0;
}
