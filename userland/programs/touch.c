/* touch [-c] FILE...: set the access and modification times of each file
   to now (utimensat(2)), creating it empty if it does not exist (unless
   -c). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
	int no_create = 0, status = 0, c, i;

	while ((c = getopt(argc, argv, "c")) != -1) {
		if (c != 'c') {
			fprintf(stderr, "Usage: touch [-c] FILE...\n");
			return 1;
		}
		no_create = 1;
	}
	if (optind >= argc) {
		fprintf(stderr, "touch: missing file operand\n");
		return 1;
	}
	for (i = optind; i < argc; i++) {
		int fd = -1;

		if (!no_create) {
			fd = open(argv[i], O_WRONLY | O_CREAT | O_NONBLOCK | O_NOCTTY, 0666);
			if (fd < 0 && errno != EISDIR) {
				fprintf(stderr, "touch: cannot touch '%s': %s\n", argv[i], strerror(errno));
				status = 1;
				continue;
			}
		}
		if (utimensat(AT_FDCWD, argv[i], NULL, 0) < 0 && !(no_create && errno == ENOENT)) {
			fprintf(stderr, "touch: setting times of '%s': %s\n", argv[i], strerror(errno));
			status = 1;
		}
		if (fd >= 0)
			close(fd);
	}
	return status;
}
