/*
 * dup_fcntl.c - duplicating file descriptors and their two kinds of flags
 * (fs/file.c, fs/fcntl.c), on a pipe:
 *
 *   dup              the lowest free descriptor, sharing the open file
 *   dup2             onto an open descriptor closes that one first; onto
 *                    itself returns it; from a closed one EBADF
 *   dup3             O_CLOEXEC sets the new descriptor's close-on-exec flag;
 *                    the same descriptor twice is EINVAL
 *   F_DUPFD          the lowest free descriptor >= the argument
 *   F_GETFD/F_SETFD  FD_CLOEXEC belongs to one descriptor: a dup does not
 *                    inherit it
 *   F_GETFL/F_SETFL  O_NONBLOCK belongs to the open file: set through one
 *                    descriptor, every dup sees it
 *   fork             the child's descriptors share the parent's open files
 *
 * No descriptor number is printed except where the call fixes it.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include "proc_helpers.h"

static int is_open(int fd)
{
    return fcntl(fd, F_GETFD) >= 0;
}

/* Is every descriptor from low up to fd open, so that fd was the lowest free one? */
static int open_from(int low, int fd)
{
    int i;

    for (i = low; i < fd; i++)
        if (!is_open(i))
            return 0;
    return 1;
}

static int all_below_open(int fd)
{
    return open_from(0, fd);
}

/* Writes a word into one descriptor and reads it from another. */
static int connected(int write_fd, int read_fd)
{
    char buf[8] = {0};

    return write(write_fd, "ping", 4) == 4 && read(read_fd, buf, sizeof buf) == 4 && strcmp(buf, "ping") == 0;
}

static const char *access_mode(int flags)
{
    switch (flags & O_ACCMODE) {
    case O_RDONLY: return "O_RDONLY";
    case O_WRONLY: return "O_WRONLY";
    case O_RDWR: return "O_RDWR";
    default: return "?";
    }
}

int main(void)
{
    int fds[2], other[2], fd, fd2, r, status;
    pid_t pid;

    if (pipe(fds) < 0 || pipe(other) < 0) {
        printf("FAIL: pipe: errno=%s\n", errno_name(errno));
        return 1;
    }

    fd = dup(fds[1]);
    printf("dup gives the lowest free descriptor: %s\n", ok(fd > fds[1] && all_below_open(fd)));
    printf("dup shares the pipe: %s\n", ok(connected(fd, fds[0])));
    close(fd);
    fd = dup(fds[1]);
    printf("a closed descriptor is reused: %s\n", ok(all_below_open(fd)));
    close(fd);

    r = dup2(fds[1], other[1]);
    printf("dup2 onto an open descriptor returns it: %s\n", ok(r == other[1]));
    printf("  it now writes into the first pipe: %s\n", ok(connected(other[1], fds[0])));
    r = dup2(fds[1], fds[1]);
    printf("dup2 onto itself: %s\n", ok(r == fds[1]));
    r = dup2(999, 50);
    printf("dup2 from a closed descriptor: %s\n", r < 0 ? errno_name(errno) : "FAIL");
    r = dup2(fds[1], -1);
    printf("dup2 onto -1: %s\n", r < 0 ? errno_name(errno) : "FAIL");

    r = dup3(fds[0], 40, O_CLOEXEC);
    printf("dup3 to 40 with O_CLOEXEC: %d, FD_CLOEXEC=%d\n", r, fcntl(40, F_GETFD) & FD_CLOEXEC);
    r = dup3(40, 40, 0);
    printf("dup3 onto itself: %s\n", r < 0 ? errno_name(errno) : "FAIL");
    r = dup3(fds[0], 41, O_NONBLOCK);
    printf("dup3 with a flag other than O_CLOEXEC: %s\n", r < 0 ? errno_name(errno) : "FAIL");
    fd = dup(40);
    printf("dup of a close-on-exec descriptor: FD_CLOEXEC=%d\n", fcntl(fd, F_GETFD) & FD_CLOEXEC);
    close(fd);

    fd = fcntl(fds[0], F_DUPFD, 10);
    printf("F_DUPFD 10: the lowest free descriptor from 10 up: %s\n", ok(fd >= 10 && open_from(10, fd)));
    fd2 = fcntl(fds[0], F_DUPFD, 10);
    printf("F_DUPFD 10 again: the next one: %s\n", ok(fd2 > fd && open_from(10, fd2)));
    r = fcntl(fds[0], F_DUPFD_CLOEXEC, 10);
    printf("F_DUPFD_CLOEXEC 10: %s, FD_CLOEXEC=%d\n", ok(r > fd2 && open_from(10, r)),
           fcntl(r, F_GETFD) & FD_CLOEXEC);
    close(r);
    r = fcntl(fds[0], F_DUPFD, -1);
    printf("F_DUPFD -1: %s\n", r < 0 ? errno_name(errno) : "FAIL");

    printf("F_GETFD of a new descriptor: %d\n", fcntl(fd, F_GETFD));
    r = fcntl(fd, F_SETFD, FD_CLOEXEC);
    printf("F_SETFD FD_CLOEXEC: %d, F_GETFD: %d, the original: %d\n", r, fcntl(fd, F_GETFD),
           fcntl(fds[0], F_GETFD));
    r = fcntl(fd, F_SETFD, 0);
    printf("F_SETFD 0: %d, F_GETFD: %d\n", r, fcntl(fd, F_GETFD));

    r = fcntl(fds[0], F_GETFL);
    printf("F_GETFL of the read end: %s, O_NONBLOCK=%d\n", access_mode(r), (r & O_NONBLOCK) != 0);
    r = fcntl(fds[1], F_GETFL);
    printf("F_GETFL of the write end: %s\n", access_mode(r));
    r = fcntl(fds[0], F_SETFL, O_NONBLOCK);
    printf("F_SETFL O_NONBLOCK: %d\n", r);
    printf("  seen through a dup (same open file): O_NONBLOCK=%d\n", (fcntl(fd, F_GETFL) & O_NONBLOCK) != 0);
    r = read(fd2, &status, 1);
    printf("  a read through the dup: %s\n", r < 0 ? errno_name(errno) : "FAIL (blocked or read)");
    r = fcntl(fds[0], F_SETFL, O_WRONLY);
    printf("F_SETFL cannot change the access mode: %d, still %s\n", r, access_mode(fcntl(fds[0], F_GETFL)));
    fcntl(fds[0], F_SETFL, 0);
    printf("F_SETFL 0 clears O_NONBLOCK everywhere: %s\n", ok((fcntl(fd2, F_GETFL) & O_NONBLOCK) == 0));
    r = fcntl(999, F_GETFD);
    printf("F_GETFD of a closed descriptor: %s\n", r < 0 ? errno_name(errno) : "FAIL");

    /* After fork the child's descriptors are the same open files as the parent's. */
    pid = fork_flushed();
    if (pid == 0) {
        fcntl(fd, F_SETFL, O_NONBLOCK);
        close(fds[1]);
        _exit(write(other[1], "c", 1) == 1 ? 0 : 1);
    }
    status = wait_for(pid);
    printf("child %s after writing through a dup2'd descriptor\n", ended(status));
    printf("O_NONBLOCK the child set is seen by the parent: %s\n",
           ok((fcntl(fd, F_GETFL) & O_NONBLOCK) != 0));
    printf("the child's close did not close the parent's: %s\n", ok(is_open(fds[1])));
    printf("the child's byte arrived: %s\n", ok(read(fds[0], &status, 4) == 1));
    return 0;
}
