/*
 * bench_clone_vm_wait.c - clone(CLONE_VM | SIGCHLD) of a child that exits
 * at once, then waitpid, N times (argv[1], default 2000): a new process
 * that borrows the address space (no dup_mm, unlike fork) but is not a
 * thread (its own pid, reaped with waitpid, no CLONE_THREAD). The clone is
 * raw `int $0x80`, the child runs on a stack of its own and makes no libc
 * call. A benchmark, not a test: its output differs on every run.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sys/wait.h>
#include "../thread_helpers.h"

static struct thread_stack stack;

static int exit_at_once(void *arg)
{
    (void)arg;
    return 0;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 2000;
    struct timespec t0, t1;
    long long elapsed;
    long i, pid;
    int status;

    if (n <= 0)
        n = 1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (i = 0; i < n; i++) {
        pid = guest_raw_clone(F_CLONE_VM | SIGCHLD, stack_top(&stack), NULL, NULL, NULL, exit_at_once, NULL);
        if (pid < 0 || waitpid((pid_t)pid, &status, 0) != pid || status != 0) {
            fprintf(stderr, "clone/waitpid failed: %ld\n", pid);
            return 1;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    elapsed = (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
    printf("clone(CLONE_VM)+exit+wait: %ld iterations in %lld ms: %.1f us per iteration\n", n, elapsed / 1000000,
           elapsed / 1000.0 / n);
    return 0;
}
