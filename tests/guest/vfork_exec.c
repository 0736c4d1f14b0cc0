/*
 * vfork_exec.c - the use vfork() exists for: vfork, then execve in the child
 * (fs/exec.c: execve releases the borrowed memory and wakes the parent).
 * The child runs the "hello" test program found next to this one (the
 * directory of argv[0]); a write it made before execve is visible to the
 * parent, which resumes once the child has exec'd and then reaps it. A
 * failed execve in a vfork child returns there, and the child must _exit.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include "proc_helpers.h"

/* The file name of a program in the same directory as this one. */
static void sibling(char *out, size_t size, const char *argv0, const char *name)
{
    const char *slash = strrchr(argv0, '/');

    if (slash == NULL)
        snprintf(out, size, "%s", name);
    else
        snprintf(out, size, "%.*s/%s", (int)(slash - argv0), argv0, name);
}

int main(int argc, char **argv)
{
    static char path[4096];
    char *hello_argv[] = {"hello", NULL};
    char *hello_envp[] = {"FROM=vfork_exec", NULL};
    volatile int before_exec = 0, exec_errno = 0;
    pid_t pid;
    int status;

    (void)argc;
    sibling(path, sizeof path, argv[0], "hello");
    fflush(stdout);
    pid = vfork();
    if (pid == 0) {
        before_exec = 1;
        execve(path, hello_argv, hello_envp);
        exec_errno = errno;
        _exit(127);
    }
    if (pid < 0) {
        printf("FAIL: vfork: errno=%s\n", errno_name(errno));
        return 1;
    }
    status = wait_for(pid);
    printf("vfork + execve of hello: child %s\n", ended(status));
    printf("the child's write before execve reached the parent: %s\n", ok(before_exec == 1));
    printf("execve did not fail: %s\n", ok(exec_errno == 0));

    fflush(stdout);
    pid = vfork();
    if (pid == 0) {
        execve("/nonexistent/program", hello_argv, hello_envp);
        exec_errno = errno;
        _exit(127);
    }
    status = wait_for(pid);
    printf("vfork + execve of a missing file: child %s, execve failed with errno=%s\n", ended(status),
           errno_name(exec_errno));
    return 0;
}
