/* Read-write locks, pthread_rwlock_*(3): any number of readers or one
   writer.  The state (__readers, __writer) changes under a low-level lock;
   a thread that cannot have the lock notes __seq, lets go of the internal
   lock and sleeps until __seq moves, which happens whenever the lock comes
   free.  Readers are preferred, glibc's default
   (PTHREAD_RWLOCK_PREFER_READER_NP): a reader gets in whenever no writer
   holds the lock, so a thread may take a read lock it already holds. */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include "lowlevellock.h"
#include "pthreadP.h"

static int rwlock_private(const pthread_rwlock_t *rw)
{
	return rw->__data.__flags == PTHREAD_PROCESS_SHARED ? LLL_SHARED : LLL_PRIVATE;
}

int pthread_rwlock_init(pthread_rwlock_t *restrict rwlock, const pthread_rwlockattr_t *restrict attr)
{
	memset(rwlock, 0, sizeof *rwlock);
	if (attr != NULL)
		rwlock->__data.__flags = (int)attr->__align;
	return 0;
}

int pthread_rwlock_destroy(pthread_rwlock_t *rwlock)
{
	(void)rwlock;
	return 0;
}

/* Take the lock for reading (writer 0) or writing; block 0 for the try
   versions. */
static int rwlock_lock(pthread_rwlock_t *rw, int writer, int block)
{
	int private = rwlock_private(rw), id = THREAD_SELF->tid;

	for (;;) {
		unsigned int seq;

		lll_lock(&rw->__data.__lock, private);
		if (rw->__data.__writer == 0 && (!writer || rw->__data.__readers == 0)) {
			if (writer)
				rw->__data.__writer = id;
			else
				rw->__data.__readers++;
			lll_unlock(&rw->__data.__lock, private);
			return 0;
		}
		if (!block || rw->__data.__writer == id) {
			lll_unlock(&rw->__data.__lock, private);
			return block ? EDEADLK : EBUSY;
		}
		seq = rw->__data.__seq;
		rw->__data.__waiting++;
		lll_unlock(&rw->__data.__lock, private);
		futex_wait(&rw->__data.__seq, seq, private);
		lll_lock(&rw->__data.__lock, private);
		rw->__data.__waiting--;
		lll_unlock(&rw->__data.__lock, private);
	}
}

int pthread_rwlock_rdlock(pthread_rwlock_t *rwlock)
{
	return rwlock_lock(rwlock, 0, 1);
}

int pthread_rwlock_tryrdlock(pthread_rwlock_t *rwlock)
{
	return rwlock_lock(rwlock, 0, 0);
}

int pthread_rwlock_wrlock(pthread_rwlock_t *rwlock)
{
	return rwlock_lock(rwlock, 1, 1);
}

int pthread_rwlock_trywrlock(pthread_rwlock_t *rwlock)
{
	return rwlock_lock(rwlock, 1, 0);
}

int pthread_rwlock_unlock(pthread_rwlock_t *rwlock)
{
	int private = rwlock_private(rwlock), wake = 0;

	lll_lock(&rwlock->__data.__lock, private);
	if (rwlock->__data.__writer != 0)
		rwlock->__data.__writer = 0;
	else if (rwlock->__data.__readers > 0)
		rwlock->__data.__readers--;
	if (rwlock->__data.__writer == 0 && rwlock->__data.__readers == 0) {
		__atomic_fetch_add(&rwlock->__data.__seq, 1, __ATOMIC_RELEASE);
		wake = rwlock->__data.__waiting != 0;
	}
	lll_unlock(&rwlock->__data.__lock, private);
	if (wake)
		futex_wake(&rwlock->__data.__seq, INT_MAX, private);
	return 0;
}

int pthread_rwlockattr_init(pthread_rwlockattr_t *attr)
{
	attr->__align = PTHREAD_PROCESS_PRIVATE;
	return 0;
}

int pthread_rwlockattr_destroy(pthread_rwlockattr_t *attr)
{
	(void)attr;
	return 0;
}

int pthread_rwlockattr_getpshared(const pthread_rwlockattr_t *restrict attr,
                                  int *restrict pshared)
{
	*pshared = (int)attr->__align;
	return 0;
}

int pthread_rwlockattr_setpshared(pthread_rwlockattr_t *attr, int pshared)
{
	if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED)
		return EINVAL;
	attr->__align = pshared;
	return 0;
}
