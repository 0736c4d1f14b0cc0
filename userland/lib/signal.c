/* <signal.h>: dispositions (rt_sigaction), the blocked mask
   (rt_sigprocmask) and sending signals, as glibc does them on i386.

   The kernel's sigset_t is 64 bits, glibc's 1024: every rt_* call passes
   the kernel's size, 8 (_NSIG / 8), and the kernel reads and writes only
   the first two words of a sigset_t. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/auxv.h>
#include "pthreadP.h"
#include "sysdep.h"

#define KERNEL_SIGSET_SIZE (_NSIG / 8)

/* glibc's own signals: 32 cancels threads, 33 carries setxid to every
   thread.  Programs may not catch or block them. */
#define SIGCANCEL 32
#define SIGSETXID 33

static int is_internal_signal(int sig)
{
	return sig == SIGCANCEL || sig == SIGSETXID;
}

/* Bit sig - 1 of the set, as the kernel numbers them. */
static unsigned long sigword(int sig)
{
	return (unsigned long)(sig - 1) / (8 * sizeof(unsigned long));
}

static unsigned long sigbit(int sig)
{
	return 1UL << ((unsigned long)(sig - 1) % (8 * sizeof(unsigned long)));
}

static int has_internal_signals(const sigset_t *set)
{
	return (set->__val[sigword(SIGCANCEL)] & sigbit(SIGCANCEL)) != 0
	       || (set->__val[sigword(SIGSETXID)] & sigbit(SIGSETXID)) != 0;
}

static void clear_internal_signals(sigset_t *set)
{
	set->__val[sigword(SIGCANCEL)] &= ~sigbit(SIGCANCEL);
	set->__val[sigword(SIGSETXID)] &= ~sigbit(SIGSETXID);
}

static int bad_signal(int sig)
{
	return sig <= 0 || sig >= NSIG;
}

/* Like glibc's, these two write only the words that hold signals 1..64;
   the rest of the 1024 bits is never looked at. */
int sigemptyset(sigset_t *set)
{
	if (set == NULL) {
		errno = EINVAL;
		return -1;
	}
	memset(set, 0, KERNEL_SIGSET_SIZE);
	return 0;
}

/* Every signal but the library's own two. */
int sigfillset(sigset_t *set)
{
	if (set == NULL) {
		errno = EINVAL;
		return -1;
	}
	memset(set, 0xff, KERNEL_SIGSET_SIZE);
	clear_internal_signals(set);
	return 0;
}

int sigaddset(sigset_t *set, int signum)
{
	if (set == NULL || bad_signal(signum) || is_internal_signal(signum)) {
		errno = EINVAL;
		return -1;
	}
	set->__val[sigword(signum)] |= sigbit(signum);
	return 0;
}

int sigdelset(sigset_t *set, int signum)
{
	if (set == NULL || bad_signal(signum) || is_internal_signal(signum)) {
		errno = EINVAL;
		return -1;
	}
	set->__val[sigword(signum)] &= ~sigbit(signum);
	return 0;
}

int sigismember(const sigset_t *set, int signum)
{
	if (set == NULL || bad_signal(signum)) {
		errno = EINVAL;
		return -1;
	}
	return (set->__val[sigword(signum)] & sigbit(signum)) != 0;
}

/* The i386 kernel's struct sigaction for rt_sigaction: the mask last, and
   only the kernel's 64 bits of it. */
struct kernel_sigaction {
	sighandler_t handler;
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask[KERNEL_SIGSET_SIZE / sizeof(unsigned long)];
};

/* sigrestorer.S: what a handler returns into; they make the sigreturn
   calls that restore the interrupted context. */
extern void __restore(void) __attribute__((__visibility__("hidden")));
extern void __restore_rt(void) __attribute__((__visibility__("hidden")));

/* sigaction(2) as glibc's __libc_sigaction on i386.  A handler returns
   through a restorer: with a vDSO, the kernel uses the vDSO's
   __kernel_sigreturn and glibc passes none; without one (minikernel has
   none) glibc passes its own with SA_RESTORER, and so do we. */
int sigaction(int signum, const struct sigaction *restrict act,
              struct sigaction *restrict oldact)
{
	if (bad_signal(signum) || is_internal_signal(signum)) {
		errno = EINVAL;
		return -1;
	}
	return __libc_sigaction(signum, act, oldact);
}

/* The library's own sigaction, which may set its internal signals' handlers
   (pthread_cancel's SIGCANCEL). */
int __libc_sigaction(int signum, const struct sigaction *restrict act,
                     struct sigaction *restrict oldact)
{
	struct kernel_sigaction kact, koact;
	long r;

	if (act != NULL) {
		kact.handler = act->sa_handler;
		kact.flags = (unsigned long)act->sa_flags;
		kact.restorer = NULL;
		memcpy(kact.mask, &act->sa_mask, sizeof kact.mask);
		if (getauxval(AT_SYSINFO_EHDR) == 0) {
			kact.flags |= SA_RESTORER;
			kact.restorer = (act->sa_flags & SA_SIGINFO) ? __restore_rt : __restore;
		}
	}
	r = __syscall4(SYS_rt_sigaction, signum, act != NULL ? (long)&kact : 0,
	               oldact != NULL ? (long)&koact : 0, KERNEL_SIGSET_SIZE);
	if (__syscall_ret(r) < 0)
		return -1;
	if (oldact != NULL) {
		oldact->sa_handler = koact.handler;
		oldact->sa_flags = (int)koact.flags;
		oldact->sa_restorer = koact.restorer;
		memset(&oldact->sa_mask, 0, sizeof oldact->sa_mask);
		memcpy(&oldact->sa_mask, koact.mask, sizeof koact.mask);
	}
	return 0;
}

/* signal(3) with BSD semantics, as glibc's: the handler stays installed,
   the signal is blocked while its handler runs, and interrupted system
   calls restart. */
sighandler_t signal(int signum, sighandler_t handler)
{
	struct sigaction act, oldact;

	if (handler == SIG_ERR || bad_signal(signum) || is_internal_signal(signum)) {
		errno = EINVAL;
		return SIG_ERR;
	}
	act.sa_handler = handler;
	sigemptyset(&act.sa_mask);
	sigaddset(&act.sa_mask, signum);
	act.sa_flags = SA_RESTART;
	if (sigaction(signum, &act, &oldact) < 0)
		return SIG_ERR;
	return oldact.sa_handler;
}

/* pthread_sigmask(3) and sigprocmask(2): the library's signals are taken
   out of a set before the kernel sees it, so they cannot be blocked. */
int pthread_sigmask(int how, const sigset_t *restrict set, sigset_t *restrict oldset)
{
	sigset_t local;
	long r;

	if (set != NULL && has_internal_signals(set)) {
		local = *set;
		clear_internal_signals(&local);
		set = &local;
	}
	r = __syscall4(SYS_rt_sigprocmask, how, (long)set, (long)oldset, KERNEL_SIGSET_SIZE);
	return __syscall_error(r) ? (int)-r : 0;
}

int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict oldset)
{
	int r = pthread_sigmask(how, set, oldset);

	if (r != 0) {
		errno = r;
		return -1;
	}
	return 0;
}

int sigpending(sigset_t *set)
{
	return (int)__syscall_ret(__syscall2(SYS_rt_sigpending, (long)set, KERNEL_SIGSET_SIZE));
}

int sigsuspend(const sigset_t *mask)
{
	return (int)__syscall_ret(CANCEL_POINT(__syscall2(SYS_rt_sigsuspend, (long)mask, KERNEL_SIGSET_SIZE)));
}

/* sigqueue(3): rt_sigqueueinfo with the caller as the sender and SI_QUEUE. */
int sigqueue(pid_t pid, int sig, const union sigval value)
{
	siginfo_t info;

	memset(&info, 0, sizeof info);
	info.si_signo = sig;
	info.si_code = SI_QUEUE;
	info.si_pid = (pid_t)__syscall0(SYS_getpid);
	info.si_uid = (uid_t)__syscall0(SYS_getuid32);
	info.si_value = value;
	return (int)__syscall_ret(__syscall3(SYS_rt_sigqueueinfo, pid, sig, (long)&info));
}

/* sigtimedwait(2) with the 32-bit timespec call; like glibc, a raise's
   SI_TKILL is reported as SI_USER (POSIX says raise is kill). */
int sigtimedwait(const sigset_t *restrict set, siginfo_t *restrict info,
                 const struct timespec *restrict timeout)
{
	siginfo_t local;
	long r;

	if (info == NULL)
		info = &local;
	r = __syscall_ret(__syscall4(SYS_rt_sigtimedwait, (long)set, (long)info, (long)timeout,
	                             KERNEL_SIGSET_SIZE));
	if (r > 0 && info->si_code == SI_TKILL)
		info->si_code = SI_USER;
	return (int)r;
}

int sigwaitinfo(const sigset_t *restrict set, siginfo_t *restrict info)
{
	return sigtimedwait(set, info, NULL);
}

int sigaltstack(const stack_t *restrict ss, stack_t *restrict old_ss)
{
	return (int)__syscall_ret(__syscall2(SYS_sigaltstack, (long)ss, (long)old_ss));
}

int kill(pid_t pid, int sig)
{
	return (int)__syscall_ret(__syscall2(SYS_kill, pid, sig));
}

int killpg(pid_t pgrp, int sig)
{
	if (pgrp < 0) {
		errno = EINVAL;
		return -1;
	}
	return kill(-pgrp, sig);
}

/* raise(3): glibc's pthread_kill of the calling thread, which asks the
   kernel for the tid (right even in a vfork child) and sends with tgkill. */
int raise(int sig)
{
	long tid = __syscall0(SYS_gettid);
	long pid = __syscall0(SYS_getpid);

	return (int)__syscall_ret(__syscall3(SYS_tgkill, pid, tid, sig));
}

/* The real-time signals left to programs: glibc keeps 32 and 33. */
int __libc_current_sigrtmin(void)
{
	return 34;
}

int __libc_current_sigrtmax(void)
{
	return _NSIG - 1;
}
