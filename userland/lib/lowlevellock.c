/* The slow paths of the low-level lock (lowlevellock.h), as glibc's
   nptl/lowlevellock.c: reached only when the lock was found held. */
#include "lowlevellock.h"

/* Mark the lock contended (2) and sleep until an exchange finds it free.
   The exchange leaves 2 behind even when it takes the lock, because other
   threads may still be asleep: the next unlock must wake one of them. */
void __lll_lock_wait(int *futex, int private)
{
	if (__atomic_load_n(futex, __ATOMIC_RELAXED) == 2)
		futex_wait(futex, 2, private);
	while (__atomic_exchange_n(futex, 2, __ATOMIC_ACQUIRE) != 0)
		futex_wait(futex, 2, private);
}

int __lll_clocklock_wait(int *futex, clockid_t clockid, const struct timespec *abstime,
                         int private)
{
	while (__atomic_exchange_n(futex, 2, __ATOMIC_ACQUIRE) != 0) {
		long r = futex_abstimed_wait(futex, 2, clockid, abstime, private);

		if (r == -ETIMEDOUT || r == -EINVAL)
			return (int)-r;
	}
	return 0;
}
