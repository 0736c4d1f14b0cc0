/* ln [-sf] TARGET [LINK_NAME], ln [-sf] TARGET... DIRECTORY: make a hard
   link (or with -s a symbolic link) to TARGET; a LINK_NAME that is a
   directory, or a missing one, gets the link under TARGET's own name.
   -f removes an existing LINK_NAME first. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static int symbolic, force;

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL && slash[1] != '\0' ? slash + 1 : path;
}

static int make_link(const char *target, const char *name)
{
	int r;

	if (force)
		unlink(name);
	r = symbolic ? symlink(target, name) : link(target, name);
	if (r < 0) {
		if (symbolic)
			fprintf(stderr, "ln: failed to create symbolic link '%s': %s\n", name,
			        strerror(errno));
		else
			fprintf(stderr, "ln: failed to create hard link '%s' => '%s': %s\n", name,
			        target, strerror(errno));
	}
	return r;
}

int main(int argc, char **argv)
{
	struct stat st;
	const char *dir;
	int status = 0, c, i, n;

	while ((c = getopt(argc, argv, "sf")) != -1) {
		switch (c) {
		case 's': symbolic = 1; break;
		case 'f': force = 1; break;
		default:
			fprintf(stderr, "Usage: ln [-sf] TARGET [LINK_NAME]\n");
			return 1;
		}
	}
	n = argc - optind;
	if (n < 1) {
		fprintf(stderr, "ln: missing file operand\n");
		return 1;
	}
	if (n == 1)
		return make_link(argv[optind], base_name(argv[optind])) < 0;
	dir = argv[argc - 1];
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		if (n > 2) {
			fprintf(stderr, "ln: target '%s' is not a directory\n", dir);
			return 1;
		}
		return make_link(argv[optind], dir) < 0;
	}
	for (i = optind; i < argc - 1; i++) {
		char *name = malloc(strlen(dir) + strlen(argv[i]) + 2);

		sprintf(name, "%s/%s", dir, base_name(argv[i]));
		if (make_link(argv[i], name) < 0)
			status = 1;
		free(name);
	}
	return status;
}
