/*
 * sendfile_copy.c - sendfile(2) (fs/read_write.c do_sendfile): copying from
 * a file to a pipe or another file inside the kernel.
 *
 *   - with an offset pointer: the data from that offset, the pointer moved
 *     past it, the input file's own offset untouched
 *   - without one: from the file offset, which moves
 *   - the output's offset moves (a file) or the data queues (a pipe)
 *   - a count past the end copies what there is; at the end 0
 *   - 200 KB to a pipe read by a child, and a file-to-file copy, checked
 *   - errors: the input a pipe (EINVAL), the output O_APPEND (EINVAL), the
 *     input write-only or the output read-only (EBADF), a bad descriptor
 *     (EBADF), a negative offset (EINVAL)
 *
 * Files are made in the current directory.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <sys/sendfile.h>
#include "fs_helpers.h"

#define BIG (200 * 1024)

static unsigned long checksum(const unsigned char *p, size_t n)
{
    unsigned long sum = 0;
    size_t i;

    for (i = 0; i < n; i++)
        sum = sum * 31 + p[i];
    return sum;
}

static void basics(void)
{
    int in, out, p[2];
    off_t off;
    char buf[64] = {0};
    long r;

    make_file("source.txt", "0123456789abcdefghij");
    in = open("source.txt", O_RDONLY);
    lseek(in, 2, SEEK_SET);
    pipe(p);
    off = 5;
    r = sendfile(p[1], in, &off, 6);
    read(p[0], buf, sizeof buf - 1);
    printf("sendfile of 6 at offset 5 to a pipe: %s [%s], the offset pointer now %ld, the file offset still %ld\n",
           res(r), buf, (long)off, offset_of(in));
    memset(buf, 0, sizeof buf);
    r = sendfile(p[1], in, NULL, 4);
    read(p[0], buf, sizeof buf - 1);
    printf("sendfile of 4 without an offset pointer: %s [%s], the file offset now %ld\n", res(r), buf,
           offset_of(in));
    off = 15;
    memset(buf, 0, sizeof buf);
    r = sendfile(p[1], in, &off, 100);
    read(p[0], buf, sizeof buf - 1);
    printf("sendfile of 100 at offset 15 of 20: %s [%s], offset pointer %ld\n", res(r), buf, (long)off);
    r = sendfile(p[1], in, &off, 100);
    printf("sendfile at the end: %s\n", res(r));
    off = 0;
    show("sendfile of 0 bytes", (long)sendfile(p[1], in, &off, 0));

    out = open("copy.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    write(out, "[", 1);
    off = 10;
    r = sendfile(out, in, &off, 10);
    printf("sendfile of 10 at offset 10 to a file: %s, the output's offset %ld, the file [%s]\n", res(r),
           offset_of(out), file_text("copy.txt"));
    close(out);

    out = open("copy.txt", O_WRONLY | O_APPEND);
    off = 0;
    show("sendfile to an O_APPEND file", (long)sendfile(out, in, &off, 1));
    close(out);
    out = open("copy.txt", O_RDONLY);
    show("sendfile to a read-only descriptor", (long)sendfile(out, in, &off, 1));
    close(out);
    out = open("source.txt", O_WRONLY);
    show("sendfile from a write-only descriptor", (long)sendfile(p[1], out, &off, 1));
    close(out);
    show("sendfile from a pipe", (long)sendfile(p[1], p[0], NULL, 1));
    show("sendfile from a closed descriptor", (long)sendfile(p[1], 99, NULL, 1));
    show("sendfile to a closed descriptor", (long)sendfile(99, in, NULL, 1));
    off = -1;
    show("sendfile at offset -1", (long)sendfile(p[1], in, &off, 1));
    close(p[0]);
    close(p[1]);
    close(in);
}

static void big(void)
{
    unsigned char *data = malloc(BIG), *back = malloc(BIG);
    int fd, p[2], status, i, out;
    long total = 0, r;
    off_t off = 0;
    pid_t pid;
    ssize_t n;

    for (i = 0; i < BIG; i++)
        data[i] = (unsigned char)(i * 7 + i / 256);
    fd = open("big.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write_all(fd, data, BIG);
    pipe(p);
    pid = fork_flushed();
    if (pid == 0) {
        close(p[1]);
        n = read_all(p[0], back, BIG);
        _exit(n == BIG && checksum(back, BIG) == checksum(data, BIG) ? 0 : 1);
    }
    close(p[0]);
    while (total < BIG && (r = sendfile(p[1], fd, &off, BIG - total)) > 0)
        total += r;
    close(p[1]);
    status = wait_for(pid);
    printf("200 KiB through sendfile to a pipe: %ld bytes sent, the reading child %s (0: the checksum matched)\n",
           total, ended(status));

    out = open("big_copy.bin", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    lseek(fd, 0, SEEK_SET);
    for (total = 0; total < BIG && (r = sendfile(out, fd, NULL, BIG)) > 0;)
        total += r;
    close(out);
    out = open("big_copy.bin", O_RDONLY);
    n = read_all(out, back, BIG);
    printf("200 KiB through sendfile to a file: %ld bytes, the copy matches: %s\n", total,
           ok(n == BIG && memcmp(back, data, BIG) == 0));
    close(out);
    close(fd);
    free(data);
    free(back);
}

int main(void)
{
    basics();
    big();
    return 0;
}
