/*
 * bench_yield_pingpong.c - two processes on one CPU calling sched_yield in a
 * loop, N times each (argv[1], default 200000): with nothing else runnable
 * on that CPU every yield switches to the other process, so this measures a
 * process context switch (with its address-space switch) plus the system
 * call. Natively both are pinned to the first CPU the benchmark may use. A
 * benchmark, not a test.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

static void pin_to_first_cpu(void)
{
    cpu_set_t set, one;
    int cpu;

    if (sched_getaffinity(0, sizeof set, &set) < 0)
        return;
    for (cpu = 0; cpu < CPU_SETSIZE; cpu++) {
        if (CPU_ISSET(cpu, &set)) {
            CPU_ZERO(&one);
            CPU_SET(cpu, &one);
            sched_setaffinity(0, sizeof one, &one);
            return;
        }
    }
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 200000;
    struct timespec t0, t1;
    long long elapsed;
    int status;
    long i;
    pid_t pid;

    if (n <= 0)
        n = 1;
    pin_to_first_cpu();
    pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (i = 0; i < n; i++)
        sched_yield();
    if (pid == 0)
        _exit(0);
    waitpid(pid, &status, 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    elapsed = (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
    printf("sched_yield ping-pong: %ld yields in each of 2 processes in %lld ms: %.0f ns per yield\n", n,
           elapsed / 1000000, (double)elapsed / (2.0 * n));
    return 0;
}
