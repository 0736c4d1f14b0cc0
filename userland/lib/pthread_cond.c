/* Condition variables, pthread_cond_*(3): a sequence counter on a futex.

   A waiter reads __seq while it still holds the mutex, unlocks, and sleeps
   with FUTEX_WAIT as long as __seq still has that value; signal and
   broadcast bump __seq and wake one or all sleepers.  A signal that comes
   between the unlock and the sleep is not lost: the kernel compares the
   word with the value read before the unlock, finds it changed and returns
   at once.  Wake-ups without a signal can happen (as POSIX allows), which
   is why callers wait in a loop over their predicate.

   __waiters counts the threads inside a wait, so signal makes no system
   call when nobody waits, and pthread_cond_destroy can let the last woken
   waiters leave before the memory goes away (its top bit asks them to wake
   the destroyer).  glibc's own algorithm (nptl/pthread_cond_wait.c) is
   more elaborate: it also guarantees that a signal wakes one of the
   threads that were already waiting. */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include "lowlevellock.h"
#include "pthreadP.h"

#define COND_PSHARED            1       /* __flags and the attribute: process-shared */
#define COND_CLOCK_SHIFT        1       /* then the clock id */
#define WAITERS_DESTROY         0x80000000u

static int cond_private(const pthread_cond_t *cond)
{
	return (cond->__data.__flags & COND_PSHARED) ? LLL_SHARED : LLL_PRIVATE;
}

int pthread_cond_init(pthread_cond_t *restrict cond, const pthread_condattr_t *restrict attr)
{
	memset(cond, 0, sizeof *cond);
	if (attr != NULL)
		cond->__data.__flags = attr->__align;
	return 0;
}

/* Wait for the threads still inside pthread_cond_wait to leave it. */
int pthread_cond_destroy(pthread_cond_t *cond)
{
	int private = cond_private(cond);
	unsigned int w = __atomic_or_fetch(&cond->__data.__waiters, WAITERS_DESTROY,
	                                   __ATOMIC_SEQ_CST);

	while ((w & ~WAITERS_DESTROY) != 0) {
		futex_wait(&cond->__data.__waiters, w, private);
		w = __atomic_load_n(&cond->__data.__waiters, __ATOMIC_SEQ_CST);
	}
	return 0;
}

static void cond_wake(pthread_cond_t *cond, int count)
{
	__atomic_fetch_add(&cond->__data.__seq, 1, __ATOMIC_SEQ_CST);
	if ((__atomic_load_n(&cond->__data.__waiters, __ATOMIC_SEQ_CST) & ~WAITERS_DESTROY) != 0)
		futex_wake(&cond->__data.__seq, count, cond_private(cond));
}

int pthread_cond_signal(pthread_cond_t *cond)
{
	cond_wake(cond, 1);
	return 0;
}

int pthread_cond_broadcast(pthread_cond_t *cond)
{
	cond_wake(cond, INT_MAX);
	return 0;
}

static int cond_wait(pthread_cond_t *cond, pthread_mutex_t *mutex, clockid_t clockid,
                     const struct timespec *abstime)
{
	int private = cond_private(cond);
	unsigned int seq;
	long r = 0;
	int err;

	if (abstime != NULL && (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000))
		return EINVAL;
	/* Counted, then the sequence read, both before the unlock: a signal
	   after the unlock either sees us counted or changes the value we
	   sleep on. */
	__atomic_fetch_add(&cond->__data.__waiters, 1, __ATOMIC_SEQ_CST);
	seq = __atomic_load_n(&cond->__data.__seq, __ATOMIC_SEQ_CST);
	err = pthread_mutex_unlock(mutex);
	if (err == 0)
		r = futex_abstimed_wait(&cond->__data.__seq, seq, clockid, abstime, private);
	/* The last access to *cond: a destroyer may free it once we are out. */
	if (__atomic_sub_fetch(&cond->__data.__waiters, 1, __ATOMIC_SEQ_CST) == WAITERS_DESTROY)
		futex_wake(&cond->__data.__waiters, INT_MAX, private);
	if (err != 0)
		return err;
	err = pthread_mutex_lock(mutex);
	if (err != 0)
		return err;
	return r == -ETIMEDOUT ? ETIMEDOUT : 0;
}

int pthread_cond_wait(pthread_cond_t *restrict cond, pthread_mutex_t *restrict mutex)
{
	__pthread_testcancel();         /* a cancellation point (at entry only, here) */
	return cond_wait(cond, mutex, CLOCK_REALTIME, NULL);
}

/* abstime is on the clock chosen with pthread_condattr_setclock
   (CLOCK_REALTIME unless told otherwise). */
int pthread_cond_timedwait(pthread_cond_t *restrict cond, pthread_mutex_t *restrict mutex,
                           const struct timespec *restrict abstime)
{
	return cond_wait(cond, mutex, cond->__data.__flags >> COND_CLOCK_SHIFT, abstime);
}

int pthread_cond_clockwait(pthread_cond_t *restrict cond, pthread_mutex_t *restrict mutex,
                           clockid_t clockid, const struct timespec *restrict abstime)
{
	if (clockid != CLOCK_REALTIME && clockid != CLOCK_MONOTONIC)
		return EINVAL;
	return cond_wait(cond, mutex, clockid, abstime);
}

int pthread_condattr_init(pthread_condattr_t *attr)
{
	attr->__align = CLOCK_REALTIME << COND_CLOCK_SHIFT;
	return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *attr)
{
	(void)attr;
	return 0;
}

int pthread_condattr_getpshared(const pthread_condattr_t *restrict attr, int *restrict pshared)
{
	*pshared = (attr->__align & COND_PSHARED) ? PTHREAD_PROCESS_SHARED
	                                          : PTHREAD_PROCESS_PRIVATE;
	return 0;
}

int pthread_condattr_setpshared(pthread_condattr_t *attr, int pshared)
{
	if (pshared == PTHREAD_PROCESS_SHARED)
		attr->__align |= COND_PSHARED;
	else if (pshared == PTHREAD_PROCESS_PRIVATE)
		attr->__align &= ~COND_PSHARED;
	else
		return EINVAL;
	return 0;
}

int pthread_condattr_getclock(const pthread_condattr_t *restrict attr,
                              clockid_t *restrict clock_id)
{
	*clock_id = attr->__align >> COND_CLOCK_SHIFT;
	return 0;
}

int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock_id)
{
	if (clock_id != CLOCK_REALTIME && clock_id != CLOCK_MONOTONIC)
		return EINVAL;
	attr->__align = (attr->__align & COND_PSHARED) | (clock_id << COND_CLOCK_SHIFT);
	return 0;
}
