/*
 * thread_cancel.c - pthread_cancel, which glibc carries out with a signal
 * (SIGCANCEL, 32) whose handler unwinds the thread's stack through the
 * kernel's signal frame, running its cleanup handlers.
 *
 *   a thread blocked in read (a cancellation point) is cancelled: its cleanup
 *   handler runs and pthread_join gets PTHREAD_CANCELED
 *   a thread spinning on pthread_testcancel is cancelled too
 *   a thread with cancellation disabled is not disturbed (its sleep runs to
 *   the end); once it enables it, pthread_testcancel acts
 *   an asynchronous cancel stops a thread spinning without any call
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
#include <time.h>
static int fds[2];
static void cleanup(void *a) { printf("cleanup ran: %s\n", (char *)a); }
static void *t1(void *a) {
    char c;
    (void)a;
    pthread_cleanup_push(cleanup, "reader");
    read(fds[0], &c, 1);
    pthread_cleanup_pop(0);
    return NULL;
}
static void *t2(void *a) {
    (void)a;
    for (;;) { pthread_testcancel(); }
    return NULL;
}
static volatile int slept_fully;
static void *disabled(void *a) {
    struct timespec ts = {0, 200000000};
    int old;
    (void)a;
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
    slept_fully = nanosleep(&ts, NULL) == 0;
    pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
    pthread_testcancel();
    return NULL;
}
static volatile int spin_started;
static void *spinner(void *a) {
    int old;
    (void)a;
    pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
    spin_started = 1;
    for (;;)
        ;
    return NULL;
}
int main(void) {
    pthread_t t; void *res;
    setvbuf(stdout, NULL, _IONBF, 0);
    pipe(fds);
    pthread_create(&t, NULL, t1, NULL);
    struct timespec ts = {0, 100000000}; nanosleep(&ts, NULL);
    int r = pthread_cancel(t);
    pthread_join(t, &res);
    printf("cancel: %d\n", r);
    printf("joined: canceled %d\n", res == PTHREAD_CANCELED);
    pthread_create(&t, NULL, t2, NULL);
    nanosleep(&ts, NULL);
    pthread_cancel(t);
    pthread_join(t, &res);
    printf("joined: canceled %d\n", res == PTHREAD_CANCELED);
    pthread_create(&t, NULL, disabled, NULL);
    nanosleep(&ts, NULL);
    pthread_cancel(t);
    pthread_join(t, &res);
    printf("disabled, then enabled: slept fully %d, canceled %d\n", slept_fully, res == PTHREAD_CANCELED);
    pthread_create(&t, NULL, spinner, NULL);
    while (!spin_started)
        ;
    pthread_cancel(t);
    pthread_join(t, &res);
    printf("asynchronous: canceled %d\n", res == PTHREAD_CANCELED);
    return 0;
}
