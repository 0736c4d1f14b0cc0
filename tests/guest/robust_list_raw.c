/*
 * robust_list_raw.c - the kernel's half of robust mutexes, without a pthread
 * library: set_robust_list(2) registers a list of the futex words a thread
 * holds (each word holds its owner's tid), and when the thread dies the
 * kernel walks the list (kernel/futex/core.c exit_robust_list): every word
 * still owned by the dead tid gets FUTEX_OWNER_DIED (0x40000000) in place of
 * the tid, keeps FUTEX_WAITERS (0x80000000), and one waiter is woken if that
 * bit was set. The entry in list_op_pending is treated the same way. Words
 * owned by someone else are left alone. A new task, thread or process,
 * starts with no list. pthread's EOWNERDEAD is built on this.
 *
 * struct robust_list_head on i386: { next, futex_offset, list_op_pending },
 * 12 bytes; an entry's futex word is at entry + futex_offset.
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <sys/mman.h>
#include "thread_helpers.h"

#define OTHER_OWNER 12345

struct robust_list {
    struct robust_list *next;
};

struct robust_list_head {
    struct robust_list list;
    long futex_offset;
    struct robust_list *list_op_pending;
};

/* A lock as a pthread library would lay it out: the list link, then the futex word. */
struct lock {
    struct robust_list link;
    volatile int word;
};

struct robust_state {
    struct robust_list_head head;
    struct lock held, held_with_waiter, not_mine, pending;
};

static struct thread_stack stack;
static struct robust_state state;
static volatile int tid_word;
static volatile int main_waiting;
static struct {
    long first_get, first_head, bad_len, set, get, len;
    unsigned long got_head;
} seen;

/* Registers a list with three locks held (one with a waiter), one owned by another tid, one pending. */
static long hold_locks(struct robust_state *s, int tid)
{
    s->head.futex_offset = offsetof(struct lock, word) - offsetof(struct lock, link);
    s->head.list.next = &s->held.link;
    s->held.link.next = &s->held_with_waiter.link;
    s->held_with_waiter.link.next = &s->not_mine.link;
    s->not_mine.link.next = &s->head.list;
    s->head.list_op_pending = &s->pending.link;
    s->held.word = tid;
    s->held_with_waiter.word = (int)((unsigned int)tid | F_FUTEX_WAITERS);
    s->not_mine.word = OTHER_OWNER;
    s->pending.word = tid;
    return raw2(NR_set_robust_list, (long)&s->head, sizeof s->head);
}

static int dying_thread(void *arg)
{
    unsigned long head = 1;
    long len = 0;
    int i;

    (void)arg;
    seen.first_get = raw3(NR_get_robust_list, 0, (long)&head, (long)&len);
    seen.first_head = (long)head;
    seen.bad_len = raw2(NR_set_robust_list, (long)&state.head, sizeof state.head - 1);
    seen.set = hold_locks(&state, raw_gettid());
    seen.get = raw3(NR_get_robust_list, 0, (long)&seen.got_head, (long)&seen.len);
    /* Let the main thread fall asleep on the lock with the waiter bit, so the death's wake is what wakes it. */
    while (!load_int(&main_waiting))
        raw_yield();
    for (i = 0; i < 50; i++)
        raw_yield();
    return 0;
}

static void thread_death(void)
{
    struct timespec32 limit = {5, 0};
    long tid, r = 0;
    int v;

    tid = spawn_thread(dying_thread, NULL, &stack, &tid_word);
    if (tid < 0) {
        printf("FAIL: clone: %s\n", raw_errno(tid));
        exit(1);
    }
    while ((v = state.held_with_waiter.word) == 0)
        raw_yield();
    main_waiting = 1;
    while ((unsigned int)(v = state.held_with_waiter.word) & F_FUTEX_TID_MASK) {
        r = raw_futex(&state.held_with_waiter.word, F_FUTEX_WAIT, v, &limit, NULL, 0);
        if (r == -ETIMEDOUT)
            break;
    }
    join_thread(&tid_word);

    printf("a new thread has no robust list: %s\n", ok(seen.first_get == 0 && seen.first_head == 0));
    printf("set_robust_list with a length of 11: %s\n", raw_errno(seen.bad_len));
    printf("set_robust_list: %s\n", raw_errno(seen.set));
    printf("get_robust_list gives the list back: %s\n",
           ok(seen.get == 0 && seen.got_head == (unsigned long)&state.head && seen.len == sizeof state.head));
    printf("the thread's death woke the waiter: %s\n", ok(r != -ETIMEDOUT));
    printf("held lock after the death: %#x\n", (unsigned int)state.held.word);
    printf("held lock with a waiter after the death: %#x\n", (unsigned int)state.held_with_waiter.word);
    printf("another owner's lock is untouched: %s\n", ok(state.not_mine.word == OTHER_OWNER));
    printf("the list_op_pending lock after the death: %#x\n", (unsigned int)state.pending.word);
}

/* A process that dies holding a lock in shared memory: its parent sees FUTEX_OWNER_DIED. */
static void process_death(void)
{
    struct robust_state *shared;
    unsigned long head = 1;
    long len = 0, pid;
    int status;

    shared = mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED) {
        printf("FAIL: mmap: errno=%s\n", errno_name(errno));
        return;
    }
    memset(shared, 0, sizeof *shared);
    fflush(stdout);
    pid = guest_raw_clone(SIGCHLD, NULL, NULL, NULL, NULL, NULL, NULL);
    if (pid == 0) {
        if (raw3(NR_get_robust_list, 0, (long)&head, (long)&len) != 0 || head != 0)
            raw1(NR_exit_group, 1);
        if (hold_locks(shared, raw_gettid()) != 0)
            raw1(NR_exit_group, 2);
        raw1(NR_exit_group, 0);
    }
    status = pid > 0 ? wait_for((pid_t)pid) : -1;
    printf("a new process has no robust list, and registers one: %s\n",
           ok(WIFEXITED(status) && WEXITSTATUS(status) == 0));
    printf("process death: held lock: %#x\n", (unsigned int)shared->held.word);
    printf("process death: held lock with a waiter: %#x\n", (unsigned int)shared->held_with_waiter.word);
    printf("process death: another owner's lock is untouched: %s\n", ok(shared->not_mine.word == OTHER_OWNER));
    printf("process death: the list_op_pending lock: %#x\n", (unsigned int)shared->pending.word);
    munmap(shared, sizeof *shared);
}

int main(void)
{
    thread_death();
    process_death();
    return 0;
}
