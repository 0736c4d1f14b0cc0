/*
 * futex_requeue.c - FUTEX_CMP_REQUEUE and FUTEX_REQUEUE: wake up to nr_wake
 * waiters of one futex word and move up to nr_requeue of the rest, still
 * asleep, onto a second word (what pthread_cond_broadcast once did to avoid
 * a thundering herd). On i386 the fourth argument is nr_requeue (val2), the
 * fifth the second word, the sixth (CMP_REQUEUE only) the value the first
 * word must still hold, else EAGAIN. Both return how many waiters they woke
 * or moved.
 *
 * A waiter that has been requeued is certainly asleep, which makes the
 * counts exact: the sleepers are first gathered on a parking word by
 * requeueing them, retried until all are there (futex_sleepers.h's retry
 * idea), and every count after that is printed as is. Run once with shared
 * futexes and once with FUTEX_PRIVATE_FLAG.
 */
#define _GNU_SOURCE
#include "futex_sleepers.h"

#define SLEEPERS 3

/* Moves waiters from one word to another until `expected` have moved; false if a call moved too many. */
static int requeue_exactly(volatile int *from, volatile int *to, int op, int expected)
{
    int total = 0, good = 1, i;
    long r;

    for (i = 0; total < expected; i++) {
        if (i == RETRIES)
            give_up("a requeue never found the sleepers");
        r = raw_futex(from, op, 0, (void *)INT_MAX_WAKE, to, *from);
        if (r < 0 || r > expected - total)
            good = 0;
        if (r < 0)
            give_up("a requeue failed");
        total += (int)r;
        if (r == 0)
            raw_yield();
    }
    return good && total == expected;
}

static void cmp_requeue(const char *kind, int private_flag)
{
    static volatile int first, second;
    int cmp = F_FUTEX_CMP_REQUEUE | private_flag, wake = F_FUTEX_WAKE | private_flag;
    long r;

    start_sleepers(SLEEPERS, &first, F_FUTEX_WAIT | private_flag, NULL);
    r = raw_futex(&first, cmp, 1, (void *)INT_MAX_WAKE, &second, 1);
    printf("%s cmp_requeue: the first word differs from val3: %s\n", kind, raw_errno(r));
    r = raw_futex(&first, cmp, 1, (void *)-1, &second, 0);
    printf("%s cmp_requeue: negative nr_requeue: %s\n", kind, raw_errno(r));

    printf("%s cmp_requeue: all 3 moved to the second word, none woken: %s\n", kind,
           ok(requeue_exactly(&first, &second, cmp, SLEEPERS) && woken == 0));
    r = raw_futex(&first, wake, INT_MAX_WAKE, NULL, NULL, 0);
    printf("%s cmp_requeue: a wake on the first word now returns %ld\n", kind, r);
    r = raw_futex(&second, cmp, 0, (void *)INT_MAX_WAKE, &first, 0);
    printf("%s cmp_requeue: moving them back returns %ld\n", kind, r);
    r = raw_futex(&first, cmp, 1, (void *)1, &second, 0);
    printf("%s cmp_requeue: wake 1 and move 1 returns %ld\n", kind, r);
    await_woken(1);
    r = raw_futex(&first, wake, INT_MAX_WAKE, NULL, NULL, 0);
    printf("%s cmp_requeue: the one left on the first word: wake returns %ld\n", kind, r);
    await_woken(2);
    r = raw_futex(&second, wake, INT_MAX_WAKE, NULL, NULL, 0);
    printf("%s cmp_requeue: the one moved to the second word: wake returns %ld\n", kind, r);
    printf("%s cmp_requeue: every FUTEX_WAIT returned 0: %s\n", kind, ok(join_sleepers(SLEEPERS)));
}

static void plain_requeue(const char *kind, int private_flag)
{
    static volatile int first, second, parking;
    int requeue = F_FUTEX_REQUEUE | private_flag, wake = F_FUTEX_WAKE | private_flag;
    long r;

    start_sleepers(SLEEPERS, &parking, F_FUTEX_WAIT | private_flag, NULL);
    printf("%s requeue: all 3 parked: %s\n", kind, ok(requeue_exactly(&parking, &first, requeue, SLEEPERS)));
    /* FUTEX_REQUEUE compares nothing: val3 is ignored. */
    r = raw_futex(&first, requeue, 0, (void *)2, &second, 12345);
    printf("%s requeue: move 2 returns %ld\n", kind, r);
    r = raw_futex(&second, requeue, 1, (void *)INT_MAX_WAKE, &first, 0);
    printf("%s requeue: wake 1 of those 2 and move the other back returns %ld\n", kind, r);
    await_woken(1);
    r = raw_futex(&second, wake, INT_MAX_WAKE, NULL, NULL, 0);
    printf("%s requeue: the second word is empty: wake returns %ld\n", kind, r);
    r = raw_futex(&first, wake, INT_MAX_WAKE, NULL, NULL, 0);
    printf("%s requeue: the first word holds 2: wake returns %ld\n", kind, r);
    printf("%s requeue: every FUTEX_WAIT returned 0: %s\n", kind, ok(join_sleepers(SLEEPERS)));
}

int main(void)
{
    cmp_requeue("shared", 0);
    cmp_requeue("private", F_FUTEX_PRIVATE_FLAG);
    plain_requeue("shared", 0);
    plain_requeue("private", F_FUTEX_PRIVATE_FLAG);
    return 0;
}
