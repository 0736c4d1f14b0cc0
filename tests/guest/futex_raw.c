/*
 * futex_raw.c - futex(2) called directly, the way a pthread library does:
 * FUTEX_WAIT's value check and timeouts, FUTEX_WAKE's count, the bitset
 * variants, and FUTEX_PRIVATE_FLAG. The sleepers are raw threads (clone
 * with glibc's thread flags, see thread_helpers.h), so this builds with
 * both C libraries and the sleepers make no libc calls.
 *
 * Whether a sleeper is already inside FUTEX_WAIT when the main thread wakes
 * is up to the scheduler, so every wake that must find sleepers is retried
 * until it does (a wake that finds nobody returns 0 and changes nothing);
 * the output states only what holds whatever the interleaving: a wake never
 * returns more than it may, the right sleeper wakes, a waiter whose mask or
 * key does not match is never woken.
 */
#define _GNU_SOURCE
#include <time.h>
#include "futex_sleepers.h"

#define SLEEPERS 3

static void wait_checks(void)
{
    static volatile int word = 1;
    static volatile int odd[2];
    struct timespec32 t = {0, 20 * 1000 * 1000};
    struct timespec32 bad = {0, 1000 * 1000 * 1000};
    struct timespec now;
    struct timespec32 deadline;
    long r;

    r = raw_futex(&word, F_FUTEX_WAIT, 0, NULL, NULL, 0);
    printf("wait: value differs: %s\n", raw_errno(r));
    r = raw_futex(&word, F_FUTEX_WAIT | F_FUTEX_PRIVATE_FLAG, 0, NULL, NULL, 0);
    printf("wait: value differs, private: %s\n", raw_errno(r));
    r = raw_futex(&word, F_FUTEX_WAIT, 1, &t, NULL, 0);
    printf("wait: relative timeout of 20 ms: %s\n", raw_errno(r));
    r = raw_futex(&word, F_FUTEX_WAIT | F_FUTEX_PRIVATE_FLAG, 1, &t, NULL, 0);
    printf("wait: relative timeout, private: %s\n", raw_errno(r));
    r = raw_futex(&word, F_FUTEX_WAIT, 1, &bad, NULL, 0);
    printf("wait: tv_nsec of 1000000000: %s\n", raw_errno(r));
    r = raw_futex((volatile char *)odd + 1, F_FUTEX_WAIT, 0, NULL, NULL, 0);
    printf("wait: unaligned word: %s\n", raw_errno(r));
    r = raw_futex(NULL, F_FUTEX_WAIT, 0, NULL, NULL, 0);
    printf("wait: NULL word: %s\n", raw_errno(r));
    r = raw_futex(&word, 99, 0, NULL, NULL, 0);
    printf("unknown futex operation: %s\n", raw_errno(r));

    /* FUTEX_WAIT_BITSET's timeout is absolute: CLOCK_MONOTONIC, or CLOCK_REALTIME on request. */
    clock_gettime(CLOCK_MONOTONIC, &now);
    deadline.tv_sec = now.tv_sec;
    deadline.tv_nsec = now.tv_nsec + 20 * 1000 * 1000;
    if (deadline.tv_nsec >= 1000 * 1000 * 1000) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000 * 1000 * 1000;
    }
    r = raw_futex(&word, F_FUTEX_WAIT_BITSET, 1, &deadline, NULL, F_FUTEX_BITSET_MATCH_ANY);
    printf("wait_bitset: absolute CLOCK_MONOTONIC deadline 20 ms ahead: %s\n", raw_errno(r));
    clock_gettime(CLOCK_REALTIME, &now);
    deadline.tv_sec = now.tv_sec - 1;
    deadline.tv_nsec = now.tv_nsec;
    r = raw_futex(&word, F_FUTEX_WAIT_BITSET | F_FUTEX_CLOCK_REALTIME | F_FUTEX_PRIVATE_FLAG, 1, &deadline,
                  NULL, F_FUTEX_BITSET_MATCH_ANY);
    printf("wait_bitset: CLOCK_REALTIME deadline in the past: %s\n", raw_errno(r));
    r = raw_futex(&word, F_FUTEX_WAIT | F_FUTEX_CLOCK_REALTIME, 1, &t, NULL, 0);
    printf("wait: FUTEX_CLOCK_REALTIME with plain FUTEX_WAIT: %s\n", raw_errno(r));
    r = raw_futex(&word, F_FUTEX_WAIT_BITSET, 1, NULL, NULL, 0);
    printf("wait_bitset: empty mask: %s\n", raw_errno(r));
    r = raw_futex(&word, F_FUTEX_WAKE_BITSET, 1, NULL, NULL, 0);
    printf("wake_bitset: empty mask: %s\n", raw_errno(r));
    r = raw_futex(&word, F_FUTEX_WAKE, 1, NULL, NULL, 0);
    printf("wake: nobody waiting returns %ld\n", r);
}

static void wake_counts(void)
{
    static volatile int word;
    int one_of_three;
    long r;

    start_sleepers(SLEEPERS, &word, F_FUTEX_WAIT, NULL);
    one_of_three = wake_exactly(&word, F_FUTEX_WAKE, 1, 0, 1);
    await_woken(1);
    printf("wake: 1 of 3 sleepers: %s\n", ok(one_of_three && woken == 1));
    printf("wake: the other two still asleep: %s\n", ok(woken == 1));
    printf("wake: all returns the remaining 2: %s\n", ok(wake_exactly(&word, F_FUTEX_WAKE, INT_MAX_WAKE, 0, 2)));
    printf("wake: every sleeper's FUTEX_WAIT returned 0: %s\n", ok(join_sleepers(SLEEPERS)));
    r = raw_futex(&word, F_FUTEX_WAKE, INT_MAX_WAKE, NULL, NULL, 0);
    printf("wake: after all are gone returns %ld\n", r);
}

/*
 * A FUTEX_PRIVATE_FLAG waiter and a shared one do not share a key (futex(2):
 * both sides must agree), so a wake of the other kind never finds it.
 */
static void private_against_shared(const char *waiter, int wait_private)
{
    static volatile int word;
    int other = wait_private ? 0 : F_FUTEX_PRIVATE_FLAG, stray = 0, i;
    long r = 0;

    start_sleepers(1, &word, F_FUTEX_WAIT | wait_private, NULL);
    for (i = 0; i < RETRIES && !stray; i++) {
        stray = raw_futex(&word, F_FUTEX_WAKE | other, INT_MAX_WAKE, NULL, NULL, 0) != 0;
        if (stray)
            break;
        r = raw_futex(&word, F_FUTEX_WAKE | wait_private, 1, NULL, NULL, 0);
        if (r != 0)
            break;
        raw_yield();
    }
    printf("private: a %s wake never woke the %s waiter: %s\n", wait_private ? "shared" : "private", waiter,
           ok(!stray));
    printf("private: a %s wake wakes the %s waiter: %s\n", waiter, waiter, ok(!stray && r == 1 && join_sleepers(1)));
    if (stray || r != 1)
        give_up("the waiter was not woken by its own kind of wake");
}

static void private_flag(void)
{
    private_against_shared("private", F_FUTEX_PRIVATE_FLAG);
    private_against_shared("shared", 0);
}

static void bitsets(void)
{
    static volatile int word;
    static const unsigned int masks[2] = {0x1, 0x2};
    int b_first, a_still_asleep;

    /* Sleeper 0 waits with mask 0x1, sleeper 1 with 0x2: a wake for 0x2 may only find sleeper 1. */
    start_sleepers(2, &word, F_FUTEX_WAIT_BITSET, masks);
    b_first = wake_exactly(&word, F_FUTEX_WAKE_BITSET, INT_MAX_WAKE, 0x2, 1);
    await_woken(1);
    a_still_asleep = !sleepers[0].woken;
    printf("bitset: wake 0x2 wakes only the 0x2 waiter: %s\n", ok(b_first && sleepers[1].woken));
    printf("bitset: the 0x1 waiter sleeps on: %s\n", ok(a_still_asleep));
    if (!a_still_asleep)
        give_up("the wrong waiter woke");
    printf("bitset: wake 0x5 overlaps 0x1 and wakes it: %s\n",
           ok(wake_exactly(&word, F_FUTEX_WAKE_BITSET, INT_MAX_WAKE, 0x5, 1)));
    printf("bitset: both waits returned 0: %s\n", ok(join_sleepers(2)));

    /* Plain FUTEX_WAIT is FUTEX_WAIT_BITSET with all bits; plain FUTEX_WAKE likewise. */
    start_sleepers(1, &word, F_FUTEX_WAIT, NULL);
    printf("bitset: wake 0x80 wakes a plain FUTEX_WAIT: %s\n",
           ok(wake_exactly(&word, F_FUTEX_WAKE_BITSET, 1, 0x80, 1) && join_sleepers(1)));
    start_sleepers(1, &word, F_FUTEX_WAIT_BITSET | F_FUTEX_PRIVATE_FLAG, masks);
    printf("bitset: plain FUTEX_WAKE wakes a mask 0x1 waiter, private: %s\n",
           ok(wake_exactly(&word, F_FUTEX_WAKE | F_FUTEX_PRIVATE_FLAG, 1, 0, 1) && join_sleepers(1)));
}

int main(void)
{
    wait_checks();
    wake_counts();
    private_flag();
    bitsets();
    return 0;
}
