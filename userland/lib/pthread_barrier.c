/* Barriers, pthread_barrier_*(3): count threads in under a low-level lock;
   the last of a round bumps __round and wakes everyone sleeping on it.
   __inside lets pthread_barrier_destroy wait until the last sleepers of
   the final round have left. */
#include <errno.h>
#include <limits.h>
#include "lowlevellock.h"
#include "pthreadP.h"

#define BARRIER_PSHARED 0x80000000u     /* in __count */
#define BARRIER_DESTROY 0x80000000u     /* in __inside */

static int barrier_private(const pthread_barrier_t *b)
{
	return (b->__data.__count & BARRIER_PSHARED) ? LLL_SHARED : LLL_PRIVATE;
}

int pthread_barrier_init(pthread_barrier_t *restrict barrier,
                         const pthread_barrierattr_t *restrict attr, unsigned int count)
{
	if (count == 0 || count > INT_MAX)
		return EINVAL;
	barrier->__data.__lock = 0;
	barrier->__data.__count = count;
	if (attr != NULL && attr->__align == PTHREAD_PROCESS_SHARED)
		barrier->__data.__count |= BARRIER_PSHARED;
	barrier->__data.__in = 0;
	barrier->__data.__round = 0;
	barrier->__data.__inside = 0;
	return 0;
}

int pthread_barrier_wait(pthread_barrier_t *barrier)
{
	int private = barrier_private(barrier), serial = 0;
	unsigned int round;

	lll_lock(&barrier->__data.__lock, private);
	__atomic_fetch_add(&barrier->__data.__inside, 1, __ATOMIC_RELAXED);
	round = barrier->__data.__round;
	if (++barrier->__data.__in == (barrier->__data.__count & ~BARRIER_PSHARED)) {
		barrier->__data.__in = 0;
		__atomic_store_n(&barrier->__data.__round, round + 1, __ATOMIC_RELEASE);
		serial = 1;
	}
	lll_unlock(&barrier->__data.__lock, private);

	if (serial)
		futex_wake(&barrier->__data.__round, INT_MAX, private);
	else
		while (__atomic_load_n(&barrier->__data.__round, __ATOMIC_ACQUIRE) == round)
			futex_wait(&barrier->__data.__round, round, private);

	if (__atomic_sub_fetch(&barrier->__data.__inside, 1, __ATOMIC_ACQ_REL) == BARRIER_DESTROY)
		futex_wake(&barrier->__data.__inside, 1, private);
	return serial ? PTHREAD_BARRIER_SERIAL_THREAD : 0;
}

/* EBUSY while a round is under way. */
int pthread_barrier_destroy(pthread_barrier_t *barrier)
{
	int private = barrier_private(barrier);
	unsigned int inside;

	lll_lock(&barrier->__data.__lock, private);
	if (barrier->__data.__in != 0) {
		lll_unlock(&barrier->__data.__lock, private);
		return EBUSY;
	}
	inside = __atomic_or_fetch(&barrier->__data.__inside, BARRIER_DESTROY, __ATOMIC_ACQ_REL);
	lll_unlock(&barrier->__data.__lock, private);
	while (inside != BARRIER_DESTROY) {
		futex_wait(&barrier->__data.__inside, inside, private);
		inside = __atomic_load_n(&barrier->__data.__inside, __ATOMIC_ACQUIRE);
	}
	return 0;
}

int pthread_barrierattr_init(pthread_barrierattr_t *attr)
{
	attr->__align = PTHREAD_PROCESS_PRIVATE;
	return 0;
}

int pthread_barrierattr_destroy(pthread_barrierattr_t *attr)
{
	(void)attr;
	return 0;
}

int pthread_barrierattr_getpshared(const pthread_barrierattr_t *restrict attr,
                                   int *restrict pshared)
{
	*pshared = attr->__align;
	return 0;
}

int pthread_barrierattr_setpshared(pthread_barrierattr_t *attr, int pshared)
{
	if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED)
		return EINVAL;
	attr->__align = pshared;
	return 0;
}
