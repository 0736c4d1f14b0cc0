/*
 * mmap_shared_private.c - anonymous mappings across fork, and reshaping them
 * (mm/mmap.c, mm/mremap.c, mm/madvise.c):
 *
 *   MAP_SHARED | MAP_ANONYMOUS   one set of pages for parent and child:
 *                                each sees the other's writes
 *   MAP_PRIVATE | MAP_ANONYMOUS  copied on write: neither sees the other's
 *   mremap(MREMAP_MAYMOVE)       growing keeps the contents, the new part is
 *                                zero; without MAYMOVE a mapping that cannot
 *                                grow in place gives ENOMEM
 *   madvise(MADV_DONTNEED)       private anonymous pages read back as zero;
 *                                shared ones keep their data
 *   munmap in the middle         the pages on either side stay usable
 *
 * The parent and child take turns through pipes, and the child's lines come
 * out before the parent's, the same on every run.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include "proc_helpers.h"

#define PAGE 4096

static void *map(size_t bytes, int sharing)
{
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, sharing | MAP_ANONYMOUS, -1, 0);

    if (p == MAP_FAILED) {
        printf("FAIL: mmap: errno=%s\n", errno_name(errno));
        exit(1);
    }
    return p;
}

static int all_bytes(const volatile unsigned char *p, size_t n, unsigned char v)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (p[i] != v)
            return 0;
    return 1;
}

static void across_fork(void)
{
    volatile int *shared = map(PAGE, MAP_SHARED);
    volatile int *private = map(PAGE, MAP_PRIVATE);
    int to_parent[2], to_child[2], status, counter_seen, shared_seen, private_seen;
    char c = 'x';
    pid_t pid;
    int i;

    shared[0] = 1;
    private[0] = 1;
    shared[1] = 0;
    if (pipe(to_parent) < 0 || pipe(to_child) < 0) {
        printf("FAIL: pipe: errno=%s\n", errno_name(errno));
        exit(1);
    }
    pid = fork_flushed();
    if (pid == 0) {
        shared[0] = 2;
        private[0] = 2;
        for (i = 0; i < 1000; i++)
            shared[1]++;
        write(to_parent[1], &c, 1);
        read(to_child[0], &c, 1);
        printf("child: MAP_SHARED after the parent wrote 3: %d\n", shared[0]);
        printf("child: MAP_PRIVATE after the parent wrote 3: %d\n", private[0]);
        exit(0);
    }
    read(to_parent[0], &c, 1);
    counter_seen = shared[1];
    shared_seen = shared[0];
    private_seen = private[0];
    shared[0] = 3;
    private[0] = 3;
    write(to_child[1], &c, 1);
    status = wait_for(pid);
    printf("child %s\n", ended(status));
    printf("parent: MAP_SHARED after the child wrote 2: %d\n", shared_seen);
    printf("parent: MAP_PRIVATE after the child wrote 2: %d\n", private_seen);
    printf("parent: the child's 1000 increments of a shared counter: %d\n", counter_seen);
    munmap((void *)shared, PAGE);
    munmap((void *)private, PAGE);
}

static void remap(void)
{
    /* Not needed by Linux: without a mapping at least as large as the grown
       one made first, qemu-i386 7.2 moves it over pages it keeps for itself
       at the top of the address space, and the program crashes there. */
    unsigned char *spacer = map(16 * PAGE, MAP_PRIVATE);
    unsigned char *p = map(2 * PAGE, MAP_PRIVATE), *q;

    memset(p, 0x5a, 2 * PAGE);
    q = mremap(p, 2 * PAGE, 16 * PAGE, MREMAP_MAYMOVE);
    if (q == MAP_FAILED) {
        printf("FAIL: mremap MAYMOVE: errno=%s\n", errno_name(errno));
        return;
    }
    printf("mremap MAYMOVE to 16 pages keeps the contents: %s\n", ok(all_bytes(q, 2 * PAGE, 0x5a)));
    printf("mremap MAYMOVE: the new pages are zero: %s\n", ok(all_bytes(q + 2 * PAGE, 14 * PAGE, 0)));
    memset(q + 15 * PAGE, 0x33, PAGE);
    printf("mremap MAYMOVE: the new pages are writable: %s\n", ok(all_bytes(q + 15 * PAGE, PAGE, 0x33)));
    p = mremap(q, 16 * PAGE, 4 * PAGE, 0);
    printf("mremap shrink in place: %s\n", ok(p == q && all_bytes(p, 2 * PAGE, 0x5a)));
    /* Growing the first page in place would run into the second. */
    q = mremap(p, PAGE, 2 * PAGE, 0);
    printf("mremap growing a page in place whose next page is mapped: %s\n",
           q == MAP_FAILED ? errno_name(errno) : "FAIL (succeeded)");
    munmap(p, 4 * PAGE);
    munmap(spacer, 16 * PAGE);
}

static void dontneed(void)
{
    unsigned char *private = map(4 * PAGE, MAP_PRIVATE);
    unsigned char *shared = map(4 * PAGE, MAP_SHARED);
    int r;

    memset(private, 0x77, 4 * PAGE);
    memset(shared, 0x66, 4 * PAGE);
    r = madvise(private + PAGE, 2 * PAGE, MADV_DONTNEED);
    printf("madvise DONTNEED on 2 private pages: %d\n", r);
    printf("  those pages read back as zero: %s\n", ok(all_bytes(private + PAGE, 2 * PAGE, 0)));
    printf("  the pages around them are kept: %s\n",
           ok(all_bytes(private, PAGE, 0x77) && all_bytes(private + 3 * PAGE, PAGE, 0x77)));
    r = madvise(shared, 4 * PAGE, MADV_DONTNEED);
    printf("madvise DONTNEED on shared pages: %d, data kept: %s\n", r, ok(all_bytes(shared, 4 * PAGE, 0x66)));
    munmap(private, 4 * PAGE);
    munmap(shared, 4 * PAGE);
}

static void hole(void)
{
    unsigned char *p = map(8 * PAGE, MAP_PRIVATE);
    int r;

    memset(p, 0x11, 8 * PAGE);
    r = munmap(p + 3 * PAGE, 2 * PAGE);
    printf("munmap of 2 pages in the middle of 8: %d\n", r);
    /* A system call that writes into the hole fails rather than faulting. */
    r = (int)syscall(SYS_clock_gettime, 1, p + 3 * PAGE);
    printf("  the hole is unmapped: %s\n", r < 0 ? errno_name(errno) : "FAIL (writable)");
    memset(p, 0x22, 3 * PAGE);
    memset(p + 5 * PAGE, 0x44, 3 * PAGE);
    printf("  the pages before and after stay usable: %s\n",
           ok(all_bytes(p, 3 * PAGE, 0x22) && all_bytes(p + 5 * PAGE, 3 * PAGE, 0x44)));
    printf("  munmap of the rest: %d\n", munmap(p, 8 * PAGE));
}

int main(void)
{
    across_fork();
    remap();
    dontneed();
    hole();
    return 0;
}
