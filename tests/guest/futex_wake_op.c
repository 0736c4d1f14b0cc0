/*
 * futex_wake_op.c - FUTEX_WAKE_OP: in one call, apply an operation to a
 * second futex word (oldval = *uaddr2; *uaddr2 = oldval OP oparg), wake up
 * to nr_wake waiters of the first word, and, if oldval CMP cmparg holds, up
 * to nr_wake2 waiters of the second (glibc's old pthread_cond_signal). On
 * i386: futex(uaddr, FUTEX_WAKE_OP, nr_wake, nr_wake2, uaddr2, encoded op).
 * It returns the number woken on both words together.
 *
 * The sleepers first gather on a parking word and are moved one by one to
 * the words under test with FUTEX_CMP_REQUEUE (retried until each move
 * finds a sleeper), so when FUTEX_WAKE_OP runs they are certainly asleep
 * and its count is exact. Run once shared, once with FUTEX_PRIVATE_FLAG.
 */
#define _GNU_SOURCE
#include "futex_sleepers.h"

#define SLEEPERS 4

/* Moves one sleeper from the parking word to `to`, retrying until one is there to move. */
static int move_one(volatile int *parking, volatile int *to, int private_flag)
{
    long r;
    int i;

    for (i = 0; (r = raw_futex(parking, F_FUTEX_CMP_REQUEUE | private_flag, 0, (void *)1, to, 0)) == 0; i++) {
        if (i == RETRIES)
            give_up("a requeue never found a parked sleeper");
        raw_yield();
    }
    return r == 1;
}

static void wake_op(const char *kind, int private_flag)
{
    static volatile int parking, first, second;
    int op = F_FUTEX_WAKE_OP | private_flag, moved;
    long r;

    parking = first = second = 0;
    start_sleepers(SLEEPERS, &parking, F_FUTEX_WAIT | private_flag, NULL);

    moved = move_one(&parking, &first, private_flag) && move_one(&parking, &second, private_flag);
    r = raw_futex(&first, op, 1, (void *)1, &second, F_FUTEX_OP(F_FUTEX_OP_SET, 1, F_FUTEX_OP_CMP_EQ, 0));
    printf("%s wake_op: set 1, old value == 0 holds: returns %ld: %s\n", kind, r, ok(moved));
    await_woken(2);
    printf("%s wake_op: the second word now holds %d\n", kind, second);

    moved = move_one(&parking, &first, private_flag) && move_one(&parking, &second, private_flag);
    r = raw_futex(&first, op, 1, (void *)1, &second, F_FUTEX_OP(F_FUTEX_OP_ADD, 1, F_FUTEX_OP_CMP_GT, 5));
    printf("%s wake_op: add 1, old value > 5 fails: returns %ld: %s\n", kind, r, ok(moved));
    await_woken(3);
    printf("%s wake_op: the second word now holds %d\n", kind, second);
    r = raw_futex(&second, F_FUTEX_WAKE | private_flag, INT_MAX_WAKE, NULL, NULL, 0);
    printf("%s wake_op: the second word's sleeper was left asleep: wake returns %ld\n", kind, r);
    printf("%s wake_op: every FUTEX_WAIT returned 0: %s\n", kind, ok(join_sleepers(SLEEPERS)));
}

/* The operations themselves, with nobody asleep: each returns 0 and leaves its result in the word. */
static void operations(void)
{
    static volatile int first, second;
    static const struct {
        const char *name;
        int op, oparg;
    } steps[] = {
        {"set 2", F_FUTEX_OP_SET, 2},
        {"or 1 << 3", F_FUTEX_OP_OR | F_FUTEX_OP_OPARG_SHIFT, 3},
        {"andn 2", F_FUTEX_OP_ANDN, 2},
        {"xor 0xff", F_FUTEX_OP_XOR, 0xff},
        {"add -1 (oparg is 12 bits, signed)", F_FUTEX_OP_ADD, 0xfff},
        {"add 1 << 10", F_FUTEX_OP_ADD | F_FUTEX_OP_OPARG_SHIFT, 10},
    };
    unsigned int i;
    long r;

    for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        r = raw_futex(&first, F_FUTEX_WAKE_OP, 1, (void *)1, &second,
                      F_FUTEX_OP(steps[i].op, steps[i].oparg, F_FUTEX_OP_CMP_NE, 0));
        printf("op %s: returns %ld, the word holds %#x\n", steps[i].name, r, (unsigned int)second);
    }
    r = raw_futex(&first, F_FUTEX_WAKE_OP, 1, (void *)1, &second, F_FUTEX_OP(7, 0, F_FUTEX_OP_CMP_EQ, 0));
    printf("op 7 (no such operation): %s, the word holds %#x\n", raw_errno(r), (unsigned int)second);
    r = raw_futex(&first, F_FUTEX_WAKE_OP, 1, (void *)1, NULL, F_FUTEX_OP(F_FUTEX_OP_SET, 0, F_FUTEX_OP_CMP_EQ, 0));
    printf("op on a NULL second word: %s\n", raw_errno(r));
}

int main(void)
{
    wake_op("shared", 0);
    wake_op("private", F_FUTEX_PRIVATE_FLAG);
    operations();
    return 0;
}
