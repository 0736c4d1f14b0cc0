/*
 * proc_helpers.h - small helpers shared by the process tests (fork, wait,
 * exec, pipes): OK/FAIL words, fork with stdio flushed first, a child's
 * end in words, whole reads and writes, and signal numbers and
 * dispositions through the raw rt_sigaction system call (the project's
 * libc has no <signal.h> yet, and the two builds should make the same
 * calls anyway).
 */
#ifndef MINIKERNEL_TESTS_PROC_HELPERS_H
#define MINIKERNEL_TESTS_PROC_HELPERS_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "errno_name.h"

/* Linux's signal numbers on i386 (glibc's <signal.h> may already have them). */
#ifndef SIGABRT
#define SIGABRT 6
#endif
#ifndef SIGKILL
#define SIGKILL 9
#endif
#ifndef SIGSEGV
#define SIGSEGV 11
#endif
#ifndef SIGPIPE
#define SIGPIPE 13
#endif
#ifndef SIGTERM
#define SIGTERM 15
#endif
#ifndef SIGCHLD
#define SIGCHLD 17
#endif

static inline const char *ok(int good)
{
    return good ? "OK" : "FAIL";
}

/*
 * fork(), with stdout flushed first: whatever stdio still buffers would be
 * copied into the child and printed twice. A failed fork ends the test.
 */
static inline pid_t fork_flushed(void)
{
    pid_t pid;

    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        printf("FAIL: fork: errno=%s\n", errno_name(errno));
        exit(1);
    }
    return pid;
}

/* How a child ended, from its wait status: "exited 3", "killed by signal 9". */
static inline const char *ended(int status)
{
    static char text[48];

    if (WIFEXITED(status))
        snprintf(text, sizeof text, "exited %d", WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        snprintf(text, sizeof text, "killed by signal %d", WTERMSIG(status));
    else
        snprintf(text, sizeof text, "status %#x", status);
    return text;
}

/* waitpid for one child, retried on EINTR; the status, or -1 on failure. */
static inline int wait_for(pid_t pid)
{
    int status;
    pid_t r;

    do
        r = waitpid(pid, &status, 0);
    while (r < 0 && errno == EINTR);
    if (r != pid) {
        printf("FAIL: waitpid: %d errno=%s\n", (int)r, errno_name(errno));
        return -1;
    }
    return status;
}

/* Writes all n bytes (pipes may take them in pieces); 0, or -1 with errno. */
static inline int write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    ssize_t w;

    while (n > 0) {
        w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Reads until n bytes or end of file; how many bytes arrived, or -1. */
static inline ssize_t read_all(int fd, void *buf, size_t n)
{
    char *p = buf;
    size_t got = 0;
    ssize_t r;

    while (got < n) {
        r = read(fd, p + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

/* The kernel's struct sigaction for rt_sigaction on i386 (8-byte mask). */
struct kernel_sigaction {
    void *handler;
    unsigned long flags;
    void *restorer;
    unsigned long long mask;
};

#define DISPOSITION_DEFAULT ((void *)0)   /* SIG_DFL */
#define DISPOSITION_IGNORE  ((void *)1)   /* SIG_IGN */

/* Sets a signal to its default action or to ignored; 0, or -1 with errno. */
static inline int set_disposition(int sig, void *disposition)
{
    struct kernel_sigaction act;

    memset(&act, 0, sizeof act);
    act.handler = disposition;
    return (int)syscall(SYS_rt_sigaction, sig, &act, NULL, sizeof act.mask);
}

#endif
