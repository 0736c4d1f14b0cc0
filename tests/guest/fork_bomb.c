/*
 * fork_bomb.c - a contained fork bomb: the test forks children that all
 * stay alive (each blocks reading a pipe) until fork fails or 200 are
 * running, whichever comes first. A failed fork must say EAGAIN or ENOMEM
 * (a process or memory limit: kernel/fork.c copy_process). Then the test
 * closes the pipe, every child sees end of file and exits 0, the test reaps
 * them all, and a fork afterwards works again: the system is still usable.
 *
 * Whether the limit or the cap stopped the loop is not printed, so the
 * output is the same on hosts and kernels with different limits. Never
 * more than 200 children exist, and each child closes its copy of the write
 * end at once, so they all exit even if the test itself is killed.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include "proc_helpers.h"

#define CAP 200

int main(void)
{
    static pid_t pids[CAP];
    int gate[2], created = 0, fork_errno = 0, reaped = 0, all_zero = 1, status, i;
    pid_t pid;
    char c;

    if (pipe(gate) < 0) {
        printf("FAIL: pipe: errno=%s\n", errno_name(errno));
        return 1;
    }
    fflush(stdout);
    while (created < CAP) {
        pid = fork();
        if (pid < 0) {
            fork_errno = errno;
            break;
        }
        if (pid == 0) {
            close(gate[1]);
            _exit(read(gate[0], &c, 1) == 0 ? 0 : 1);
        }
        pids[created++] = pid;
    }
    printf("forked until the cap of %d or a failure: %s\n", CAP, ok(created > 0));
    printf("a failed fork says EAGAIN or ENOMEM: %s\n",
           ok(fork_errno == 0 || fork_errno == EAGAIN || fork_errno == ENOMEM));

    close(gate[1]);
    for (i = 0; i < created; i++) {
        status = wait_for(pids[i]);
        if (status >= 0)
            reaped++;
        all_zero = all_zero && status == 0;
    }
    printf("every child reaped: %s\n", ok(reaped == created));
    printf("every child saw end of file and exited 0: %s\n", ok(all_zero));
    printf("no children left: %s\n", waitpid(-1, &status, WNOHANG) < 0 ? errno_name(errno) : "FAIL");

    pid = fork_flushed();
    if (pid == 0)
        _exit(7);
    status = wait_for(pid);
    printf("a fork afterwards: child %s\n", ended(status));
    printf("fork bomb contained\n");
    return 0;
}
