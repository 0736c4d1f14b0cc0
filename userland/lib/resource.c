/* <sys/resource.h> and nice(3): resource limits, resource usage and
   scheduling priority.  On i386 glibc 2.36 reads a limit with ugetrlimit
   (which the kernel clamps to 32 bits, anything larger reading as
   RLIM_INFINITY) and sets one with prlimit64, translating RLIM_INFINITY to
   RLIM64_INFINITY; we do the same. */
#include <errno.h>
#include <unistd.h>
#include <sys/resource.h>
#include "sysdep.h"

int getrlimit(int resource, struct rlimit *rlim)
{
	return (int)__syscall_ret(__syscall2(SYS_ugetrlimit, resource, (long)rlim));
}

static rlim64_t widen(rlim_t value)
{
	return value == RLIM_INFINITY ? RLIM64_INFINITY : value;
}

int setrlimit(int resource, const struct rlimit *rlim)
{
	struct rlimit64 wide = { widen(rlim->rlim_cur), widen(rlim->rlim_max) };

	return prlimit64(0, resource, &wide, NULL);
}

int getrlimit64(int resource, struct rlimit64 *rlim)
{
	return prlimit64(0, resource, NULL, rlim);
}

int setrlimit64(int resource, const struct rlimit64 *rlim)
{
	return prlimit64(0, resource, rlim, NULL);
}

int prlimit64(pid_t pid, int resource, const struct rlimit64 *new_limit,
              struct rlimit64 *old_limit)
{
	return (int)__syscall_ret(__syscall4(SYS_prlimit64, pid, resource, (long)new_limit,
	                                     (long)old_limit));
}

/* Narrows an old 64-bit limit into a 32-bit rlim_t.  glibc's prlimit: a
   value that does not fit reads as RLIM_INFINITY when the call also set a
   new limit (it did its job); when it only read, that is EOVERFLOW, except
   for RLIM64_INFINITY itself. */
static int narrow(rlim64_t value, rlim_t *out, int only_read)
{
	*out = (rlim_t)value;
	if (*out == value)
		return 0;
	if (only_read && value != RLIM64_INFINITY) {
		errno = EOVERFLOW;
		return -1;
	}
	*out = RLIM_INFINITY;
	return 0;
}

int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit)
{
	struct rlimit64 wide_new, wide_old;
	int only_read = new_limit == NULL;

	if (new_limit != NULL) {
		wide_new.rlim_cur = widen(new_limit->rlim_cur);
		wide_new.rlim_max = widen(new_limit->rlim_max);
	}
	if (prlimit64(pid, resource, new_limit != NULL ? &wide_new : NULL,
	              old_limit != NULL ? &wide_old : NULL) < 0)
		return -1;
	if (old_limit == NULL)
		return 0;
	if (narrow(wide_old.rlim_cur, &old_limit->rlim_cur, only_read) < 0 ||
	    narrow(wide_old.rlim_max, &old_limit->rlim_max, only_read) < 0)
		return -1;
	return 0;
}

int getrusage(int who, struct rusage *usage)
{
	return (int)__syscall_ret(__syscall2(SYS_getrusage, who, (long)usage));
}

/* The system call cannot return a negative priority (that would read as an
   error), so the kernel returns 20 - nice, 1..40; glibc turns it back. */
#define PZERO 20

int getpriority(int which, id_t who)
{
	long r = __syscall2(SYS_getpriority, which, (long)who);

	return __syscall_error(r) ? (int)__syscall_ret(r) : PZERO - (int)r;
}

int setpriority(int which, id_t who, int prio)
{
	return (int)__syscall_ret(__syscall3(SYS_setpriority, which, (long)who, prio));
}

/* nice(3), as glibc's: there is no nice system call on the way (glibc does
   not use nice(2)), just getpriority, setpriority to the sum, then
   getpriority again for the value actually set (the kernel clamps it to
   19).  -1 is a valid result, so success restores errno, and a refusal to
   raise the priority (EACCES from setpriority) reads as EPERM. */
int nice(int inc)
{
	int saved = errno;
	int prio;

	errno = 0;
	prio = getpriority(PRIO_PROCESS, 0);
	if (prio == -1 && errno != 0)
		return -1;
	if (setpriority(PRIO_PROCESS, 0, prio + inc) < 0) {
		if (errno == EACCES)
			errno = EPERM;
		return -1;
	}
	errno = saved;
	return getpriority(PRIO_PROCESS, 0);
}
