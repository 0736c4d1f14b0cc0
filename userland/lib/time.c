/* <time.h> and <sys/time.h>.  Everything reads the clocks through the
   32-bit clock_gettime (265) with the 32-bit struct timespec; glibc's
   time() and gettimeofday() also come down to clock_gettime when there is
   no vDSO, which a static program under minikernel never has. */
#include <errno.h>
#include <string.h>
#include <time.h>
#include <sys/time.h>
#include "pthreadP.h"
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
	return (int)__syscall_ret(CANCEL_POINT(__syscall2(SYS_nanosleep, (long)req, (long)rem)));
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

/* gmtime_r(3): seconds since the epoch to a UTC calendar date, by the
   proleptic Gregorian calendar counted in 400-year eras of 146097 days
   (Howard Hinnant's civil_from_days). */
struct tm *gmtime_r(const time_t *restrict timep, struct tm *restrict result)
{
	long long t = *timep;
	long long days = t / 86400, secs = t % 86400;
	long long era, doe, yoe, doy, mp, year;
	int mday, mon, leap;

	if (secs < 0) {
		secs += 86400;
		days--;
	}
	result->tm_hour = (int)(secs / 3600);
	result->tm_min = (int)(secs / 60 % 60);
	result->tm_sec = (int)(secs % 60);
	result->tm_wday = (int)((4 + days % 7 + 7) % 7);     /* 1970-01-01 was a Thursday */

	days += 719468;                 /* from 0000-03-01 */
	era = (days >= 0 ? days : days - 146096) / 146097;
	doe = days - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);        /* from March 1st */
	mp = (5 * doy + 2) / 153;
	mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	mon = (int)(mp < 10 ? mp + 2 : mp - 10);
	year = yoe + era * 400 + (mon < 2);
	leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	result->tm_mday = mday;
	result->tm_mon = mon;
	result->tm_year = (int)(year - 1900);
	result->tm_yday = (int)(mon >= 2 ? doy + 59 + leap : doy - 306);
	result->tm_isdst = 0;
	result->tm_gmtoff = 0;
	result->tm_zone = "GMT";
	return result;
}

struct tm *gmtime(const time_t *timep)
{
	static struct tm tm;

	return gmtime_r(timep, &tm);
}

/* Local time is UTC, which glibc calls "UTC" rather than "GMT". */
struct tm *localtime_r(const time_t *restrict timep, struct tm *restrict result)
{
	gmtime_r(timep, result);
	result->tm_zone = "UTC";
	return result;
}

struct tm *localtime(const time_t *timep)
{
	static struct tm tm;

	return localtime_r(timep, &tm);
}

int setitimer(int which, const struct itimerval *restrict new_value, struct itimerval *restrict old_value)
{
	return (int)__syscall_ret(__syscall3(SYS_setitimer, which, (long)new_value, (long)old_value));
}

int getitimer(int which, struct itimerval *curr_value)
{
	return (int)__syscall_ret(__syscall2(SYS_getitimer, which, (long)curr_value));
}
