/* <time.h>: clocks and sleeping (clock_gettime(2), nanosleep(2)). */
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

int clock_gettime(clockid_t clockid, struct timespec *tp);
int clock_getres(clockid_t clockid, struct timespec *res);
int clock_nanosleep(clockid_t clockid, int flags, const struct timespec *request,
                    struct timespec *remain);
int nanosleep(const struct timespec *req, struct timespec *rem);
time_t time(time_t *tloc);
clock_t clock(void);

#endif
