/*
 * thread_ids.c - the ids of a thread (kernel/sys.c, kernel/pid.c): a thread
 * is a task with its own tid (gettid), inside its creator's thread group,
 * whose id is the group leader's tid (getpid); getppid is the group's
 * parent. So in the main thread gettid() == getpid(); in any other thread
 * gettid() != getpid(), getpid() and getppid() are main's, and no two
 * threads share a tid. tgkill(pid, tid, 0) finds a live thread, not one that
 * has been joined. No id is printed: only how they relate.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include "proc_helpers.h"

#define THREADS 4

#ifndef SYS_tgkill
#define SYS_tgkill 270
#endif

struct ids {
    pid_t tid, pid, ppid, raw_tid;
    int tgkill_self;
    int ready;       /* set last: the fields above are written */
};

static struct ids seen[THREADS];
static pthread_mutex_t hold = PTHREAD_MUTEX_INITIALIZER;

static void *record(void *arg)
{
    struct ids *s = arg;

    s->tid = gettid();
    s->raw_tid = (pid_t)syscall(SYS_gettid);
    s->pid = getpid();
    s->ppid = getppid();
    s->tgkill_self = (int)syscall(SYS_tgkill, s->pid, s->tid, 0);
    __atomic_store_n(&s->ready, 1, __ATOMIC_SEQ_CST);
    /* Stay alive until main has looked for us with tgkill. */
    pthread_mutex_lock(&hold);
    pthread_mutex_unlock(&hold);
    return NULL;
}

int main(void)
{
    pthread_t threads[THREADS];
    pid_t pid = getpid(), ppid = getppid();
    int wrong_group, i, j, differ = 1, same_pid = 1, same_ppid = 1, distinct = 1, raw = 1, self_found = 1;
    int found = 1;

    printf("main: gettid() == getpid(): %s\n", ok(gettid() == pid));
    printf("main: syscall(SYS_gettid) == gettid(): %s\n", ok(syscall(SYS_gettid) == gettid()));
    pthread_mutex_lock(&hold);
    for (i = 0; i < THREADS; i++)
        pthread_create(&threads[i], NULL, record, &seen[i]);
    for (i = 0; i < THREADS; i++)
        while (!__atomic_load_n(&seen[i].ready, __ATOMIC_SEQ_CST))
            sched_yield();
    for (i = 0; i < THREADS; i++)
        found &= syscall(SYS_tgkill, pid, seen[i].tid, 0) == 0;
    /* A tid is found only in its own thread group. */
    errno = 0;
    wrong_group = syscall(SYS_tgkill, pid + 1, seen[0].tid, 0) == 0 ? 0 : errno;
    pthread_mutex_unlock(&hold);
    for (i = 0; i < THREADS; i++)
        pthread_join(threads[i], NULL);

    for (i = 0; i < THREADS; i++) {
        differ &= seen[i].tid != pid && seen[i].tid > 0;
        same_pid &= seen[i].pid == pid;
        same_ppid &= seen[i].ppid == ppid;
        raw &= seen[i].raw_tid == seen[i].tid;
        self_found &= seen[i].tgkill_self == 0;
        for (j = 0; j < i; j++)
            distinct &= seen[i].tid != seen[j].tid;
    }
    printf("threads: gettid() != getpid(): %s\n", ok(differ));
    printf("threads: getpid() is main's: %s\n", ok(same_pid));
    printf("threads: getppid() is main's: %s\n", ok(same_ppid));
    printf("threads: syscall(SYS_gettid) == gettid(): %s\n", ok(raw));
    printf("threads: every tid differs: %s\n", ok(distinct));
    printf("threads: tgkill(pid, own tid, 0): %s\n", ok(self_found));
    printf("main: tgkill(pid, a live thread's tid, 0): %s\n", ok(found));
    printf("main: tgkill(another tgid, a live thread's tid, 0): %s\n",
           wrong_group ? errno_name(wrong_group) : "FAIL (found)");
    /*
     * The join returns when the exiting thread's tid word is cleared, a moment
     * before the kernel releases the task, so it may still be found briefly.
     */
    for (i = 0; i < 100000 && syscall(SYS_tgkill, pid, seen[0].tid, 0) == 0; i++)
        sched_yield();
    printf("main: tgkill(pid, a joined thread's tid, 0), soon after the join: %s\n",
           i == 100000 ? "FAIL (still found)" : errno_name(errno));
    printf("main: after the joins, still gettid() == getpid(): %s\n", ok(gettid() == getpid()));
    return 0;
}
