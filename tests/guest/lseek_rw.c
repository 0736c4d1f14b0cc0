/*
 * lseek_rw.c - moving the offset and the reads and writes that use it or
 * not (fs/read_write.c):
 *
 *   lseek      SEEK_SET, SEEK_CUR, SEEK_END; a negative result or an unknown
 *              whence is EINVAL and leaves the offset alone; SEEK_DATA and
 *              SEEK_HOLE on a file without holes; on a pipe ESPIPE
 *   holes      seeking past the end and writing leaves a hole that reads as
 *              zeros; seeking alone does not change the size
 *   _llseek    the 64-bit lseek of i386: an offset beyond 4 GiB; the 32-bit
 *              lseek of such an offset gives its low 32 bits (x86-64 Linux
 *              running i386 code; an i386 kernel would say EOVERFLOW)
 *   pread/pwrite  at a given offset, leaving the file offset where it was;
 *              pwrite past the end extends the file; on a pipe ESPIPE;
 *              a negative offset EINVAL
 *   readv/writev  scatter and gather, empty vectors, counts out of range
 *   read/write on a descriptor opened for the other direction: EBADF
 *   O_TRUNC empties a file
 *
 * Files are made in the current directory.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <sys/uio.h>
#include "fs_helpers.h"

#ifndef SEEK_DATA
#define SEEK_DATA 3
#define SEEK_HOLE 4
#endif

#define NR_lseek    19
#define NR__llseek 140

static void lseek_basics(int fd)
{
    char buf[16] = {0};
    long r;

    show("offset after writing 10 bytes", offset_of(fd));
    show("lseek(3, SEEK_SET)", (long)lseek(fd, 3, SEEK_SET));
    r = read(fd, buf, 2);
    printf("read 2: %s [%s], offset %ld\n", res(r), buf, offset_of(fd));
    show("lseek(-4, SEEK_CUR)", (long)lseek(fd, -4, SEEK_CUR));
    show("lseek(-1, SEEK_END)", (long)lseek(fd, -1, SEEK_END));
    show("lseek(0, SEEK_END)", (long)lseek(fd, 0, SEEK_END));
    r = read(fd, buf, sizeof buf);
    show("read at the end", r);
    lseek(fd, 4, SEEK_SET);
    show("lseek(-1, SEEK_SET)", (long)lseek(fd, -1, SEEK_SET));
    show("  the offset stays", offset_of(fd));
    show("lseek(-5, SEEK_CUR) from 4", (long)lseek(fd, -5, SEEK_CUR));
    show("lseek(-11, SEEK_END)", (long)lseek(fd, -11, SEEK_END));
    show("lseek whence 5", (long)lseek(fd, 0, 5));
    show("lseek whence -1", (long)lseek(fd, 0, -1));
    show("  the offset stays", offset_of(fd));
    show("SEEK_DATA from 2 (no holes)", (long)lseek(fd, 2, SEEK_DATA));
    show("SEEK_HOLE from 2 (the end is a hole)", (long)lseek(fd, 2, SEEK_HOLE));
    show("SEEK_DATA at the end", (long)lseek(fd, 10, SEEK_DATA));
    show("SEEK_HOLE past the end", (long)lseek(fd, 11, SEEK_HOLE));
    show("lseek on a bad descriptor", (long)lseek(-1, 0, SEEK_SET));
}

static void holes(int fd)
{
    char buf[200];
    long r;
    int i, zeros = 1;

    show("lseek(100, SEEK_SET) past the end of 10 bytes", (long)lseek(fd, 100, SEEK_SET));
    show("  the size is still", file_size("data.bin"));
    show("  read there", (long)read(fd, buf, 10));
    r = write(fd, "end", 3);
    printf("write 3 there: %s, size now %ld, offset %ld\n", res(r), file_size("data.bin"), offset_of(fd));
    lseek(fd, 0, SEEK_SET);
    r = read_all(fd, buf, sizeof buf);
    for (i = 10; i < 100; i++)
        if (buf[i] != 0)
            zeros = 0;
    printf("read it all back: %s bytes, 0..9 [%.10s], the hole 10..99 reads as zeros: %s, 100.. [%.3s]\n", res(r),
           buf, ok(zeros), buf + 100);
    show("lseek(1000, SEEK_END)", (long)lseek(fd, 1000, SEEK_END));
    show("  the size is still", file_size("data.bin"));
}

static long raw_llseek(int fd, long long offset, long long *result, int whence)
{
    return syscall(NR__llseek, fd, (long)(offset >> 32), (unsigned long)(offset & 0xffffffffu), result, whence);
}

static void llseek(int fd)
{
    long long pos = -1;
    long r;
    char c;

    r = raw_llseek(fd, 5LL << 30, &pos, SEEK_SET);
    printf("_llseek to 5 GiB: %s, result %lld\n", res(r), pos);
    r = raw_llseek(fd, 0, &pos, SEEK_CUR);
    printf("_llseek(0, SEEK_CUR): %s, result %lld\n", res(r), pos);
    /*
     * An i386 kernel says EOVERFLOW here; the x86-64 kernel running i386
     * code computes the 64-bit offset and returns its low 32 bits (1 GiB).
     */
    r = syscall(NR_lseek, fd, 0, SEEK_CUR);
    printf("the 32-bit lseek of that offset (the low 32 bits on x86-64 Linux): %s\n", res(r));
    show("a read at 5 GiB", (long)read(fd, &c, 1));
    r = raw_llseek(fd, -(6LL << 30), &pos, SEEK_CUR);
    show("_llseek to below 0", r);
    raw_llseek(fd, 0, &pos, SEEK_CUR);
    printf("  the offset stays %lld\n", pos);
    r = raw_llseek(fd, -3, &pos, SEEK_END);
    printf("_llseek(-3, SEEK_END): %s, result %lld\n", res(r), pos);
    show("the 32-bit lseek of that", syscall(NR_lseek, fd, 0, SEEK_CUR));
    show("lseek64 to 3 GiB", (long)(lseek64(fd, 3LL << 30, SEEK_SET) >> 20));
}

static void positional(int fd)
{
    char buf[16] = {0};
    int p[2];
    long r;

    lseek(fd, 4, SEEK_SET);
    r = pread(fd, buf, 3, 1);
    printf("pread 3 at 1: %s [%s], the offset stays %ld\n", res(r), buf, offset_of(fd));
    r = pread(fd, buf, 10, 101);
    printf("pread 10 at 101 (2 bytes left): %s\n", res(r));
    show("pread at the end", (long)pread(fd, buf, 10, 103));
    show("pread past the end", (long)pread(fd, buf, 10, 5000));
    show("pread at -1", (long)pread(fd, buf, 1, -1));
    r = pwrite(fd, "PW", 2, 0);
    printf("pwrite 2 at 0: %s, offset stays %ld, the file starts [%.4s]\n", res(r), offset_of(fd),
           file_text("data.bin"));
    r = pwrite(fd, "tail", 4, 200);
    printf("pwrite 4 at 200: %s, size %ld, offset stays %ld\n", res(r), file_size("data.bin"), offset_of(fd));
    show("pwrite at -1", (long)pwrite(fd, "x", 1, -1));
    if (pipe(p) == 0) {
        show("pread on a pipe", (long)pread(p[0], buf, 1, 0));
        show("pwrite on a pipe", (long)pwrite(p[1], "x", 1, 0));
        show("lseek on a pipe", (long)lseek(p[0], 0, SEEK_CUR));
        show("lseek on a pipe's write end", (long)lseek(p[1], 0, SEEK_SET));
        close(p[0]);
        close(p[1]);
    }
}

static void vectors(void)
{
    struct iovec iov[3], many[1025];
    char a[3] = {0}, b[16] = {0};
    int fd = open("vec.txt", O_RDWR | O_CREAT | O_TRUNC, 0644), p[2], i;
    volatile int minus_one = -1;   /* not a constant: gcc would warn */
    long r;

    iov[0].iov_base = "ab";
    iov[0].iov_len = 2;
    iov[1].iov_base = "zzz";
    iov[1].iov_len = 0;
    iov[2].iov_base = "cdefgh";
    iov[2].iov_len = 6;
    r = writev(fd, iov, 3);
    printf("writev of 2 + 0 + 6 bytes: %s, the file [%s], offset %ld\n", res(r), file_text("vec.txt"),
           offset_of(fd));
    lseek(fd, 0, SEEK_SET);
    iov[0].iov_base = a;
    iov[0].iov_len = 2;
    iov[1].iov_base = b;
    iov[1].iov_len = sizeof b - 1;
    r = readv(fd, iov, 2);
    printf("readv into 2 + 15 bytes: %s, [%s] [%s]\n", res(r), a, b);
    show("readv at the end", (long)readv(fd, iov, 2));
    show("writev of no vectors", (long)writev(fd, iov, 0));
    show("writev of -1 vectors", (long)writev(fd, iov, minus_one));
    for (i = 0; i < 1025; i++) {
        many[i].iov_base = "m";
        many[i].iov_len = 1;
    }
    show("writev of 1024 vectors (IOV_MAX)", (long)writev(fd, many, 1024));
    show("writev of 1025 vectors", (long)writev(fd, many, 1025));
    show("  the size", file_size("vec.txt"));
    close(fd);

    if (pipe(p) == 0) {
        iov[0].iov_base = "pi";
        iov[0].iov_len = 2;
        iov[1].iov_base = "pe";
        iov[1].iov_len = 2;
        r = writev(p[1], iov, 2);
        memset(b, 0, sizeof b);
        printf("writev into a pipe: %s, read back [%s]\n", res(r), (read(p[0], b, sizeof b - 1), b));
        close(p[0]);
        close(p[1]);
    }
}

static void wrong_direction(void)
{
    int r_fd = open("data.bin", O_RDONLY), w_fd = open("data.bin", O_WRONLY);
    char c;

    show("write on an O_RDONLY descriptor", (long)write(r_fd, "x", 1));
    show("read on an O_WRONLY descriptor", (long)read(w_fd, &c, 1));
    show("pread on an O_WRONLY descriptor", (long)pread(w_fd, &c, 1, 0));
    show("read of 0 bytes", (long)read(r_fd, &c, 0));
    show("write of 0 bytes", (long)write(w_fd, &c, 0));
    show("read on a closed descriptor", (long)read(99, &c, 1));
    close(r_fd);
    close(w_fd);
    r_fd = open("data.bin", O_WRONLY | O_TRUNC);
    printf("O_TRUNC: %s, the size is now %ld\n", ok(r_fd >= 0), file_size("data.bin"));
    close(r_fd);
}

int main(void)
{
    int fd = open("data.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);

    if (fd < 0 || write(fd, "0123456789", 10) != 10) {
        printf("FAIL: open/write: errno=%s\n", errno_name(errno));
        return 1;
    }
    lseek_basics(fd);
    holes(fd);
    llseek(fd);
    positional(fd);
    close(fd);
    vectors();
    wrong_direction();
    return 0;
}
