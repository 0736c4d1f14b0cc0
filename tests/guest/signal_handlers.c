/*
 * signal_handlers.c - handlers run, with Linux's masks, flags and siginfo.
 *
 *   delivery    raise (tgkill: SI_TKILL) and kill (SI_USER) run the handler
 *               before the call returns; si_pid is the sender
 *   masks       during a handler its signal and sa_mask are blocked, and the
 *               old mask is back after it (SA_NODEFER: not blocked); a
 *               blocked signal waits in sigpending and runs when unblocked;
 *               a standard signal sent twice while blocked runs once
 *   nesting     a handler that raises another signal runs that one first
 *   SA_RESETHAND  the first delivery puts the default back
 *   ignoring    SIG_IGN drops a signal, even one already pending
 *   SIGCHLD     an SA_SIGINFO handler sees the child's pid, CLD_EXITED or
 *               CLD_KILLED and the status; a child ignoring SIGTERM lives on;
 *               a reaped child's pid gives ESRCH
 *   SIGPIPE     a handler runs, and write fails with EPIPE
 *   registers   the interrupted code's registers come back unchanged
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "errno_name.h"

static volatile int got, count, nested_order[4], depth;
static volatile int blocked_inside, usr2_blocked_inside;
static volatile siginfo_t last;

static int is_blocked(int sig)
{
    sigset_t now;

    sigprocmask(SIG_BLOCK, NULL, &now);
    return sigismember(&now, sig);
}

static void plain(int sig)
{
    got = sig;
    count++;
    blocked_inside = is_blocked(sig);
    usr2_blocked_inside = is_blocked(SIGUSR2);
}

static void with_info(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    got = sig;
    count++;
    last = *si;
}

static void outer(int sig)
{
    nested_order[depth++] = sig;
    raise(SIGUSR2);
    nested_order[depth++] = -sig;
}

static void inner(int sig)
{
    nested_order[depth++] = sig;
}

static void set(int sig, void (*h)(int), int flags, int masked)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    if (masked)
        sigaddset(&sa.sa_mask, masked);
    sigaction(sig, &sa, NULL);
}

static void set_info(int sig, int flags)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = with_info;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void delivery(void)
{
    printf("-- delivery\n");
    set(SIGUSR1, plain, 0, SIGUSR2);
    got = count = 0;
    count = raise(SIGUSR1);
    printf("raise: %d, handler saw %d\n", count, got);
    printf("  inside: SIGUSR1 blocked %d, SIGUSR2 (sa_mask) blocked %d; after: %d %d\n",
           blocked_inside, usr2_blocked_inside, is_blocked(SIGUSR1), is_blocked(SIGUSR2));
    set(SIGUSR1, plain, SA_NODEFER, 0);
    raise(SIGUSR1);
    printf("SA_NODEFER: blocked inside %d\n", blocked_inside);
    set_info(SIGUSR2, 0);
    kill(getpid(), SIGUSR2);
    printf("kill: signo %d code %s pid is mine %d errno %d\n", last.si_signo,
           last.si_code == SI_USER ? "SI_USER" : "other", last.si_pid == getpid(), last.si_errno);
    raise(SIGUSR2);
    printf("raise: code %s\n", last.si_code == SI_TKILL ? "SI_TKILL" : "other");
}

static void masks(void)
{
    sigset_t block, old, pending;

    printf("-- masks\n");
    set(SIGUSR1, plain, 0, 0);
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &old);
    got = count = 0;
    raise(SIGUSR1);
    raise(SIGUSR1);
    sigpending(&pending);
    printf("blocked: handler ran %d times, pending %d\n", count, sigismember(&pending, SIGUSR1));
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("unblocked: handler ran %d time(s)\n", count);
    sigpending(&pending);
    printf("pending after: %d\n", sigismember(&pending, SIGUSR1));
    sigfillset(&block);
    sigprocmask(SIG_SETMASK, &block, &old);
    sigprocmask(SIG_SETMASK, NULL, &block);
    printf("SIGKILL blockable %d, SIGSTOP blockable %d, SIGTERM blocked %d\n",
           sigismember(&block, SIGKILL), sigismember(&block, SIGSTOP), sigismember(&block, SIGTERM));
    sigprocmask(SIG_SETMASK, &old, NULL);
}

static void nesting(void)
{
    printf("-- nesting\n");
    set(SIGUSR1, outer, 0, 0);
    set(SIGUSR2, inner, 0, 0);
    depth = 0;
    raise(SIGUSR1);
    printf("order: %d %d %d\n", nested_order[0], nested_order[1], nested_order[2]);
}

static void resethand_and_ignore(void)
{
    struct sigaction now;
    sigset_t block, old, pending;

    printf("-- SA_RESETHAND, SIG_IGN\n");
    set(SIGUSR1, plain, SA_RESETHAND, 0);
    count = 0;
    raise(SIGUSR1);
    sigaction(SIGUSR1, NULL, &now);
    printf("after one delivery: ran %d, handler is SIG_DFL %d\n", count, now.sa_handler == SIG_DFL);
    signal(SIGUSR2, SIG_IGN);
    printf("ignored raise: %d\n", raise(SIGUSR2));
    set(SIGUSR1, plain, 0, 0);
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &old);
    raise(SIGUSR1);
    signal(SIGUSR1, SIG_IGN);
    sigpending(&pending);
    printf("pending, then ignored: still pending %d\n", sigismember(&pending, SIGUSR1));
    sigprocmask(SIG_SETMASK, &old, NULL);
    signal(SIGUSR1, SIG_DFL);
    signal(SIGUSR2, SIG_DFL);
}

static void children(void)
{
    int status, ready[2];
    pid_t pid;

    printf("-- SIGCHLD\n");
    pipe(ready);
    set_info(SIGCHLD, 0);
    got = 0;
    pid = fork();
    if (pid == 0)
        _exit(7);
    waitpid(pid, &status, 0);
    printf("exited: handler %d, pid matches %d, code %s, status %d\n", got, last.si_pid == pid,
           last.si_code == CLD_EXITED ? "CLD_EXITED" : "other", last.si_status);
    got = 0;
    pid = fork();
    if (pid == 0) {
        pause();
        _exit(0);
    }
    kill(pid, SIGTERM);
    waitpid(pid, &status, 0);
    printf("killed: handler %d, code %s, si_status %d, WTERMSIG %d\n", got,
           last.si_code == CLD_KILLED ? "CLD_KILLED" : "other", last.si_status, WTERMSIG(status));
    signal(SIGCHLD, SIG_DFL);

    /* A child that ignores SIGTERM lives on; once reaped, its pid is gone (ESRCH). */
    pid = fork();
    if (pid == 0) {
        signal(SIGTERM, SIG_IGN);
        write(ready[1], "r", 1);
        pause();
        _exit(0);
    }
    read(ready[0], &status, 1);
    printf("SIGTERM to a child that ignores it: %d, it lives %d\n", kill(pid, SIGTERM), kill(pid, 0) == 0);
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    status = WTERMSIG(status);
    errno = 0;
    pid = kill(pid, 0);
    printf("then SIGKILL: %d; kill after reaping: %d %s\n", status, (int)pid, errno_name(errno));
}

static void broken_pipe(void)
{
    int fds[2];
    long r;

    printf("-- SIGPIPE\n");
    set(SIGPIPE, plain, 0, 0);
    got = 0;
    pipe(fds);
    close(fds[0]);
    r = write(fds[1], "x", 1);
    printf("write: %ld %s, handler saw %d\n", r, errno_name(errno), got);
    close(fds[1]);
    signal(SIGPIPE, SIG_DFL);
}

static void registers(void)
{
    unsigned a = 0x11111111, b = 0x22222222, c = 0x33333333, d = 0x44444444, s = 0x55555555, di = 0x66666666;
    unsigned ra, rb, rc, rd, rs, rdi;

    printf("-- registers\n");
    set(SIGUSR1, plain, 0, 0);
    /* kill(getpid(), SIGUSR1) by hand: the handler runs when the call returns, between two
       instructions, and every register but EAX (the result) must come back. */
    __asm__ volatile(
        "push %%ebp\n\t"
        "mov %%ebx, %%ebp\n\t"        /* keep the pid in EBP while EBX is the argument */
        "mov $37, %%eax\n\t"
        "int $0x80\n\t"
        "mov %%ebp, %%ebx\n\t"
        "pop %%ebp\n\t"
        : "=a"(ra), "=b"(rb), "=c"(rc), "=d"(rd), "=S"(rs), "=D"(rdi)
        : "b"(getpid()), "c"(SIGUSR1), "d"(d), "S"(s), "D"(di)
        : "memory");
    (void)a; (void)b; (void)c;
    printf("after: eax %u, ecx %#x, edx %#x, esi %#x, edi %#x, ebx is pid %d, handler %d\n",
           ra, rc, rd, rs, rdi, rb == (unsigned)getpid(), got);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    delivery();
    masks();
    nesting();
    resethand_and_ignore();
    children();
    broken_pipe();
    registers();
    return 0;
}
