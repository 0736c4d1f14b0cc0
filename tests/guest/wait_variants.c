/*
 * wait_variants.c - which child waitpid() picks, and when it returns
 * (kernel/exit.c do_wait): WNOHANG before the child has exited returns 0;
 * a specific pid is waited for even when other children are already
 * zombies; waitpid(-1) and wait(NULL) take any child; waitpid(0) only a
 * child in the caller's process group, and waitpid(-pgid) one in that
 * group; wait4 also fills a struct rusage. ECHILD when there is no child
 * at all, for a pid that is not a child (the parent's own parent), and for
 * a child already reaped.
 *
 * Children wait on pipes where the order matters, so every line is the
 * same on every run.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include "proc_helpers.h"

static void expect_echild(const char *what, pid_t r)
{
    if (r >= 0)
        printf("%s: FAIL (returned %d)\n", what, (int)r);
    else
        printf("%s: errno=%s\n", what, errno_name(errno));
}

/* A child that exits with code once the parent closes the pipe's write end. */
static pid_t child_waiting_on(int pipefd[2], int code)
{
    pid_t pid;
    char c;

    if (pipe(pipefd) < 0) {
        printf("FAIL: pipe: errno=%s\n", errno_name(errno));
        exit(1);
    }
    pid = fork_flushed();
    if (pid == 0) {
        close(pipefd[1]);
        read(pipefd[0], &c, 1);
        _exit(code);
    }
    close(pipefd[0]);
    return pid;
}

static void wnohang_then_wait(void)
{
    int gate[2], status;
    pid_t pid = child_waiting_on(gate, 5);
    pid_t r;

    r = waitpid(pid, &status, WNOHANG);
    printf("WNOHANG while the child runs: %d\n", (int)r);
    close(gate[1]);
    r = waitpid(pid, &status, 0);
    printf("waitpid(pid) after it is released: %s, %s\n", ok(r == pid), ended(status));
    expect_echild("waitpid(pid) again after reaping it", waitpid(pid, &status, 0));
}

static void any_child(void)
{
    int status;
    pid_t pid = fork_flushed(), r;

    if (pid == 0)
        _exit(6);
    r = waitpid(-1, &status, 0);
    printf("waitpid(-1) takes the only child: %s, %s\n", ok(r == pid), ended(status));
}

/* The waited-for child is released last; the two others have usually exited by then. */
static void specific_pid(void)
{
    int gate[2], status, others = 0;
    pid_t first, middle, last, r;

    first = fork_flushed();
    if (first == 0)
        _exit(11);
    middle = child_waiting_on(gate, 12);
    last = fork_flushed();
    if (last == 0)
        _exit(13);
    r = waitpid(middle, &status, WNOHANG);
    printf("waitpid(middle, WNOHANG) while it runs: %d\n", (int)r);
    close(gate[1]);
    r = waitpid(middle, &status, 0);
    printf("waitpid(middle) picks it out: %s, %s\n", ok(r == middle), ended(status));
    for (;;) {
        r = wait(&status);
        if (r < 0)
            break;
        if ((r == first && WEXITSTATUS(status) == 11) || (r == last && WEXITSTATUS(status) == 13))
            others++;
    }
    printf("wait() reaps the other two with their codes: %s\n", ok(others == 2));
    expect_echild("wait() with no children left", r);
}

/*
 * waitpid(0) waits only for children in the caller's process group. One
 * child moves to a group of its own (setpgid, done by both sides so neither
 * order races) and tells the parent so; the other stays.
 */
static void process_groups(void)
{
    int moved[2], status;
    pid_t outsider, insider, r;
    char c;

    if (pipe(moved) < 0) {
        printf("FAIL: pipe: errno=%s\n", errno_name(errno));
        return;
    }
    outsider = fork_flushed();
    if (outsider == 0) {
        setpgid(0, 0);
        write(moved[1], "m", 1);
        _exit(21);
    }
    setpgid(outsider, outsider);
    read(moved[0], &c, 1);
    close(moved[0]);
    close(moved[1]);
    insider = fork_flushed();
    if (insider == 0)
        _exit(22);
    r = waitpid(0, &status, 0);
    printf("waitpid(0) takes the child in its own group: %s, %s\n", ok(r == insider), ended(status));
    expect_echild("waitpid(0, WNOHANG) with only another group's child left",
                  waitpid(0, &status, WNOHANG));
    r = waitpid(-outsider, &status, 0);
    printf("waitpid(-pgid) takes the child in that group: %s, %s\n", ok(r == outsider), ended(status));
}

static void with_rusage(void)
{
    struct rusage usage;
    int status;
    pid_t pid = fork_flushed(), r;

    if (pid == 0)
        _exit(8);
    memset(&usage, 0xff, sizeof usage);
    r = wait4(pid, &status, 0, &usage);
    printf("wait4 with rusage: %s, %s, times filled in: %s\n", ok(r == pid), ended(status),
           ok(usage.ru_utime.tv_sec >= 0 && usage.ru_utime.tv_usec >= 0 && usage.ru_utime.tv_usec < 1000000
              && usage.ru_stime.tv_sec >= 0 && usage.ru_stime.tv_usec >= 0
              && usage.ru_stime.tv_usec < 1000000));
}

static void without_status(void)
{
    pid_t pid = fork_flushed(), r;

    if (pid == 0)
        _exit(0);
    r = wait(NULL);
    printf("wait(NULL) reaps a child without reporting its status: %s\n", ok(r == pid));
}

int main(void)
{
    int status;

    expect_echild("wait() with no children", wait(&status));
    expect_echild("waitpid(-1, WNOHANG) with no children", waitpid(-1, &status, WNOHANG));
    expect_echild("waitpid(getppid()): not a child", waitpid(getppid(), &status, 0));
    wnohang_then_wait();
    any_child();
    specific_pid();
    process_groups();
    with_rusage();
    without_status();
    return 0;
}
