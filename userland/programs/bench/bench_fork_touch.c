/*
 * bench_fork_touch.c - fork's cost grows with the memory the parent has
 * touched: dup_mm copies the page tables and write-protects every present
 * page for copy-on-write. The parent mallocs M MiB (argv[1], default 64)
 * and writes every page, then times N fork + _exit + waitpid (argv[2],
 * default 200); the child touches nothing. A benchmark, not a test.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "bench.h"
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
    long mib = argc > 1 ? strtol(argv[1], NULL, 10) : 64;
    char name[64];
    long n = argc > 2 ? strtol(argv[2], NULL, 10) : 200;
    struct timespec t0, t1;
    unsigned char *memory;
    size_t bytes, off;
    long i;
    int status;
    pid_t pid;

    if (mib < 0)
        mib = 0;
    if (n <= 0)
        n = 1;
    bytes = (size_t)mib * 1024 * 1024;
    memory = malloc(bytes > 0 ? bytes : 1);
    if (memory == NULL) {
        perror("malloc");
        return 1;
    }
    for (off = 0; off < bytes; off += 4096)
        memory[off] = (unsigned char)off;
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
    snprintf(name, sizeof name, "fork after touching %ld MiB", mib);
    bench_report(name, n, "fork", &t0, &t1, "ms");
    free(memory);
    return 0;
}
