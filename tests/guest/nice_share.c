/*
 * nice_share.c - the nice value decides a CPU-bound process's share of the
 * CPU (kernel/sched/fair.c, the sched_prio_to_weight table): two children
 * on one CPU, one at nice 0 (weight 1024) and one at nice 5 (weight 335),
 * count loop iterations over the same 300 ms window of CLOCK_MONOTONIC and
 * report to the parent through a pipe. The fair share is 1024:335, about
 * 3.06 to 1; the parent checks the ratio of the counts is between 2 and 4.5.
 *
 * On a multi-CPU host both children are pinned to the first CPU the test
 * may use (sched_setaffinity; an error, such as ENOSYS from a kernel with
 * one CPU, is ignored). The window starts 50 ms after the forks so both
 * are running before either counts.
 *
 *   nice_share       the verdict lines only: the same on every run
 *   nice_share raw   also the counts and the ratio
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include "proc_helpers.h"

#define WINDOW_NS (300 * 1000000LL)
#define START_DELAY_NS (50 * 1000000LL)

struct result {
    int nice_value;
    int nice_ok;            /* getpriority read back the nice value set */
    unsigned long long count;
};

static long long now_ns(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int first_allowed_cpu(void)
{
    cpu_set_t set;
    int cpu;

    if (sched_getaffinity(0, sizeof set, &set) < 0)
        return -1;
    for (cpu = 0; cpu < CPU_SETSIZE; cpu++)
        if (CPU_ISSET(cpu, &set))
            return cpu;
    return -1;
}

static void pin_to(int cpu)
{
    cpu_set_t set;

    if (cpu < 0)
        return;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    sched_setaffinity(0, sizeof set, &set);
}

/* Counts work between start and end: 1024 steps of an LCG between clock reads. */
static unsigned long long count_until(long long start, long long end)
{
    volatile unsigned int x = 1;
    unsigned long long count = 0;
    long long t;
    int i;

    while (now_ns() < start)
        ;
    do {
        for (i = 0; i < 1024; i++)
            x = x * 1103515245u + 12345u;
        count++;
        t = now_ns();
    } while (t < end);
    return count;
}

static void child(int nice_value, int cpu, long long start, int out)
{
    struct result r = {nice_value, 0, 0};

    pin_to(cpu);
    if (setpriority(PRIO_PROCESS, 0, nice_value) == 0) {
        errno = 0;
        r.nice_ok = getpriority(PRIO_PROCESS, 0) == nice_value && errno == 0;
    }
    r.count = count_until(start, start + WINDOW_NS);
    write_all(out, &r, sizeof r);
    _exit(0);
}

int main(int argc, char **argv)
{
    int raw = argc > 1 && strcmp(argv[1], "raw") == 0;
    int cpu = first_allowed_cpu(), fds[2], i, status, ended_ok = 1;
    struct result results[2], *normal = NULL, *niced = NULL;
    long long start;
    pid_t pids[2];
    double ratio;

    if (pipe(fds) < 0) {
        printf("FAIL: pipe: errno=%s\n", errno_name(errno));
        return 1;
    }
    start = now_ns() + START_DELAY_NS;
    for (i = 0; i < 2; i++) {
        pids[i] = fork_flushed();
        if (pids[i] == 0)
            child(i == 0 ? 0 : 5, cpu, start, fds[1]);
    }
    close(fds[1]);
    for (i = 0; i < 2; i++) {
        if (read_all(fds[0], &results[i], sizeof results[i]) != sizeof results[i]) {
            printf("FAIL: a child sent no result\n");
            return 1;
        }
        if (results[i].nice_value == 0)
            normal = &results[i];
        else
            niced = &results[i];
    }
    for (i = 0; i < 2; i++) {
        status = wait_for(pids[i]);
        ended_ok = ended_ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    printf("both children exited 0: %s\n", ok(ended_ok));
    if (normal == NULL || niced == NULL) {
        printf("FAIL: expected one result per nice value\n");
        return 1;
    }
    printf("getpriority reads back nice 0 and nice 5: %s\n", ok(normal->nice_ok && niced->nice_ok));
    printf("both counted: %s\n", ok(normal->count > 0 && niced->count > 0));
    ratio = niced->count > 0 ? (double)normal->count / (double)niced->count : 0;
    if (raw)
        printf("counts: nice 0 %llu, nice 5 %llu, ratio %.2f\n", normal->count, niced->count, ratio);
    printf("share ratio between 2 and 4.5: %s\n", ok(ratio >= 2.0 && ratio <= 4.5));
    return 0;
}
