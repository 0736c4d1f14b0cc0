/*
 * mmap_anon.c - anonymous memory mappings (mm/mmap.c, mm/mprotect.c):
 * zero-filled pages, munmap of a page in the middle of a mapping, mprotect
 * down to read-only and back, MAP_FIXED over an existing mapping, and the
 * argument checks Linux makes, with its errno for each.
 *
 * Nothing here faults: whether a page is mapped or writable is observed by
 * handing it to a system call, which fails with EFAULT instead.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "errno_name.h"

#define PAGE 4096

static const char *ok(int good)
{
    return good ? "OK" : "FAIL";
}

static int all_bytes(const unsigned char *p, size_t n, unsigned char v)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (p[i] != v)
            return 0;
    return 1;
}

/* Has the kernel write 8 bytes at p: 0 if it could, else errno. */
static int kernel_writes(void *p)
{
    errno = 0;
    if (syscall(SYS_clock_gettime, CLOCK_MONOTONIC, p) == 0)
        return 0;
    return errno;
}

static void expect_fail(const char *name, void *result)
{
    int e = errno;

    if (result != MAP_FAILED)
        printf("%s: FAIL (succeeded)\n", name);
    else
        printf("%s: errno=%s\n", name, errno_name(e));
}

static void show_ret(const char *name, int r)
{
    if (r == 0)
        printf("%s: 0\n", name);
    else
        printf("%s: %d errno=%s\n", name, r, errno_name(errno));
}

int main(void)
{
    unsigned char *p, *q, *big;
    int i;

    p = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        printf("FAIL: mmap of 4 pages: errno=%s\n", errno_name(errno));
        return 1;
    }
    printf("page-aligned: %s\n", ok(((uintptr_t)p & (PAGE - 1)) == 0));
    printf("zero-filled: %s\n", ok(all_bytes(p, 4 * PAGE, 0)));
    for (i = 0; i < 4; i++)
        memset(p + i * PAGE, 0xa0 + i, PAGE);

    show_ret("munmap-middle", munmap(p + PAGE, PAGE));
    printf("hole-unmapped: errno=%s\n", errno_name(kernel_writes(p + PAGE)));
    printf("neighbours-intact: %s\n",
           ok(all_bytes(p, PAGE, 0xa0) && all_bytes(p + 2 * PAGE, PAGE, 0xa2)
              && all_bytes(p + 3 * PAGE, PAGE, 0xa3)));
    q = mmap(p + PAGE, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("fixed-into-hole: %s\n", ok(q == p + PAGE));
    printf("hole-refilled-with-zeros: %s\n", ok(q == p + PAGE && all_bytes(q, PAGE, 0)));

    show_ret("mprotect-read-only", mprotect(p, PAGE, PROT_READ));
    printf("read-only-readable: %s\n", ok(all_bytes(p, PAGE, 0xa0)));
    printf("read-only-kernel-write: errno=%s\n", errno_name(kernel_writes(p)));
    printf("next-page-still-writable: errno=%s\n", errno_name(kernel_writes(p + 2 * PAGE)));
    show_ret("mprotect-read-write", mprotect(p, PAGE, PROT_READ | PROT_WRITE));
    p[0] = 0x5a;
    printf("writable-again: %s\n", ok(p[0] == 0x5a && kernel_writes(p + 8) == 0));

    /* MAP_FIXED replaces whatever was there, here the last two pages of p. */
    q = mmap(p + 2 * PAGE, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
             -1, 0);
    printf("fixed-over-mapping-address: %s\n", ok(q == p + 2 * PAGE));
    printf("fixed-over-mapping-zeroed: %s\n", ok(q == p + 2 * PAGE && all_bytes(q, 2 * PAGE, 0)));
    printf("page-before-kept: %s\n", ok(p[PAGE] == 0 && p[0] == 0x5a));
    show_ret("munmap-all", munmap(p, 4 * PAGE));
    printf("all-unmapped: errno=%s\n", errno_name(kernel_writes(p + 3 * PAGE)));
    show_ret("munmap-unmapped-range", munmap(p, 4 * PAGE));

    big = mmap(NULL, 1024 * 1024, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (big == MAP_FAILED) {
        printf("FAIL: mmap 1 MiB: errno=%s\n", errno_name(errno));
        return 1;
    }
    for (i = 0; i < 256; i++)
        big[i * PAGE + (i % PAGE)] = (unsigned char)i;
    {
        int good = 1;

        for (i = 0; i < 256; i++)
            if (big[i * PAGE + (i % PAGE)] != (unsigned char)i)
                good = 0;
        printf("one-mib-every-page: %s\n", ok(good));
    }
    show_ret("munmap-one-mib", munmap(big, 1024 * 1024));

    errno = 0;
    expect_fail("length-0", mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    errno = 0;
    expect_fail("fixed-unaligned", mmap((void *)0x10000001, PAGE, PROT_READ,
                                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0));
    errno = 0;
    expect_fail("neither-private-nor-shared", mmap(NULL, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0));
    errno = 0;
    expect_fail("file-mapping-of-fd-minus-1", mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, -1, 0));

    p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    errno = 0;
    show_ret("munmap-unaligned", munmap(p + 1, PAGE));
    errno = 0;
    show_ret("munmap-length-0", munmap(p, 0));
    errno = 0;
    show_ret("mprotect-unaligned", mprotect(p + 1, PAGE, PROT_READ));
    munmap(p, 2 * PAGE);
    errno = 0;
    show_ret("mprotect-unmapped", mprotect(p, PAGE, PROT_READ));
    return 0;
}
