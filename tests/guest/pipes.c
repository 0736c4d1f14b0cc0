/*
 * pipes.c - pipes between a parent and a child (fs/pipe.c):
 *
 *   - data written by the child arrives in the parent, in order
 *   - read returns 0 (end of file) only once every write end is closed,
 *     the parent's own copy included
 *   - O_NONBLOCK: a read of an empty pipe gives EAGAIN; non-blocking writes
 *     fill the pipe's buffer (64 KiB on Linux) and then give EAGAIN
 *   - 200 KiB, more than the buffer holds, written by the child in one
 *     write() call and read by the parent in pieces, with a checksum
 *   - a write with no reader left: EPIPE when SIGPIPE is ignored; with the
 *     default action the writer is killed by SIGPIPE (signal 13)
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "proc_helpers.h"

#define BIG (200 * 1024)

static void make_pipe(int fds[2], int flags)
{
    if (pipe2(fds, flags) < 0) {
        printf("FAIL: pipe2: errno=%s\n", errno_name(errno));
        exit(1);
    }
}

static unsigned long checksum(const unsigned char *p, size_t n)
{
    unsigned long sum = 0;
    size_t i;

    for (i = 0; i < n; i++)
        sum = sum * 31 + p[i];
    return sum;
}

static void child_to_parent(void)
{
    static const char message[] = "hello through a pipe";
    char buf[64];
    int fds[2], status;
    ssize_t n;
    pid_t pid;

    make_pipe(fds, 0);
    pid = fork_flushed();
    if (pid == 0) {
        close(fds[0]);
        write_all(fds[1], message, sizeof message - 1);
        _exit(0);
    }
    n = read_all(fds[0], buf, sizeof message - 1);
    buf[n > 0 ? n : 0] = '\0';
    printf("child to parent: [%s]\n", buf);
    status = wait_for(pid);
    printf("writer %s\n", ended(status));

    /* The writer is gone, but the parent still holds a write end: no EOF yet. */
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    n = read(fds[0], buf, sizeof buf);
    printf("read while the parent's own write end is open: %s\n", n < 0 ? errno_name(errno) : "FAIL");
    close(fds[1]);
    n = read(fds[0], buf, sizeof buf);
    printf("read after every write end is closed: %d (end of file)\n", (int)n);
    close(fds[0]);
}

static void nonblocking(void)
{
    char buf[1024];
    long total = 0;
    int fds[2];
    ssize_t n;

    make_pipe(fds, O_NONBLOCK);
    n = read(fds[0], buf, sizeof buf);
    printf("O_NONBLOCK read of an empty pipe: %s\n", n < 0 ? errno_name(errno) : "FAIL");
    memset(buf, 'p', sizeof buf);
    while ((n = write(fds[1], buf, sizeof buf)) > 0)
        total += n;
    printf("O_NONBLOCK writes fill %ld bytes, then: %s\n", total, n < 0 ? errno_name(errno) : "FAIL");
    close(fds[0]);
    close(fds[1]);
}

static void more_than_the_buffer(void)
{
    unsigned char *out = malloc(BIG), *in = malloc(BIG);
    int fds[2], status, reads = 0;
    ssize_t n, got = 0;
    pid_t pid;
    int i;

    for (i = 0; i < BIG; i++)
        out[i] = (unsigned char)(i * 13 + i / 251);
    make_pipe(fds, 0);
    pid = fork_flushed();
    if (pid == 0) {
        close(fds[0]);
        n = write(fds[1], out, BIG);
        _exit(n == BIG ? 0 : 1);
    }
    close(fds[1]);
    while ((n = read(fds[0], in + got, BIG - got > 7000 ? 7000 : BIG - got)) > 0) {
        got += n;
        reads++;
        if (got == BIG)
            break;
    }
    status = wait_for(pid);
    printf("200 KiB in one write(): the writer %s (the whole count written)\n", ended(status));
    printf("received %ld bytes in more than one read: %s\n", (long)got, ok(reads > 1));
    printf("checksum matches: %s\n", ok(got == BIG && checksum(in, BIG) == checksum(out, BIG)));
    n = read(fds[0], in, 1);
    printf("then end of file: %d\n", (int)n);
    close(fds[0]);
    free(out);
    free(in);
}

static void no_reader(void)
{
    int fds[2], status;
    pid_t pid;
    ssize_t n;

    make_pipe(fds, 0);
    close(fds[0]);
    set_disposition(SIGPIPE, DISPOSITION_IGNORE);
    n = write(fds[1], "x", 1);
    printf("write with no reader, SIGPIPE ignored: %s\n", n < 0 ? errno_name(errno) : "FAIL");
    set_disposition(SIGPIPE, DISPOSITION_DEFAULT);
    pid = fork_flushed();
    if (pid == 0) {
        write(fds[1], "x", 1);
        _exit(0);
    }
    status = wait_for(pid);
    printf("write with no reader, default action: the writer %s\n", ended(status));
    close(fds[1]);
}

int main(void)
{
    child_to_parent();
    nonblocking();
    more_than_the_buffer();
    no_reader();
    return 0;
}
