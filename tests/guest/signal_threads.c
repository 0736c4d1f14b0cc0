/*
 * signal_threads.c - signals and threads: handlers are shared (CLONE_SIGHAND),
 * masks and thread-directed signals are per thread, a process-directed
 * signal goes to a thread that does not block it.
 *
 *   pthread_kill  (tgkill) to one thread: the handler runs in that thread, and its
 *              blocked read returns EINTR while the other thread carries on
 *   kill       to the process while the main thread blocks SIGUSR2: the one
 *              thread that does not takes it (its pause returns EINTR)
 *   masks      a thread's sigprocmask leaves the other thread's mask alone
 *   handlers   sigaction in a thread changes the handler for every thread
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "errno_name.h"

static volatile pid_t handler_tid;
static volatile int handled;
static int ready[2], data[2];
static volatile pid_t worker_tid;

static void on_signal(int sig)
{
    (void)sig;
    handler_tid = (pid_t)syscall(SYS_gettid);
    handled++;
}

static void install(int sig)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void nap(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

    nanosleep(&ts, NULL);
}

static void *reader(void *arg)
{
    char c;
    long r;

    (void)arg;
    worker_tid = (pid_t)syscall(SYS_gettid);
    write(ready[1], "r", 1);
    r = read(data[0], &c, 1);
    printf("worker: read %ld %s, the handler ran in me %d\n", r, r < 0 ? errno_name(errno) : "",
           handler_tid == worker_tid);
    return NULL;
}

static void *pauser(void *arg)
{
    sigset_t unblock;
    int r;

    (void)arg;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGUSR2);
    pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);   /* the creator's mask was inherited */
    worker_tid = (pid_t)syscall(SYS_gettid);
    write(ready[1], "r", 1);
    r = pause();
    printf("worker: pause %d %s, the handler ran in me %d\n", r, errno_name(errno), handler_tid == worker_tid);
    return NULL;
}

static void *changer(void *arg)
{
    sigset_t block;

    (void)arg;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &block, NULL);
    signal(SIGHUP, SIG_IGN);
    return NULL;
}

int main(void)
{
    pthread_t t;
    sigset_t block, now;
    struct sigaction sa;
    long r;
    char c;

    setvbuf(stdout, NULL, _IONBF, 0);
    pipe(ready);
    pipe(data);
    install(SIGUSR1);
    install(SIGUSR2);

    printf("-- pthread_kill\n");
    pthread_create(&t, NULL, reader, NULL);
    read(ready[0], &c, 1);
    nap(100);
    r = pthread_kill(t, SIGUSR1);            /* tgkill to the thread's tid */
    pthread_join(t, NULL);
    printf("main: pthread_kill %ld\n", r);
    printf("main: handled %d, not in me %d\n", handled, handler_tid != (pid_t)syscall(SYS_gettid));

    printf("-- kill to the process\n");
    sigemptyset(&block);
    sigaddset(&block, SIGUSR2);
    sigprocmask(SIG_BLOCK, &block, NULL);
    handled = 0;
    pthread_create(&t, NULL, pauser, NULL);
    read(ready[0], &c, 1);
    nap(100);
    r = kill(getpid(), SIGUSR2);
    pthread_join(t, NULL);
    printf("main: kill %ld\n", r);
    sigprocmask(SIG_BLOCK, NULL, &now);
    printf("main: handled %d, SIGUSR2 still blocked in me %d\n", handled, sigismember(&now, SIGUSR2));
    sigprocmask(SIG_UNBLOCK, &block, NULL);

    printf("-- a thread's mask and the shared handlers\n");
    pthread_create(&t, NULL, changer, NULL);
    pthread_join(t, NULL);
    sigprocmask(SIG_BLOCK, NULL, &now);
    sigaction(SIGHUP, NULL, &sa);
    printf("main: SIGUSR1 blocked %d (the thread blocked it in itself), SIGHUP ignored %d (set by the thread)\n",
           sigismember(&now, SIGUSR1), sa.sa_handler == SIG_IGN);
    return 0;
}
