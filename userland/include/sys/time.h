/* <sys/time.h>: gettimeofday(2). */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <bits/types.h>
#include <bits/time.h>

struct timezone {
	int tz_minuteswest;     /* minutes west of Greenwich */
	int tz_dsttime;         /* type of DST correction */
};

int gettimeofday(struct timeval *restrict tv, void *restrict tz);

#endif
