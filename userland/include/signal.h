/* <signal.h>: signal numbers, dispositions and masks, with Linux's i386
   values (arch/x86/include/uapi/asm/signal.h) and glibc's types: sigset_t
   has glibc's 1024 bits, of which the kernel reads the first 64.

   The library keeps glibc's two internal signals for itself, as glibc does
   (32 for thread cancellation, 33 for setxid): sigaction refuses them and
   sigfillset and sigprocmask leave them out, so SIGRTMIN is 34. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <stddef.h>
#include <bits/types.h>
#include <bits/time.h>

#define SIGHUP     1
#define SIGINT     2
#define SIGQUIT    3
#define SIGILL     4
#define SIGTRAP    5
#define SIGABRT    6
#define SIGIOT     6
#define SIGBUS     7
#define SIGFPE     8
#define SIGKILL    9
#define SIGUSR1   10
#define SIGSEGV   11
#define SIGUSR2   12
#define SIGPIPE   13
#define SIGALRM   14
#define SIGTERM   15
#define SIGSTKFLT 16
#define SIGCHLD   17
#define SIGCONT   18
#define SIGSTOP   19
#define SIGTSTP   20
#define SIGTTIN   21
#define SIGTTOU   22
#define SIGURG    23
#define SIGXCPU   24
#define SIGXFSZ   25
#define SIGVTALRM 26
#define SIGPROF   27
#define SIGWINCH  28
#define SIGIO     29
#define SIGPOLL   SIGIO
#define SIGPWR    30
#define SIGSYS    31

#define _NSIG     65            /* signals 1..64, as the kernel counts them */
#define NSIG      _NSIG

/* The first and last real-time signal an application may use. */
#define SIGRTMIN  (__libc_current_sigrtmin())
#define SIGRTMAX  (__libc_current_sigrtmax())
int __libc_current_sigrtmin(void);
int __libc_current_sigrtmax(void);

typedef void (*sighandler_t)(int);
typedef sighandler_t __sighandler_t;

#define SIG_ERR  ((sighandler_t)-1)
#define SIG_DFL  ((sighandler_t)0)
#define SIG_IGN  ((sighandler_t)1)

/* sa_flags */
#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO   0x00000004
#define SA_RESTORER  0x04000000
#define SA_ONSTACK   0x08000000
#define SA_RESTART   0x10000000
#define SA_NODEFER   0x40000000
#define SA_RESETHAND 0x80000000
#define SA_NOMASK    SA_NODEFER
#define SA_ONESHOT   SA_RESETHAND

/* sigprocmask's how */
#define SIG_BLOCK    0
#define SIG_UNBLOCK  1
#define SIG_SETMASK  2

#define _SIGSET_NWORDS (1024 / (8 * sizeof(unsigned long)))
typedef struct {
	unsigned long __val[_SIGSET_NWORDS];
} sigset_t;

typedef int sig_atomic_t;

union sigval {
	int sival_int;
	void *sival_ptr;
};

/* siginfo_t: 128 bytes, as the kernel writes it; the common fields only. */
typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int __pad[29];
		struct {                /* kill, sigqueue, SIGCHLD */
			pid_t si_pid;
			uid_t si_uid;
			union {
				int si_status;          /* SIGCHLD: exit status or signal */
				union sigval si_value;  /* sigqueue: the value sent */
			} __u;
		} __kill;
		struct {                /* SIGSEGV, SIGBUS, SIGILL, SIGFPE */
			void *si_addr;
		} __fault;
	} __fields;
} siginfo_t;

#define si_pid    __fields.__kill.si_pid
#define si_uid    __fields.__kill.si_uid
#define si_status __fields.__kill.__u.si_status
#define si_value  __fields.__kill.__u.si_value
#define si_addr   __fields.__fault.si_addr

/* si_code values for any signal (include/uapi/asm-generic/siginfo.h) */
#define SI_USER    0
#define SI_KERNEL  0x80
#define SI_QUEUE   (-1)
#define SI_TKILL   (-6)

/* si_code values of particular signals */
#define ILL_ILLOPN  2           /* SIGILL: illegal operand */
#define FPE_INTDIV  1           /* SIGFPE: integer divide by zero */
#define SEGV_MAPERR 1           /* SIGSEGV: address not mapped */
#define SEGV_ACCERR 2           /* SIGSEGV: access not allowed there */
#define BUS_ADRERR  2           /* SIGBUS: nonexistent physical address (past a file's end) */
#define CLD_EXITED  1           /* SIGCHLD: the child exited */
#define CLD_KILLED  2           /* ...was killed by a signal */
#define CLD_DUMPED  3           /* ...was killed and dumped core */
#define CLD_STOPPED 5           /* ...was stopped */
#define CLD_CONTINUED 6         /* ...was continued */

struct sigaction {
	union {
		sighandler_t sa_handler;
		void (*sa_sigaction)(int, siginfo_t *, void *);
	} __sigaction_handler;
	sigset_t sa_mask;
	int sa_flags;
	void (*sa_restorer)(void);
};

#define sa_handler   __sigaction_handler.sa_handler
#define sa_sigaction __sigaction_handler.sa_sigaction

sighandler_t signal(int signum, sighandler_t handler);
int sigaction(int signum, const struct sigaction *restrict act,
              struct sigaction *restrict oldact);
int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict oldset);
int pthread_sigmask(int how, const sigset_t *restrict set, sigset_t *restrict oldset);
int pthread_kill(unsigned long int thread, int sig);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);

int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int signum);
int sigdelset(sigset_t *set, int signum);
int sigismember(const sigset_t *set, int signum);

int kill(pid_t pid, int sig);
int sigqueue(pid_t pid, int sig, const union sigval value);
int sigtimedwait(const sigset_t *restrict set, siginfo_t *restrict info,
                 const struct timespec *restrict timeout);
int sigwaitinfo(const sigset_t *restrict set, siginfo_t *restrict info);

/* The alternate signal stack (sigaltstack(2)). */
typedef struct {
	void *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

#define SS_ONSTACK    1
#define SS_DISABLE    2
#define SS_AUTODISARM (1U << 31)
#define MINSIGSTKSZ   2048
#define SIGSTKSZ      8192

int sigaltstack(const stack_t *restrict ss, stack_t *restrict old_ss);
int killpg(pid_t pgrp, int sig);
int raise(int sig);

void psignal(int sig, const char *s);

#endif
