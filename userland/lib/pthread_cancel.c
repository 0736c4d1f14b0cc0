/* Thread cancellation, as glibc's nptl does it: pthread_cancel marks the
   thread and sends it SIGCANCEL (signal 32) with tgkill.  A deferred cancel
   (the default) acts at the next cancellation point: the signal's handler
   only interrupts the blocking system call the thread may be in (EINTR: the
   handler has no SA_RESTART), and the call's wrapper (CANCEL_POINT) then
   exits the thread with PTHREAD_CANCELED, running its cleanup handlers.  An
   asynchronous cancel exits from the handler itself.

   Unlike glibc, which checks in the handler whether the thread is between
   its cancel check and the system call, a signal landing exactly there is
   missed until the next cancellation point. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include "pthreadP.h"
#include "sysdep.h"

static int handler_installed;

static void act(struct pthread *self)
{
	__atomic_or_fetch(&self->cancelhandling, EXITING_BITMASK, __ATOMIC_SEQ_CST);
	pthread_exit(PTHREAD_CANCELED);
}

/* sigcancel_handler: only our own process's tgkill counts. */
static void sigcancel_handler(int sig, siginfo_t *si, void *ctx)
{
	struct pthread *self = THREAD_SELF;
	int ch = __atomic_load_n(&self->cancelhandling, __ATOMIC_SEQ_CST);

	(void)sig;
	(void)ctx;
	if (si->si_code != SI_TKILL || si->si_pid != (pid_t)__syscall0(SYS_getpid))
		return;
	if ((ch & (CANCELSTATE_BITMASK | CANCELTYPE_BITMASK | CANCELED_BITMASK | EXITING_BITMASK))
	    == (CANCELTYPE_BITMASK | CANCELED_BITMASK))
		act(self);
}

void __pthread_testcancel(void)
{
	struct pthread *self = THREAD_SELF;
	int ch = __atomic_load_n(&self->cancelhandling, __ATOMIC_SEQ_CST);

	if ((ch & (CANCELSTATE_BITMASK | CANCELED_BITMASK | EXITING_BITMASK)) == CANCELED_BITMASK)
		act(self);
}

void pthread_testcancel(void)
{
	__pthread_testcancel();
}

int pthread_cancel(pthread_t thread)
{
	struct pthread *pd = (struct pthread *)thread;
	pid_t tid;

	if (!__atomic_exchange_n(&handler_installed, 1, __ATOMIC_SEQ_CST)) {
		struct sigaction sa;

		memset(&sa, 0, sizeof sa);
		sa.sa_sigaction = sigcancel_handler;
		sa.sa_flags = SA_SIGINFO;       /* no SA_RESTART: interrupted calls fail, EINTR */
		sigemptyset(&sa.sa_mask);
		__libc_sigaction(SIGCANCEL, &sa, NULL);
	}
	__atomic_or_fetch(&pd->cancelhandling, CANCELED_BITMASK, __ATOMIC_SEQ_CST);
	if (pd == THREAD_SELF) {
		if ((pd->cancelhandling & (CANCELSTATE_BITMASK | CANCELTYPE_BITMASK)) == CANCELTYPE_BITMASK)
			act(pd);
		return 0;                       /* deferred: at the next cancellation point */
	}
	/* A thread that has cancellation disabled is not disturbed: it acts on
	   the cancel at its first cancellation point once it enables it. */
	tid = __atomic_load_n(&pd->tid, __ATOMIC_ACQUIRE);
	if (tid > 0 && !(__atomic_load_n(&pd->cancelhandling, __ATOMIC_SEQ_CST) & CANCELSTATE_BITMASK))
		__syscall3(SYS_tgkill, __syscall0(SYS_getpid), tid, SIGCANCEL);
	return 0;
}

/* Sets (on) or clears one bit of the calling thread's cancelhandling; the old bit. */
static int set_bit(int bit, int on)
{
	struct pthread *self = THREAD_SELF;
	int old = on ? __atomic_fetch_or(&self->cancelhandling, bit, __ATOMIC_SEQ_CST)
	             : __atomic_fetch_and(&self->cancelhandling, ~bit, __ATOMIC_SEQ_CST);

	return (old & bit) != 0;
}

int pthread_setcancelstate(int state, int *oldstate)
{
	int old;

	if (state != PTHREAD_CANCEL_ENABLE && state != PTHREAD_CANCEL_DISABLE)
		return EINVAL;
	old = set_bit(CANCELSTATE_BITMASK, state == PTHREAD_CANCEL_DISABLE);
	if (oldstate != NULL)
		*oldstate = old ? PTHREAD_CANCEL_DISABLE : PTHREAD_CANCEL_ENABLE;
	return 0;
}

int pthread_setcanceltype(int type, int *oldtype)
{
	int old;

	if (type != PTHREAD_CANCEL_DEFERRED && type != PTHREAD_CANCEL_ASYNCHRONOUS)
		return EINVAL;
	old = set_bit(CANCELTYPE_BITMASK, type == PTHREAD_CANCEL_ASYNCHRONOUS);
	if (oldtype != NULL)
		*oldtype = old ? PTHREAD_CANCEL_ASYNCHRONOUS : PTHREAD_CANCEL_DEFERRED;
	if (type == PTHREAD_CANCEL_ASYNCHRONOUS)
		__pthread_testcancel();         /* an async cancel already pending acts now */
	return 0;
}

void __pthread_cleanup_push(struct __pthread_cleanup_frame *frame, void (*routine)(void *), void *arg)
{
	struct pthread *self = THREAD_SELF;

	frame->__routine = routine;
	frame->__arg = arg;
	frame->__prev = self->cleanup;
	self->cleanup = frame;
}

void __pthread_cleanup_pop(struct __pthread_cleanup_frame *frame, int execute)
{
	THREAD_SELF->cleanup = frame->__prev;
	if (execute)
		frame->__routine(frame->__arg);
}

/* pthread_exit's first step: every cleanup handler still pushed, newest first. */
void __pthread_run_cleanups(void)
{
	struct pthread *self = THREAD_SELF;
	struct __pthread_cleanup_frame *frame;

	while ((frame = self->cleanup) != NULL) {
		self->cleanup = frame->__prev;
		frame->__routine(frame->__arg);
	}
}
