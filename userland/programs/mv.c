/* mv SOURCE DEST, mv SOURCE... DIRECTORY: rename files (rename(2)); a
   DEST that is a directory receives SOURCE under its own name.  Moving
   between filesystems (EXDEV) is not done: copy and remove instead. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static const char *base_name(const char *path)
{
	const char *end = path + strlen(path), *start;

	while (end > path + 1 && end[-1] == '/')
		end--;
	for (start = end; start > path && start[-1] != '/'; start--)
		;
	return start;
}

static int move(const char *from, const char *to)
{
	struct stat st;

	if (lstat(from, &st) < 0) {
		fprintf(stderr, "mv: cannot stat '%s': %s\n", from, strerror(errno));
		return -1;
	}
	if (rename(from, to) < 0) {
		fprintf(stderr, "mv: cannot move '%s' to '%s': %s\n", from, to, strerror(errno));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct stat st;
	const char *dir;
	int status = 0, i;

	if (argc < 2) {
		fprintf(stderr, "mv: missing file operand\n");
		return 1;
	}
	if (argc < 3) {
		fprintf(stderr, "mv: missing destination file operand after '%s'\n", argv[1]);
		return 1;
	}
	dir = argv[argc - 1];
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		if (argc > 3) {
			fprintf(stderr, "mv: target '%s' is not a directory\n", dir);
			return 1;
		}
		return move(argv[1], dir) < 0;
	}
	for (i = 1; i < argc - 1; i++) {
		const char *base = base_name(argv[i]);
		size_t len = strcspn(base, "/");
		char *to = malloc(strlen(dir) + len + 2);

		sprintf(to, "%s/%.*s", dir, (int)len, base);
		if (move(argv[i], to) < 0)
			status = 1;
		free(to);
	}
	return status;
}
