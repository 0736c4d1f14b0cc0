/* Private to the library: futex calls and the low-level lock every other
   lock is built from (glibc's lowlevellock.h and futex-internal.h).

   The lock is the third mutex of Ulrich Drepper's "Futexes Are Tricky": the
   word is 0 when free, 1 when held, 2 when held and someone may be asleep
   on it.  Taking a free lock is one compare-and-swap and releasing a lock
   nobody waits for is one exchange: no system call unless there is
   contention.  A thread that finds the lock held marks it 2 and sleeps
   with FUTEX_WAIT while it stays 2; the unlocker sees 2 and wakes one.

   private is FUTEX_PRIVATE_FLAG for an object only this process uses (the
   kernel then keys the futex by address space and address) or 0 for one in
   shared memory. */
#ifndef _LIB_LOWLEVELLOCK_H
#define _LIB_LOWLEVELLOCK_H

#include <errno.h>
#include <time.h>
#include <linux/futex.h>
#include "sysdep.h"

#define LLL_PRIVATE     FUTEX_PRIVATE_FLAG
#define LLL_SHARED      0

/* FUTEX_WAIT: sleep while *word == expected.  0 when woken (or spuriously),
   -EAGAIN when the word had already changed, -EINTR on a signal. */
static inline long futex_wait(void *word, unsigned int expected, int private)
{
	return __syscall4(SYS_futex, (long)word, FUTEX_WAIT | private, (long)expected, 0);
}

/* FUTEX_WAKE: wake up to count sleepers on word; returns how many woke. */
static inline long futex_wake(void *word, int count, int private)
{
	return __syscall3(SYS_futex, (long)word, FUTEX_WAKE | private, count);
}

/* Sleep while *word == expected, until an absolute time on clockid
   (CLOCK_REALTIME or CLOCK_MONOTONIC), or for ever if abstime is NULL.
   The absolute wait is FUTEX_WAIT_BITSET with every bit set, the way glibc
   waits (FUTEX_WAIT's timeout is relative); FUTEX_CLOCK_REALTIME selects the
   clock.  Returns 0, -EAGAIN, -EINTR, -ETIMEDOUT or -EINVAL (a tv_nsec out
   of range); a time before the epoch has passed already, as in glibc. */
static inline long futex_abstimed_wait(void *word, unsigned int expected, clockid_t clockid,
                                       const struct timespec *abstime, int private)
{
	int op = FUTEX_WAIT_BITSET | private;

	if (abstime == NULL)
		return futex_wait(word, expected, private);
	if (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000)
		return -EINVAL;
	if (abstime->tv_sec < 0)
		return -ETIMEDOUT;
	if (clockid == CLOCK_REALTIME)
		op |= FUTEX_CLOCK_REALTIME;
	return __syscall6(SYS_futex, (long)word, op, (long)expected, (long)abstime, 0,
	                  (long)FUTEX_BITSET_MATCH_ANY);
}

/* lowlevellock.c: the contended halves of lll_lock and lll_timedlock. */
void __lll_lock_wait(int *futex, int private);
int __lll_clocklock_wait(int *futex, clockid_t clockid, const struct timespec *abstime,
                         int private);

static inline void lll_lock(int *futex, int private)
{
	int expected = 0;

	if (!__atomic_compare_exchange_n(futex, &expected, 1, 0, __ATOMIC_ACQUIRE,
	                                 __ATOMIC_RELAXED))
		__lll_lock_wait(futex, private);
}

/* 0 if taken, EBUSY if held. */
static inline int lll_trylock(int *futex)
{
	int expected = 0;

	return __atomic_compare_exchange_n(futex, &expected, 1, 0, __ATOMIC_ACQUIRE,
	                                   __ATOMIC_RELAXED) ? 0 : EBUSY;
}

/* 0 if taken, ETIMEDOUT or EINVAL otherwise. */
static inline int lll_clocklock(int *futex, clockid_t clockid, const struct timespec *abstime,
                                int private)
{
	int expected = 0;

	if (__atomic_compare_exchange_n(futex, &expected, 1, 0, __ATOMIC_ACQUIRE,
	                                __ATOMIC_RELAXED))
		return 0;
	return __lll_clocklock_wait(futex, clockid, abstime, private);
}

/* Release; the old value 2 means a sleeper may need waking. */
static inline void lll_unlock(int *futex, int private)
{
	if (__atomic_exchange_n(futex, 0, __ATOMIC_RELEASE) > 1)
		futex_wake(futex, 1, private);
}

#endif
