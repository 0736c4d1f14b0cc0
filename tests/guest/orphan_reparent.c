/*
 * orphan_reparent.c - a process whose parent dies is handed to another
 * (kernel/exit.c forget_original_parent): the test forks a child, the child
 * forks a grandchild and exits at once. The grandchild waits until
 * getppid() no longer names the dead child, then checks that its new parent
 * is not the test either: Linux gives orphans to the nearest "child
 * subreaper" or to init, never to the grandparent. The test reaps the child,
 * cannot wait for the grandchild (ECHILD: it is not the test's child), and
 * learns through a pipe what the grandchild saw and when it has finished.
 *
 * Only the test prints, after the grandchild's report has arrived, so the
 * output is the same on every run.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <time.h>
#include "proc_helpers.h"

/* What the grandchild sends up the pipe. */
struct report {
    pid_t pid;              /* its own pid, for the test's waitpid */
    int parent_was_child;   /* getppid() named the child before the child died */
    int reparented;         /* getppid() stopped naming the dead child */
    int not_the_test;       /* ... and does not name the test */
    int still_alive;        /* getppid() names a process that exists (kill(pid, 0)) */
};

/* ready: the grandchild tells the child it has looked at getppid(), so the child may exit. */
static void grandchild(int up, int ready, pid_t test, pid_t child)
{
    struct report r = {getpid(), getppid() == child, 0, 0, 0};
    struct timespec pause = {0, 1000000};   /* 1 ms */
    pid_t parent;
    int i;

    write_all(ready, "r", 1);
    close(ready);

    /* The child may still be running: poll for up to 10 s. */
    for (i = 0; i < 10000 && (parent = getppid()) == child; i++)
        nanosleep(&pause, NULL);
    r.reparented = parent != child;
    r.not_the_test = parent != test;
    /* EPERM: it exists, but belongs to another user (init, for a test not run as root). */
    r.still_alive = syscall(SYS_kill, parent, 0) == 0 || errno == EPERM;
    write_all(up, &r, sizeof r);
    _exit(0);
}

int main(void)
{
    pid_t test = getpid(), child, r;
    struct report report;
    int up[2], ready[2], status;
    ssize_t got;

    if (pipe(up) < 0 || pipe(ready) < 0) {
        printf("FAIL: pipe: errno=%s\n", errno_name(errno));
        return 1;
    }
    child = fork_flushed();
    if (child == 0) {
        pid_t me = getpid();
        char c;

        close(up[0]);
        if (fork_flushed() == 0) {
            close(ready[0]);
            grandchild(up[1], ready[1], test, me);
        }
        close(up[1]);
        close(ready[1]);
        read(ready[0], &c, 1);
        _exit(4);
    }
    /* Only the grandchild may hold the write end, so EOF means it has gone. */
    close(up[1]);
    close(ready[0]);
    close(ready[1]);
    status = wait_for(child);
    printf("child %s right after forking the grandchild\n", ended(status));
    got = read_all(up[0], &report, sizeof report);
    printf("grandchild report arrived: %s\n", ok(got == sizeof report));
    if (got != sizeof report)
        return 1;
    printf("grandchild: its first parent was the child: %s\n", ok(report.parent_was_child));
    printf("grandchild: reparented away from its dead parent: %s\n", ok(report.reparented));
    printf("grandchild: the new parent is not the grandparent (the test): %s\n", ok(report.not_the_test));
    printf("grandchild: the new parent is a live process: %s\n", ok(report.still_alive));
    printf("grandchild finished (EOF on the pipe): %s\n", ok(read(up[0], &status, 1) == 0));
    r = waitpid(report.pid, &status, 0);
    printf("test: waitpid(grandchild): %s\n", r < 0 ? errno_name(errno) : "FAIL (it was reaped here)");
    r = waitpid(-1, &status, WNOHANG);
    printf("test: no children left: %s\n", r < 0 ? errno_name(errno) : "FAIL");
    return 0;
}
