/* Kernel lab: after fork, parent and child hold the same open file, so they
   share its offset: what one writes, the other writes after. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void put(int fd, const char *s)
{
	if (write(fd, s, strlen(s)) != (ssize_t)strlen(s))
		dprintf(1, "write failed\n");
}

int main(void)
{
	char buf[128];
	int fd = open("log", O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return 1;
	put(fd, "parent\n");
	pid_t pid = fork();
	if (pid == 0) {
		put(fd, "child\n");
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	put(fd, "parent again\n");
	dprintf(1, "offset after both wrote: %ld\n", (long)lseek(fd, 0, SEEK_CUR));
	lseek(fd, 0, SEEK_SET);
	ssize_t n = read(fd, buf, sizeof buf);
	dprintf(1, "the file holds %zd bytes:\n%.*s", n, (int)n, buf);
	close(fd);
	return 0;
}
