/* <time.h>: clocks and sleeping (clock_gettime(2), nanosleep(2)), and
   calendar time in UTC. */
#ifndef _TIME_H
#define _TIME_H

#include <stddef.h>
#include <bits/types.h>
#include <bits/time.h>

#define CLOCKS_PER_SEC ((clock_t)1000000)

/* clock ids, from include/uapi/linux/time.h */
#define CLOCK_REALTIME           0
#define CLOCK_MONOTONIC          1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID  3
#define CLOCK_MONOTONIC_RAW      4
#define CLOCK_REALTIME_COARSE    5
#define CLOCK_MONOTONIC_COARSE   6
#define CLOCK_BOOTTIME           7

#define TIMER_ABSTIME 1

/* A broken-down time. */
struct tm {
	int tm_sec;             /* 0-60 */
	int tm_min;             /* 0-59 */
	int tm_hour;            /* 0-23 */
	int tm_mday;            /* 1-31 */
	int tm_mon;             /* 0-11 */
	int tm_year;            /* years since 1900 */
	int tm_wday;            /* 0-6, Sunday = 0 */
	int tm_yday;            /* 0-365 */
	int tm_isdst;           /* daylight saving time: never, here */
	long tm_gmtoff;         /* seconds east of UTC */
	const char *tm_zone;    /* the zone's abbreviation */
};

int clock_gettime(clockid_t clockid, struct timespec *tp);
int clock_getres(clockid_t clockid, struct timespec *res);
int clock_nanosleep(clockid_t clockid, int flags, const struct timespec *request,
                    struct timespec *remain);
int nanosleep(const struct timespec *req, struct timespec *rem);
time_t time(time_t *tloc);
clock_t clock(void);

/* The library has no time zone database: local time is UTC, as glibc's is
   on a system without TZ and /etc/localtime. */
struct tm *gmtime(const time_t *timep);
struct tm *gmtime_r(const time_t *restrict timep, struct tm *restrict result);
struct tm *localtime(const time_t *timep);
struct tm *localtime_r(const time_t *restrict timep, struct tm *restrict result);

#endif
