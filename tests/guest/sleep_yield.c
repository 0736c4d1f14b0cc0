/*
 * sleep_yield.c - giving up the CPU (kernel/time/hrtimer.c nanosleep,
 * kernel/sched/core.c sched_yield): nanosleep of 20 ms lets CLOCK_MONOTONIC
 * advance by at least 20 ms, as do usleep(20000) and a relative
 * clock_nanosleep; nanosleep rejects a negative or too large tv_nsec with
 * EINVAL; sched_yield returns 0. Then a parent and a child alternate
 * strictly through two pipes, 100 round trips, each side checking that the
 * number it receives is the one it expects, and print the final count.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <time.h>
#include "proc_helpers.h"

#define ROUNDS 100
#define MS 1000000LL

static long long now_ns(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void ping_pong(void)
{
    int to_child[2], to_parent[2], n, status, in_order = 1;
    pid_t pid;

    if (pipe(to_child) < 0 || pipe(to_parent) < 0) {
        printf("FAIL: pipe: errno=%s\n", errno_name(errno));
        return;
    }
    pid = fork_flushed();
    if (pid == 0) {
        int expected = 0;

        close(to_child[1]);
        close(to_parent[0]);
        /* The child answers n with n + 1; it ends when the parent closes its pipe. */
        while (read_all(to_child[0], &n, sizeof n) == sizeof n) {
            in_order = in_order && n == expected;
            n++;
            expected = n + 1;
            write_all(to_parent[1], &n, sizeof n);
        }
        _exit(in_order ? 0 : 1);
    }
    close(to_child[0]);
    close(to_parent[1]);
    n = 0;
    for (int round = 0; round < ROUNDS; round++) {
        int sent = n;

        write_all(to_child[1], &n, sizeof n);
        if (read_all(to_parent[0], &n, sizeof n) != sizeof n) {
            printf("FAIL: the child stopped answering\n");
            break;
        }
        in_order = in_order && n == sent + 1;
        n++;
    }
    close(to_child[1]);
    status = wait_for(pid);
    printf("ping-pong: %d round trips, final count %d\n", ROUNDS, n);
    printf("every number arrived in order on both sides: %s (child %s)\n",
           ok(in_order && status == 0), ended(status));
}

int main(void)
{
    struct timespec req = {0, 20 * MS}, bad;
    long long t0, t1;
    int r, i, yields_ok = 1;

    t0 = now_ns();
    r = nanosleep(&req, NULL);
    t1 = now_ns();
    printf("nanosleep(20 ms): %d, the clock advanced at least 20 ms: %s\n", r, ok(t1 - t0 >= 20 * MS));

    t0 = now_ns();
    r = usleep(20000);
    t1 = now_ns();
    printf("usleep(20000): %d, at least 20 ms: %s\n", r, ok(t1 - t0 >= 20 * MS));

    t0 = now_ns();
    r = clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL);
    t1 = now_ns();
    printf("clock_nanosleep(CLOCK_MONOTONIC, 20 ms): %d, at least 20 ms: %s\n", r, ok(t1 - t0 >= 20 * MS));

    bad.tv_sec = 0;
    bad.tv_nsec = 1000000000L;
    r = nanosleep(&bad, NULL);
    printf("nanosleep with tv_nsec = 1e9: %s\n", r < 0 ? errno_name(errno) : "FAIL");
    bad.tv_nsec = -1;
    r = nanosleep(&bad, NULL);
    printf("nanosleep with tv_nsec = -1: %s\n", r < 0 ? errno_name(errno) : "FAIL");
    bad.tv_sec = -1;
    bad.tv_nsec = 0;
    r = nanosleep(&bad, NULL);
    printf("nanosleep with tv_sec = -1: %s\n", r < 0 ? errno_name(errno) : "FAIL");
    bad.tv_sec = 0;
    r = nanosleep(&bad, NULL);
    printf("nanosleep(0): %d\n", r);

    for (i = 0; i < 1000; i++)
        yields_ok = yields_ok && sched_yield() == 0;
    printf("sched_yield 1000 times, all returned 0: %s\n", ok(yields_ok));

    ping_pong();
    return 0;
}
