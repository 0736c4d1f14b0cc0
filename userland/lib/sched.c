/* <sched.h>: sched_yield(2), CPU affinity and the clone(2) wrapper. */
#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <string.h>
#include "sysdep.h"

/* Puts the caller at the back of its run queue; always succeeds on Linux. */
int unshare(int flags)
{
	return (int)__syscall_ret(__syscall1(SYS_unshare, flags));
}

int sched_yield(void)
{
	return (int)__syscall_ret(__syscall0(SYS_sched_yield));
}

int sched_setaffinity(pid_t pid, size_t cpusetsize, const cpu_set_t *mask)
{
	return (int)__syscall_ret(__syscall3(SYS_sched_setaffinity, pid, (long)cpusetsize,
	                                     (long)mask));
}

/* The system call returns how many bytes of the mask it wrote (the size of
   the kernel's own cpumask); glibc clears the rest and returns 0. */
int sched_getaffinity(pid_t pid, size_t cpusetsize, cpu_set_t *mask)
{
	long r = __syscall3(SYS_sched_getaffinity, pid, (long)cpusetsize, (long)mask);

	if (__syscall_ret(r) < 0)
		return -1;
	memset((char *)mask + r, 0, cpusetsize - (size_t)r);
	return 0;
}

int __sched_cpucount(size_t setsize, const cpu_set_t *set)
{
	size_t i;
	int count = 0;

	for (i = 0; i < setsize / sizeof(unsigned long); i++)
		count += __builtin_popcountl(set->__bits[i]);
	return count;
}

long __clone(int (*fn)(void *), void *stack, int flags, void *arg, pid_t *parent_tid,
             void *tls, pid_t *child_tid);

/* clone(2) as glibc's wrapper: fn and stack are required (EINVAL), and the
   three optional arguments are read whether or not the caller passed them,
   as glibc's assembly does; the flags decide which the kernel looks at.
   The child runs fn(arg) on the new stack and exit(2)s with its result. */
int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
	pid_t *parent_tid, *child_tid;
	void *tls;
	va_list ap;

	va_start(ap, arg);
	parent_tid = va_arg(ap, pid_t *);
	tls = va_arg(ap, void *);
	child_tid = va_arg(ap, pid_t *);
	va_end(ap);
	if (fn == NULL || stack == NULL) {
		errno = EINVAL;
		return -1;
	}
	return (int)__syscall_ret(__clone(fn, stack, flags, arg, parent_tid, tls, child_tid));
}
