/* Signal names and descriptions: strsignal(3), sigabbrev_np(3),
   sigdescr_np(3) and psignal(3), with glibc's texts (signal/siglist.h). */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static const char *const abbrevs[NSIG] = {
	[SIGHUP] = "HUP", [SIGINT] = "INT", [SIGQUIT] = "QUIT", [SIGILL] = "ILL",
	[SIGTRAP] = "TRAP", [SIGABRT] = "ABRT", [SIGBUS] = "BUS", [SIGFPE] = "FPE",
	[SIGKILL] = "KILL", [SIGUSR1] = "USR1", [SIGSEGV] = "SEGV", [SIGUSR2] = "USR2",
	[SIGPIPE] = "PIPE", [SIGALRM] = "ALRM", [SIGTERM] = "TERM", [SIGSTKFLT] = "STKFLT",
	[SIGCHLD] = "CHLD", [SIGCONT] = "CONT", [SIGSTOP] = "STOP", [SIGTSTP] = "TSTP",
	[SIGTTIN] = "TTIN", [SIGTTOU] = "TTOU", [SIGURG] = "URG", [SIGXCPU] = "XCPU",
	[SIGXFSZ] = "XFSZ", [SIGVTALRM] = "VTALRM", [SIGPROF] = "PROF",
	[SIGWINCH] = "WINCH", [SIGPOLL] = "POLL", [SIGPWR] = "PWR", [SIGSYS] = "SYS",
};

static const char *const descriptions[NSIG] = {
	[SIGHUP] = "Hangup",
	[SIGINT] = "Interrupt",
	[SIGQUIT] = "Quit",
	[SIGILL] = "Illegal instruction",
	[SIGTRAP] = "Trace/breakpoint trap",
	[SIGABRT] = "Aborted",
	[SIGBUS] = "Bus error",
	[SIGFPE] = "Floating point exception",
	[SIGKILL] = "Killed",
	[SIGUSR1] = "User defined signal 1",
	[SIGSEGV] = "Segmentation fault",
	[SIGUSR2] = "User defined signal 2",
	[SIGPIPE] = "Broken pipe",
	[SIGALRM] = "Alarm clock",
	[SIGTERM] = "Terminated",
	[SIGSTKFLT] = "Stack fault",
	[SIGCHLD] = "Child exited",
	[SIGCONT] = "Continued",
	[SIGSTOP] = "Stopped (signal)",
	[SIGTSTP] = "Stopped",
	[SIGTTIN] = "Stopped (tty input)",
	[SIGTTOU] = "Stopped (tty output)",
	[SIGURG] = "Urgent I/O condition",
	[SIGXCPU] = "CPU time limit exceeded",
	[SIGXFSZ] = "File size limit exceeded",
	[SIGVTALRM] = "Virtual timer expired",
	[SIGPROF] = "Profiling timer expired",
	[SIGWINCH] = "Window changed",
	[SIGPOLL] = "I/O possible",
	[SIGPWR] = "Power failure",
	[SIGSYS] = "Bad system call",
};

/* "HUP" for SIGHUP, without the "SIG"; NULL for a number with no name. */
const char *sigabbrev_np(int sig)
{
	return sig > 0 && sig < NSIG ? abbrevs[sig] : NULL;
}

const char *sigdescr_np(int sig)
{
	return sig > 0 && sig < NSIG ? descriptions[sig] : NULL;
}

/* A number without a text gets one made in a per-thread buffer, as in
   glibc: real-time signals are counted from SIGRTMIN. */
static __thread char unknown[32];

char *strsignal(int sig)
{
	const char *d = sigdescr_np(sig);

	if (d != NULL)
		return (char *)d;
	if (sig >= SIGRTMIN && sig <= SIGRTMAX)
		snprintf(unknown, sizeof unknown, "Real-time signal %d", sig - SIGRTMIN);
	else
		snprintf(unknown, sizeof unknown, "Unknown signal %d", sig);
	return unknown;
}

/* psignal(3): "s: description" on stderr, in one write. */
void psignal(int sig, const char *s)
{
	if (s != NULL && *s != '\0')
		fprintf(stderr, "%s: %s\n", s, strsignal(sig));
	else
		fprintf(stderr, "%s\n", strsignal(sig));
}
