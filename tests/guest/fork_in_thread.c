/*
 * fork_in_thread.c - fork() called by a thread that is not main: the child
 * is a new process holding a copy of the whole address space but only one
 * thread, the one that called fork, which becomes its main thread (gettid
 * == getpid). The parent's other threads do not exist there: a counter
 * that a parent thread keeps incrementing stands still in the child. The
 * child can make threads of its own and exit; the forking thread waits for
 * it with waitpid.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include "proc_helpers.h"

static volatile int spinning = 1;
static volatile unsigned long spins;

static void *spin(void *arg)
{
    (void)arg;
    while (spinning) {
        spins++;
        sched_yield();
    }
    return NULL;
}

static void *child_thread(void *arg)
{
    return (void *)((long)arg + 1);
}

/* In the child: exit status bits for each check that failed. */
static int child_checks(pid_t parent)
{
    unsigned long before;
    pthread_t t;
    void *ret = NULL;
    int bad = 0, i;

    if (gettid() != getpid())
        bad |= 1;
    if (getppid() != parent)
        bad |= 2;
    before = spins;
    for (i = 0; i < 200; i++)
        sched_yield();
    if (spins != before)
        bad |= 4;
    if (pthread_create(&t, NULL, child_thread, (void *)41) != 0 || pthread_join(t, &ret) != 0 || ret != (void *)42)
        bad |= 8;
    return bad;
}

static void *forker(void *arg)
{
    pid_t parent = getpid(), pid;
    int status;

    (void)arg;
    fflush(stdout);
    pid = fork();
    if (pid == 0)
        exit(child_checks(parent));
    status = wait_for(pid);
    printf("the forking thread reaped the child: %s\n", ok(pid > 0 && WIFEXITED(status)));
    status = WIFEXITED(status) ? WEXITSTATUS(status) : 255;
    printf("child: its only thread is its main thread (gettid == getpid): %s\n", ok(!(status & 1)));
    printf("child: its parent is the forking thread's process: %s\n", ok(!(status & 2)));
    printf("child: the parent's spinning thread is not there: %s\n", ok(!(status & 4)));
    printf("child: it can create and join a thread of its own: %s\n", ok(!(status & 8)));
    return NULL;
}

int main(void)
{
    pthread_t spinner, t;
    unsigned long before;

    pthread_create(&spinner, NULL, spin, NULL);
    while (spins == 0)
        sched_yield();
    pthread_create(&t, NULL, forker, NULL);
    pthread_join(t, NULL);
    before = spins;
    while (spins == before)
        sched_yield();
    printf("parent: its spinning thread still runs: OK\n");
    spinning = 0;
    pthread_join(spinner, NULL);
    return 0;
}
