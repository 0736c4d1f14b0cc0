/*
 * thread_exit.c - the ways a thread ends, and what each ends.
 *
 *   thread_exit               pthread_exit from deep inside a call chain
 *                             hands its value to pthread_join; a thread
 *                             ending with a raw SYS_exit ends only itself
 *                             (the kernel's CLONE_CHILD_CLEARTID still
 *                             releases its joiner); main's pthread_exit
 *                             ends main alone, and the process exits 0
 *                             when its last thread does.
 *   thread_exit join-main     a worker joins the main thread, which has
 *                             called pthread_exit with a value.
 *   thread_exit exit-from-thread
 *                             exit(3) in one thread ends the whole process
 *                             (exit_group), other threads blocked forever
 *                             included, and runs the atexit handlers.
 *
 * The output is flushed before every thread ends on its own: only exit()
 * flushes stdio, and it may not run when threads end one by one.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include "proc_helpers.h"

static pthread_t main_thread;
static sem_t go;

/* Calls itself depth times, then ends the thread from the innermost frame: no frame returns. */
static int __attribute__((noinline)) nested(int depth)
{
    if (depth <= 0)
        pthread_exit((void *)0x1234);
    if (depth > 100)
        return 0;
    return nested(depth - 1) + 1;
}

static void *deep_exit(void *arg)
{
    (void)arg;
    nested(3);
    return (void *)0xbad;
}

static void *raw_exit(void *arg)
{
    (void)arg;
    syscall(SYS_exit, 0);
    return (void *)0xbad;
}

static void *outlives_main(void *arg)
{
    (void)arg;
    sem_wait(&go);
    printf("worker: still running after main's pthread_exit: OK\n");
    fflush(stdout);
    return NULL;
}

static void *joins_main(void *arg)
{
    void *ret = NULL;
    int r;

    (void)arg;
    r = pthread_join(main_thread, &ret);
    printf("worker: pthread_join of the main thread: %s\n", errno_name(r));
    printf("worker: main's pthread_exit value: %#lx\n", (unsigned long)(uintptr_t)ret);
    fflush(stdout);
    return NULL;
}

static void *blocks_forever(void *arg)
{
    int *fds = arg;
    char c;

    read(fds[0], &c, 1);
    printf("FAIL: the blocked thread read something\n");
    return NULL;
}

static void *exits_process(void *arg)
{
    (void)arg;
    printf("thread: calling exit(3) while main waits in pthread_join\n");
    exit(3);
}

static void at_exit(void)
{
    printf("atexit handler: ran\n");
}

static int exit_from_thread(void)
{
    static int fds[2];
    pthread_t blocked, exiting;

    if (pipe(fds) != 0)
        return 1;
    atexit(at_exit);
    pthread_create(&blocked, NULL, blocks_forever, fds);
    pthread_create(&exiting, NULL, exits_process, NULL);
    pthread_join(blocked, NULL);
    printf("FAIL: main's pthread_join returned\n");
    return 1;
}

int main(int argc, char **argv)
{
    pthread_t t;
    void *ret = NULL;
    int r;

    main_thread = pthread_self();
    if (argc > 1 && strcmp(argv[1], "exit-from-thread") == 0)
        return exit_from_thread();
    if (argc > 1 && strcmp(argv[1], "join-main") == 0) {
        pthread_create(&t, NULL, joins_main, NULL);
        printf("main: pthread_exit((void *)0x5678)\n");
        fflush(stdout);
        pthread_exit((void *)0x5678);
    }

    pthread_create(&t, NULL, deep_exit, NULL);
    r = pthread_join(t, &ret);
    printf("pthread_exit three calls deep: join %s, value %#lx\n", errno_name(r), (unsigned long)(uintptr_t)ret);
    pthread_create(&t, NULL, raw_exit, NULL);
    r = pthread_join(t, NULL);
    printf("a thread's raw SYS_exit: join %s\n", errno_name(r));
    printf("the process goes on after that thread's SYS_exit: OK\n");

    sem_init(&go, 0, 0);
    pthread_create(&t, NULL, outlives_main, NULL);
    printf("main: pthread_exit(NULL) with a worker still running\n");
    fflush(stdout);
    sem_post(&go);
    pthread_exit(NULL);
}
