/*
 * bench.h - what every benchmark program prints: one line, the same shape
 * for all of them, that `minikernel bench` parses:
 *
 *     NAME: VALUE UNIT per OP (N OPs in T ms)
 *
 * The time is CLOCK_MONOTONIC; under minikernel, run it with --clock host
 * (minikernel bench does), or the guest measures virtual time.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdio.h>
#include <string.h>
#include <time.h>

static inline long long bench_elapsed_ns(const struct timespec *t0, const struct timespec *t1)
{
    return (long long)(t1->tv_sec - t0->tv_sec) * 1000000000LL + (t1->tv_nsec - t0->tv_nsec);
}

/* unit: "ns", "us" or "ms", the one the figure reads best in. */
static inline void bench_report(const char *name, long n, const char *op, const struct timespec *t0,
                                const struct timespec *t1, const char *unit)
{
    long long ns = bench_elapsed_ns(t0, t1);
    double scale = strcmp(unit, "ms") == 0 ? 1e6 : strcmp(unit, "us") == 0 ? 1e3 : 1.0;

    printf("%s: %.3f %s per %s (%ld %ss in %.1f ms)\n", name, ns / scale / (n > 0 ? n : 1), unit, op, n, op,
           ns / 1e6);
}

#endif
