/*
 * thread_cancel.c - pthread_cancel, which glibc carries out with a signal
 * (SIGCANCEL, 32) whose handler unwinds the thread's stack through the
 * kernel's signal frame, running its cleanup handlers.
 *
 *   a thread blocked in read (a cancellation point) is cancelled: its cleanup
 *   handler runs and pthread_join gets PTHREAD_CANCELED
 *   a thread spinning on pthread_testcancel is cancelled too
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
    return 0;
}
