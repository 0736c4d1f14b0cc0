/*
 * bench_clone_vm_wait.c - clone(CLONE_VM | SIGCHLD) of a child that exits
 * at once, then waitpid, N times (argv[1], default 2000): a new process
 * that borrows the address space (no dup_mm, unlike fork) but is not a
 * thread (its own pid, reaped with waitpid, no CLONE_THREAD). The clone is
 * glibc's clone(3) wrapper: the child runs on a stack of its own, returns
 * at once and the wrapper ends it with the exit system call.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "bench.h"
#include <sys/wait.h>
#include <sched.h>
#include <signal.h>

static char stack[16384] __attribute__((aligned(16)));

static int exit_at_once(void *arg)
{
    (void)arg;
    return 0;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 2000;
    struct timespec t0, t1;
    long i, pid;
    int status;

    if (n <= 0)
        n = 1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (i = 0; i < n; i++) {
        pid = clone(exit_at_once, stack + sizeof stack, CLONE_VM | SIGCHLD, NULL);
        if (pid < 0 || waitpid((pid_t)pid, &status, 0) != pid || status != 0) {
            fprintf(stderr, "clone/waitpid failed: %ld\n", pid);
            return 1;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    bench_report("clone(CLONE_VM)+exit+wait", n, "iteration", &t0, &t1, "us");
    return 0;
}
