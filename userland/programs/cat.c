/* cat [FILE]...: copy each file, or standard input for none or "-", to
   standard output, with read(2) and write(2) and no buffering in between.
   A file that cannot be read is reported and skipped (exit status 1). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char buf[65536];

/* 0, or -1 with errno from the read (*reading set) or the write. */
static int copy(int fd, int *reading)
{
	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf), done = 0;

		*reading = 1;
		if (n == 0)
			return 0;
		if (n < 0)
			return -1;
		*reading = 0;
		while (done < n) {
			ssize_t w = write(STDOUT_FILENO, buf + done, (size_t)(n - done));

			if (w < 0)
				return -1;
			done += w;
		}
	}
}

int main(int argc, char **argv)
{
	int status = 0, i, reading;

	if (argc < 2) {
		if (copy(STDIN_FILENO, &reading) < 0) {
			fprintf(stderr, "cat: %s: %s\n", reading ? "-" : "write error",
			        strerror(errno));
			return 1;
		}
		return 0;
	}
	for (i = 1; i < argc; i++) {
		int fd = strcmp(argv[i], "-") == 0 ? STDIN_FILENO : open(argv[i], O_RDONLY);

		if (fd < 0) {
			fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		if (copy(fd, &reading) < 0) {
			if (!reading) {
				fprintf(stderr, "cat: write error: %s\n", strerror(errno));
				return 1;
			}
			fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
		if (fd != STDIN_FILENO)
			close(fd);
	}
	return status;
}
