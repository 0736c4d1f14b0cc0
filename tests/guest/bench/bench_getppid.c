/*
 * bench_getppid.c - the cost of the cheapest system call: syscall(SYS_getppid)
 * N times (argv[1], default 10,000,000), timed with CLOCK_MONOTONIC.
 * A benchmark, not a test: its output differs on every run.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 10000000L;
    struct timespec t0, t1;
    long i;
    long long elapsed;

    if (n <= 0)
        n = 1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (i = 0; i < n; i++)
        syscall(SYS_getppid);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    elapsed = (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
    printf("getppid: %ld calls in %lld ms: %lld ns per call\n", n, elapsed / 1000000, elapsed / n);
    return 0;
}
