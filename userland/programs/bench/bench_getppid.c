/*
 * bench_getppid.c - the cost of the cheapest system call: syscall(SYS_getppid)
 * N times (argv[1], default 10,000,000), timed with CLOCK_MONOTONIC.
 * A benchmark, not a test: its output differs on every run.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "bench.h"
#include <unistd.h>
#include <sys/syscall.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 10000000L;
    struct timespec t0, t1;
    long i;

    if (n <= 0)
        n = 1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (i = 0; i < n; i++)
        syscall(SYS_getppid);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    bench_report("getppid", n, "call", &t0, &t1, "ns");
    return 0;
}
