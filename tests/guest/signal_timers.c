/*
 * signal_timers.c - alarm, setitimer, sigtimedwait, sigqueue, sigaltstack.
 *
 *   alarm         SIGALRM after the seconds asked (pause returns EINTR); a
 *                 second alarm returns the seconds the first had left; 0
 *                 cancels
 *   setitimer     an interval timer fires again and again; getitimer shows it
 *   sigtimedwait  takes a blocked pending signal without its handler, with
 *                 its siginfo; EAGAIN at the timeout; wakes for one sent later
 *   sigqueue      the value arrives in si_value, si_code SI_QUEUE
 *   sigaltstack   an SA_ONSTACK handler runs on the alternate stack (and a
 *                 stack overflow can be caught there); EPERM to change it
 *                 while on it; ENOMEM if too small
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/wait.h>
#include "errno_name.h"

static volatile int alarms;
static volatile int on_alt, change_while_on;
static char *alt;

static void on_alarm(int sig)
{
    (void)sig;
    alarms++;
}

static void on_usr1(int sig)
{
    stack_t ss;
    char here;

    (void)sig;
    on_alt = &here >= alt && &here < alt + 65536;
    memset(&ss, 0, sizeof ss);
    ss.ss_flags = SS_DISABLE;
    change_while_on = sigaltstack(&ss, NULL) == -1 ? errno : 0;
}

static void handle(int sig, void (*h)(int), int flags)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void timers(void)
{
    struct itimerval it, old;
    int r;

    printf("-- alarm, setitimer\n");
    handle(SIGALRM, on_alarm, 0);
    printf("alarm(2): %u\n", alarm(2));
    r = pause();
    printf("pause: %d %s, alarms %d\n", r, errno_name(errno), alarms);
    alarm(10);
    printf("alarm(3) with 10 s left: %u\n", alarm(3));
    printf("alarm(0): %u\n", alarm(0));
    memset(&it, 0, sizeof it);
    it.it_value.tv_usec = 200000;
    it.it_interval.tv_usec = 100000;
    alarms = 0;
    printf("setitimer: %d\n", setitimer(ITIMER_REAL, &it, NULL));
    getitimer(ITIMER_REAL, &old);
    printf("getitimer: interval %ld us, value at most 200000 us %d\n", (long)old.it_interval.tv_usec,
           old.it_value.tv_sec == 0 && old.it_value.tv_usec <= 200000 && old.it_value.tv_usec > 0);
    while (alarms < 3)
        pause();
    memset(&it, 0, sizeof it);
    setitimer(ITIMER_REAL, &it, &old);
    printf("three alarms; the old setting's interval %ld us\n", (long)old.it_interval.tv_usec);
    printf("setitimer(bad usec): %s\n", (it.it_value.tv_usec = 1000000, setitimer(ITIMER_REAL, &it, NULL)) ? errno_name(errno) : "0");
}

static void waiting(void)
{
    sigset_t set;
    siginfo_t si;
    struct timespec ts = { 0, 50000000 };
    union sigval v;
    pid_t pid;
    int r;

    printf("-- sigtimedwait, sigqueue\n");
    handle(SIGUSR1, on_alarm, 0);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, NULL);
    alarms = 0;
    raise(SIGUSR1);
    r = sigtimedwait(&set, &si, &ts);
    /* glibc's sigtimedwait reports raise's SI_TKILL as SI_USER, as POSIX wants for raise */
    printf("pending SIGUSR1: %d, code %s, the handler did not run %d\n", r,
           si.si_code == SI_TKILL ? "SI_TKILL" : si.si_code == SI_USER ? "SI_USER" : "other", alarms == 0);
    r = sigtimedwait(&set, &si, &ts);
    printf("nothing pending: %d %s\n", r, errno_name(errno));
    pid = fork();
    if (pid == 0) {
        struct timespec nap = { 0, 100000000 };
        nanosleep(&nap, NULL);
        v.sival_int = 4242;
        sigqueue(getppid(), SIGUSR2, v);
        _exit(0);
    }
    r = sigwaitinfo(&set, &si);
    printf("sent later with sigqueue: %d, code %s, value %d, from the child %d\n", r,
           si.si_code == SI_QUEUE ? "SI_QUEUE" : "other", si.si_value.sival_int, si.si_pid == pid);
    waitpid(pid, NULL, 0);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static void alternate(void)
{
    stack_t ss, old;

    printf("-- sigaltstack\n");
    alt = malloc(65536);
    memset(&ss, 0, sizeof ss);
    ss.ss_sp = alt;
    ss.ss_size = 1024;
    printf("too small: %s\n", sigaltstack(&ss, NULL) ? errno_name(errno) : "0");
    ss.ss_size = 65536;
    printf("set: %d\n", sigaltstack(&ss, &old));
    printf("old: disabled %d\n", old.ss_flags == SS_DISABLE);
    sigaltstack(NULL, &old);
    printf("now: size %ld, flags %d, sp is ours %d\n", (long)old.ss_size, old.ss_flags, old.ss_sp == alt);
    handle(SIGUSR1, on_usr1, SA_ONSTACK);
    raise(SIGUSR1);
    printf("SA_ONSTACK handler on the alternate stack %d, sigaltstack there: %s\n", on_alt,
           change_while_on ? errno_name(change_while_on) : "0");
    handle(SIGUSR1, on_usr1, 0);
    raise(SIGUSR1);
    printf("without SA_ONSTACK on it %d\n", on_alt);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    timers();
    waiting();
    alternate();
    return 0;
}
