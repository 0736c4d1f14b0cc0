/*
 * brk_sbrk.c - the program break (mm/mmap.c: sys_brk): growing it in steps,
 * touching every new page, shrinking it back, growing again onto fresh zero
 * pages, and a request below the start of the heap, which Linux refuses by
 * returning the unchanged break.
 *
 * Addresses differ from run to run (Linux randomises the heap start), so
 * only distances from the starting break are printed. stdio may itself use
 * the heap, so results are collected in a static buffer and printed at the end.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

#define PAGE 4096
#define STEP (64 * 1024)
#define STEPS 16

static char out[4096];
static size_t used;

#define NOTE(...) (used += snprintf(out + used, sizeof out - used, __VA_ARGS__))

static long distance(void *p, char *base)
{
    return (long)((char *)p - base);
}

int main(void)
{
    char *start, *base, *p;
    int i, touched_ok = 1, zero_ok = 1, fail = 0;
    long raw;

    /* Page-align the break first: Linux keeps the partial page a shrink leaves. */
    start = sbrk(0);
    sbrk((intptr_t)((PAGE - ((uintptr_t)start & (PAGE - 1))) & (PAGE - 1)));
    base = sbrk(0);
    NOTE("aligned: %s\n", ((uintptr_t)base & (PAGE - 1)) == 0 ? "OK" : "FAIL");

    raw = syscall(SYS_brk, 0);
    NOTE("raw-brk0-matches-sbrk0: %s\n", (char *)raw == base ? "OK" : "FAIL");

    for (i = 0; i < STEPS; i++) {
        p = sbrk(STEP);
        if (p == (char *)-1) {
            NOTE("FAIL: sbrk(%d) step %d failed\n", STEP, i);
            fail = 1;
            break;
        }
        if (distance(p, base) != (long)i * STEP) {
            NOTE("FAIL: sbrk step %d returned base+%ld\n", i, distance(p, base));
            fail = 1;
        }
    }
    NOTE("grown-by: %ld\n", distance(sbrk(0), base));

    for (i = 0; !fail && i < STEPS * STEP; i += PAGE)
        memset(base + i, (unsigned char)(i / PAGE + 1), PAGE);
    for (i = 0; !fail && i < STEPS * STEP; i += PAGE)
        if (base[i] != (char)(unsigned char)(i / PAGE + 1) || base[i + PAGE - 1] != base[i])
            touched_ok = 0;
    NOTE("touch-every-page: %s\n", touched_ok && !fail ? "OK" : "FAIL");

    p = sbrk(-(intptr_t)(STEPS * STEP));
    NOTE("shrink-returns-old-break: base+%ld\n", distance(p, base));
    NOTE("after-shrink: base+%ld\n", distance(sbrk(0), base));

    /* Pages given back by a shrink are gone: growing again maps fresh zero pages. */
    p = sbrk(4 * PAGE);
    NOTE("regrow-returns: base+%ld\n", distance(p, base));
    for (i = 0; i < 4 * PAGE; i++)
        if (base[i] != 0)
            zero_ok = 0;
    NOTE("regrow-zero-filled: %s\n", zero_ok ? "OK" : "FAIL");

    NOTE("brk-up-returns: %d\n", brk(base + 8 * PAGE));
    NOTE("after-brk-up: base+%ld\n", distance(sbrk(0), base));
    base[8 * PAGE - 1] = 1;
    NOTE("brk-down-returns: %d\n", brk(base));
    NOTE("after-brk-down: base+%ld\n", distance(sbrk(0), base));

    /* Below the heap's start (16 MiB down): the kernel answers with the old break. */
    raw = syscall(SYS_brk, base - 16 * 1024 * 1024);
    NOTE("raw-brk-below-start: base+%ld\n", distance((void *)raw, base));
    NOTE("after-brk-below-start: base+%ld\n", distance(sbrk(0), base));

    NOTE("brk: %s\n", fail || !touched_ok || !zero_ok ? "FAIL" : "OK");
    fputs(out, stdout);
    return 0;
}
