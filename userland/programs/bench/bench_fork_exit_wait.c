/*
 * bench_fork_exit_wait.c - the cost of a whole process lifetime: fork, the
 * child _exit(0)s at once, the parent waitpid()s, N times (argv[1], default
 * 2000). Measures copy_process + a copy-on-write address space + exit +
 * reaping. A benchmark, not a test: its output differs on every run.
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
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 2000;
    struct timespec t0, t1;
    long i;
    int status;
    pid_t pid;

    if (n <= 0)
        n = 1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (i = 0; i < n; i++) {
        pid = fork();
        if (pid == 0)
            _exit(0);
        if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0) {
            perror("fork/waitpid");
            return 1;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    bench_report("fork+exit+wait", n, "iteration", &t0, &t1, "us");
    return 0;
}
