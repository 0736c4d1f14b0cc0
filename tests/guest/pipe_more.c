/*
 * pipe_more.c - pipes beyond pipes.c (fs/pipe.c):
 *
 *   - pipe2(O_CLOEXEC | O_NONBLOCK): both ends get FD_CLOEXEC and
 *     O_NONBLOCK, the read end is O_RDONLY and the write end O_WRONLY; an
 *     unknown flag is EINVAL
 *   - fstat: a FIFO of mode 0600, size 0 even with data queued
 *   - F_GETPIPE_SZ is 65536; FIONREAD counts the queued bytes
 *   - reading from the write end or writing to the read end: EBADF
 *   - a read takes what is there (less than asked) without waiting for more
 *   - the capacity, with non-blocking writes: 16 pages of 4096 bytes. A
 *     write of at most a page goes whole into the last page if it fits,
 *     else into a new page: 4096-byte writes fill 65536 bytes, 1000-byte
 *     writes only 64000 (four to a page); a 100000-byte write takes 65536
 *     and returns that; a full pipe takes nothing more until a whole page
 *     has been read
 *   - writes of at most PIPE_BUF (4096) bytes are atomic: four processes
 *     writing 4096-byte and 1000-byte records into one pipe at once, every
 *     record arrives whole and each writer's in order
 */
#define _GNU_SOURCE
#include <limits.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include "fs_helpers.h"

#ifndef F_GETPIPE_SZ
#define F_GETPIPE_SZ 1032
#endif
#ifndef FIONREAD
#define FIONREAD 0x541B
#endif

#define WRITERS 4

static const char *access_mode(int flags)
{
    switch (flags & O_ACCMODE) {
    case O_RDONLY: return "O_RDONLY";
    case O_WRONLY: return "O_WRONLY";
    case O_RDWR: return "O_RDWR";
    default: return "?";
    }
}

static void flags_and_stat(void)
{
    int p[2], fl0, fl1, avail = -1;
    struct stat st;
    char buf[64];
    long r;

    r = pipe2(p, O_CLOEXEC | O_NONBLOCK);
    show("pipe2(O_CLOEXEC | O_NONBLOCK)", r);
    fl0 = fcntl(p[0], F_GETFL);
    fl1 = fcntl(p[1], F_GETFL);
    printf("read end: FD_CLOEXEC=%d %s O_NONBLOCK=%d\n", fcntl(p[0], F_GETFD), access_mode(fl0),
           (fl0 & O_NONBLOCK) != 0);
    printf("write end: FD_CLOEXEC=%d %s O_NONBLOCK=%d\n", fcntl(p[1], F_GETFD), access_mode(fl1),
           (fl1 & O_NONBLOCK) != 0);
    printf("F_GETFL of the read end (octal): %o, of the write end: %o\n", fl0, fl1);

    r = fstat(p[0], &st);
    printf("fstat of the read end: %s, S_ISFIFO=%d, permissions %03o, size %ld, nlink %ld, owner is us: %s\n",
           res(r), S_ISFIFO(st.st_mode), (unsigned)(st.st_mode & 07777), (long)st.st_size, (long)st.st_nlink,
           ok(st.st_uid == geteuid()));
    write(p[1], "hello", 5);
    fstat(p[1], &st);
    printf("fstat of the write end with 5 bytes queued: S_ISFIFO=%d, size %ld\n", S_ISFIFO(st.st_mode),
           (long)st.st_size);
    show("F_GETPIPE_SZ", fcntl(p[0], F_GETPIPE_SZ));
    r = ioctl(p[0], FIONREAD, &avail);
    printf("FIONREAD on the read end: %s, %d bytes\n", res(r), avail);
    r = ioctl(p[1], FIONREAD, &avail);
    printf("FIONREAD on the write end: %s, %d bytes\n", res(r), avail);

    show("read from the write end", (long)read(p[1], buf, 1));
    show("write to the read end", (long)write(p[0], "x", 1));
    show("read of 0 bytes", (long)read(p[0], buf, 0));
    show("write of 0 bytes", (long)write(p[1], buf, 0));
    r = read(p[0], buf, sizeof buf);
    printf("read of 64 with 5 queued: %s [%.5s]\n", res(r), buf);
    show("then (O_NONBLOCK, empty)", (long)read(p[0], buf, sizeof buf));
    close(p[0]);
    close(p[1]);

    show("pipe2(O_APPEND)", (long)pipe2(p, O_APPEND));
    show("pipe2(O_CREAT)", (long)pipe2(p, O_CREAT));
}

/* What a read gets when the writer has written less than asked: what is there, at once. */
static void short_read(void)
{
    int p[2], go[2], status;
    char buf[100];
    pid_t pid;
    long r;

    if (pipe(p) < 0 || pipe(go) < 0)
        return;
    pid = fork_flushed();
    if (pid == 0) {
        close(p[0]);
        write(p[1], "ten bytes!", 10);
        read(go[0], buf, 1);           /* keeps the write end open until told */
        _exit(0);
    }
    close(p[1]);
    r = read(p[0], buf, sizeof buf);
    printf("a blocking read of 100 while the writer wrote 10 and waits: %s\n", res(r));
    write(go[1], "g", 1);
    status = wait_for(pid);
    printf("the writer %s; then the read gives %ld\n", ended(status), (long)read(p[0], buf, sizeof buf));
    close(p[0]);
    close(go[0]);
    close(go[1]);
}

/* Non-blocking writes of size n until EAGAIN: the number of bytes that fit. */
static long fill(int fd, size_t n, long *writes)
{
    static char buf[4096];
    long total = 0, r;

    memset(buf, 'f', sizeof buf);
    *writes = 0;
    while ((r = write(fd, buf, n)) > 0) {
        total += r;
        (*writes)++;
    }
    if (r < 0 && errno != EAGAIN)
        printf("FAIL: write: errno=%s\n", errno_name(errno));
    return total;
}

static void capacity(void)
{
    static char big[100000], sink[65536];
    int p[2];
    long total, writes, r;

    pipe2(p, O_NONBLOCK);
    total = fill(p[1], 4096, &writes);
    printf("4096-byte writes: %ld bytes in %ld writes, then %s\n", total, writes, errno_name(errno));
    show("  a 1-byte write then", (long)write(p[1], "x", 1));
    r = read(p[0], sink, 1);
    printf("after reading 1 byte (%s) a 1-byte write: %s\n", res(r), res((long)write(p[1], "x", 1)));
    r = read(p[0], sink, 4095);
    printf("after reading the rest of the first page (%s) a 4096-byte write: %s\n", res(r),
           res((long)write(p[1], big, 4096)));
    show("  and then 1 byte", (long)write(p[1], "x", 1));
    close(p[0]);
    close(p[1]);

    pipe2(p, O_NONBLOCK);
    total = fill(p[1], 1000, &writes);
    printf("1000-byte writes: %ld bytes in %ld writes, then %s\n", total, writes, errno_name(errno));
    for (total = 0, writes = 0; (r = read(p[0], sink, sizeof sink)) > 0; writes++)
        total += r;
    printf("  reading them back with 65536-byte reads: %ld bytes in %ld reads, then %s\n", total, writes, res(r));
    close(p[0]);
    close(p[1]);

    pipe2(p, O_NONBLOCK);
    total = fill(p[1], 1, &writes);
    printf("1-byte writes: %ld bytes in %ld writes\n", total, writes);
    close(p[0]);
    close(p[1]);

    pipe2(p, O_NONBLOCK);
    write(p[1], "abc", 3);
    total = fill(p[1], 4096, &writes);
    printf("3 bytes, then 4096-byte writes: %ld more bytes in %ld writes\n", total, writes);
    close(p[0]);
    close(p[1]);

    pipe2(p, O_NONBLOCK);
    memset(big, 'b', sizeof big);
    r = write(p[1], big, sizeof big);
    printf("one non-blocking write of 100000 bytes: %s\n", res(r));
    show("  then a write of 1", (long)write(p[1], "x", 1));
    r = read(p[0], sink, 5000);
    printf("after reading 5000 (%s): a write of 5000: %s\n", res(r), res((long)write(p[1], big, 5000)));
    close(p[0]);
    close(p[1]);

    pipe2(p, O_NONBLOCK);
    total = fill(p[1], 4096, &writes);
    read(p[0], sink, 4096);
    r = write(p[1], big, 8192);
    printf("a full pipe with one page read: a write of 8192 bytes takes %s\n", res(r));
    close(p[0]);
    close(p[1]);
}

/* Each writer's records: its letter, a number, filler; SIZE bytes in all. */
static void make_record(char *rec, size_t size, int writer, int number)
{
    memset(rec, 'a' + writer, size);
    snprintf(rec, size, "%c%05d", 'A' + writer, number);
    rec[6] = '-';
    rec[size - 1] = '\n';
}

static void atomic(size_t size, int per_writer)
{
    char *rec = malloc(size), *expect = malloc(size);
    int p[2], next[WRITERS] = {0}, w, i, whole = 0, bad = 0, status, all_exited = 1;
    pid_t pids[WRITERS];
    ssize_t n;

    if (pipe(p) < 0) {
        printf("FAIL: pipe: errno=%s\n", errno_name(errno));
        return;
    }
    for (w = 0; w < WRITERS; w++) {
        pids[w] = fork_flushed();
        if (pids[w] == 0) {
            close(p[0]);
            for (i = 0; i < per_writer; i++) {
                make_record(rec, size, w, i);
                if (write(p[1], rec, size) != (ssize_t)size)
                    _exit(1);
            }
            _exit(0);
        }
    }
    close(p[1]);
    while ((n = read_all(p[0], rec, size)) == (ssize_t)size) {
        w = rec[0] - 'A';
        if (w < 0 || w >= WRITERS) {
            bad++;
            continue;
        }
        make_record(expect, size, w, next[w]);
        if (memcmp(rec, expect, size) != 0) {
            bad++;
            continue;
        }
        next[w]++;
        whole++;
    }
    for (w = 0; w < WRITERS; w++) {
        status = wait_for(pids[w]);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            all_exited = 0;
    }
    printf("%d writers of %d records of %ld bytes at once: the writers exited 0: %s\n", WRITERS, per_writer,
           (long)size, ok(all_exited));
    printf("  whole records in each writer's order: %d, damaged or out of order: %d, leftover bytes: %ld\n", whole,
           bad, (long)(n > 0 ? n : 0));
    close(p[0]);
    free(rec);
    free(expect);
}

int main(void)
{
    flags_and_stat();
    short_read();
    capacity();
    atomic(PIPE_BUF, 64);
    atomic(1000, 200);
    atomic(100, 500);
    return 0;
}
