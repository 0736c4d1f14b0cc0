/*
 * exec_keeps.c - what execve() keeps and what it replaces (fs/exec.c). The
 * program runs itself again, in the same process, with "--stage2" and the
 * facts the second stage needs as arguments:
 *
 *   replaced: the memory (a global changed before execve reads its initial
 *             value again), argv and the environment (the ones passed in)
 *   kept:     the pid, the current directory, the umask, file descriptors
 *             without FD_CLOEXEC and the data queued in a pipe behind them
 *   closed:   descriptors with FD_CLOEXEC (fcntl(F_GETFD) gives EBADF), and
 *             with the pipe's only write end gone, the reader sees EOF
 *
 * Before that, execve calls that fail return to the caller with ENOENT,
 * EACCES, ENOTDIR and ENAMETOOLONG, and the program carries on. Stage 1
 * flushes stdout before execve: a stdio buffer is memory, and would be lost.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "proc_helpers.h"

#define PIPE_TEXT "queued in the pipe before execve"

static int marker = 1;

static void failed_exec(const char *what, const char *path)
{
    char *argv[] = {"never", NULL};
    char *envp[] = {NULL};
    int r = execve(path, argv, envp);

    printf("execve of %s: %s, errno=%s, still running\n", what, r == -1 ? "-1" : "FAIL", errno_name(errno));
}

static int stage1(const char *argv0)
{
    static char self[PATH_MAX], text[8][32], long_path[PATH_MAX + 100], trailing[PATH_MAX + 2];
    char *argv[10], *envp[] = {"EXEC_KEEPS=yes", "SECOND=2", NULL};
    int pipefd[2], dup_fd;

    /* The second stage is found by name after chdir("/"), so make it absolute. */
    if (argv0[0] == '/')
        snprintf(self, sizeof self, "%s", argv0);
    else if (getcwd(self, sizeof self - strlen(argv0) - 2) != NULL)
        snprintf(self + strlen(self), sizeof self - strlen(self), "/%s", argv0);

    failed_exec("a missing file", "/nonexistent/program");
    failed_exec("an empty path", "");
    failed_exec("a directory", "/");
    failed_exec("a device (/dev/null)", "/dev/null");
    snprintf(trailing, sizeof trailing, "%s/", self);
    failed_exec("itself with a trailing slash", trailing);
    memset(long_path, 'x', sizeof long_path - 1);
    long_path[0] = '/';
    failed_exec("a path longer than PATH_MAX", long_path);

    if (pipe(pipefd) < 0 || fcntl(pipefd[1], F_SETFD, FD_CLOEXEC) < 0) {
        printf("FAIL: pipe: errno=%s\n", errno_name(errno));
        return 1;
    }
    dup_fd = dup3(pipefd[0], 20, O_CLOEXEC);
    if (dup_fd < 0 || write_all(pipefd[1], PIPE_TEXT, strlen(PIPE_TEXT)) < 0) {
        printf("FAIL: dup3 or write: errno=%s\n", errno_name(errno));
        return 1;
    }
    marker = 99;
    umask(027);
    if (chdir("/") < 0)
        printf("FAIL: chdir: errno=%s\n", errno_name(errno));

    snprintf(text[0], sizeof text[0], "%d", (int)getpid());
    snprintf(text[1], sizeof text[1], "%d", pipefd[0]);
    snprintf(text[2], sizeof text[2], "%d", pipefd[1]);
    snprintf(text[3], sizeof text[3], "%d", dup_fd);
    argv[0] = self;
    argv[1] = "--stage2";
    argv[2] = text[0];
    argv[3] = text[1];
    argv[4] = text[2];
    argv[5] = text[3];
    argv[6] = "an argument with spaces";
    argv[7] = "";
    argv[8] = NULL;
    printf("stage 1: execve of itself\n");
    fflush(stdout);
    execve(self, argv, envp);
    printf("FAIL: execve of itself: errno=%s\n", errno_name(errno));
    return 1;
}

static int stage2(int argc, char **argv)
{
    int keep_fd = atoi(argv[3]), cloexec_fd = atoi(argv[4]), dup_fd = atoi(argv[5]);
    char buf[64], cwd[64];
    ssize_t n;
    mode_t mask;
    int envc, r;

    printf("stage 2: running\n");
    printf("same pid across execve: %s\n", ok(getpid() == atoi(argv[2])));
    printf("argc: %d\n", argc);
    printf("argv[6]: [%s]\n", argv[6]);
    printf("argv[7]: [%s]\n", argv[7]);
    printf("argv[8] is NULL: %s\n", ok(argv[8] == NULL));
    for (envc = 0; environ[envc] != NULL; envc++)
        ;
    printf("environment entries: %d\n", envc);
    printf("EXEC_KEEPS=%s SECOND=%s\n", getenv("EXEC_KEEPS"), getenv("SECOND"));
    printf("global variable has its initial value again: %d\n", marker);

    mask = umask(0);
    printf("umask kept: %03o\n", (unsigned)mask);
    printf("cwd kept: %s\n", getcwd(cwd, sizeof cwd) != NULL ? cwd : errno_name(errno));

    r = fcntl(keep_fd, F_GETFD);
    printf("descriptor without FD_CLOEXEC: open, flags %d\n", r);
    r = fcntl(cloexec_fd, F_GETFD);
    printf("descriptor with FD_CLOEXEC: %s\n", r < 0 ? errno_name(errno) : "FAIL (still open)");
    r = fcntl(dup_fd, F_GETFD);
    printf("dup3(O_CLOEXEC) copy: %s\n", r < 0 ? errno_name(errno) : "FAIL (still open)");
    /* Non-blocking, so a write end left open shows as EAGAIN rather than a hang. */
    fcntl(keep_fd, F_SETFL, O_NONBLOCK);
    n = read(keep_fd, buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = '\0';
    printf("pipe data: [%s]\n", buf);
    n = read(keep_fd, buf, sizeof buf);
    if (n == 0)
        printf("then EOF: execve closed the only write end\n");
    else
        printf("then FAIL: read gave %d errno=%s\n", (int)n, errno_name(errno));
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 5 && strcmp(argv[1], "--stage2") == 0)
        return stage2(argc, argv);
    return stage1(argv[0]);
}
