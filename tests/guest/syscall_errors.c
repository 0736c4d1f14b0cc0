/*
 * syscall_errors.c - bad arguments and the errno Linux answers with.
 *
 * Only cases whose answer does not depend on what fd 0/1 are (tty, pipe,
 * file) are here. Kernel-level checks call syscall() directly where a libc
 * might answer in user space (glibc's vDSO clock_gettime would fault on a
 * NULL pointer instead of returning EFAULT).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include "errno_name.h"

#define PAGE 4096

static void report(const char *name, long r)
{
    if (r == -1)
        printf("%s: errno=%s\n", name, errno_name(errno));
    else
        printf("%s: FAIL (returned %ld)\n", name, r);
}

int main(void)
{
    struct timespec ts;
    char *pages;
    const void *volatile bad_pointer = (const void *)1;
    int r;

    errno = 0;
    report("write-bad-fd", write(99, "x", 1));
    errno = 0;
    report("write-negative-fd", write(-1, "x", 1));
    errno = 0;
    report("read-bad-fd", read(99, &ts, 1));
    errno = 0;
    report("close-bad-fd", close(99));
    errno = 0;
    report("write-bad-pointer", write(1, bad_pointer, 5));
    errno = 0;
    report("syscall-9999", syscall(9999));
    errno = 0;
    report("syscall-500", syscall(500));
    errno = 0;
    report("uname-null", uname(NULL));
    errno = 0;
    report("clock_gettime-bad-clock", clock_gettime((clockid_t)100, &ts));
    errno = 0;
    report("clock_gettime-null", syscall(SYS_clock_gettime, CLOCK_MONOTONIC, NULL));
    errno = 0;
    report("clock_getres-bad-clock", clock_getres((clockid_t)100, &ts));
    ts.tv_sec = 0;
    ts.tv_nsec = 1000000000;
    errno = 0;
    report("nanosleep-nsec-too-big", nanosleep(&ts, NULL));
    ts.tv_sec = -1;
    ts.tv_nsec = 0;
    errno = 0;
    report("nanosleep-negative", nanosleep(&ts, NULL));
    errno = 0;
    report("nanosleep-null", syscall(SYS_nanosleep, NULL, NULL));
    errno = 0;
    r = isatty(99);
    printf("isatty-bad-fd: %d errno=%s\n", r, errno_name(errno));

    /* A buffer that starts mapped and runs into an unmapped page: the copy fails part way. */
    pages = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (pages == MAP_FAILED) {
        printf("FAIL: mmap: errno=%s\n", errno_name(errno));
        return 1;
    }
    munmap(pages + PAGE, PAGE);
    errno = 0;
    report("uname-straddling-hole", uname((struct utsname *)(pages + PAGE - 100)));
    errno = 0;
    report("clock_gettime-straddling-hole",
           syscall(SYS_clock_gettime, CLOCK_REALTIME, pages + PAGE - 4));
    errno = 0;
    report("uname-unmapped", uname((struct utsname *)(pages + PAGE)));
    return 0;
}
