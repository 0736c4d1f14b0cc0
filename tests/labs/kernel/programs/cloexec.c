/* Kernel lab: the copy keeps every descriptor's number and close-on-exec flag,
   high numbers included; exec then closes exactly the marked ones. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *who, int fd)
{
	errno = 0;
	int r = fcntl(fd, F_GETFD);
	if (r >= 0)
		dprintf(1, "%s: fd %d open, FD_CLOEXEC %s\n", who, fd, r & FD_CLOEXEC ? "set" : "clear");
	else
		dprintf(1, "%s: fd %d %s\n", who, fd, errno == EBADF ? "not open (EBADF)" : "?");
}

int main(int argc, char **argv)
{
	if (argc > 1) {
		/* After exec: argv[1..] are the descriptors to look at. */
		for (int i = 1; i < argc; i++)
			show("after exec", (int)strtol(argv[i], NULL, 10));
		return 0;
	}
	int a = open("a", O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	int b = open("b", O_RDWR | O_CREAT, 0644);
	dup2(b, 100);
	fcntl(100, F_SETFD, FD_CLOEXEC);
	pid_t pid = fork();
	if (pid == 0) {
		show("child", a);
		show("child", b);
		show("child", 100);
		char sa[12], sb[12], sc[12];
		snprintf(sa, sizeof sa, "%d", a);
		snprintf(sb, sizeof sb, "%d", b);
		snprintf(sc, sizeof sc, "%d", 100);
		execl(argv[0], argv[0], sa, sb, sc, (char *)0);
		_exit(127);
	}
	int status;
	waitpid(pid, &status, 0);
	show("parent", a);
	show("parent", 100);
	dprintf(1, "child exited with %d\n", WEXITSTATUS(status));
	return 0;
}
