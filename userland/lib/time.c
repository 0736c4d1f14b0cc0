/* <time.h> and <sys/time.h>.  Everything reads the clocks through the
   32-bit clock_gettime (265) with the 32-bit struct timespec; glibc's
   time() and gettimeofday() also come down to clock_gettime when there is
   no vDSO, which a static program under minikernel never has. */
#include <errno.h>
#include <string.h>
#include <time.h>
#include <sys/time.h>
#include "sysdep.h"

int clock_gettime(clockid_t clockid, struct timespec *tp)
{
	return (int)__syscall_ret(__syscall2(SYS_clock_gettime, clockid, (long)tp));
}

int clock_getres(clockid_t clockid, struct timespec *res)
{
	return (int)__syscall_ret(__syscall2(SYS_clock_getres, clockid, (long)res));
}

/* clock_nanosleep(2) reports failure by its return value, not errno; glibc
   refuses the calling thread's CPU clock, which can never advance while it
   sleeps. */
int clock_nanosleep(clockid_t clockid, int flags, const struct timespec *request,
                    struct timespec *remain)
{
	long r;

	if (clockid == CLOCK_THREAD_CPUTIME_ID)
		return EINVAL;
	r = __syscall4(SYS_clock_nanosleep, clockid, flags, (long)request, (long)remain);
	return __syscall_error(r) ? (int)-r : 0;
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return (int)__syscall_ret(__syscall2(SYS_nanosleep, (long)req, (long)rem));
}

time_t time(time_t *tloc)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return (time_t)-1;
	if (tloc != NULL)
		*tloc = ts.tv_sec;
	return ts.tv_sec;
}

/* A non-NULL tz is filled with zeros, as glibc has done since 2.31. */
int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	struct timespec ts;

	if (tz != NULL)
		memset(tz, 0, sizeof(struct timezone));
	if (tv == NULL)
		return 0;
	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return -1;
	tv->tv_sec = ts.tv_sec;
	tv->tv_usec = ts.tv_nsec / 1000;
	return 0;
}

/* clock(3): processor time in CLOCKS_PER_SEC units, wrapping as glibc's
   32-bit clock_t does. */
clock_t clock(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) < 0)
		return (clock_t)-1;
	return (clock_t)((unsigned long)ts.tv_sec * CLOCKS_PER_SEC +
	                 (unsigned long)ts.tv_nsec / 1000);
}
