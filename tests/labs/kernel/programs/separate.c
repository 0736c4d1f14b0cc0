/* Kernel lab: a forked child's descriptor table is a copy. Closing or opening
   descriptors in the child changes nothing in the parent's table. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *who, int fd)
{
	errno = 0;
	int r = fcntl(fd, F_GETFD);
	dprintf(1, "%s: fd %d %s\n", who, fd, r >= 0 ? "is open" : errno == EBADF ? "is not open (EBADF)" : "?");
}

int main(void)
{
	int fd = open("a", O_RDWR | O_CREAT | O_TRUNC, 0644);
	write(fd, "from a\n", 7);
	lseek(fd, 0, SEEK_SET);
	pid_t pid = fork();
	if (pid == 0) {
		close(fd);
		show("child after close", fd);
		int b = open("b", O_RDWR | O_CREAT | O_TRUNC, 0644);
		dprintf(1, "child: opened b as fd %d\n", b);
		dup2(b, 7);
		show("child", 7);
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	show("parent", fd);
	show("parent", 7);
	char buf[16];
	ssize_t n = read(fd, buf, sizeof buf);
	dprintf(1, "parent reads from fd %d: %.*s", fd, (int)(n > 0 ? n : 0), buf);
	return 0;
}
