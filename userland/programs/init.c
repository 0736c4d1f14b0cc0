/* /sbin/init of the default image: the first program the kernel starts.
   It greets, starts the shell /bin/sh on the console, and waits for it,
   collecting on the way any other process whose parent died before it
   (orphans become init's children, and only a wait lets them go).  When
   the shell ends, init ends with the shell's status.

   The shell runs in a session of its own with the console as its
   controlling terminal (setsid, then TIOCSCTTY), as busybox's init starts
   a console shell, so that it can do job control.  Where that fails (no
   terminal, or natively under another session) it runs all the same.
   The pid line appears only when this really is pid 1, so the output is
   the same on every boot. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/wait.h>

static void welcome(void)
{
	printf("Welcome to minikernel, an educational Linux-style kernel written in Java.\n");
	printf("It is running this i386 Linux program, /sbin/init, as the first process.\n");
	if (getpid() == 1)
		printf("init: running as pid 1\n");
	printf("init starts /bin/sh, a small shell: each command you type is a program\n"
	       "that the shell runs with fork and execve, as on Linux. Things to try:\n"
	       "\n"
	       "  ls -l /bin                the programs in this root filesystem\n"
	       "  ps                        the processes, as /proc describes them\n"
	       "  cat /proc/self/status     what the kernel knows about cat itself\n"
	       "  echo hi | wc -c           two processes joined by a pipe\n"
	       "  forkdemo                  what fork copies, in plain words\n"
	       "  sharedemo                 what threads share and a child process copies\n"
	       "  sleep 5 &   then   jobs   a job in the background\n"
	       "\n"
	       "Type exit (or Ctrl-D) to leave the shell; init ends with it.\n");
	fflush(stdout);
}

static pid_t start_shell(void)
{
	static char *argv[] = { "sh", NULL };
	char term[256];
	char *envp[] = { "HOME=/root", "PATH=/bin:/sbin", NULL, NULL };
	const char *t = getenv("TERM");
	pid_t pid;

	if (t != NULL) {
		snprintf(term, sizeof term, "TERM=%s", t);
		envp[2] = term;
	}
	pid = fork();
	if (pid != 0)
		return pid;
	setsid();
	ioctl(STDIN_FILENO, TIOCSCTTY, 0);
	execve("/bin/sh", argv, envp);
	fprintf(stderr, "init: cannot run /bin/sh: %s\n", strerror(errno));
	_exit(127);
}

int main(void)
{
	pid_t shell, pid;
	int status;

	welcome();
	shell = start_shell();
	if (shell < 0) {
		fprintf(stderr, "init: fork: %s\n", strerror(errno));
		return 1;
	}
	for (;;) {
		pid = wait(&status);
		if (pid == shell)
			break;
		if (pid < 0 && errno != EINTR) {
			fprintf(stderr, "init: wait: %s\n", strerror(errno));
			return 1;
		}
		/* anything else was an orphan, now gone */
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
