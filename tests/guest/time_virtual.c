/*
 * time_virtual.c - the clocks a program can read (kernel/time/): CLOCK_MONOTONIC
 * never goes back, CLOCK_REALTIME is a plausible date and agrees with
 * gettimeofday() and time(), nanosleep() lets at least the requested time pass.
 *
 *   time_virtual      OK lines only: the same on every run
 *   time_virtual raw  also the measured durations in ns: these differ between
 *                     native runs, but must repeat exactly under minikernel's
 *                     virtual clock with the same seed
 */
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

static long long ns(const struct timespec *t)
{
    return (long long)t->tv_sec * 1000000000LL + t->tv_nsec;
}

static int within_a_second(long long a, long long b)
{
    return a - b <= 1 && b - a <= 1;
}

static const char *ok(int good)
{
    return good ? "OK" : "FAIL";
}

int main(int argc, char **argv)
{
    int raw = argc > 1 && strcmp(argv[1], "raw") == 0;
    struct timespec t0, t1, t2, rt, res, nap = {0, 10 * 1000 * 1000};
    struct timeval tv;
    volatile unsigned int x = 1;
    unsigned int i;
    time_t now;

    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (i = 0; i < 2000000; i++)
        x = x * 1103515245u + 12345u;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("monotonic: %s\n", ok(ns(&t1) >= ns(&t0)));
    printf("nsec-in-range: %s\n", ok(t0.tv_nsec >= 0 && t0.tv_nsec < 1000000000L
                                      && t1.tv_nsec >= 0 && t1.tv_nsec < 1000000000L));

    printf("nanosleep-returns: %d\n", nanosleep(&nap, NULL));
    clock_gettime(CLOCK_MONOTONIC, &t2);
    printf("nanosleep-waits-10ms: %s\n", ok(ns(&t2) - ns(&t1) >= 10 * 1000 * 1000LL));

    clock_gettime(CLOCK_REALTIME, &rt);
    printf("realtime-sane: %s\n", ok(rt.tv_sec > 1000000000L));
    gettimeofday(&tv, NULL);
    printf("gettimeofday-agrees: %s\n", ok(within_a_second(tv.tv_sec, rt.tv_sec)
                                            && tv.tv_usec >= 0 && tv.tv_usec < 1000000));
    /* glibc's time() may read the coarse clock, a tick behind: allow either side. */
    now = time(NULL);
    printf("time-agrees: %s\n", ok(within_a_second(now, rt.tv_sec)));

    clock_getres(CLOCK_REALTIME, &res);
    printf("clock_getres(CLOCK_REALTIME): %ld.%09ld\n", (long)res.tv_sec, res.tv_nsec);
    clock_getres(CLOCK_MONOTONIC, &res);
    printf("clock_getres(CLOCK_MONOTONIC): %ld.%09ld\n", (long)res.tv_sec, res.tv_nsec);

    if (raw) {
        printf("busy-loop-ns: %lld\n", ns(&t1) - ns(&t0));
        printf("nanosleep-ns: %lld\n", ns(&t2) - ns(&t1));
    }
    return 0;
}
