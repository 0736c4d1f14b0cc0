/* Kernel lab: a pipe reaches end-of-file when the last descriptor of its write
   end is closed, in every table that holds one. Each forked child holds
   references through its copy; miscounted references show up as a reader that
   never sees EOF, or one that sees it too early. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHILDREN 3
#define LINES 50

int main(void)
{
	int p[2];
	if (pipe(p) < 0)
		return 1;
	for (int c = 0; c < CHILDREN; c++) {
		if (fork() == 0) {
			close(p[0]);
			for (int i = 0; i < LINES; i++)
				dprintf(p[1], "child %d line %d\n", c, i);
			_exit(0);
		}
	}
	close(p[1]);
	char buf[256];
	long bytes = 0, lines = 0;
	ssize_t n;
	while ((n = read(p[0], buf, sizeof buf)) > 0) {
		bytes += n;
		for (ssize_t i = 0; i < n; i++)
			lines += buf[i] == '\n';
	}
	dprintf(1, "read %ld lines, %ld bytes, then EOF (%zd)\n", lines, bytes, n);
	int reaped = 0;
	while (wait(NULL) > 0)
		reaped++;
	dprintf(1, "reaped %d children\n", reaped);
	return 0;
}
