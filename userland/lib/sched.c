/* <sched.h>: sched_yield(2) and CPU affinity. */
#include <errno.h>
#include <sched.h>
#include <string.h>
#include "sysdep.h"

/* Puts the caller at the back of its run queue; always succeeds on Linux. */
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
