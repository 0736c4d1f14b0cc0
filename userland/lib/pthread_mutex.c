/* Mutexes, pthread_mutex_*(3), after glibc's nptl/pthread_mutex_lock.c
   and pthread_mutex_unlock.c.

   An ordinary mutex is the low-level lock of lowlevellock.h on __lock
   (0 free, 1 held, 2 held and contended), plus __owner, the holder's
   thread id, which lets ERRORCHECK report EDEADLK and EPERM and RECURSIVE
   count its depth in __count.

   A robust mutex keeps the holder's tid in the futex word itself
   (FUTEX_WAITERS when someone sleeps on it), the kernel's robust-futex
   format, and is linked into the holder's robust list while held.  If the
   holder exits, the kernel finds the mutex there, sets FUTEX_OWNER_DIED in
   the word and wakes a waiter; the next locker then gets the mutex with
   EOWNERDEAD.  It may repair the data and call pthread_mutex_consistent;
   if it unlocks without doing so, the mutex is unusable for ever after
   (ENOTRECOVERABLE).  The list's futex_offset is -20: __lock is 20 bytes
   before the __list link. */
#include <errno.h>
#include <string.h>
#include "lowlevellock.h"
#include "pthreadP.h"

#define MUTEX_TYPE(m)    ((m)->__data.__kind & PTHREAD_MUTEX_KIND_MASK_NP)
#define MUTEX_ROBUST(m)  (((m)->__data.__kind & PTHREAD_MUTEX_ROBUST_NORMAL_NP) != 0)
#define MUTEX_PRIVATE(m) (((m)->__data.__kind & PTHREAD_MUTEX_PSHARED_BIT) ? LLL_SHARED \
                                                                            : LLL_PRIVATE)

/* The kernel wakes a dead owner's robust mutex with a shared futex wake,
   which a FUTEX_PRIVATE_FLAG sleeper would never see: robust mutexes
   always sleep and wake shared, as glibc's do. */
#define ROBUST_PRIVATE   LLL_SHARED

_Static_assert(offsetof(pthread_mutex_t, __data.__list) -
               offsetof(pthread_mutex_t, __data.__lock) == 20, "robust futex_offset is -20");

int pthread_mutex_init(pthread_mutex_t *restrict mutex, const pthread_mutexattr_t *restrict attr)
{
	int kind = attr != NULL ? attr->__align : PTHREAD_MUTEX_NORMAL;

	/* A robust mutex is accepted even if set_robust_list failed at
	   start-up, as glibc 2.36 accepts it (it assumes Linux has robust
	   lists): it then works, except that an owner's death goes unnoticed
	   (qemu-user is such a "kernel"). */
	memset(mutex, 0, sizeof *mutex);
	mutex->__data.__kind = kind;
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *mutex)
{
	if (!MUTEX_ROBUST(mutex) && mutex->__data.__nusers != 0)
		return EBUSY;
	return 0;
}

/* The robust list of the calling thread: add a held mutex, take one out.
   The list is singly linked through each mutex's __list, ending at the
   head itself, as the kernel walks it. */
static void robust_enqueue(struct pthread *self, pthread_mutex_t *mutex)
{
	struct robust_list *link = (struct robust_list *)&mutex->__data.__list;

	link->next = self->robust_head.list.next;
	self->robust_head.list.next = link;
}

static void robust_dequeue(struct pthread *self, pthread_mutex_t *mutex)
{
	struct robust_list *link = (struct robust_list *)&mutex->__data.__list;
	struct robust_list *p;

	for (p = &self->robust_head.list; p->next != &self->robust_head.list; p = p->next) {
		if (p->next == link) {
			p->next = link->next;
			break;
		}
	}
}

/* Lock a robust mutex (block: 0 for trylock).  list_op_pending names the
   mutex to the kernel while it is half-taken, so it is released even if
   the thread dies between the compare-and-swap and the enqueue. */
static int robust_lock(pthread_mutex_t *mutex, clockid_t clockid,
                       const struct timespec *abstime, int block)
{
	struct pthread *self = THREAD_SELF;
	unsigned int id = (unsigned int)self->tid, waiters = 0;
	int *word = &mutex->__data.__lock;
	int private = ROBUST_PRIVATE;
	unsigned int old = (unsigned int)__atomic_load_n(word, __ATOMIC_RELAXED);

	self->robust_head.list_op_pending = (struct robust_list *)&mutex->__data.__list;
	for (;;) {
		if (old & FUTEX_OWNER_DIED) {
			/* The owner died holding it: take it over, keeping the
			   waiters bit, and tell the caller. */
			unsigned int new = id | (old & FUTEX_WAITERS);

			if (!__atomic_compare_exchange_n(word, (int *)&old, (int)new, 0,
			                                 __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
				continue;
			mutex->__data.__count = 1;
			mutex->__data.__nusers++;
			robust_enqueue(self, mutex);
			self->robust_head.list_op_pending = NULL;
			mutex->__data.__owner = PTHREAD_MUTEX_INCONSISTENT;
			return EOWNERDEAD;
		}
		if ((old & FUTEX_TID_MASK) == id) {
			if (MUTEX_TYPE(mutex) == PTHREAD_MUTEX_ERRORCHECK) {
				self->robust_head.list_op_pending = NULL;
				return EDEADLK;
			}
			if (MUTEX_TYPE(mutex) == PTHREAD_MUTEX_RECURSIVE) {
				self->robust_head.list_op_pending = NULL;
				if (mutex->__data.__count + 1 == 0)
					return EAGAIN;
				mutex->__data.__count++;
				return 0;
			}
			/* NORMAL: relocking deadlocks, as it must. */
		}
		if ((old & FUTEX_TID_MASK) == 0) {
			/* Free.  Having slept, we set FUTEX_WAITERS: others may
			   still be asleep, and our unlock must wake them. */
			unsigned int new = id | waiters | (old & FUTEX_WAITERS);

			if (__atomic_compare_exchange_n(word, (int *)&old, (int)new, 0,
			                                __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
				break;
			continue;
		}
		if (!block) {
			self->robust_head.list_op_pending = NULL;
			return EBUSY;
		}
		if (!(old & FUTEX_WAITERS)) {
			if (!__atomic_compare_exchange_n(word, (int *)&old, (int)(old | FUTEX_WAITERS),
			                                 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
				continue;
			old |= FUTEX_WAITERS;
		}
		{
			long r = futex_abstimed_wait(word, old, clockid, abstime, private);

			if (r == -ETIMEDOUT || r == -EINVAL) {
				self->robust_head.list_op_pending = NULL;
				return (int)-r;
			}
		}
		waiters = FUTEX_WAITERS;
		old = (unsigned int)__atomic_load_n(word, __ATOMIC_RELAXED);
	}

	if (mutex->__data.__owner == PTHREAD_MUTEX_NOTRECOVERABLE) {
		/* Given up on by an earlier EOWNERDEAD holder: let go again. */
		if ((unsigned int)__atomic_exchange_n(word, 0, __ATOMIC_RELEASE) & FUTEX_WAITERS)
			futex_wake(word, 1, private);
		self->robust_head.list_op_pending = NULL;
		return ENOTRECOVERABLE;
	}
	mutex->__data.__count = 1;
	mutex->__data.__nusers++;
	robust_enqueue(self, mutex);
	self->robust_head.list_op_pending = NULL;
	mutex->__data.__owner = (int)id;
	return 0;
}

static int robust_unlock(pthread_mutex_t *mutex)
{
	struct pthread *self = THREAD_SELF;
	int *word = &mutex->__data.__lock;

	if (((unsigned int)__atomic_load_n(word, __ATOMIC_RELAXED) & FUTEX_TID_MASK) !=
	    (unsigned int)self->tid)
		return EPERM;
	if (MUTEX_TYPE(mutex) == PTHREAD_MUTEX_RECURSIVE && --mutex->__data.__count != 0)
		return 0;
	mutex->__data.__owner = mutex->__data.__owner == PTHREAD_MUTEX_INCONSISTENT
	                        ? PTHREAD_MUTEX_NOTRECOVERABLE : 0;
	mutex->__data.__nusers--;
	self->robust_head.list_op_pending = (struct robust_list *)&mutex->__data.__list;
	robust_dequeue(self, mutex);
	if ((unsigned int)__atomic_exchange_n(word, 0, __ATOMIC_RELEASE) & FUTEX_WAITERS)
		futex_wake(word, 1, ROBUST_PRIVATE);
	self->robust_head.list_op_pending = NULL;
	return 0;
}

/* Lock: block (0 for trylock), until abstime if not NULL. */
static int mutex_lock(pthread_mutex_t *mutex, clockid_t clockid,
                      const struct timespec *abstime, int block)
{
	int id, type, r;

	if (MUTEX_ROBUST(mutex))
		return robust_lock(mutex, clockid, abstime, block);
	id = THREAD_SELF->tid;
	type = MUTEX_TYPE(mutex);
	if (mutex->__data.__owner == id) {
		if (type == PTHREAD_MUTEX_RECURSIVE) {
			if (mutex->__data.__count + 1 == 0)
				return EAGAIN;
			mutex->__data.__count++;
			return 0;
		}
		if (type == PTHREAD_MUTEX_ERRORCHECK && block)
			return EDEADLK;
	}
	if (!block) {
		r = lll_trylock(&mutex->__data.__lock);
	} else if (abstime != NULL) {
		r = lll_clocklock(&mutex->__data.__lock, clockid, abstime, MUTEX_PRIVATE(mutex));
	} else {
		lll_lock(&mutex->__data.__lock, MUTEX_PRIVATE(mutex));
		r = 0;
	}
	if (r != 0)
		return r;
	mutex->__data.__owner = id;
	mutex->__data.__count = 1;
	mutex->__data.__nusers++;
	return 0;
}

int pthread_mutex_lock(pthread_mutex_t *mutex)
{
	return mutex_lock(mutex, CLOCK_REALTIME, NULL, 1);
}

int pthread_mutex_trylock(pthread_mutex_t *mutex)
{
	return mutex_lock(mutex, CLOCK_REALTIME, NULL, 0);
}

int pthread_mutex_timedlock(pthread_mutex_t *restrict mutex,
                            const struct timespec *restrict abstime)
{
	return mutex_lock(mutex, CLOCK_REALTIME, abstime, 1);
}

int pthread_mutex_clocklock(pthread_mutex_t *restrict mutex, clockid_t clockid,
                            const struct timespec *restrict abstime)
{
	if (clockid != CLOCK_REALTIME && clockid != CLOCK_MONOTONIC)
		return EINVAL;
	return mutex_lock(mutex, clockid, abstime, 1);
}

/* ERRORCHECK and RECURSIVE refuse a caller that does not hold the mutex;
   NORMAL trusts it, as glibc does. */
int pthread_mutex_unlock(pthread_mutex_t *mutex)
{
	int type;

	if (MUTEX_ROBUST(mutex))
		return robust_unlock(mutex);
	type = MUTEX_TYPE(mutex);
	if (type == PTHREAD_MUTEX_RECURSIVE || type == PTHREAD_MUTEX_ERRORCHECK) {
		if (mutex->__data.__owner != THREAD_SELF->tid ||
		    __atomic_load_n(&mutex->__data.__lock, __ATOMIC_RELAXED) == 0)
			return EPERM;
		if (type == PTHREAD_MUTEX_RECURSIVE && --mutex->__data.__count != 0)
			return 0;
	}
	mutex->__data.__owner = 0;
	mutex->__data.__nusers--;
	lll_unlock(&mutex->__data.__lock, MUTEX_PRIVATE(mutex));
	return 0;
}

/* After EOWNERDEAD: the data is repaired, the mutex is usable again. */
int pthread_mutex_consistent(pthread_mutex_t *mutex)
{
	if (!MUTEX_ROBUST(mutex) || mutex->__data.__owner != PTHREAD_MUTEX_INCONSISTENT)
		return EINVAL;
	mutex->__data.__owner = THREAD_SELF->tid;
	return 0;
}

int pthread_mutex_consistent_np(pthread_mutex_t *mutex)
{
	return pthread_mutex_consistent(mutex);
}

/* Attributes: the mutex's future __kind. */
int pthread_mutexattr_init(pthread_mutexattr_t *attr)
{
	attr->__align = PTHREAD_MUTEX_NORMAL;
	return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *attr)
{
	(void)attr;
	return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *restrict attr, int *restrict type)
{
	*type = attr->__align & PTHREAD_MUTEX_KIND_MASK_NP;
	return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type)
{
	if (type < PTHREAD_MUTEX_NORMAL || type > PTHREAD_MUTEX_ADAPTIVE_NP)
		return EINVAL;
	attr->__align = (attr->__align & ~PTHREAD_MUTEX_KIND_MASK_NP) | type;
	return 0;
}

int pthread_mutexattr_getpshared(const pthread_mutexattr_t *restrict attr, int *restrict pshared)
{
	*pshared = (attr->__align & PTHREAD_MUTEX_PSHARED_BIT) ? PTHREAD_PROCESS_SHARED
	                                                       : PTHREAD_PROCESS_PRIVATE;
	return 0;
}

int pthread_mutexattr_setpshared(pthread_mutexattr_t *attr, int pshared)
{
	if (pshared == PTHREAD_PROCESS_SHARED)
		attr->__align |= PTHREAD_MUTEX_PSHARED_BIT;
	else if (pshared == PTHREAD_PROCESS_PRIVATE)
		attr->__align &= ~PTHREAD_MUTEX_PSHARED_BIT;
	else
		return EINVAL;
	return 0;
}

int pthread_mutexattr_getrobust(const pthread_mutexattr_t *restrict attr, int *restrict robust)
{
	*robust = (attr->__align & PTHREAD_MUTEX_ROBUST_NORMAL_NP) ? PTHREAD_MUTEX_ROBUST
	                                                           : PTHREAD_MUTEX_STALLED;
	return 0;
}

int pthread_mutexattr_setrobust(pthread_mutexattr_t *attr, int robust)
{
	if (robust == PTHREAD_MUTEX_ROBUST)
		attr->__align |= PTHREAD_MUTEX_ROBUST_NORMAL_NP;
	else if (robust == PTHREAD_MUTEX_STALLED)
		attr->__align &= ~PTHREAD_MUTEX_ROBUST_NORMAL_NP;
	else
		return EINVAL;
	return 0;
}

int pthread_mutexattr_getrobust_np(const pthread_mutexattr_t *restrict attr, int *restrict robust)
{
	return pthread_mutexattr_getrobust(attr, robust);
}

int pthread_mutexattr_setrobust_np(pthread_mutexattr_t *attr, int robust)
{
	return pthread_mutexattr_setrobust(attr, robust);
}

/* Priority inheritance and ceilings (PI futexes) are not implemented. */
int pthread_mutexattr_getprotocol(const pthread_mutexattr_t *restrict attr, int *restrict protocol)
{
	(void)attr;
	*protocol = PTHREAD_PRIO_NONE;
	return 0;
}

int pthread_mutexattr_setprotocol(pthread_mutexattr_t *attr, int protocol)
{
	(void)attr;
	if (protocol == PTHREAD_PRIO_NONE)
		return 0;
	return protocol == PTHREAD_PRIO_INHERIT || protocol == PTHREAD_PRIO_PROTECT ? ENOTSUP
	                                                                            : EINVAL;
}
