/*
 * futex_sleepers.h - raw threads that sleep on a futex word, for the futex
 * tests: start n of them, wake until exactly the expected number have been
 * woken (retrying while they are not yet inside FUTEX_WAIT), join them.
 * Each sleeper expects its word to hold 0 and records what FUTEX_WAIT
 * returned; sleepers make no libc calls.
 *
 * Every retry loop gives up after RETRIES rounds: on a kernel that wakes
 * the wrong sleeper, or none, the program says so and exits at once
 * (exit_group ends the sleepers still asleep) rather than hang.
 */
#ifndef MINIKERNEL_TESTS_FUTEX_SLEEPERS_H
#define MINIKERNEL_TESTS_FUTEX_SLEEPERS_H

#include "thread_helpers.h"

#define MAX_SLEEPERS 4
#define RETRIES 100000

struct sleeper {
    volatile int *word;      /* the futex word it sleeps on, expecting 0 */
    int op;                  /* F_FUTEX_WAIT or F_FUTEX_WAIT_BITSET, maybe | F_FUTEX_PRIVATE_FLAG */
    unsigned int mask;       /* the bitset for F_FUTEX_WAIT_BITSET */
    volatile int result;     /* what FUTEX_WAIT returned: 0 or -errno */
    volatile int woken;      /* set once FUTEX_WAIT has returned */
    volatile int tid;        /* the thread's tid word (CLONE_PARENT_SETTID / CLONE_CHILD_CLEARTID) */
};

static struct thread_stack stacks[MAX_SLEEPERS];
static struct sleeper sleepers[MAX_SLEEPERS];
static volatile int asleep;  /* sleepers about to call FUTEX_WAIT */
static volatile int woken;   /* sleepers whose FUTEX_WAIT returned */

static inline int sleep_on_word(void *arg)
{
    struct sleeper *s = arg;

    add_int(&asleep, 1);
    s->result = (int)raw_futex(s->word, s->op, 0, NULL, NULL, (int)s->mask);
    s->woken = 1;
    add_int(&woken, 1);
    return 0;
}

/* Starts n sleepers on word with op and mask, and waits until all have announced themselves. */
static inline void start_sleepers(int n, volatile int *word, int op, const unsigned int *masks)
{
    int i;

    asleep = 0;
    woken = 0;
    for (i = 0; i < n; i++) {
        sleepers[i].word = word;
        sleepers[i].op = op;
        sleepers[i].mask = masks ? masks[i] : F_FUTEX_BITSET_MATCH_ANY;
        sleepers[i].result = 1;
        sleepers[i].woken = 0;
        if (spawn_thread(sleep_on_word, &sleepers[i], &stacks[i], &sleepers[i].tid) < 0) {
            printf("FAIL: clone of a sleeper\n");
            exit(1);
        }
    }
    wait_until_at_least(&asleep, n);
}

/* The end of the program, when sleepers may be left asleep: nothing after this could trust them. */
static inline void __attribute__((__noreturn__)) give_up(const char *what)
{
    printf("FAIL: %s; giving up\n", what);
    exit(1);
}

/* Waits until n sleepers in all have returned from FUTEX_WAIT. */
static inline void await_woken(int n)
{
    int i;

    for (i = 0; load_int(&woken) < n; i++) {
        if (i == RETRIES)
            give_up("a sleeper the kernel reported woken never returned from FUTEX_WAIT");
        raw_yield();
    }
}

/* Joins the first n sleepers, which must all have been woken; true if every FUTEX_WAIT returned 0. */
static inline int join_sleepers(int n)
{
    int i, all_zero = 1;

    await_woken(n);
    for (i = 0; i < n; i++) {
        join_thread(&sleepers[i].tid);
        all_zero &= sleepers[i].result == 0;
    }
    return all_zero;
}

/*
 * Wakes (op on word, up to nr, with mask) until `expected` sleepers in all
 * have been woken; false if one call woke more than were still to come.
 * Gives up if they cannot all be woken.
 */
static inline int wake_exactly(volatile int *word, int op, int nr, unsigned int mask, int expected)
{
    int total = 0, good = 1, i;
    long r;

    for (i = 0; total < expected; i++) {
        if (i == RETRIES)
            give_up("a wake never found the sleepers");
        r = raw_futex(word, op, nr, NULL, NULL, (int)mask);
        if (r < 0 || r > expected - total || r > nr)
            good = 0;
        if (r < 0)
            give_up("a wake failed");
        total += (int)r;
        if (r == 0)
            raw_yield();
    }
    return good && total == expected;
}

#endif
