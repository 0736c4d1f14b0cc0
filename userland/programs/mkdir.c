/* mkdir [-p] DIRECTORY...: make directories (mode 0777 less the umask).
   -p makes missing parents too and is content with what exists. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static int parents;

static int make(const char *path)
{
	struct stat st;

	if (mkdir(path, 0777) == 0)
		return 0;
	if (parents && errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	if (parents && errno == ENOENT) {
		/* Make the parent, then try again. */
		char *parent = strdup(path);
		char *slash = strrchr(parent, '/');
		int r = -1;

		while (slash != NULL && slash > parent && slash[-1] == '/')
			slash--;
		if (slash != NULL && slash != parent) {
			*slash = '\0';
			if (make(parent) == 0)
				r = mkdir(path, 0777);
		}
		free(parent);
		if (r == 0)
			return 0;
		if (errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			return 0;
	}
	return -1;
}

int main(int argc, char **argv)
{
	int status = 0, c, i;

	while ((c = getopt(argc, argv, "p")) != -1) {
		if (c != 'p') {
			fprintf(stderr, "Usage: mkdir [-p] DIRECTORY...\n");
			return 1;
		}
		parents = 1;
	}
	if (optind >= argc) {
		fprintf(stderr, "mkdir: missing operand\n");
		return 1;
	}
	for (i = optind; i < argc; i++) {
		if (make(argv[i]) < 0) {
			fprintf(stderr, "mkdir: cannot create directory '%s': %s\n", argv[i],
			        strerror(errno));
			status = 1;
		}
	}
	return status;
}
