/*
 * bench_pipe_pingpong.c - two processes bounce one byte through two pipes,
 * N round trips (argv[1], default 20000). Each round trip is two writes,
 * two reads that block, and two context switches (on one CPU; on several
 * the wake-ups may cross CPUs instead). A benchmark, not a test.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "bench.h"
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 20000;
    int there[2], back[2], status;
    struct timespec t0, t1;
    char c = 'x';
    long i;
    pid_t pid;

    if (n <= 0)
        n = 1;
    if (pipe(there) < 0 || pipe(back) < 0) {
        perror("pipe");
        return 1;
    }
    pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        close(there[1]);
        close(back[0]);
        while (read(there[0], &c, 1) == 1)
            if (write(back[1], &c, 1) != 1)
                _exit(1);
        _exit(0);
    }
    close(there[0]);
    close(back[1]);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (i = 0; i < n; i++) {
        if (write(there[1], &c, 1) != 1 || read(back[0], &c, 1) != 1) {
            perror("ping-pong");
            return 1;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    close(there[1]);
    waitpid(pid, &status, 0);
    bench_report("pipe ping-pong, 2 processes", n, "round trip", &t0, &t1, "us");
    return 0;
}
