/* Unnamed POSIX semaphores, sem_*(3): a counter on a futex word.

   sem_post adds one and, if a thread sleeps, wakes one; sem_wait takes one
   with a compare-and-swap, or, finding 0, sleeps with FUTEX_WAIT while the
   counter stays 0.  nwaiters spares sem_post the system call when nobody
   sleeps: a waiter counts itself before it sleeps, a poster reads the count
   after it has added, so one of them always sees the other. */
#include <errno.h>
#include <limits.h>
#include <semaphore.h>
#include "lowlevellock.h"
#include "pthreadP.h"
#include "sysdep.h"

struct new_sem {
	unsigned int value;             /* the futex word: the count */
	unsigned int nwaiters;          /* threads in sem_wait that may sleep */
	int private;                    /* LLL_PRIVATE, or LLL_SHARED if pshared */
};

_Static_assert(sizeof(struct new_sem) <= sizeof(sem_t), "sem_t holds a new_sem");

int sem_init(sem_t *sem, int pshared, unsigned int value)
{
	struct new_sem *s = (struct new_sem *)sem;

	if (value > SEM_VALUE_MAX) {
		errno = EINVAL;
		return -1;
	}
	s->value = value;
	s->nwaiters = 0;
	s->private = pshared ? LLL_SHARED : LLL_PRIVATE;
	return 0;
}

int sem_destroy(sem_t *sem)
{
	(void)sem;
	return 0;
}

/* Take one if there is one: 0, or -1 with EAGAIN. */
static int try_decrement(struct new_sem *s)
{
	unsigned int v = __atomic_load_n(&s->value, __ATOMIC_RELAXED);

	while (v > 0)
		if (__atomic_compare_exchange_n(&s->value, &v, v - 1, 1, __ATOMIC_ACQUIRE,
		                                __ATOMIC_RELAXED))
			return 0;
	return -1;
}

static int sem_clockwait_common(sem_t *sem, clockid_t clockid, const struct timespec *abstime)
{
	struct new_sem *s = (struct new_sem *)sem;
	int err = 0;

	if (abstime != NULL && (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000)) {
		errno = EINVAL;
		return -1;
	}
	if (try_decrement(s) == 0)
		return 0;
	__atomic_fetch_add(&s->nwaiters, 1, __ATOMIC_SEQ_CST);
	while (try_decrement(s) != 0) {
		long r = futex_abstimed_wait(&s->value, 0, clockid, abstime, s->private);

		if (r == -ETIMEDOUT || r == -EINTR) {
			err = (int)-r;
			break;
		}
	}
	__atomic_fetch_sub(&s->nwaiters, 1, __ATOMIC_SEQ_CST);
	if (err != 0) {
		errno = err;
		return -1;
	}
	return 0;
}

int sem_wait(sem_t *sem)
{
	__pthread_testcancel();         /* a cancellation point (at entry only, here) */
	return sem_clockwait_common(sem, CLOCK_REALTIME, NULL);
}

int sem_timedwait(sem_t *restrict sem, const struct timespec *restrict abstime)
{
	return sem_clockwait_common(sem, CLOCK_REALTIME, abstime);
}

int sem_clockwait(sem_t *restrict sem, clockid_t clockid, const struct timespec *restrict abstime)
{
	if (clockid != CLOCK_REALTIME && clockid != CLOCK_MONOTONIC) {
		errno = EINVAL;
		return -1;
	}
	return sem_clockwait_common(sem, clockid, abstime);
}

int sem_trywait(sem_t *sem)
{
	if (try_decrement((struct new_sem *)sem) == 0)
		return 0;
	errno = EAGAIN;
	return -1;
}

int sem_post(sem_t *sem)
{
	struct new_sem *s = (struct new_sem *)sem;
	unsigned int v = __atomic_load_n(&s->value, __ATOMIC_RELAXED);

	do {
		if (v == SEM_VALUE_MAX) {
			errno = EOVERFLOW;
			return -1;
		}
	} while (!__atomic_compare_exchange_n(&s->value, &v, v + 1, 1, __ATOMIC_SEQ_CST,
	                                      __ATOMIC_RELAXED));
	if (__atomic_load_n(&s->nwaiters, __ATOMIC_SEQ_CST) != 0)
		futex_wake(&s->value, 1, s->private);
	return 0;
}

int sem_getvalue(sem_t *restrict sem, int *restrict sval)
{
	*sval = (int)__atomic_load_n(&((struct new_sem *)sem)->value, __ATOMIC_RELAXED);
	return 0;
}
