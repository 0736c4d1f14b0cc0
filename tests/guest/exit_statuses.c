/*
 * exit_statuses.c - the wait status a parent reads for each way a child can
 * end (kernel/exit.c do_exit -> wait_task_zombie): exit codes 0, 1, 7, 42,
 * 255 and 259 (only the low 8 bits survive: 3), return from a function
 * that calls exit, _exit, and death by a signal: abort() (SIGABRT), a
 * SIGKILL and a SIGTERM sent to itself, a SIGKILL from the parent while the
 * child sleeps in read(), and a segmentation fault (SIGSEGV).
 *
 * For each, the parent prints WIFEXITED, WEXITSTATUS, WIFSIGNALED and
 * WTERMSIG. Core dumps are switched off in the children (RLIMIT_CORE 0), so
 * none is written, and the core-dump bit is not printed: with a pipe in
 * /proc/sys/kernel/core_pattern Linux dumps regardless of the limit.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include "proc_helpers.h"

static void report(const char *how, int status)
{
    printf("%-28s WIFEXITED=%d WEXITSTATUS=%d WIFSIGNALED=%d WTERMSIG=%d\n", how,
           WIFEXITED(status) != 0, WEXITSTATUS(status), WIFSIGNALED(status) != 0,
           WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

static void no_core_dumps(void)
{
    struct rlimit none = {0, 0};

    setrlimit(RLIMIT_CORE, &none);
}

static void exit_with(int code)
{
    pid_t pid = fork_flushed();
    char how[32];

    if (pid == 0)
        exit(code);
    snprintf(how, sizeof how, "exit(%d):", code);
    report(how, wait_for(pid));
}

/* The default action first: a disposition inherited as ignored would survive fork and exec. */
static void kill_self(int sig)
{
    set_disposition(sig, DISPOSITION_DEFAULT);
    syscall(SYS_kill, getpid(), sig);
}

int main(void)
{
    static const int codes[] = {0, 1, 7, 42, 255, 259};
    volatile int *null_pointer = NULL;
    int to_child[2];
    unsigned i;
    pid_t pid;
    char c;

    for (i = 0; i < sizeof codes / sizeof codes[0]; i++)
        exit_with(codes[i]);

    pid = fork_flushed();
    if (pid == 0)
        _exit(5);
    report("_exit(5):", wait_for(pid));

    pid = fork_flushed();
    if (pid == 0) {
        no_core_dumps();
        set_disposition(SIGABRT, DISPOSITION_DEFAULT);
        abort();
    }
    report("abort():", wait_for(pid));

    pid = fork_flushed();
    if (pid == 0) {
        kill_self(SIGKILL);
        _exit(99);
    }
    report("kill(self, SIGKILL):", wait_for(pid));

    pid = fork_flushed();
    if (pid == 0) {
        kill_self(SIGTERM);
        _exit(99);
    }
    report("kill(self, SIGTERM):", wait_for(pid));

    /* The child blocks reading a pipe nobody writes; the parent kills it there. */
    if (pipe(to_child) < 0) {
        printf("FAIL: pipe: errno=%s\n", errno_name(errno));
        return 1;
    }
    pid = fork_flushed();
    if (pid == 0) {
        close(to_child[1]);
        read(to_child[0], &c, 1);
        _exit(99);
    }
    close(to_child[0]);
    syscall(SYS_kill, pid, SIGKILL);
    report("SIGKILL from the parent:", wait_for(pid));
    close(to_child[1]);

    pid = fork_flushed();
    if (pid == 0) {
        no_core_dumps();
        *null_pointer = 1;
        _exit(99);
    }
    report("write through NULL:", wait_for(pid));
    return 0;
}
