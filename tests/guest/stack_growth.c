/*
 * stack_growth.c - the stack grows on demand (mm/mmap.c: expand_stack) well
 * past its first pages: 64 recursive calls with a 64 KiB frame each (4 MiB),
 * then a 256 KiB alloca at the deepest point, all checked on the way back.
 * Stays under the default 8 MiB RLIMIT_STACK.
 */
#include <stdio.h>
#include <string.h>

#define FRAME (64 * 1024)
#define DEPTH 64
#define ALLOCA (256 * 1024)

static int bad_frames;

static int check(const unsigned char *p, size_t n, unsigned char v)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (p[i] != v)
            return 0;
    return 1;
}

static unsigned long descend(int depth)
{
    volatile unsigned char frame[FRAME];
    unsigned long sum;

    memset((void *)frame, depth + 1, FRAME);
    if (depth + 1 < DEPTH) {
        sum = descend(depth + 1);
    } else {
        unsigned char *extra = __builtin_alloca(ALLOCA);

        memset(extra, 0xee, ALLOCA);
        printf("alloca: %s\n", check(extra, ALLOCA, 0xee) ? "OK" : "FAIL");
        sum = extra[ALLOCA - 1];
    }
    if (!check((const unsigned char *)frame, FRAME, (unsigned char)(depth + 1)))
        bad_frames++;
    return sum + frame[FRAME / 2];
}

int main(void)
{
    unsigned long sum = descend(0);

    printf("frames: %d of %d bytes\n", DEPTH, FRAME);
    printf("sum: %lu\n", sum);
    printf("frames-intact: %s\n", bad_frames ? "FAIL" : "OK");
    printf("stack-growth: %s\n", bad_frames == 0 && sum == 0xee + DEPTH * (DEPTH + 1) / 2 ? "OK" : "FAIL");
    return 0;
}
