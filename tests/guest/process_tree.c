/*
 * process_tree.c - three generations: the test forks a child, which forks a
 * grandchild. Each generation checks that getppid() is the pid its parent
 * had (remembered before fork, so it is in the child's copy of memory) and
 * that it is in the same process group and session as the test; each
 * parent checks that fork() returned the pid the child itself reports
 * (sent up a pipe), and reaps the child with its exit code.
 *
 * The deepest generation prints first: a parent prints only after its child
 * has exited, so the output is in the same order on every run.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include "proc_helpers.h"

/* The child's own getpid(), as it wrote it into the pipe. */
static pid_t reported_pid(int pipefd[2])
{
    pid_t pid = -1;

    if (read_all(pipefd[0], &pid, sizeof pid) != sizeof pid)
        printf("FAIL: no pid came up the pipe\n");
    return pid;
}

static void report_pid(int pipefd[2])
{
    pid_t me = getpid();

    write_all(pipefd[1], &me, sizeof me);
}

int main(void)
{
    pid_t top = getpid(), top_pgrp = getpgrp(), top_sid = getsid(0);
    pid_t child, grandchild, middle;
    int from_child[2], from_grandchild[2], status, fork_result_ok;

    if (pipe(from_child) < 0 || pipe(from_grandchild) < 0) {
        printf("FAIL: pipe: errno=%s\n", errno_name(errno));
        return 1;
    }
    child = fork_flushed();
    if (child == 0) {
        middle = getpid();
        report_pid(from_child);
        grandchild = fork_flushed();
        if (grandchild == 0) {
            report_pid(from_grandchild);
            printf("grandchild: getppid() is the child: %s\n", ok(getppid() == middle));
            printf("grandchild: pid differs from the child's and the test's: %s\n",
                   ok(getpid() != middle && getpid() != top));
            printf("grandchild: same process group and session as the test: %s\n",
                   ok(getpgrp() == top_pgrp && getsid(0) == top_sid));
            exit(3);
        }
        fork_result_ok = reported_pid(from_grandchild) == grandchild;
        status = wait_for(grandchild);
        printf("child: its child %s\n", ended(status));
        printf("child: fork returned the grandchild's pid: %s\n", ok(fork_result_ok));
        printf("child: getppid() is the test: %s\n", ok(getppid() == top));
        printf("child: pid differs from the test's: %s\n", ok(middle != top));
        printf("child: same process group and session as the test: %s\n",
               ok(getpgrp() == top_pgrp && getsid(0) == top_sid));
        exit(2);
    }
    fork_result_ok = reported_pid(from_child) == child;
    status = wait_for(child);
    printf("test: its child %s\n", ended(status));
    printf("test: fork returned the child's pid: %s\n", ok(fork_result_ok));
    printf("test: no grandchild to wait for: %s\n", ok(waitpid(-1, &status, WNOHANG) < 0 && errno == ECHILD));
    printf("test: getpid() unchanged by fork: %s\n", ok(getpid() == top));
    return 0;
}
