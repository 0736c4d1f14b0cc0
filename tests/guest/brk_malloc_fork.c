/*
 * brk_malloc_fork.c - the heap across fork (mm/mmap.c brk, dup_mmap): the
 * program grows the break by 64 KiB with sbrk and takes a 1 MiB block from
 * malloc (above the 128 KiB threshold, so an mmap'd block in both C
 * libraries), fills both, and forks. The child checks it inherited both
 * intact, rewrites them, moves its own break further up and frees the big
 * block; the parent then checks its copies are untouched, its break did not
 * move, the big block is still there, and it can grow the heap itself.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "proc_helpers.h"

#define SBRK_BYTES (64 * 1024)
#define BIG_BYTES (1024 * 1024)

static int filled_with(const unsigned char *p, size_t n, unsigned seed)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (p[i] != (unsigned char)(i * 7 + seed))
            return 0;
    return 1;
}

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    size_t i;

    for (i = 0; i < n; i++)
        p[i] = (unsigned char)(i * 7 + seed);
}

int main(void)
{
    unsigned char *heap, *big, *more;
    char *break_before_fork;
    int status;
    pid_t pid;

    heap = sbrk(SBRK_BYTES);
    big = malloc(BIG_BYTES);
    if (heap == (void *)-1 || big == NULL) {
        printf("FAIL: sbrk or malloc: errno=%s\n", errno_name(errno));
        return 1;
    }
    fill(heap, SBRK_BYTES, 1);
    fill(big, BIG_BYTES, 2);
    /* stdio allocates its buffer on the first printf: before the break is noted. */
    printf("sbrk region and malloc block filled before fork\n");
    break_before_fork = sbrk(0);

    pid = fork_flushed();
    if (pid == 0) {
        printf("child: inherited the sbrk region: %s\n", ok(filled_with(heap, SBRK_BYTES, 1)));
        printf("child: inherited the malloc block: %s\n", ok(filled_with(big, BIG_BYTES, 2)));
        printf("child: inherited the break: %s\n", ok(sbrk(0) == break_before_fork));
        fill(heap, SBRK_BYTES, 3);
        fill(big, BIG_BYTES, 4);
        printf("child: its own writes read back: %s\n",
               ok(filled_with(heap, SBRK_BYTES, 3) && filled_with(big, BIG_BYTES, 4)));
        more = sbrk(SBRK_BYTES);
        printf("child: grew its break by 64 KiB: %s\n",
               ok(more != (void *)-1 && (char *)sbrk(0) == break_before_fork + SBRK_BYTES));
        if (more != (void *)-1)
            fill(more, SBRK_BYTES, 5);
        free(big);
        big = malloc(BIG_BYTES);
        printf("child: freed and reallocated the big block: %s\n", ok(big != NULL));
        exit(0);
    }
    status = wait_for(pid);
    printf("child %s\n", ended(status));
    printf("parent: sbrk region untouched by the child: %s\n", ok(filled_with(heap, SBRK_BYTES, 1)));
    printf("parent: malloc block untouched by the child: %s\n", ok(filled_with(big, BIG_BYTES, 2)));
    printf("parent: break did not move with the child's: %s\n", ok(sbrk(0) == break_before_fork));
    fill(heap, SBRK_BYTES, 6);
    fill(big, BIG_BYTES, 7);
    printf("parent: its own writes read back: %s\n",
           ok(filled_with(heap, SBRK_BYTES, 6) && filled_with(big, BIG_BYTES, 7)));
    more = sbrk(SBRK_BYTES);
    printf("parent: grows its own break: %s\n",
           ok(more == (unsigned char *)break_before_fork && (char *)sbrk(0) == break_before_fork + SBRK_BYTES));
    printf("parent: the new heap pages are zero, not the child's: %s\n",
           ok(more != (void *)-1 && filled_with(more, 1, 0) && more[SBRK_BYTES - 1] == 0));
    free(big);
    return 0;
}
