/*
 * exec_from_thread.c - execve from a thread that is not main. Linux first
 * kills every other thread of the process (de_thread in fs/exec.c: the
 * ones blocked in read or in pthread_join die too), the execing thread
 * takes over the group leader's pid, and the new program runs as the same
 * process: same pid, same parent, one thread whose tid is the pid. The
 * parent sees one process end, with the new program's status.
 *
 * Each exec runs in a child process, so the parent can check the pid that
 * waitpid reaps. The new program is this one again (argument "after-exec",
 * with the pid and parent pid it must still have) or the hello test
 * program next to it.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include "proc_helpers.h"

static char *self_path, *hello_path;
static int pipe_fds[2];
static pthread_t main_thread;
static char pid_text[16], ppid_text[16];

static void *blocks_reading(void *arg)
{
    char c;

    (void)arg;
    read(pipe_fds[0], &c, 1);
    printf("FAIL: a thread survived the exec's de_thread\n");
    return NULL;
}

static void *execs(void *arg)
{
    char *const again[] = {self_path, "after-exec", pid_text, ppid_text, NULL};
    char *const hello[] = {hello_path, NULL};

    if (arg == NULL)
        execv(self_path, again);
    else
        execv(hello_path, hello);
    printf("FAIL: execv: errno=%s\n", errno_name(errno));
    fflush(stdout);
    _exit(1);
}

/* In a child process: two blocked threads, and a third that execs while main waits in pthread_join. */
static void threads_then_exec(int to_hello)
{
    pthread_t reader, joiner;

    snprintf(pid_text, sizeof pid_text, "%d", (int)getpid());
    snprintf(ppid_text, sizeof ppid_text, "%d", (int)getppid());
    if (pipe(pipe_fds) != 0)
        _exit(1);
    main_thread = pthread_self();
    pthread_create(&reader, NULL, blocks_reading, NULL);
    pthread_create(&joiner, NULL, execs, to_hello ? (void *)1 : NULL);
    pthread_join(reader, NULL);
    printf("FAIL: main survived the exec's de_thread\n");
    fflush(stdout);
    _exit(1);
}

static int after_exec(char **argv)
{
    printf("new program: same pid as before the exec: %s\n", ok(getpid() == atoi(argv[2])));
    printf("new program: same parent: %s\n", ok(getppid() == atoi(argv[3])));
    printf("new program: its one thread's tid is the pid: %s\n", ok(gettid() == getpid()));
    return 5;
}

static char *sibling(const char *argv0, const char *name)
{
    const char *slash = strrchr(argv0, '/');
    size_t dir = slash ? (size_t)(slash - argv0 + 1) : 0;
    char *path = malloc(dir + strlen(name) + 1);

    memcpy(path, argv0, dir);
    strcpy(path + dir, name);
    return path;
}

int main(int argc, char **argv)
{
    pid_t pid;
    int status;

    if (argc > 3 && strcmp(argv[1], "after-exec") == 0)
        return after_exec(argv);
    self_path = argv[0];
    hello_path = sibling(argv[0], "hello");

    pid = fork_flushed();
    if (pid == 0)
        threads_then_exec(0);
    status = wait_for(pid);
    printf("parent: the process ended with the new program's status: %s\n", ended(status));

    pid = fork_flushed();
    if (pid == 0)
        threads_then_exec(1);
    status = wait_for(pid);
    printf("parent: the process that became hello: %s\n", ended(status));
    return 0;
}
