/* Kernel lab: a child made with clone(CLONE_FILES) shares its parent's table.
   When it execs, the kernel first gives it a copy of its own (unshare_files(),
   which calls dup_fd()), then closes the close-on-exec descriptors in that
   copy only: the parent's stay open. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static char stack[64 * 1024];
static char *self;
static int fd;

static int child(void *arg)
{
	(void)arg;
	char num[12];
	snprintf(num, sizeof num, "%d", fd);
	execl(self, self, num, (char *)0);
	return 127;
}

int main(int argc, char **argv)
{
	if (argc > 1) {
		int n = (int)strtol(argv[1], NULL, 10);
		errno = 0;
		int r = fcntl(n, F_GETFD);
		dprintf(1, "exec'd child: fd %d %s\n", n, r >= 0 ? "open" : errno == EBADF ? "closed (EBADF)" : "?");
		return 0;
	}
	self = argv[0];
	fd = open("x", O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	pid_t pid = clone(child, stack + sizeof stack, CLONE_FILES | SIGCHLD, NULL);
	if (pid < 0)
		return 1;
	int status;
	waitpid(pid, &status, 0);
	dprintf(1, "parent: fd %d %s, child status %d\n", fd, fcntl(fd, F_GETFD) >= 0 ? "open" : "closed",
		WEXITSTATUS(status));
	return 0;
}
