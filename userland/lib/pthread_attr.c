/* Thread attributes, pthread_attr_*(3), with glibc's defaults and checks:
   joinable, the default stack size, one guard page, system scope. */
#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include "pthreadP.h"

#define PAGE                    4096u
#define ARCH_STACK_DEFAULT_SIZE (2u * 1024 * 1024)  /* glibc i386, when RLIMIT_STACK is unlimited */
#define MINIMAL_REST_STACK      2048u

static size_t default_stacksize;

/* glibc's default thread stack is the main thread's stack limit
   (RLIMIT_STACK: 8 MiB on a usual Linux system), read once: 2 MiB when it
   is unlimited, at least PTHREAD_STACK_MIN, a whole number of pages. */
size_t __pthread_default_stacksize(void)
{
	size_t size = __atomic_load_n(&default_stacksize, __ATOMIC_RELAXED);
	size_t minstack = PAGE + __static_tls.offset + sizeof(struct pthread) + MINIMAL_REST_STACK;
	struct rlimit limit;

	if (size != 0)
		return size;
	if (getrlimit(RLIMIT_STACK, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
		size = ARCH_STACK_DEFAULT_SIZE;
	else if (limit.rlim_cur < PTHREAD_STACK_MIN)
		size = PTHREAD_STACK_MIN;
	else
		size = limit.rlim_cur;
	if (size < minstack)
		size = minstack;
	size = (size + PAGE - 1) & ~(size_t)(PAGE - 1);
	__atomic_store_n(&default_stacksize, size, __ATOMIC_RELAXED);
	return size;
}

int pthread_attr_init(pthread_attr_t *attr)
{
	memset(attr, 0, sizeof *attr);
	attr->__data.__guardsize = PAGE;
	return 0;
}

int pthread_attr_destroy(pthread_attr_t *attr)
{
	(void)attr;
	return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *detachstate)
{
	*detachstate = (attr->__data.__flags & ATTR_FLAG_DETACHSTATE) ? PTHREAD_CREATE_DETACHED
	                                                              : PTHREAD_CREATE_JOINABLE;
	return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *attr, int detachstate)
{
	if (detachstate == PTHREAD_CREATE_DETACHED)
		attr->__data.__flags |= ATTR_FLAG_DETACHSTATE;
	else if (detachstate == PTHREAD_CREATE_JOINABLE)
		attr->__data.__flags &= ~ATTR_FLAG_DETACHSTATE;
	else
		return EINVAL;
	return 0;
}

/* An attribute that never had a size set reports the default, as glibc's. */
int pthread_attr_getstacksize(const pthread_attr_t *restrict attr, size_t *restrict stacksize)
{
	*stacksize = attr->__data.__stacksize != 0 ? attr->__data.__stacksize
	                                           : __pthread_default_stacksize();
	return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *attr, size_t stacksize)
{
	if (stacksize < PTHREAD_STACK_MIN)
		return EINVAL;
	attr->__data.__stacksize = stacksize;
	return 0;
}

int pthread_attr_getguardsize(const pthread_attr_t *restrict attr, size_t *restrict guardsize)
{
	*guardsize = attr->__data.__guardsize;
	return 0;
}

/* Rounded up to whole pages when the stack is made, not here (glibc). */
int pthread_attr_setguardsize(pthread_attr_t *attr, size_t guardsize)
{
	attr->__data.__guardsize = guardsize;
	return 0;
}

/* A stack the caller owns: [stackaddr, stackaddr + stacksize).  The
   thread's TLS block and descriptor go at its top; no guard page, and the
   library never unmaps it. */
int pthread_attr_setstack(pthread_attr_t *attr, void *stackaddr, size_t stacksize)
{
	if (stacksize < PTHREAD_STACK_MIN)
		return EINVAL;
	attr->__data.__stackaddr = (char *)stackaddr + stacksize;
	attr->__data.__stacksize = stacksize;
	attr->__data.__flags |= ATTR_FLAG_STACKADDR;
	return 0;
}

int pthread_attr_getstack(const pthread_attr_t *restrict attr, void **restrict stackaddr,
                          size_t *restrict stacksize)
{
	*stackaddr = (char *)attr->__data.__stackaddr - attr->__data.__stacksize;
	*stacksize = attr->__data.__stacksize;
	return 0;
}

/* Linux threads are all scheduled by the kernel: system scope only. */
int pthread_attr_getscope(const pthread_attr_t *restrict attr, int *restrict scope)
{
	*scope = (attr->__data.__flags & ATTR_FLAG_SCOPEPROCESS) ? PTHREAD_SCOPE_PROCESS
	                                                        : PTHREAD_SCOPE_SYSTEM;
	return 0;
}

int pthread_attr_setscope(pthread_attr_t *attr, int scope)
{
	if (scope == PTHREAD_SCOPE_SYSTEM) {
		attr->__data.__flags &= ~ATTR_FLAG_SCOPEPROCESS;
		return 0;
	}
	return scope == PTHREAD_SCOPE_PROCESS ? ENOTSUP : EINVAL;
}

/* Recorded only: every thread runs with its creator's scheduling. */
int pthread_attr_getinheritsched(const pthread_attr_t *restrict attr, int *restrict inherit)
{
	*inherit = (attr->__data.__flags & ATTR_FLAG_NOTINHERITSCHED) ? PTHREAD_EXPLICIT_SCHED
	                                                             : PTHREAD_INHERIT_SCHED;
	return 0;
}

int pthread_attr_setinheritsched(pthread_attr_t *attr, int inherit)
{
	if (inherit == PTHREAD_EXPLICIT_SCHED)
		attr->__data.__flags |= ATTR_FLAG_NOTINHERITSCHED;
	else if (inherit == PTHREAD_INHERIT_SCHED)
		attr->__data.__flags &= ~ATTR_FLAG_NOTINHERITSCHED;
	else
		return EINVAL;
	return 0;
}
