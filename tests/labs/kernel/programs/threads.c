/* Kernel lab: threads (CLONE_FILES) share one table: a descriptor one opens,
   the other uses; one closes, it is closed for both. A process forked by a
   thread gets a copy of that shared table. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static int fd = -1;

static void *opener(void *arg)
{
	(void)arg;
	fd = open("t", O_RDWR | O_CREAT | O_TRUNC, 0644);
	write(fd, "written by a thread\n", 20);
	return NULL;
}

static void *closer(void *arg)
{
	(void)arg;
	pid_t pid = fork();
	if (pid == 0) {
		close(fd);
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	dprintf(1, "after the forked child closed it: fd %d %s\n", fd, fcntl(fd, F_GETFD) >= 0 ? "open" : "closed");
	close(fd);
	return NULL;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, NULL, opener, NULL);
	pthread_join(t, NULL);
	char buf[32];
	ssize_t n = pread(fd, buf, sizeof buf, 0);
	dprintf(1, "main reads the thread's fd %d: %.*s", fd, (int)(n > 0 ? n : 0), buf);
	pthread_create(&t, NULL, closer, NULL);
	pthread_join(t, NULL);
	errno = 0;
	int r = fcntl(fd, F_GETFD);
	dprintf(1, "after the thread closed it: fd %d %s\n", fd, r >= 0 ? "open" : errno == EBADF ? "closed (EBADF)" : "?");
	return 0;
}
