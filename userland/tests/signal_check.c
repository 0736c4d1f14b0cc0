/* signal_check: <signal.h> as a shell needs it and a little more: signal
   sets, dispositions read back from the kernel with a raw rt_sigaction,
   the blocked mask, the library's own signals 32 and 33, what fork and
   exec keep, children ended by signals, SIGPIPE, handlers and siginfo,
   and the signal texts.  `make check` compares the output of this
   library's build with glibc's. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#ifndef SA_RESTORER                     /* glibc keeps it to itself */
#define SA_RESTORER 0x04000000
#endif

/* The kernel's view of a disposition, without the library in between. */
static void kernel_action(int sig)
{
	unsigned long k[5] = { 0 };
	long r = syscall(SYS_rt_sigaction, sig, NULL, k, 8);

	if (r < 0) {
		printf("  kernel %d: %s\n", sig, strerror(errno));
		return;
	}
	printf("  kernel %d: handler %s flags %lx mask %lx %lx\n", sig,
	       k[0] == 0 ? "DFL" : k[0] == 1 ? "IGN" : "function", k[1] & ~SA_RESTORER, k[3], k[4]);
}

static void kernel_mask(void)
{
	unsigned long m[2] = { 0 };

	syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, m, 8);
	printf("  blocked %lx %lx\n", m[0], m[1]);
}

static void check_sets(void)
{
	sigset_t s;
	int i;

	printf("sizes sigset %zu sigaction %zu siginfo %zu\n", sizeof(sigset_t),
	       sizeof(struct sigaction), sizeof(siginfo_t));
	printf("rtmin %d rtmax %d nsig %d\n", SIGRTMIN, SIGRTMAX, NSIG);
	memset(&s, 0xab, sizeof s);
	sigemptyset(&s);
	printf("empty words %lx %lx %lx %lx\n", s.__val[0], s.__val[1], s.__val[2], s.__val[31]);
	printf("empty:");
	for (i = 1; i < NSIG; i++)
		if (sigismember(&s, i))
			printf(" %d", i);
	printf("\nfull lacks:");
	memset(&s, 0xab, sizeof s);
	sigfillset(&s);
	for (i = 1; i < NSIG; i++)
		if (!sigismember(&s, i))
			printf(" %d", i);
	printf("\nwords %lx %lx %lx %lx\n", s.__val[0], s.__val[1], s.__val[2], s.__val[31]);
	sigemptyset(&s);
	printf("add %d %d %d", sigaddset(&s, SIGINT), sigaddset(&s, 64), sigaddset(&s, 34));
	printf(" words %lx %lx\n", s.__val[0], s.__val[1]);
	errno = 0;
	printf("add 32: %d", sigaddset(&s, 32));
	printf(" %s\n", strerror(errno));
	printf("add 33: %d", sigaddset(&s, 33));
	printf(" add 0: %d", sigaddset(&s, 0));
	printf(" add 65: %d", sigaddset(&s, 65));
	printf(" del 33: %d", sigdelset(&s, 33));
	printf(" ismember 32: %d", sigismember(&s, 32));
	printf(" ismember 0: %d\n", sigismember(&s, 0));
	printf("del %d ismember %d\n", sigdelset(&s, SIGINT), sigismember(&s, SIGINT));
}

static volatile sig_atomic_t caught;
static volatile int info_signo, info_code, info_pid_ok;

static void handler(int sig)
{
	caught = sig;
}

static void info_handler(int sig, siginfo_t *info, void *context)
{
	(void)context;
	caught = sig;
	info_signo = info->si_signo;
	info_code = info->si_code;
	info_pid_ok = info->si_pid == getpid();
}

static void check_dispositions(void)
{
	struct sigaction sa, old;
	sighandler_t h;

	h = signal(SIGPIPE, SIG_IGN);
	printf("signal PIPE IGN: was %s\n", h == SIG_DFL ? "DFL" : "?");
	kernel_action(SIGPIPE);
	h = signal(SIGPIPE, SIG_DFL);
	printf("signal PIPE DFL: was %s\n", h == SIG_IGN ? "IGN" : "?");
	kernel_action(SIGPIPE);
	h = signal(SIGUSR1, handler);
	printf("signal USR1 handler: was %s\n", h == SIG_DFL ? "DFL" : "?");
	kernel_action(SIGUSR1);
	h = signal(SIGUSR1, SIG_DFL);
	printf("signal USR1 DFL: was %s\n", h == handler ? "handler" : "?");

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = info_handler;
	sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGTERM);
	sigaddset(&sa.sa_mask, 40);
	printf("sigaction USR2: %d\n", sigaction(SIGUSR2, &sa, NULL));
	kernel_action(SIGUSR2);
	memset(&old, 0xff, sizeof old);
	printf("sigaction read: %d", sigaction(SIGUSR2, NULL, &old));
	printf(" handler %d flags %x mask %lx %lx %lx\n", old.sa_sigaction == info_handler,
	       old.sa_flags & ~SA_RESTORER, old.sa_mask.__val[0], old.sa_mask.__val[1],
	       old.sa_mask.__val[2]);
	sa.sa_handler = SIG_DFL;
	sa.sa_flags = 0;
	sigaction(SIGUSR2, &sa, NULL);

	errno = 0;
	printf("signal 32: %s", signal(32, SIG_IGN) == SIG_ERR ? "SIG_ERR" : "?");
	printf(" %s\n", strerror(errno));
	errno = 0;
	printf("sigaction 33: %d", sigaction(33, &sa, NULL));
	printf(" %s\n", strerror(errno));
	errno = 0;
	printf("signal KILL: %s", signal(SIGKILL, SIG_IGN) == SIG_ERR ? "SIG_ERR" : "?");
	printf(" %s\n", strerror(errno));
	errno = 0;
	printf("signal STOP handler: %s", signal(SIGSTOP, handler) == SIG_ERR ? "SIG_ERR" : "?");
	printf(" %s\n", strerror(errno));
	errno = 0;
	printf("signal 0: %s", signal(0, SIG_IGN) == SIG_ERR ? "SIG_ERR" : "?");
	printf(" signal 65: %s", signal(65, SIG_IGN) == SIG_ERR ? "SIG_ERR" : "?");
	printf(" SIG_ERR: %s", signal(SIGINT, SIG_ERR) == SIG_ERR ? "SIG_ERR" : "?");
	printf(" %s\n", strerror(errno));
	errno = 0;
	printf("sigaction 64 read: %d\n", sigaction(64, NULL, &old));
	printf("sigaction 34 read: %d\n", sigaction(34, NULL, NULL));
}

static void check_mask(void)
{
	sigset_t s, old, pending;
	int r;

	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	s.__val[0] |= 3UL << 31;        /* 32 and 33, behind sigaddset's back */
	printf("block: %d\n", sigprocmask(SIG_BLOCK, &s, &old));
	kernel_mask();
	printf("old %lx\n", old.__val[0]);
	errno = 0;
	printf("bad how: %d", sigprocmask(7, &s, NULL));
	printf(" %s\n", strerror(errno));
	r = pthread_sigmask(7, &s, NULL);
	printf("pthread_sigmask bad how: %d\n", r);
	raise(SIGUSR1);
	sigemptyset(&pending);
	r = sigpending(&pending);
	printf("pending: %d USR1 %d\n", r, sigismember(&pending, SIGUSR1));
	signal(SIGUSR1, SIG_IGN);       /* ignoring a pending signal discards it */
	sigemptyset(&pending);
	sigpending(&pending);
	printf("after IGN pending USR1 %d\n", sigismember(&pending, SIGUSR1));
	signal(SIGUSR1, SIG_DFL);
	sigfillset(&s);
	printf("setmask full: %d\n", sigprocmask(SIG_SETMASK, &s, NULL));
	kernel_mask();
	printf("unblock: %d\n", sigprocmask(SIG_UNBLOCK, &s, &old));
	kernel_mask();
	printf("old %lx %lx\n", old.__val[0], old.__val[1]);
	printf("query: %d\n", sigprocmask(SIG_BLOCK, NULL, &old));
}

static void check_handlers(void)
{
	struct sigaction sa;
	sigset_t s, empty;
	int r;

	caught = 0;
	signal(SIGUSR1, handler);
	r = raise(SIGUSR1);
	printf("raise with handler: %d caught %d\n", r, (int)caught);
	signal(SIGUSR1, SIG_DFL);

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = info_handler;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR2, &sa, NULL);
	caught = 0;
	kill(getpid(), SIGUSR2);
	printf("kill with SA_SIGINFO: caught %d signo %d code %d pid ok %d\n", (int)caught,
	       info_signo, info_code, info_pid_ok);
	raise(SIGUSR2);
	printf("raise with SA_SIGINFO: signo %d code %d\n", info_signo, info_code);

	sigemptyset(&s);
	sigaddset(&s, SIGUSR2);
	sigprocmask(SIG_BLOCK, &s, NULL);
	caught = 0;
	raise(SIGUSR2);
	printf("blocked: caught %d\n", (int)caught);
	sigemptyset(&empty);
	errno = 0;
	r = sigsuspend(&empty);
	printf("sigsuspend: %d %s caught %d\n", r, strerror(errno), (int)caught);
	sigprocmask(SIG_UNBLOCK, &s, NULL);
	signal(SIGUSR2, SIG_DFL);

	signal(SIGUSR1, SIG_IGN);
	printf("raise ignored: %d\n", raise(SIGUSR1));
	signal(SIGUSR1, SIG_DFL);
}

static void check_kill(void)
{
	errno = 0;
	printf("kill self 0: %d\n", kill(getpid(), 0));
	printf("kill group 0: %d\n", kill(0, 0));
	printf("killpg own 0: %d\n", killpg(getpgrp(), 0));
	printf("kill bad signal: %d", kill(getpid(), 99));
	printf(" %s\n", strerror(errno));
	printf("kill no such: %d", kill(999999999, 0));
	printf(" %s\n", strerror(errno));
	errno = 0;
	printf("killpg negative: %d", killpg(-5, 0));
	printf(" %s\n", strerror(errno));
}

static void report_child(const char *what, int status)
{
	if (WIFSIGNALED(status))
		printf("%s: signal %d (%s)%s\n", what, WTERMSIG(status), strsignal(WTERMSIG(status)),
		       WCOREDUMP(status) ? " core" : "");
	else
		printf("%s: exit %d\n", what, WEXITSTATUS(status));
}

static void check_children(const char *self)
{
	int p[2], status;
	pid_t pid;

	fflush(stdout);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		raise(SIGTERM);
		_exit(1);
	}
	waitpid(pid, &status, 0);
	report_child("raise TERM", status);

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		pause();
		_exit(1);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	report_child("kill KILL", status);

	/* Writing to a pipe nobody reads: SIGPIPE, or EPIPE when ignored. */
	pipe(p);
	close(p[0]);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		write(p[1], "x", 1);
		_exit(3);
	}
	waitpid(pid, &status, 0);
	report_child("write to closed pipe", status);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		signal(SIGPIPE, SIG_IGN);
		if (write(p[1], "x", 1) < 0)
			printf("write with SIGPIPE ignored: %s\n", strerror(errno));
		fflush(stdout);
		_exit(4);
	}
	waitpid(pid, &status, 0);
	report_child("ignoring child", status);
	close(p[1]);

	/* What survives exec: ignored stays ignored, a handler becomes the
	   default, and the blocked mask is kept. */
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		sigset_t s;

		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, handler);
		sigemptyset(&s);
		sigaddset(&s, SIGHUP);
		sigprocmask(SIG_BLOCK, &s, NULL);
		execl(self, self, "after-exec", (char *)NULL);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	report_child("exec child", status);

	/* What fork copies: dispositions as they are. */
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, handler);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		printf("after fork:\n");
		kernel_action(SIGINT);
		kernel_action(SIGQUIT);
		fflush(stdout);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
}

static void check_texts(void)
{
	int i;

	for (i = -1; i <= 66; i++) {
		const char *abbrev = sigabbrev_np(i), *descr = sigdescr_np(i);

		printf("%d [%s] [%s] [%s]\n", i, strsignal(i), abbrev ? abbrev : "NULL",
		       descr ? descr : "NULL");
	}
	fflush(stdout);
	psignal(SIGSEGV, "psignal");
	psignal(SIGINT, "");
	psignal(99, NULL);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "after-exec") == 0) {
		printf("after exec:\n");
		kernel_action(SIGINT);
		kernel_action(SIGQUIT);
		kernel_mask();
		return 0;
	}
	check_sets();
	check_dispositions();
	check_mask();
	check_handlers();
	check_kill();
	check_children(argv[0]);
	check_texts();
	return 0;
}
