/* <pthread.h>: POSIX threads, as glibc's NPTL gives them on i386 Linux.  A
   thread is a task made by clone(2) that shares the address space, the
   file table, the filesystem context and the signal handlers with its
   creator (lib/pthread_create.c says which flag shares what); its locks are
   futexes (<linux/futex.h>).  Constants are glibc's values. */
#ifndef _PTHREAD_H
#define _PTHREAD_H

#include <limits.h>
#include <sched.h>
#include <time.h>
#include <bits/types.h>
#include <bits/pthreadtypes.h>

#define PTHREAD_CREATE_JOINABLE 0
#define PTHREAD_CREATE_DETACHED 1

#define PTHREAD_SCOPE_SYSTEM    0
#define PTHREAD_SCOPE_PROCESS   1       /* not supported on Linux: ENOTSUP */

#define PTHREAD_INHERIT_SCHED   0
#define PTHREAD_EXPLICIT_SCHED  1

#define PTHREAD_PROCESS_PRIVATE 0
#define PTHREAD_PROCESS_SHARED  1

/* Mutex types.  NORMAL deadlocks on a relock; ERRORCHECK reports EDEADLK
   and EPERM; RECURSIVE counts.  DEFAULT is NORMAL, as in glibc. */
#define PTHREAD_MUTEX_TIMED_NP          0
#define PTHREAD_MUTEX_RECURSIVE_NP      1
#define PTHREAD_MUTEX_ERRORCHECK_NP     2
#define PTHREAD_MUTEX_ADAPTIVE_NP       3
#define PTHREAD_MUTEX_NORMAL            PTHREAD_MUTEX_TIMED_NP
#define PTHREAD_MUTEX_RECURSIVE         PTHREAD_MUTEX_RECURSIVE_NP
#define PTHREAD_MUTEX_ERRORCHECK        PTHREAD_MUTEX_ERRORCHECK_NP
#define PTHREAD_MUTEX_DEFAULT           PTHREAD_MUTEX_NORMAL
#define PTHREAD_MUTEX_FAST_NP           PTHREAD_MUTEX_TIMED_NP

/* Robustness: a robust mutex whose owner dies is handed to the next locker
   with EOWNERDEAD (the kernel walks the dead thread's robust list). */
#define PTHREAD_MUTEX_STALLED           0
#define PTHREAD_MUTEX_ROBUST            1
#define PTHREAD_MUTEX_STALLED_NP        PTHREAD_MUTEX_STALLED
#define PTHREAD_MUTEX_ROBUST_NP         PTHREAD_MUTEX_ROBUST

#define PTHREAD_PRIO_NONE               0
#define PTHREAD_PRIO_INHERIT            1
#define PTHREAD_PRIO_PROTECT            2

#define PTHREAD_MUTEX_INITIALIZER \
	{ { 0, 0, 0, PTHREAD_MUTEX_TIMED_NP, 0, { 0 } } }
#define PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP \
	{ { 0, 0, 0, PTHREAD_MUTEX_RECURSIVE_NP, 0, { 0 } } }
#define PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP \
	{ { 0, 0, 0, PTHREAD_MUTEX_ERRORCHECK_NP, 0, { 0 } } }
#define PTHREAD_ADAPTIVE_MUTEX_INITIALIZER_NP \
	{ { 0, 0, 0, PTHREAD_MUTEX_ADAPTIVE_NP, 0, { 0 } } }
#define PTHREAD_COND_INITIALIZER        { { 0, 0, 0 } }
#define PTHREAD_RWLOCK_INITIALIZER      { { 0, 0, 0, 0, 0, 0 } }
#define PTHREAD_ONCE_INIT               0

#define PTHREAD_BARRIER_SERIAL_THREAD   (-1)

/* What pthread_join reports for a cancelled thread (cancellation itself is
   not supported: it needs signals). */
#define PTHREAD_CANCELED                ((void *)-1)
#define PTHREAD_CANCEL_ENABLE           0
#define PTHREAD_CANCEL_DISABLE          1
#define PTHREAD_CANCEL_DEFERRED         0
#define PTHREAD_CANCEL_ASYNCHRONOUS     1

/* Cleanup handlers: a frame on the caller's stack per push, popped (and
   run if asked) by the matching pop, all run by pthread_exit. */
struct __pthread_cleanup_frame {
	void (*__routine)(void *);
	void *__arg;
	struct __pthread_cleanup_frame *__prev;
};
void __pthread_cleanup_push(struct __pthread_cleanup_frame *frame, void (*routine)(void *), void *arg);
void __pthread_cleanup_pop(struct __pthread_cleanup_frame *frame, int execute);
#define pthread_cleanup_push(routine, arg) \
	do { struct __pthread_cleanup_frame __cleanup_frame; \
	     __pthread_cleanup_push(&__cleanup_frame, (routine), (arg));
#define pthread_cleanup_pop(execute) \
	     __pthread_cleanup_pop(&__cleanup_frame, (execute)); } while (0)

int pthread_cancel(pthread_t thread);
int pthread_setcancelstate(int state, int *oldstate);
int pthread_setcanceltype(int type, int *oldtype);
void pthread_testcancel(void);

/* Threads. */
int pthread_create(pthread_t *restrict thread, const pthread_attr_t *restrict attr,
                   void *(*start_routine)(void *), void *restrict arg);
void pthread_exit(void *retval) __attribute__((__noreturn__));
int pthread_join(pthread_t thread, void **retval);
int pthread_tryjoin_np(pthread_t thread, void **retval);
int pthread_timedjoin_np(pthread_t thread, void **retval, const struct timespec *abstime);
int pthread_clockjoin_np(pthread_t thread, void **retval, clockid_t clockid,
                         const struct timespec *abstime);
int pthread_detach(pthread_t thread);
pthread_t pthread_self(void) __attribute__((__const__));
int pthread_equal(pthread_t t1, pthread_t t2);

/* Thread attributes. */
int pthread_attr_init(pthread_attr_t *attr);
int pthread_attr_destroy(pthread_attr_t *attr);
int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *detachstate);
int pthread_attr_setdetachstate(pthread_attr_t *attr, int detachstate);
int pthread_attr_getstacksize(const pthread_attr_t *restrict attr, size_t *restrict stacksize);
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t stacksize);
int pthread_attr_getguardsize(const pthread_attr_t *restrict attr, size_t *restrict guardsize);
int pthread_attr_setguardsize(pthread_attr_t *attr, size_t guardsize);
int pthread_attr_getstack(const pthread_attr_t *restrict attr, void **restrict stackaddr,
                          size_t *restrict stacksize);
int pthread_attr_setstack(pthread_attr_t *attr, void *stackaddr, size_t stacksize);
int pthread_attr_getscope(const pthread_attr_t *restrict attr, int *restrict scope);
int pthread_attr_setscope(pthread_attr_t *attr, int scope);
int pthread_attr_getinheritsched(const pthread_attr_t *restrict attr, int *restrict inherit);
int pthread_attr_setinheritsched(pthread_attr_t *attr, int inherit);

/* One-time initialisation. */
int pthread_once(pthread_once_t *once_control, void (*init_routine)(void));

/* Mutexes. */
int pthread_mutex_init(pthread_mutex_t *restrict mutex, const pthread_mutexattr_t *restrict attr);
int pthread_mutex_destroy(pthread_mutex_t *mutex);
int pthread_mutex_lock(pthread_mutex_t *mutex);
int pthread_mutex_trylock(pthread_mutex_t *mutex);
int pthread_mutex_timedlock(pthread_mutex_t *restrict mutex,
                            const struct timespec *restrict abstime);
int pthread_mutex_clocklock(pthread_mutex_t *restrict mutex, clockid_t clockid,
                            const struct timespec *restrict abstime);
int pthread_mutex_unlock(pthread_mutex_t *mutex);
int pthread_mutex_consistent(pthread_mutex_t *mutex);
int pthread_mutex_consistent_np(pthread_mutex_t *mutex);

int pthread_mutexattr_init(pthread_mutexattr_t *attr);
int pthread_mutexattr_destroy(pthread_mutexattr_t *attr);
int pthread_mutexattr_gettype(const pthread_mutexattr_t *restrict attr, int *restrict type);
int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type);
int pthread_mutexattr_getpshared(const pthread_mutexattr_t *restrict attr, int *restrict pshared);
int pthread_mutexattr_setpshared(pthread_mutexattr_t *attr, int pshared);
int pthread_mutexattr_getrobust(const pthread_mutexattr_t *restrict attr, int *restrict robust);
int pthread_mutexattr_setrobust(pthread_mutexattr_t *attr, int robust);
int pthread_mutexattr_getrobust_np(const pthread_mutexattr_t *restrict attr, int *restrict robust);
int pthread_mutexattr_setrobust_np(pthread_mutexattr_t *attr, int robust);
int pthread_mutexattr_getprotocol(const pthread_mutexattr_t *restrict attr, int *restrict protocol);
int pthread_mutexattr_setprotocol(pthread_mutexattr_t *attr, int protocol);

/* Condition variables. */
int pthread_cond_init(pthread_cond_t *restrict cond, const pthread_condattr_t *restrict attr);
int pthread_cond_destroy(pthread_cond_t *cond);
int pthread_cond_signal(pthread_cond_t *cond);
int pthread_cond_broadcast(pthread_cond_t *cond);
int pthread_cond_wait(pthread_cond_t *restrict cond, pthread_mutex_t *restrict mutex);
int pthread_cond_timedwait(pthread_cond_t *restrict cond, pthread_mutex_t *restrict mutex,
                           const struct timespec *restrict abstime);
int pthread_cond_clockwait(pthread_cond_t *restrict cond, pthread_mutex_t *restrict mutex,
                           clockid_t clockid, const struct timespec *restrict abstime);

int pthread_condattr_init(pthread_condattr_t *attr);
int pthread_condattr_destroy(pthread_condattr_t *attr);
int pthread_condattr_getpshared(const pthread_condattr_t *restrict attr, int *restrict pshared);
int pthread_condattr_setpshared(pthread_condattr_t *attr, int pshared);
int pthread_condattr_getclock(const pthread_condattr_t *restrict attr,
                              clockid_t *restrict clock_id);
int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock_id);

/* Thread-specific data. */
int pthread_key_create(pthread_key_t *key, void (*destructor)(void *));
int pthread_key_delete(pthread_key_t key);
void *pthread_getspecific(pthread_key_t key);
int pthread_setspecific(pthread_key_t key, const void *value);

/* Spin locks. */
int pthread_spin_init(pthread_spinlock_t *lock, int pshared);
int pthread_spin_destroy(pthread_spinlock_t *lock);
int pthread_spin_lock(pthread_spinlock_t *lock);
int pthread_spin_trylock(pthread_spinlock_t *lock);
int pthread_spin_unlock(pthread_spinlock_t *lock);

/* Barriers. */
int pthread_barrier_init(pthread_barrier_t *restrict barrier,
                         const pthread_barrierattr_t *restrict attr, unsigned int count);
int pthread_barrier_destroy(pthread_barrier_t *barrier);
int pthread_barrier_wait(pthread_barrier_t *barrier);
int pthread_barrierattr_init(pthread_barrierattr_t *attr);
int pthread_barrierattr_destroy(pthread_barrierattr_t *attr);
int pthread_barrierattr_getpshared(const pthread_barrierattr_t *restrict attr,
                                   int *restrict pshared);
int pthread_barrierattr_setpshared(pthread_barrierattr_t *attr, int pshared);

/* Read-write locks. */
int pthread_rwlock_init(pthread_rwlock_t *restrict rwlock,
                        const pthread_rwlockattr_t *restrict attr);
int pthread_rwlock_destroy(pthread_rwlock_t *rwlock);
int pthread_rwlock_rdlock(pthread_rwlock_t *rwlock);
int pthread_rwlock_tryrdlock(pthread_rwlock_t *rwlock);
int pthread_rwlock_wrlock(pthread_rwlock_t *rwlock);
int pthread_rwlock_trywrlock(pthread_rwlock_t *rwlock);
int pthread_rwlock_unlock(pthread_rwlock_t *rwlock);
int pthread_rwlockattr_init(pthread_rwlockattr_t *attr);
int pthread_rwlockattr_destroy(pthread_rwlockattr_t *attr);
int pthread_rwlockattr_getpshared(const pthread_rwlockattr_t *restrict attr,
                                  int *restrict pshared);
int pthread_rwlockattr_setpshared(pthread_rwlockattr_t *attr, int pshared);

#endif
