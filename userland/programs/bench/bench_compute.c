/*
 * bench_compute.c - pure user-mode integer work with no system calls in the
 * loop: an LCG stepped 200 million times (about 1 G instructions), so the
 * CPU emulation's speed is measured, not the kernel's. argv[1] overrides the
 * iteration count. Prints a checksum (fixed for a given count) and the time.
 */
#include "bench.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
    unsigned long iterations = argc > 1 ? strtoul(argv[1], NULL, 10) : 200000000UL;
    unsigned int x = 12345u, acc = 0;
    unsigned long i;
    struct timespec t0, t1;

    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (i = 0; i < iterations; i++) {
        x = x * 1664525u + 1013904223u;
        acc ^= x >> 7;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("compute: %lu LCG steps, checksum %08x\n", iterations, acc);
    bench_report("compute loop", 1, "loop", &t0, &t1, "ms");
    return 0;
}
