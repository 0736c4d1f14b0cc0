/*
 * vfork_exit.c - vfork() (clone with CLONE_VM | CLONE_VFORK): the child runs
 * in the parent's memory, on the parent's stack, and the parent is
 * suspended until the child calls _exit (or execve). So, unlike fork, what
 * the child wrote to a stack variable and a global before _exit is there
 * when the parent resumes, and the parent never runs alongside it. POSIX
 * leaves writes in a vfork child undefined; Linux shares the memory, and
 * this program prints what Linux shows.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include "proc_helpers.h"

static volatile int global_value = 1;

int main(void)
{
    volatile int stack_value = 1;
    volatile int untouched = 1234;
    volatile pid_t child_pid = 0, child_parent = 0;
    volatile int child_finished = 0, rounds_ok = 0;
    pid_t parent = getpid(), pid;
    int i, status;

    fflush(stdout);
    pid = vfork();
    if (pid < 0) {
        printf("FAIL: vfork: errno=%s\n", errno_name(errno));
        return 1;
    }
    if (pid == 0) {
        stack_value = 2;
        global_value = 2;
        child_pid = getpid();
        child_parent = getppid();
        /* Give the parent every chance to run, were it not suspended. */
        for (i = 0; i < 100; i++)
            syscall(SYS_sched_yield);
        child_finished = 1;
        _exit(3);
    }
    printf("parent resumed only after the child's _exit: %s\n", ok(child_finished == 1));
    status = wait_for(pid);
    printf("child %s\n", ended(status));
    printf("stack variable the child wrote: %d\n", stack_value);
    printf("global the child wrote: %d\n", global_value);
    printf("stack variable nobody wrote: %d\n", untouched);
    printf("vfork returned the child's pid: %s\n", ok(child_pid == pid));
    printf("the child is a new process whose parent is the caller: %s\n",
           ok(child_pid != parent && child_parent == parent));

    /* Again, ten times: each child bumps a counter in the shared memory. */
    for (i = 0; i < 10; i++) {
        fflush(stdout);
        pid = vfork();
        if (pid == 0) {
            rounds_ok++;
            _exit(i);
        }
        status = wait_for(pid);
        if (!(WIFEXITED(status) && WEXITSTATUS(status) == i))
            printf("round %d: FAIL (%s)\n", i, ended(status));
    }
    printf("ten vforks, the shared counter reads: %d\n", rounds_ok);
    return 0;
}
