/*
 * detached.c - detached threads: nobody joins them, and their resources go
 * back when they end. 20 threads, half created detached
 * (pthread_attr_setdetachstate) and half detaching themselves
 * (pthread_detach(pthread_self())), each add their number to a sum under a
 * mutex and post a semaphore; main waits for 20 posts. Then it does it all
 * again, 5 times over, so a leak of stacks or tasks would show.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include "proc_helpers.h"

#define THREADS 20
#define ROUNDS 5

static sem_t done;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int sum, detach_failures;

static void *work(void *arg)
{
    int n = (int)(intptr_t)arg;
    int detach = n % 2 == 1 ? pthread_detach(pthread_self()) : 0;

    pthread_mutex_lock(&lock);
    detach_failures += detach != 0;
    sum += n;
    pthread_mutex_unlock(&lock);
    sem_post(&done);
    return NULL;
}

int main(void)
{
    pthread_attr_t detached;
    pthread_t t;
    int state = -1, round, i, created = 0, sums_ok = 1, value = -1;

    sem_init(&done, 0, 0);
    pthread_attr_init(&detached);
    pthread_attr_getdetachstate(&detached, &state);
    printf("default detach state is joinable: %s\n", ok(state == PTHREAD_CREATE_JOINABLE));
    pthread_attr_setdetachstate(&detached, PTHREAD_CREATE_DETACHED);
    pthread_attr_getdetachstate(&detached, &state);
    printf("attribute set to detached: %s\n", ok(state == PTHREAD_CREATE_DETACHED));
    printf("an unknown detach state: %s\n", errno_name(pthread_attr_setdetachstate(&detached, 5)));

    for (round = 0; round < ROUNDS; round++) {
        sum = 0;
        for (i = 1; i <= THREADS; i++) {
            if (i % 2 == 0)
                created += pthread_create(&t, &detached, work, (void *)(intptr_t)i) == 0;
            else
                created += pthread_create(&t, NULL, work, (void *)(intptr_t)i) == 0;
        }
        for (i = 0; i < THREADS; i++)
            sem_wait(&done);
        sums_ok &= sum == THREADS * (THREADS + 1) / 2;
    }
    sem_getvalue(&done, &value);
    printf("%d rounds of %d detached threads: created %d\n", ROUNDS, THREADS, created);
    printf("every round's 20 posts arrived and the sum is 210: %s\n", ok(sums_ok && value == 0));
    printf("pthread_detach(pthread_self()) succeeded every time: %s\n", ok(detach_failures == 0));
    pthread_attr_destroy(&detached);
    return 0;
}
