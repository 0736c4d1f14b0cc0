/*
 * signal_faults.c - a program catches its own faults and leaves the handler
 * with siglongjmp, as Linux allows.
 *
 *   SIGSEGV   a read of address 0 (SEGV_MAPERR, si_addr 0), a write to a
 *             read-only page (SEGV_ACCERR, si_addr the exact byte), a jump to
 *             an unmapped address (si_addr that address)
 *   SIGFPE    an integer division by zero (FPE_INTDIV)
 *   SIGILL    ud2 (ILL_ILLOPN, si_addr the instruction)
 *   masks     siglongjmp with savemask puts back the mask the handler blocked;
 *             a fault of a blocked signal still kills (in a child), and so
 *             does one whose handler is SIG_IGN
 *   returning a handler that fixes the page and returns: the instruction runs
 *             again and succeeds
 */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

static sigjmp_buf back;
static volatile siginfo_t seen;
static char *page;

static void catcher(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    seen = *si;
    siglongjmp(back, 1);
}

static void fixer(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    seen = *si;
    mprotect(page, 4096, PROT_READ | PROT_WRITE);
}

static void on(int sig, void (*h)(int, siginfo_t *, void *))
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = h;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static const char *code_name(const volatile siginfo_t *si)
{
    switch (si->si_signo) {
    case SIGSEGV: return si->si_code == SEGV_MAPERR ? "SEGV_MAPERR" : si->si_code == SEGV_ACCERR ? "SEGV_ACCERR" : "?";
    case SIGFPE: return si->si_code == FPE_INTDIV ? "FPE_INTDIV" : "?";
    case SIGILL: return si->si_code == ILL_ILLOPN ? "ILL_ILLOPN" : "?";
    default: return "?";
    }
}

static void report(const char *what, long expected_addr)
{
    printf("%s: signal %d, %s, address as expected %d\n", what, seen.si_signo, code_name(&seen),
           (long)seen.si_addr == expected_addr);
}

int main(void)
{
    volatile int zero = 0, r = 0;
    sigset_t now;
    int status;

    setvbuf(stdout, NULL, _IONBF, 0);
    on(SIGSEGV, catcher);
    on(SIGFPE, catcher);
    on(SIGILL, catcher);
    page = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    if (sigsetjmp(back, 1) == 0)
        r = *(volatile int *)0;
    else
        report("read of NULL", 0);
    sigprocmask(SIG_BLOCK, NULL, &now);
    printf("  SIGSEGV blocked after siglongjmp: %d\n", sigismember(&now, SIGSEGV));
    if (sigsetjmp(back, 1) == 0)
        page[123] = 1;
    else
        report("write to a read-only page", (long)page + 123);
    if (sigsetjmp(back, 1) == 0)
        ((void (*)(void))0x1234)();
    else
        report("call to 0x1234", 0x1234);
    if (sigsetjmp(back, 1) == 0)
        r = 10 / zero;
    else
        report("division by zero", seen.si_addr != NULL ? (long)seen.si_addr : -1);
    if (sigsetjmp(back, 1) == 0)
        __asm__ volatile("ud2");
    else
        report("ud2", seen.si_addr != NULL ? (long)seen.si_addr : -1);

    on(SIGSEGV, fixer);
    page[7] = 42;
    printf("a handler that fixes the page: the write went through: %d, code %s\n", page[7], code_name(&seen));

    if (fork() == 0) {
        sigset_t block;

        on(SIGSEGV, catcher);
        sigemptyset(&block);
        sigaddset(&block, SIGSEGV);
        sigprocmask(SIG_BLOCK, &block, NULL);
        r = *(volatile int *)0;
        _exit(0);
    }
    wait(&status);
    printf("blocked SIGSEGV at a fault: killed %d by %d\n", WIFSIGNALED(status), WTERMSIG(status));
    if (fork() == 0) {
        signal(SIGSEGV, SIG_IGN);
        r = *(volatile int *)0;
        _exit(0);
    }
    wait(&status);
    printf("ignored SIGSEGV at a fault: killed %d by %d\n", WIFSIGNALED(status), WTERMSIG(status));
    (void)r;
    return 0;
}
