/*
 * condvar_pc.c - producers and consumers on a bounded buffer, a mutex and
 * two condition variables (not full, not empty): 2 producers put 5,000
 * items each, 3 consumers take them until told there are no more. Every
 * item must arrive exactly once: the count, the sum and a sum of squares
 * are checked, whatever the interleaving. Also pthread_cond_timedwait that
 * times out (ETIMEDOUT, with the mutex held again on return), and a
 * broadcast that wakes every waiter.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <time.h>
#include "proc_helpers.h"

#define PRODUCERS 2
#define CONSUMERS 3
#define PER_PRODUCER 5000
#define SLOTS 16

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static int buffer[SLOTS];
static int head, count, producers_left = PRODUCERS;
static long long taken, sum, squares;

static void *produce(void *arg)
{
    int base = (int)(intptr_t)arg * PER_PRODUCER, i;

    for (i = 1; i <= PER_PRODUCER; i++) {
        pthread_mutex_lock(&lock);
        while (count == SLOTS)
            pthread_cond_wait(&not_full, &lock);
        buffer[(head + count) % SLOTS] = base + i;
        count++;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&lock);
    }
    pthread_mutex_lock(&lock);
    if (--producers_left == 0)
        pthread_cond_broadcast(&not_empty);
    pthread_mutex_unlock(&lock);
    return NULL;
}

static void *consume(void *arg)
{
    int item;

    (void)arg;
    for (;;) {
        pthread_mutex_lock(&lock);
        while (count == 0 && producers_left > 0)
            pthread_cond_wait(&not_empty, &lock);
        if (count == 0) {
            pthread_mutex_unlock(&lock);
            break;
        }
        item = buffer[head];
        head = (head + 1) % SLOTS;
        count--;
        taken++;
        sum += item;
        squares += (long long)item * item;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

static void timed_wait(void)
{
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t c = PTHREAD_COND_INITIALIZER;
    struct timespec deadline;
    int r;

    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_nsec += 20 * 1000 * 1000;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&m);
    r = pthread_cond_timedwait(&c, &m, &deadline);
    printf("timedwait with nobody signalling: %s\n", errno_name(r));
    printf("the mutex is held again after the timeout: %s\n", errno_name(pthread_mutex_trylock(&m)));
    pthread_mutex_unlock(&m);
    deadline.tv_nsec = 1000000000L;
    pthread_mutex_lock(&m);
    printf("timedwait with tv_nsec of 1000000000: %s\n", errno_name(pthread_cond_timedwait(&c, &m, &deadline)));
    pthread_mutex_unlock(&m);
}

static pthread_mutex_t gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate = PTHREAD_COND_INITIALIZER;
static int waiting, open_gate, passed;

static void *wait_at_gate(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&gate_lock);
    waiting++;
    while (!open_gate)
        pthread_cond_wait(&gate, &gate_lock);
    passed++;
    pthread_mutex_unlock(&gate_lock);
    return NULL;
}

static void broadcast(void)
{
    pthread_t t[4];
    int i, all_waiting = 0;

    for (i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, wait_at_gate, NULL);
    while (!all_waiting) {
        pthread_mutex_lock(&gate_lock);
        all_waiting = waiting == 4;
        pthread_mutex_unlock(&gate_lock);
        if (!all_waiting)
            sched_yield();
    }
    pthread_mutex_lock(&gate_lock);
    open_gate = 1;
    pthread_cond_broadcast(&gate);
    pthread_mutex_unlock(&gate_lock);
    for (i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    printf("one broadcast let all 4 waiters through: %d\n", passed);
}

int main(void)
{
    pthread_t producers[PRODUCERS], consumers[CONSUMERS];
    long long n = (long long)PRODUCERS * PER_PRODUCER;
    int i;

    for (i = 0; i < CONSUMERS; i++)
        pthread_create(&consumers[i], NULL, consume, NULL);
    for (i = 0; i < PRODUCERS; i++)
        pthread_create(&producers[i], NULL, produce, (void *)(intptr_t)i);
    for (i = 0; i < PRODUCERS; i++)
        pthread_join(producers[i], NULL);
    for (i = 0; i < CONSUMERS; i++)
        pthread_join(consumers[i], NULL);
    printf("items taken: %lld\n", taken);
    printf("checksum: sum %lld, sum of squares %lld\n", sum, squares);
    printf("each item exactly once: %s\n", ok(taken == n && sum == n * (n + 1) / 2
                                                 && squares == n * (n + 1) * (2 * n + 1) / 6 && count == 0));
    timed_wait();
    broadcast();
    return 0;
}
