/*
 * fifo.c - named pipes (FIFOs): mkfifo, and fifo_open's rules.
 *
 *   made by       mkfifo (mknod with S_IFIFO): stat says a FIFO of size 0
 *   O_NONBLOCK    a reader opens at once, even with no writer (read: EOF,
 *                 and poll shows no hang-up until a writer came and went);
 *                 a writer with no reader gets ENXIO
 *   blocking      an open for reading waits for a writer and an open for
 *                 writing for a reader: a child's blocking open and the
 *                 parent's meet, and 100 KB pass through
 *   O_RDWR        never waits; a FIFO's data goes with its last opener
 *   errors        lseek ESPIPE, O_ACCMODE EINVAL, opening for writing
 *                 O_TRUNC is ignored, mknod of a FIFO that exists EEXIST
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "fs_helpers.h"

static int revents(int fd, short events)
{
    struct pollfd p = { fd, events, 0 };

    if (poll(&p, 1, 0) < 0)
        return -1;
    return p.revents;
}

static void made(void)
{
    struct stat st;

    show("mkfifo f 0640", mkfifo("f", 0640));
    show("mkfifo f again", mkfifo("f", 0640));
    show("stat f", stat("f", &st));
    printf("  a FIFO: %d, size %ld, mode %o\n", S_ISFIFO(st.st_mode), (long)st.st_size, st.st_mode & 07777);
}

static void non_blocking(void)
{
    char buf[16];
    int r, w, n;

    printf("-- O_NONBLOCK\n");
    r = open("f", O_RDONLY | O_NONBLOCK);
    show("reader, no writer", r >= 0 ? 0 : -1);
    show("  read", read(r, buf, sizeof buf));
    printf("  poll before any writer: %#x\n", revents(r, POLLIN));
    w = open("f", O_WRONLY | O_NONBLOCK);
    show("writer, with a reader", w >= 0 ? 0 : -1);
    printf("  poll of the writer: %#x\n", revents(w, POLLOUT));
    show("  write hello", write(w, "hello", 5));
    show("  FIONREAD", ioctl(r, FIONREAD, &n) == 0 ? n : -1);
    n = read(r, buf, sizeof buf);
    printf("  read %d: %.*s\n", n, n > 0 ? n : 0, buf);
    close(w);
    printf("  poll after the writer closed: %#x\n", revents(r, POLLIN));
    show("  read", read(r, buf, sizeof buf));
    close(r);
    show("writer, no reader", open("f", O_WRONLY | O_NONBLOCK));
}

static void blocking(void)
{
    static char big[100 * 1024];
    pid_t pid;
    int fd, status;
    long total = 0, n;

    printf("-- blocking opens\n");
    pid = fork();
    if (pid == 0) {
        int w = open("f", O_WRONLY);            /* waits for the parent's reader */
        memset(big, 'z', sizeof big);
        n = write(w, big, sizeof big);
        _exit(w >= 0 && n == sizeof big ? 0 : 1);
    }
    fd = open("f", O_RDONLY);                     /* waits for the child's writer */
    show("reader opened", fd >= 0 ? 0 : -1);
    while ((n = read(fd, big, sizeof big)) > 0)
        total += n;
    printf("  read %ld bytes, then %ld (end of file)\n", total, n);
    waitpid(pid, &status, 0);
    printf("  the writer exited %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    close(fd);

    /* A writer waiting for a reader; a non-blocking reader is enough to wake it. */
    pid = fork();
    if (pid == 0) {
        int w = open("f", O_WRONLY);
        _exit(w >= 0 && write(w, "x", 1) == 1 ? 0 : 1);
    }
    fd = open("f", O_RDONLY | O_NONBLOCK);
    waitpid(pid, &status, 0);
    printf("  a waiting writer met a non-blocking reader: exit %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    show("  read", read(fd, big, 10));
    close(fd);
}

static void read_write(void)
{
    struct stat st;
    int fd, n = -1;

    printf("-- O_RDWR\n");
    fd = open("f", O_RDWR);
    show("open O_RDWR (no partner needed)", fd >= 0 ? 0 : -1);
    show("  write left", write(fd, "left", 4));
    show("  fstat", fstat(fd, &st));
    printf("  a FIFO: %d\n", S_ISFIFO(st.st_mode));
    show("  lseek", lseek(fd, 0, SEEK_SET));
    close(fd);
    fd = open("f", O_RDWR | O_TRUNC);
    ioctl(fd, FIONREAD, &n);
    printf("  reopened: %d bytes left (the data went with the last close)\n", n);
    show("  unlink while open", unlink("f"));
    show("  write", write(fd, "still", 5));
    ioctl(fd, FIONREAD, &n);
    printf("  FIONREAD %d\n", n);
    close(fd);
}

int main(void)
{
    made();
    show("open O_ACCMODE", open("f", O_ACCMODE | O_NONBLOCK));
    non_blocking();
    blocking();
    read_write();
    show("mknod S_IFIFO", mknod("g", S_IFIFO | 0600, 0));
    show("open g O_RDWR|O_NONBLOCK", open("g", O_RDWR | O_NONBLOCK) >= 0 ? 0 : -1);
    show("unlink g", unlink("g"));
    return 0;
}
