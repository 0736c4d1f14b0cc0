/*
 * bench_pthread_create_join.c - the lifetime of a thread: pthread_create
 * of a thread that returns at once, then pthread_join, N times (argv[1],
 * default 2000). Compare with bench_fork_exit_wait (a process: the address
 * space is copied) and bench_clone_vm_wait (a task that shares the address
 * space but is still a process of its own). A benchmark, not a test: its
 * output differs on every run.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "bench.h"

static void *nothing(void *arg)
{
    return arg;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 2000;
    struct timespec t0, t1;
    pthread_t t;
    void *ret;
    long i;

    if (n <= 0)
        n = 1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (i = 0; i < n; i++) {
        if (pthread_create(&t, NULL, nothing, (void *)i) != 0 || pthread_join(t, &ret) != 0 || ret != (void *)i) {
            fprintf(stderr, "pthread_create/pthread_join failed\n");
            return 1;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    bench_report("pthread_create+join", n, "iteration", &t0, &t1, "us");
    return 0;
}
