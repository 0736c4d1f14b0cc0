/*
 * bench_pipe_throughput.c - bulk data through a pipe: a child writes N MiB
 * (argv[1], default 256) in 64 KiB writes, the parent reads it in 64 KiB
 * reads and checks the byte count. Measures copying into and out of the
 * pipe's buffer and the wake-ups between writer and reader. Prints the
 * rate in MB/s (10^6 bytes a second). A benchmark, not a test: its output
 * differs on every run.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#define CHUNK (64 * 1024)

int main(int argc, char **argv)
{
    long mib = argc > 1 ? strtol(argv[1], NULL, 10) : 256;
    static char buf[CHUNK];
    long long total, got = 0, elapsed;
    struct timespec t0, t1;
    int fds[2], status;
    ssize_t n;
    pid_t pid;

    if (mib <= 0)
        mib = 1;
    total = (long long)mib * 1024 * 1024;
    if (pipe(fds) < 0) {
        perror("pipe");
        return 1;
    }
    memset(buf, 'p', sizeof buf);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        long long left = total;
        ssize_t w;

        close(fds[0]);
        while (left > 0) {
            w = write(fds[1], buf, left < CHUNK ? (size_t)left : CHUNK);
            if (w <= 0)
                _exit(1);
            left -= w;
        }
        _exit(0);
    }
    close(fds[1]);
    while ((n = read(fds[0], buf, sizeof buf)) > 0)
        got += n;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (waitpid(pid, &status, 0) != pid || status != 0 || got != total) {
        fprintf(stderr, "pipe throughput: the writer ended with status %#x, %lld of %lld bytes arrived\n", status,
                got, total);
        return 1;
    }
    elapsed = (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
    if (elapsed <= 0)
        elapsed = 1;
    printf("pipe throughput: %ld MiB in 64 KiB writes in %lld ms: %.1f MB/s\n", mib, elapsed / 1000000,
           total * 1000.0 / elapsed);
    return 0;
}
