/*
 * stack_overflow.c - unbounded recursion: the stack grows to its limit (8 MiB
 * by default, RLIMIT_STACK) and the next access past it is a SIGSEGV, exit
 * status 139.
 *
 * If RLIMIT_STACK is unlimited, a 32-bit stack can grow for gigabytes; the
 * program lowers its own soft limit to 8 MiB first (ignoring a kernel that
 * lacks the call) and stops at 256 MiB with a FAIL line rather than eat memory.
 */
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

#define FRAME 1024
#define GIVE_UP_DEPTH (256 * 1024 * 1024 / FRAME)
#define RLIMIT_STACK_ 3
#ifndef SYS_ugetrlimit
#define SYS_ugetrlimit 191
#endif
#ifndef SYS_setrlimit
#define SYS_setrlimit 75
#endif

struct rlimit32 {
    unsigned long cur, max;
};

static void say(const char *s)
{
    write(1, s, strlen(s));
}

/* The point is the recursion that never returns normally. */
#pragma GCC diagnostic ignored "-Winfinite-recursion"
static int dive(int depth)
{
    volatile char frame[FRAME];

    frame[0] = (char)depth;
    frame[FRAME - 1] = (char)depth;
    if (depth >= GIVE_UP_DEPTH) {
        say("FAIL: 256 MiB of stack and no SIGSEGV\n");
        _exit(1);
    }
    return dive(depth + 1) + frame[0] + frame[FRAME - 1];
}

int main(void)
{
    struct rlimit32 lim;

    if (syscall(SYS_ugetrlimit, RLIMIT_STACK_, &lim) == 0 && lim.cur > 8ul * 1024 * 1024) {
        lim.cur = 8ul * 1024 * 1024;
        syscall(SYS_setrlimit, RLIMIT_STACK_, &lim);
    }
    say("recursing without bound\n");
    return dive(0);
}
