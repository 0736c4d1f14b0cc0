/*
 * poll_select.c - waiting for descriptors (fs/select.c, pipe_poll in
 * fs/pipe.c), through the C library's poll, ppoll, select and pselect
 * (whichever system calls it makes for them):
 *
 *   pipes     data: POLLIN; empty: nothing (a zero timeout returns 0); the
 *             write end: POLLOUT, but not when full; every writer gone:
 *             POLLHUP (with POLLIN too while data is left); every reader
 *             gone: the write end gets POLLERR; POLLHUP and POLLERR come
 *             even when not asked for
 *   others    a regular file and /dev/null are always ready both ways; a
 *             closed descriptor gives POLLNVAL (and counts); a negative one
 *             is ignored
 *   waiting   a poll with no timeout wakes when a child writes; a short
 *             timeout with nothing ready returns 0; more descriptors than
 *             RLIMIT_NOFILE: EINVAL
 *   select    readable, writable, hung up (readable), a closed descriptor
 *             in a set (EBADF), a negative count (EINVAL), the timeout
 *             written back; pselect and ppoll with a zero timeout
 */
#define _GNU_SOURCE
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/time.h>
#include "fs_helpers.h"

static const char *bits(int revents)
{
    static char text[128];

    text[0] = '\0';
    if (revents & POLLIN)
        strcat(text, "|POLLIN");
    if (revents & POLLPRI)
        strcat(text, "|POLLPRI");
    if (revents & POLLOUT)
        strcat(text, "|POLLOUT");
    if (revents & POLLRDNORM)
        strcat(text, "|POLLRDNORM");
    if (revents & POLLRDBAND)
        strcat(text, "|POLLRDBAND");
    if (revents & POLLWRNORM)
        strcat(text, "|POLLWRNORM");
    if (revents & POLLWRBAND)
        strcat(text, "|POLLWRBAND");
    if (revents & POLLERR)
        strcat(text, "|POLLERR");
    if (revents & POLLHUP)
        strcat(text, "|POLLHUP");
    if (revents & POLLNVAL)
        strcat(text, "|POLLNVAL");
    return text[0] ? text + 1 : "0";
}

/* poll() of one descriptor with a zero timeout: "r=N revents". */
static void poll_one(const char *what, int fd, short events)
{
    struct pollfd p;
    int r;

    p.fd = fd;
    p.events = events;
    p.revents = 0x7777;
    r = poll(&p, 1, 0);
    if (r < 0)
        printf("%s: %s\n", what, errno_name(errno));
    else
        printf("%s: %d, revents %s\n", what, r, bits(p.revents));
}

#define IO (POLLIN | POLLOUT)
#define ALL (POLLIN | POLLPRI | POLLOUT | POLLRDNORM | POLLRDBAND | POLLWRNORM | POLLWRBAND)

static void pipes(void)
{
    static char fill[65536];
    int p[2];

    pipe(p);
    poll_one("empty pipe, read end, POLLIN", p[0], POLLIN);
    poll_one("empty pipe, write end, POLLOUT", p[1], POLLOUT);
    poll_one("empty pipe, write end, everything", p[1], ALL);
    write(p[1], "x", 1);
    poll_one("pipe with data, read end, POLLIN", p[0], POLLIN);
    poll_one("pipe with data, read end, everything", p[0], ALL);
    poll_one("pipe with data, read end, POLLOUT only", p[0], POLLOUT);
    close(p[1]);
    poll_one("writer gone, data left, POLLIN", p[0], POLLIN);
    read(p[0], fill, 1);
    poll_one("writer gone, empty, POLLIN", p[0], POLLIN);
    poll_one("writer gone, empty, no events asked", p[0], 0);
    close(p[0]);

    pipe2(p, O_NONBLOCK);
    while (write(p[1], fill, sizeof fill) > 0)
        ;
    poll_one("full pipe, write end, POLLOUT", p[1], POLLOUT);
    read(p[0], fill, 4096);
    poll_one("full pipe less one page, write end, POLLOUT", p[1], POLLOUT);
    read(p[0], fill, 1);
    poll_one("and one byte less, write end, POLLOUT", p[1], POLLOUT);
    close(p[0]);
    poll_one("reader gone, write end, POLLOUT", p[1], POLLOUT);
    poll_one("reader gone, write end, no events asked", p[1], 0);
    close(p[1]);
}

static void others(void)
{
    struct pollfd set[4];
    int file, null, r, p[2];

    make_file("plain.txt", "text");
    file = open("plain.txt", O_RDWR);
    null = open("/dev/null", O_RDWR);
    poll_one("regular file, POLLIN | POLLOUT", file, IO);
    poll_one("regular file, everything", file, ALL);
    poll_one("/dev/null, POLLIN | POLLOUT", null, IO);
    poll_one("a closed descriptor", 99, POLLIN);

    pipe(p);
    set[0].fd = p[0];
    set[0].events = POLLIN;
    set[1].fd = -1;
    set[1].events = POLLIN;
    set[2].fd = 98;
    set[2].events = POLLIN;
    set[3].fd = file;
    set[3].events = POLLIN;
    set[1].revents = 0x7777;
    r = poll(set, 4, 0);
    printf("poll of an empty pipe, -1, a closed descriptor and a file: %d; %s, %s, %s,", r, bits(set[0].revents),
           bits(set[1].revents), bits(set[2].revents));
    printf(" %s\n", bits(set[3].revents));
    close(p[0]);
    close(p[1]);
    close(file);
    close(null);
}

static void waiting(void)
{
    struct pollfd p;
    struct rlimit rl;
    struct pollfd many[80];
    int fds[2], r, status, i;
    pid_t pid;

    pipe(fds);
    pid = fork_flushed();
    if (pid == 0) {
        usleep(20000);
        write(fds[1], "late", 4);
        _exit(0);
    }
    p.fd = fds[0];
    p.events = POLLIN;
    r = poll(&p, 1, -1);
    printf("poll with no timeout until a child writes: %d, revents %s\n", r, bits(p.revents));
    status = wait_for(pid);
    printf("the child %s\n", ended(status));
    read(fds[0], &r, 4);
    r = poll(&p, 1, 30);
    printf("poll of an empty pipe for 30 ms: %d, revents %s\n", r, bits(p.revents));
    r = poll(NULL, 0, 10);
    printf("poll of nothing for 10 ms: %d\n", r);

    getrlimit(RLIMIT_NOFILE, &rl);
    rl.rlim_cur = 64;
    setrlimit(RLIMIT_NOFILE, &rl);
    for (i = 0; i < 80; i++) {
        many[i].fd = -1;
        many[i].events = POLLIN;
    }
    r = poll(many, 64, 0);
    printf("poll of 64 descriptors with RLIMIT_NOFILE 64: %s\n", res(r));
    r = poll(many, 80, 0);
    printf("poll of 80 descriptors with RLIMIT_NOFILE 64: %s\n", res(r));
    rl.rlim_cur = rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
    close(fds[0]);
    close(fds[1]);
}

static void selecting(void)
{
    struct timeval tv;
    struct timespec ts;
    struct pollfd pf;
    fd_set rd, wr, ex;
    int p[2], r, max;

    pipe(p);
    max = (p[0] > p[1] ? p[0] : p[1]) + 1;
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(p[0], &rd);
    FD_SET(p[1], &wr);
    tv.tv_sec = 0;
    tv.tv_usec = 0;
    r = select(max, &rd, &wr, NULL, &tv);
    printf("select of an empty pipe: %d, readable %d, writable %d\n", r, FD_ISSET(p[0], &rd), FD_ISSET(p[1], &wr));
    write(p[1], "x", 1);
    FD_ZERO(&rd);
    FD_ZERO(&ex);
    FD_SET(p[0], &rd);
    FD_SET(p[0], &ex);
    tv.tv_sec = 5;
    tv.tv_usec = 0;
    r = select(max, &rd, NULL, &ex, &tv);
    printf("select with data: %d, readable %d, exceptional %d\n", r, FD_ISSET(p[0], &rd), FD_ISSET(p[0], &ex));
    close(p[1]);
    read(p[0], &r, 1);
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    tv.tv_sec = 0;
    tv.tv_usec = 0;
    r = select(max, &rd, NULL, NULL, &tv);
    printf("select with the writer gone: %d, readable %d\n", r, FD_ISSET(p[0], &rd));
    FD_ZERO(&rd);
    FD_SET(p[1], &rd);
    r = select(max, &rd, NULL, NULL, &tv);
    printf("select with a closed descriptor in the set: %s\n", res(r));
    r = select(-1, NULL, NULL, NULL, &tv);
    printf("select with nfds -1: %s\n", res(r));
    tv.tv_sec = 0;
    tv.tv_usec = 20000;
    r = select(0, NULL, NULL, NULL, &tv);
    printf("select of nothing for 20 ms: %d, the timeout left: %ld.%06ld\n", r, (long)tv.tv_sec, (long)tv.tv_usec);

    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    ts.tv_sec = 0;
    ts.tv_nsec = 0;
    r = pselect(max, &rd, NULL, NULL, &ts, NULL);
    printf("pselect with the writer gone, zero timeout: %d, readable %d\n", r, FD_ISSET(p[0], &rd));
    pf.fd = p[0];
    pf.events = POLLIN;
    r = ppoll(&pf, 1, &ts, NULL);
    printf("ppoll of it, zero timeout: %d, revents %s\n", r, bits(pf.revents));
    close(p[0]);
}

int main(void)
{
    pipes();
    others();
    waiting();
    selecting();
    return 0;
}
