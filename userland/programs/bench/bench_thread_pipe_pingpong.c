/*
 * bench_thread_pipe_pingpong.c - two threads of one process bounce one byte
 * through two pipes, N round trips (argv[1], default 20000). The same work
 * as bench_pipe_pingpong, but every switch is between threads of one mm:
 * no TLB flush (Linux's switch_mm skips it, and so does minikernel). A
 * benchmark, not a test.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "bench.h"
#include <unistd.h>

static int there[2], back[2];

static void *echo(void *arg)
{
    char c;

    (void)arg;
    while (read(there[0], &c, 1) == 1)
        if (write(back[1], &c, 1) != 1)
            break;
    return NULL;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 20000;
    struct timespec t0, t1;
    pthread_t t;
    char c = 'x';
    long i;

    if (n <= 0)
        n = 1;
    if (pipe(there) < 0 || pipe(back) < 0) {
        perror("pipe");
        return 1;
    }
    if (pthread_create(&t, NULL, echo, NULL) != 0) {
        fprintf(stderr, "pthread_create failed\n");
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (i = 0; i < n; i++) {
        if (write(there[1], &c, 1) != 1 || read(back[0], &c, 1) != 1) {
            perror("ping-pong");
            return 1;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    close(there[1]);
    pthread_join(t, NULL);
    bench_report("pipe ping-pong, 2 threads", n, "round trip", &t0, &t1, "us");
    return 0;
}
