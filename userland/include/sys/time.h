/* <sys/time.h>: gettimeofday(2), setitimer(2), getitimer(2). */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <bits/types.h>
#include <bits/time.h>

struct timezone {
	int tz_minuteswest;     /* minutes west of Greenwich */
	int tz_dsttime;         /* type of DST correction */
};

int gettimeofday(struct timeval *restrict tv, void *restrict tz);

/* Interval timers (setitimer(2)); this kernel has ITIMER_REAL only. */
#define ITIMER_REAL    0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF    2

struct itimerval {
	struct timeval it_interval;     /* reloaded at each expiry (0: once) */
	struct timeval it_value;        /* time to the next expiry (0: disarmed) */
};

int setitimer(int which, const struct itimerval *restrict new_value, struct itimerval *restrict old_value);
int getitimer(int which, struct itimerval *curr_value);

#endif
