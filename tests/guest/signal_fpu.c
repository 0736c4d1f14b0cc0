/*
 * signal_fpu.c - a handler's floating point does not leak into the code it
 * interrupts: the kernel saves the x87 and SSE state in the signal frame
 * (its fpstate) and sigreturn puts it back.
 *
 * The main code holds a value in XMM1 and one on the x87 stack while it
 * spins; an interval timer's handler overwrites XMM1 and XMM7, pushes and
 * pops x87 registers, and changes both rounding modes (the x87 control word
 * and MXCSR). After the handler, every one of them must be as before. The
 * handler also sees a non-zero fpstate pointer in its ucontext.
 */
#pragma GCC target("sse2")        /* the XMM registers, whatever the default -march */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <ucontext.h>

volatile int fired;
static volatile int had_fpstate;

static void on_alarm(int sig, siginfo_t *si, void *ctx)
{
    static const double junk = 12345.678;
    static const unsigned short cw = 0x0c7f;       /* round toward zero */
    static const unsigned int mx = 0x7f80;         /* round toward zero, all masked */
    ucontext_t *uc = ctx;

    (void)sig;
    (void)si;
    had_fpstate = uc->uc_mcontext.fpregs != NULL;
    __asm__ volatile("movsd %0, %%xmm1\n\t"
                     "movsd %0, %%xmm7\n\t"
                     "fldcw %1\n\t"
                     "ldmxcsr %2\n\t"
                     "fldpi\n\tfldpi\n\tfldpi\n\t"
                     "fstp %%st(0)\n\tfstp %%st(0)\n\tfstp %%st(0)"
                     : : "m"(junk), "m"(cw), "m"(mx) : "xmm1", "xmm7", "memory");
    fired = 1;
}

int main(void)
{
    static const double a = 2.5, b = 0.125;
    double xmm1_after, st0_after;
    unsigned short cw_before, cw_after;
    unsigned int mx_before, mx_after;
    struct sigaction sa;
    struct itimerval it;

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_alarm;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    memset(&it, 0, sizeof it);
    it.it_value.tv_usec = 10000;
    __asm__ volatile("fnstcw %0\n\tstmxcsr %1" : "=m"(cw_before), "=m"(mx_before));
    setitimer(ITIMER_REAL, &it, NULL);
    __asm__ volatile("movsd %2, %%xmm1\n\t"
                     "fldl %3\n\t"
                     "1: cmpl $0, fired\n\t"
                     "je 1b\n\t"
                     "movsd %%xmm1, %0\n\t"
                     "fstpl %1"
                     : "=m"(xmm1_after), "=m"(st0_after)
                     : "m"(a), "m"(b)
                     : "xmm1", "memory");
    __asm__ volatile("fnstcw %0\n\tstmxcsr %1" : "=m"(cw_after), "=m"(mx_after));
    printf("the handler ran: %d, it had an fpstate: %d\n", fired, had_fpstate);
    printf("XMM1 kept: %d (%g)\n", xmm1_after == a, xmm1_after);
    printf("x87 ST0 kept: %d (%g)\n", st0_after == b, st0_after);
    printf("x87 control word kept: %d, MXCSR kept: %d\n", cw_after == cw_before, mx_after == mx_before);
    return 0;
}
