/*
 * robust_mutex.c - robust mutexes (pthread_mutexattr_setrobust): when the
 * owner of a robust mutex ends without unlocking it, the next locker gets
 * the lock with EOWNERDEAD, whether it was already asleep in
 * pthread_mutex_lock or comes later. It may repair the data and call
 * pthread_mutex_consistent, after which the mutex works as before; if it
 * unlocks without that, the mutex is unusable for good (ENOTRECOVERABLE).
 * The kernel makes it work: each thread registers its list of held robust
 * mutexes with set_robust_list, and at the thread's death the kernel marks
 * each one FUTEX_OWNER_DIED and wakes a waiter (robust_list_raw.c shows
 * that half alone). The same across processes, with a process-shared
 * mutex in shared memory. A non-robust mutex whose owner died stays locked.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <sys/mman.h>
#include "proc_helpers.h"

static sem_t held, go;

static void *lock_and_die(void *arg)
{
    pthread_mutex_lock(arg);
    return NULL;
}

/* Locks, says so, and ends holding the lock once told to. */
static void *lock_wait_and_die(void *arg)
{
    pthread_mutex_lock(arg);
    sem_post(&held);
    sem_wait(&go);
    return NULL;
}

static void *lock_and_repair(void *arg)
{
    int r = pthread_mutex_lock(arg);

    if (r == EOWNERDEAD)
        pthread_mutex_consistent(arg);
    pthread_mutex_unlock(arg);
    return (void *)(long)r;
}

static void *try_unlock(void *arg)
{
    return (void *)(long)pthread_mutex_unlock(arg);
}

static void die_holding(pthread_mutex_t *m)
{
    pthread_t t;

    pthread_create(&t, NULL, lock_and_die, m);
    pthread_join(t, NULL);
}

static void make(pthread_mutex_t *m, int robustness, int type, int pshared)
{
    pthread_mutexattr_t a;

    pthread_mutexattr_init(&a);
    pthread_mutexattr_setrobust(&a, robustness);
    pthread_mutexattr_settype(&a, type);
    pthread_mutexattr_setpshared(&a, pshared);
    pthread_mutex_init(m, &a);
    pthread_mutexattr_destroy(&a);
}

static void attributes(void)
{
    pthread_mutexattr_t a;
    int got = -1;

    pthread_mutexattr_init(&a);
    pthread_mutexattr_getrobust(&a, &got);
    printf("attr: the default is PTHREAD_MUTEX_STALLED: %s\n", ok(got == PTHREAD_MUTEX_STALLED));
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    pthread_mutexattr_getrobust(&a, &got);
    printf("attr: set to PTHREAD_MUTEX_ROBUST: %s\n", ok(got == PTHREAD_MUTEX_ROBUST));
    printf("attr: an unknown value: %s\n", errno_name(pthread_mutexattr_setrobust(&a, 7)));
    pthread_mutexattr_destroy(&a);
}

static void repaired(void)
{
    pthread_mutex_t m;

    make(&m, PTHREAD_MUTEX_ROBUST, PTHREAD_MUTEX_NORMAL, PTHREAD_PROCESS_PRIVATE);
    die_holding(&m);
    printf("robust: lock after the owner died: %s\n", errno_name(pthread_mutex_lock(&m)));
    printf("robust: pthread_mutex_consistent: %s\n", errno_name(pthread_mutex_consistent(&m)));
    printf("robust: unlock: %s\n", errno_name(pthread_mutex_unlock(&m)));
    printf("robust: lock again: %s\n", errno_name(pthread_mutex_lock(&m)));
    printf("robust: unlock again: %s\n", errno_name(pthread_mutex_unlock(&m)));
    die_holding(&m);
    printf("robust: trylock after another owner died: %s\n", errno_name(pthread_mutex_trylock(&m)));
    pthread_mutex_consistent(&m);
    pthread_mutex_unlock(&m);
    pthread_mutex_destroy(&m);
}

static void not_repaired(void)
{
    pthread_mutex_t m;

    make(&m, PTHREAD_MUTEX_ROBUST, PTHREAD_MUTEX_NORMAL, PTHREAD_PROCESS_PRIVATE);
    die_holding(&m);
    printf("unrepaired: lock after the owner died: %s\n", errno_name(pthread_mutex_lock(&m)));
    printf("unrepaired: unlock without pthread_mutex_consistent: %s\n", errno_name(pthread_mutex_unlock(&m)));
    printf("unrepaired: lock: %s\n", errno_name(pthread_mutex_lock(&m)));
    printf("unrepaired: trylock: %s\n", errno_name(pthread_mutex_trylock(&m)));
}

/* The next locker is (most likely) already asleep when the owner dies: the kernel must wake it. */
static void waiter_woken(void)
{
    pthread_mutex_t m;
    pthread_t owner, waiter;
    void *ret = NULL;
    int i;

    make(&m, PTHREAD_MUTEX_ROBUST, PTHREAD_MUTEX_NORMAL, PTHREAD_PROCESS_PRIVATE);
    sem_init(&held, 0, 0);
    sem_init(&go, 0, 0);
    pthread_create(&owner, NULL, lock_wait_and_die, &m);
    sem_wait(&held);
    pthread_create(&waiter, NULL, lock_and_repair, &m);
    for (i = 0; i < 100; i++)
        sched_yield();
    sem_post(&go);
    pthread_join(owner, NULL);
    pthread_join(waiter, &ret);
    printf("waiter: its pthread_mutex_lock returned: %s\n", errno_name((int)(long)ret));
    printf("waiter: after its repair the mutex is free: %s\n", errno_name(pthread_mutex_trylock(&m)));
    pthread_mutex_unlock(&m);
}

static void errorcheck(void)
{
    pthread_mutex_t m;
    pthread_t t;
    void *ret = NULL;

    make(&m, PTHREAD_MUTEX_ROBUST, PTHREAD_MUTEX_ERRORCHECK, PTHREAD_PROCESS_PRIVATE);
    die_holding(&m);
    printf("errorcheck: lock after the owner died: %s\n", errno_name(pthread_mutex_lock(&m)));
    printf("errorcheck: lock again by the new owner: %s\n", errno_name(pthread_mutex_lock(&m)));
    pthread_create(&t, NULL, try_unlock, &m);
    pthread_join(t, &ret);
    printf("errorcheck: unlock by another thread: %s\n", errno_name((int)(long)ret));
    pthread_mutex_consistent(&m);
    printf("errorcheck: unlock after consistent: %s\n", errno_name(pthread_mutex_unlock(&m)));
}

static void stalled(void)
{
    pthread_mutex_t m;

    make(&m, PTHREAD_MUTEX_STALLED, PTHREAD_MUTEX_NORMAL, PTHREAD_PROCESS_PRIVATE);
    die_holding(&m);
    printf("stalled: trylock after the owner died: %s\n", errno_name(pthread_mutex_trylock(&m)));
}

/* A robust, process-shared mutex in shared memory; its owner is a child process that exits holding it. */
static void across_processes(void)
{
    pthread_mutex_t *m;
    pid_t pid;
    int status;

    m = mmap(NULL, sizeof *m, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) {
        printf("FAIL: mmap: errno=%s\n", errno_name(errno));
        return;
    }
    make(m, PTHREAD_MUTEX_ROBUST, PTHREAD_MUTEX_NORMAL, PTHREAD_PROCESS_SHARED);
    pid = fork_flushed();
    if (pid == 0)
        _exit(pthread_mutex_lock(m) == 0 ? 0 : 1);
    status = wait_for(pid);
    printf("process: the child locked it and exited: %s\n", ok(WIFEXITED(status) && WEXITSTATUS(status) == 0));
    printf("process: the parent's lock: %s\n", errno_name(pthread_mutex_lock(m)));
    printf("process: pthread_mutex_consistent: %s\n", errno_name(pthread_mutex_consistent(m)));
    printf("process: unlock: %s\n", errno_name(pthread_mutex_unlock(m)));
    munmap(m, sizeof *m);
}

int main(void)
{
    attributes();
    repaired();
    not_repaired();
    waiter_woken();
    errorcheck();
    stalled();
    across_processes();
    return 0;
}
