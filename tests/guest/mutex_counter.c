/*
 * mutex_counter.c - mutual exclusion: 8 threads each add 1 to a shared
 * counter 10,000 times, each addition a separate read and write under a
 * mutex, and the total must be exactly 80,000 (without the mutex, increments
 * are lost as soon as two threads interleave). Then the mutex types'
 * documented answers (pthread_mutex_lock(3p)): trylock of a held mutex is
 * EBUSY; an error-checking mutex reports relocking by its owner (EDEADLK)
 * and unlocking by a non-owner or when unlocked (EPERM); a recursive mutex
 * counts its owner's locks and refuses others while any is held.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include "proc_helpers.h"

#define THREADS 8
#define ROUNDS 10000

static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static volatile long counter;

static void *add_many(void *arg)
{
    int i;

    (void)arg;
    for (i = 0; i < ROUNDS; i++) {
        pthread_mutex_lock(&counter_lock);
        counter = counter + 1;
        pthread_mutex_unlock(&counter_lock);
    }
    return NULL;
}

/* Runs fn(mutex) in another thread and returns its result. */
static int in_other_thread(void *(*fn)(void *), pthread_mutex_t *m)
{
    pthread_t t;
    void *r;

    pthread_create(&t, NULL, fn, m);
    pthread_join(t, &r);
    return (int)(long)r;
}

static void *try_lock(void *m)
{
    return (void *)(long)pthread_mutex_trylock(m);
}

static void *unlock(void *m)
{
    return (void *)(long)pthread_mutex_unlock(m);
}

static void make(pthread_mutex_t *m, int type)
{
    pthread_mutexattr_t a;

    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, type);
    pthread_mutex_init(m, &a);
    pthread_mutexattr_destroy(&a);
}

static void counting(void)
{
    pthread_t threads[THREADS];
    int i;

    for (i = 0; i < THREADS; i++)
        if (pthread_create(&threads[i], NULL, add_many, NULL) != 0) {
            printf("FAIL: pthread_create\n");
            exit(1);
        }
    for (i = 0; i < THREADS; i++)
        pthread_join(threads[i], NULL);
    printf("%d threads x %d locked increments: %ld\n", THREADS, ROUNDS, counter);
}

static void normal(void)
{
    pthread_mutex_t m;
    int type = -1;
    pthread_mutexattr_t a;

    pthread_mutexattr_init(&a);
    pthread_mutexattr_gettype(&a, &type);
    printf("normal: the default type is PTHREAD_MUTEX_NORMAL: %s\n", ok(type == PTHREAD_MUTEX_NORMAL));
    pthread_mutexattr_destroy(&a);
    make(&m, PTHREAD_MUTEX_NORMAL);
    printf("normal: trylock when free: %s\n", errno_name(pthread_mutex_trylock(&m)));
    printf("normal: trylock by the owner: %s\n", errno_name(pthread_mutex_trylock(&m)));
    printf("normal: trylock by another thread: %s\n", errno_name(in_other_thread(try_lock, &m)));
    printf("normal: unlock: %s\n", errno_name(pthread_mutex_unlock(&m)));
    printf("normal: trylock by another thread once free: %s\n", errno_name(in_other_thread(try_lock, &m)));
    /* That thread ended holding it; a normal mutex does not care who unlocks. */
    printf("normal: unlock of another thread's lock: %s\n", errno_name(pthread_mutex_unlock(&m)));
    printf("normal: destroy: %s\n", errno_name(pthread_mutex_destroy(&m)));
}

static void errorcheck(void)
{
    pthread_mutex_t m;

    make(&m, PTHREAD_MUTEX_ERRORCHECK);
    printf("errorcheck: unlock when unlocked: %s\n", errno_name(pthread_mutex_unlock(&m)));
    printf("errorcheck: lock: %s\n", errno_name(pthread_mutex_lock(&m)));
    printf("errorcheck: lock again by the owner: %s\n", errno_name(pthread_mutex_lock(&m)));
    printf("errorcheck: trylock by the owner: %s\n", errno_name(pthread_mutex_trylock(&m)));
    printf("errorcheck: unlock by another thread: %s\n", errno_name(in_other_thread(unlock, &m)));
    printf("errorcheck: trylock by another thread: %s\n", errno_name(in_other_thread(try_lock, &m)));
    printf("errorcheck: unlock by the owner: %s\n", errno_name(pthread_mutex_unlock(&m)));
    printf("errorcheck: unlock again: %s\n", errno_name(pthread_mutex_unlock(&m)));
    pthread_mutex_destroy(&m);
}

static void recursive(void)
{
    pthread_mutex_t m;
    int i, locks = 0, unlocks = 0;

    make(&m, PTHREAD_MUTEX_RECURSIVE);
    for (i = 0; i < 3; i++)
        locks += pthread_mutex_lock(&m) == 0;
    locks += pthread_mutex_trylock(&m) == 0;
    printf("recursive: the owner locked 4 times (3 lock, 1 trylock): %d succeeded\n", locks);
    printf("recursive: trylock by another thread: %s\n", errno_name(in_other_thread(try_lock, &m)));
    printf("recursive: unlock by another thread: %s\n", errno_name(in_other_thread(unlock, &m)));
    for (i = 0; i < 3; i++)
        unlocks += pthread_mutex_unlock(&m) == 0;
    printf("recursive: 3 unlocks later, still held: trylock by another thread: %s\n",
           errno_name(in_other_thread(try_lock, &m)));
    unlocks += pthread_mutex_unlock(&m) == 0;
    printf("recursive: the 4th unlock: %s\n", ok(unlocks == 4));
    printf("recursive: unlock once more: %s\n", errno_name(pthread_mutex_unlock(&m)));
    printf("recursive: now another thread gets it: %s\n", errno_name(in_other_thread(try_lock, &m)));
}

int main(void)
{
    counting();
    normal();
    errorcheck();
    recursive();
    return 0;
}
