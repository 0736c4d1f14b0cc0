/*
 * threads_shared.c - what threads share: one address space. Threads made by
 * pthread_create see the same globals and heap as main, can read and write
 * a variable on another thread's stack given its address, and hand back a
 * pointer-sized value through pthread_exit/pthread_join. pthread_once runs
 * its routine once whoever calls it first; pthread_join of oneself is
 * EDEADLK. Output order comes from the joins alone.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include "proc_helpers.h"

#define THREADS 4

struct result {
    int index;
    int saw_global, saw_heap, saw_stack;
};

static int global_slots[THREADS];
static volatile int global_before = 17;
static int *heap_slots;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_runs;

static void init_once(void)
{
    once_runs++;
}

struct work {
    int index;
    int *main_stack_slots;     /* an array on main's stack */
    volatile int *main_flag;   /* a single variable on main's stack */
};

static void *worker(void *arg)
{
    struct work *w = arg;
    struct result *r = malloc(sizeof *r);

    pthread_once(&once, init_once);
    r->index = w->index;
    r->saw_global = global_before;
    r->saw_heap = heap_slots[THREADS];
    r->saw_stack = *w->main_flag;
    global_slots[w->index] = 10 * (w->index + 1);
    heap_slots[w->index] = 100 * (w->index + 1);
    w->main_stack_slots[w->index] = 1000 * (w->index + 1);
    return r;
}

static void *returns_number(void *arg)
{
    return (void *)((uintptr_t)arg * 3u);
}

static void *exits_with_number(void *arg)
{
    pthread_exit((void *)((uintptr_t)arg + 0x1000u));
    return NULL;
}

/* A thread writes through a pointer into its creator's stack frame, and reads one its creator wrote. */
static void *writes_creator_stack(void *arg)
{
    volatile int *p = arg;

    p[1] = p[0] + 1;
    return NULL;
}

static void *own_stack(void *arg)
{
    volatile int mine[2] = {5, 0};
    volatile int **out = arg;
    pthread_t child;

    *out = mine;
    /* A thread of this thread reads and writes our stack. */
    pthread_create(&child, NULL, writes_creator_stack, (void *)mine);
    pthread_join(child, NULL);
    return (void *)(uintptr_t)mine[1];
}

int main(void)
{
    pthread_t threads[THREADS], t;
    struct work work[THREADS];
    int stack_slots[THREADS] = {0};
    volatile int main_flag = 99;
    volatile int pair[2] = {41, 0};
    volatile int *inner = NULL;
    void *ret;
    int i, good_results = 1, good_writes = 1;

    heap_slots = calloc(THREADS + 1, sizeof *heap_slots);
    heap_slots[THREADS] = 555;
    for (i = 0; i < THREADS; i++) {
        work[i].index = i;
        work[i].main_stack_slots = stack_slots;
        work[i].main_flag = &main_flag;
        if (pthread_create(&threads[i], NULL, worker, &work[i]) != 0) {
            printf("FAIL: pthread_create\n");
            return 1;
        }
    }
    for (i = 0; i < THREADS; i++) {
        struct result *r;

        if (pthread_join(threads[i], &ret) != 0) {
            printf("FAIL: pthread_join\n");
            return 1;
        }
        r = ret;
        good_results &= r->index == i && r->saw_global == 17 && r->saw_heap == 555 && r->saw_stack == 99;
        free(r);
        good_writes &= global_slots[i] == 10 * (i + 1) && heap_slots[i] == 100 * (i + 1)
                       && stack_slots[i] == 1000 * (i + 1);
    }
    printf("threads read main's global, heap and stack: %s\n", ok(good_results));
    printf("threads' writes to them are main's: %s\n", ok(good_writes));
    printf("a heap block malloc'd by a thread, freed by main: OK\n");
    printf("pthread_once ran its routine %d time(s)\n", once_runs);

    pthread_create(&t, NULL, returns_number, (void *)14);
    pthread_join(t, &ret);
    printf("return value through pthread_join: %lu\n", (unsigned long)(uintptr_t)ret);
    pthread_create(&t, NULL, exits_with_number, (void *)0x234);
    pthread_join(t, &ret);
    printf("pthread_exit value through pthread_join: %#lx\n", (unsigned long)(uintptr_t)ret);
    pthread_create(&t, NULL, exits_with_number, (void *)(uintptr_t)0xfffff000u);
    pthread_join(t, &ret);
    printf("a value with the top bit set comes back whole: %s\n", ok((uintptr_t)ret == 0xfffff000u + 0x1000u));

    pthread_create(&t, NULL, writes_creator_stack, (void *)pair);
    pthread_join(t, NULL);
    printf("a thread wrote main's stack through a pointer: %d\n", pair[1]);
    pthread_create(&t, NULL, own_stack, (void *)&inner);
    pthread_join(t, &ret);
    printf("a thread's own stack variable, changed by its child thread: %lu\n", (unsigned long)(uintptr_t)ret);
    printf("the threads' stacks are not main's: %s\n",
           ok(inner != NULL && inner != &main_flag && inner != &pair[0]));

    printf("pthread_join of oneself: %s\n", errno_name(pthread_join(pthread_self(), NULL)));
    printf("pthread_equal(self, self): %s\n", ok(pthread_equal(pthread_self(), pthread_self())));
    printf("a thread's id is not main's: %s\n", ok(!pthread_equal(t, pthread_self())));
    free(heap_slots);
    return 0;
}
