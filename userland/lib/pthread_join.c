/* pthread_join(3) and pthread_detach(3): who gives a finished thread's
   stack back (glibc's nptl/pthread_join_common.c and pthread_detach.c).

   A thread's pd->joinid says who will: NULL while nobody has claimed it,
   the joiner once pthread_join has, the thread itself once detached (then
   it queues its stack for unmapping when it exits).  Joining is waiting
   for the kernel to zero pd->tid: CLONE_CHILD_CLEARTID makes it do that,
   and futex-wake the word, when the thread has exited and will never touch
   its stack again, so the joiner may unmap it at once. */
#include <errno.h>
#include "lowlevellock.h"
#include "pthreadP.h"

/* Join thread th: block (abstime NULL: for ever), or not at all (block 0).
   The tid word is woken by the kernel with a shared futex wake, so the wait
   is a shared one too: FUTEX_WAIT, or FUTEX_WAIT_BITSET with an absolute
   timeout as glibc's timed joins do. */
static int clockjoin(pthread_t th, void **retval, clockid_t clockid,
                     const struct timespec *abstime, int block)
{
	struct pthread *pd = (struct pthread *)th, *self = THREAD_SELF, *expected = NULL;
	pid_t tid;

	/* Joining oneself, or a thread that is joining us, would never end. */
	if (pd == self || __atomic_load_n(&self->joinid, __ATOMIC_ACQUIRE) == pd)
		return EDEADLK;
	if (!block && __atomic_load_n(&pd->tid, __ATOMIC_ACQUIRE) != 0)
		return EBUSY;
	/* Detached, or someone else is already joining it. */
	if (!__atomic_compare_exchange_n(&pd->joinid, &expected, self, 0, __ATOMIC_ACQ_REL,
	                                 __ATOMIC_ACQUIRE))
		return EINVAL;

	while ((tid = __atomic_load_n(&pd->tid, __ATOMIC_ACQUIRE)) != 0) {
		long r = futex_abstimed_wait(&pd->tid, (unsigned int)tid, clockid, abstime,
		                             LLL_SHARED);

		if (r == -ETIMEDOUT || r == -EINVAL) {
			__atomic_store_n(&pd->joinid, NULL, __ATOMIC_RELEASE);
			return (int)-r;
		}
	}
	if (retval != NULL)
		*retval = pd->result;
	__nptl_free_stack(pd);
	return 0;
}

int pthread_join(pthread_t thread, void **retval)
{
	__pthread_testcancel();         /* a cancellation point (at entry only, here) */
	return clockjoin(thread, retval, CLOCK_REALTIME, NULL, 1);
}

/* GNU extensions: without waiting (EBUSY), or until an absolute time. */
int pthread_tryjoin_np(pthread_t thread, void **retval)
{
	return clockjoin(thread, retval, CLOCK_REALTIME, NULL, 0);
}

int pthread_timedjoin_np(pthread_t thread, void **retval, const struct timespec *abstime)
{
	return clockjoin(thread, retval, CLOCK_REALTIME, abstime, 1);
}

int pthread_clockjoin_np(pthread_t thread, void **retval, clockid_t clockid,
                         const struct timespec *abstime)
{
	if (clockid != CLOCK_REALTIME && clockid != CLOCK_MONOTONIC)
		return EINVAL;
	return clockjoin(thread, retval, clockid, abstime, 1);
}

/* Nobody will join th: it gives its stack back itself when it exits, or,
   if it is exiting already, we do.  EINVAL if it was detached before; a
   thread someone is joining stays theirs. */
int pthread_detach(pthread_t th)
{
	struct pthread *pd = (struct pthread *)th, *expected = NULL;

	if (!__atomic_compare_exchange_n(&pd->joinid, &expected, pd, 0, __ATOMIC_SEQ_CST,
	                                 __ATOMIC_SEQ_CST))
		return expected == pd ? EINVAL : 0;
	if (__atomic_load_n(&pd->exiting, __ATOMIC_SEQ_CST))
		__nptl_free_tcb(pd);
	return 0;
}
