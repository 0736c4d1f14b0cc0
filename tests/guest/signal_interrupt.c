/*
 * signal_interrupt.c - a handler interrupts a call that sleeps.
 *
 * A child sleeps in a call; the parent, once the child has said it is about
 * to sleep and a moment has passed, sends it SIGUSR1. Linux's rules:
 *   read on a pipe, wait4    EINTR, or (SA_RESTART) the call goes on and
 *                            returns its real result
 *   poll, pause              EINTR even with SA_RESTART
 *   nanosleep                EINTR, the time left in rem (SA_RESTART or not)
 *   sigsuspend               EINTR after the handler, the old mask back
 *   a pipe write             that already wrote bytes returns their count
 *   an ignored signal        does not interrupt anything
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include "errno_name.h"

static volatile int handled;

static void on_usr1(int sig)
{
    (void)sig;
    handled++;
}

static void handler(int flags)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
}

static void nap(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

    nanosleep(&ts, NULL);
}

/* Runs body in a child that first tells the parent (a byte on ready) it is about to sleep; the
   parent waits for that, waits 100 ms more, signals it, then (if feed >= 0) writes a byte to feed. */
static void scenario(const char *name, void (*body)(int), int arg, int feed)
{
    int ready[2], status;
    char c;
    pid_t pid;

    pipe(ready);
    pid = fork();
    if (pid == 0) {
        close(ready[0]);
        write(ready[1], "r", 1);
        body(arg);
        _exit(0);
    }
    close(ready[1]);
    read(ready[0], &c, 1);
    close(ready[0]);
    nap(100);
    kill(pid, SIGUSR1);
    if (feed >= 0) {
        nap(100);
        write(feed, "d", 1);
    }
    waitpid(pid, &status, 0);
    printf("  (%s: the child exited %d)\n", name, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

static int data[2];

static void reader(int flags)
{
    char c;
    long r;

    handler(flags);
    r = read(data[0], &c, 1);
    printf("read: %ld %s, handled %d\n", r, r < 0 ? errno_name(errno) : "", handled);
}

static void poller(int flags)
{
    struct pollfd p = { data[0], POLLIN, 0 };
    int r;

    handler(flags);
    r = poll(&p, 1, 5000);
    printf("poll: %d %s, handled %d\n", r, r < 0 ? errno_name(errno) : "", handled);
}

static void pauser(int flags)
{
    int r;

    handler(flags);
    r = pause();
    printf("pause: %d %s, handled %d\n", r, errno_name(errno), handled);
}

static void sleeper(int flags)
{
    struct timespec ts = { 5, 0 }, rem = { 0, 0 };
    int r;

    handler(flags);
    r = nanosleep(&ts, &rem);
    printf("nanosleep: %d %s, handled %d, time left between 4 and 5 s: %d\n", r, r < 0 ? errno_name(errno) : "",
           handled, rem.tv_sec == 4 || (rem.tv_sec == 5 && rem.tv_nsec == 0));
}

static void suspender(int flags)
{
    sigset_t block, wait_mask, after;
    int r;

    handler(flags);
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, NULL);
    sigemptyset(&wait_mask);
    r = sigsuspend(&wait_mask);
    sigprocmask(SIG_BLOCK, NULL, &after);
    printf("sigsuspend: %d %s, handled %d, SIGUSR1 blocked again %d\n", r, errno_name(errno), handled,
           sigismember(&after, SIGUSR1));
}

static void waiter(int flags)
{
    int status;
    pid_t kid, r;

    handler(flags);
    kid = fork();
    if (kid == 0) {
        nap(300);
        _exit(5);
    }
    r = waitpid(kid, &status, 0);
    if (r < 0) {
        printf("waitpid: -1 %s, handled %d\n", errno_name(errno), handled);
        waitpid(kid, &status, 0);
    } else {
        printf("waitpid: the child, status %d, handled %d\n", WEXITSTATUS(status), handled);
    }
}

static void ignorer(int flags)
{
    char c;
    long r;

    (void)flags;
    signal(SIGUSR1, SIG_IGN);
    r = read(data[0], &c, 1);
    printf("read with SIGUSR1 ignored: %ld %c\n", r, r == 1 ? c : '-');
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    pipe(data);
    printf("-- without SA_RESTART\n");
    scenario("read", reader, 0, -1);
    scenario("wait", waiter, 0, -1);
    scenario("poll", poller, 0, -1);
    scenario("pause", pauser, 0, -1);
    scenario("nanosleep", sleeper, 0, -1);
    scenario("sigsuspend", suspender, 0, -1);
    printf("-- with SA_RESTART\n");
    scenario("read", reader, SA_RESTART, data[1]);
    scenario("wait", waiter, SA_RESTART, -1);
    scenario("poll", poller, SA_RESTART, -1);
    scenario("nanosleep", sleeper, SA_RESTART, -1);
    printf("-- ignored\n");
    scenario("read", ignorer, 0, data[1]);
    return 0;
}
