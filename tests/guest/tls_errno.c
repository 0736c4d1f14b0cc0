/*
 * tls_errno.c - thread-local storage: every thread gets its own copy of each
 * __thread variable, initialised from the program's TLS image (.tdata) or
 * zeroed (.tbss), reached through %gs. errno is one of them, so a system
 * call that fails in one thread leaves the others' errno alone. And
 * pthread keys: a per-thread value and a destructor run at thread exit.
 *
 * The threads meet at checkpoints (an atomic count and sched_yield) so
 * that all of them have written their copies before any checks its own.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <sys/mman.h>
#include "proc_helpers.h"

#define THREADS 4

__thread int initialised = 42;
__thread int zeroed;
__thread char text[16] = "tls-image";
static __thread long long wide = 0x1122334455667788LL;

static volatile int arrived[3];
static int *addresses[THREADS + 1];
static pthread_key_t key;
static volatile int destructor_runs, destructor_sum;

static void meet(int checkpoint, int n)
{
    __atomic_add_fetch(&arrived[checkpoint], 1, __ATOMIC_SEQ_CST);
    while (__atomic_load_n(&arrived[checkpoint], __ATOMIC_SEQ_CST) < n)
        sched_yield();
}

static void destructor(void *value)
{
    __atomic_add_fetch(&destructor_runs, 1, __ATOMIC_SEQ_CST);
    __atomic_add_fetch(&destructor_sum, (int)(long)value, __ATOMIC_SEQ_CST);
}

struct report {
    int fresh;       /* initial values as the TLS image says */
    int kept;        /* own values intact after everyone wrote theirs */
    int errno_kept;  /* own errno intact after the others' failing calls */
    int key_kept;
};

static void *worker(void *arg)
{
    int i = (int)(long)arg;
    struct report *r = calloc(1, sizeof *r);

    r->fresh = initialised == 42 && zeroed == 0 && strcmp(text, "tls-image") == 0 && wide == 0x1122334455667788LL;
    addresses[i] = &initialised;
    initialised = 100 + i;
    zeroed = 200 + i;
    text[0] = (char)('a' + i);
    wide = i;
    pthread_setspecific(key, (void *)(long)(i + 1));
    meet(0, THREADS);
    r->kept = initialised == 100 + i && zeroed == 200 + i && text[0] == 'a' + i && wide == i;

    /* Each thread fails differently: EBADF, ENOENT, EINVAL, ECHILD (there are no child processes). */
    switch (i) {
    case 0: close(-1); break;
    case 1: chdir("/nonexistent/tls_errno"); break;
    case 2: munmap((void *)1, 4096); break;
    default: waitpid(-1, NULL, WNOHANG); break;
    }
    meet(1, THREADS);
    switch (i) {
    case 0: r->errno_kept = errno == EBADF; break;
    case 1: r->errno_kept = errno == ENOENT; break;
    case 2: r->errno_kept = errno == EINVAL; break;
    default: r->errno_kept = errno == ECHILD; break;
    }
    r->key_kept = pthread_getspecific(key) == (void *)(long)(i + 1);
    return r;
}

int main(void)
{
    pthread_t threads[THREADS];
    int i, fresh = 1, kept = 1, errno_kept = 1, key_kept = 1, distinct = 1, j;
    void *ret;

    pthread_key_create(&key, destructor);
    pthread_setspecific(key, (void *)1000L);
    initialised = 7;
    zeroed = 8;
    errno = 0;
    addresses[THREADS] = &initialised;
    for (i = 0; i < THREADS; i++)
        pthread_create(&threads[i], NULL, worker, (void *)(long)i);
    for (i = 0; i < THREADS; i++) {
        struct report *r;

        pthread_join(threads[i], &ret);
        r = ret;
        fresh &= r->fresh;
        kept &= r->kept;
        errno_kept &= r->errno_kept;
        key_kept &= r->key_kept;
        free(r);
    }
    for (i = 0; i <= THREADS; i++)
        for (j = 0; j < i; j++)
            distinct &= addresses[i] != addresses[j];
    printf("a new thread's __thread variables start from the TLS image: %s\n", ok(fresh));
    printf("each thread's writes stayed its own: %s\n", ok(kept));
    printf("every thread's copy is at its own address: %s\n", ok(distinct));
    printf("main's copies are untouched: %s\n", ok(initialised == 7 && zeroed == 8 && wide == 0x1122334455667788LL));
    printf("each thread's errno is its own: %s\n", ok(errno_kept));
    printf("main's errno is untouched by the threads' failures: %s\n", ok(errno == 0));
    printf("pthread_getspecific is per thread: %s\n", ok(key_kept && pthread_getspecific(key) == (void *)1000L));
    printf("the key's destructor ran at each thread's exit: %d times, values summing to %d\n", destructor_runs,
           destructor_sum);
    pthread_key_delete(key);
    return 0;
}
