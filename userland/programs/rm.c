/* rm [-rRf] FILE...: remove files; -r (or -R) removes directories and
   everything in them; -f says nothing about files that do not exist and
   does not fail for them. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static int recursive, force;

static int complain(const char *path)
{
	if (force && errno == ENOENT)
		return 0;
	fprintf(stderr, "rm: cannot remove '%s': %s\n", path, strerror(errno));
	return -1;
}

/* Remove what is inside the directory path, then the directory. */
static int remove_tree(const char *path)
{
	char sub[4096];
	struct dirent *d;
	DIR *dir;
	int r = 0;

	dir = opendir(path);
	if (dir == NULL)
		return complain(path);
	while ((d = readdir(dir)) != NULL) {
		struct stat st;

		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		snprintf(sub, sizeof sub, "%s/%s", path, d->d_name);
		if (fstatat(dirfd(dir), d->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0
		    && S_ISDIR(st.st_mode)) {
			if (remove_tree(sub) < 0)
				r = -1;
		} else if (unlinkat(dirfd(dir), d->d_name, 0) < 0 && complain(sub) < 0) {
			r = -1;
		}
	}
	closedir(dir);
	if (rmdir(path) < 0 && complain(path) < 0)
		r = -1;
	return r;
}

static const char *last_part(const char *path)
{
	const char *end = path + strlen(path), *start;

	while (end > path + 1 && end[-1] == '/')
		end--;
	for (start = end; start > path && start[-1] != '/'; start--)
		;
	return start;
}

int main(int argc, char **argv)
{
	int status = 0, c, i;

	while ((c = getopt(argc, argv, "rRf")) != -1) {
		switch (c) {
		case 'r':
		case 'R': recursive = 1; break;
		case 'f': force = 1; break;
		default:
			fprintf(stderr, "Usage: rm [-rRf] FILE...\n");
			return 1;
		}
	}
	if (optind >= argc && !force) {
		fprintf(stderr, "rm: missing operand\n");
		return 1;
	}
	for (i = optind; i < argc; i++) {
		const char *path = argv[i], *base = last_part(path);
		struct stat st;

		size_t len = strcspn(base, "/");

		if ((len == 1 && base[0] == '.') || (len == 2 && base[0] == '.' && base[1] == '.')) {
			fprintf(stderr, "rm: refusing to remove '.' or '..' directory: skipping '%s'\n",
			        path);
			status = 1;
			continue;
		}
		if (lstat(path, &st) < 0) {
			if (complain(path) < 0)
				status = 1;
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			if (!recursive) {
				fprintf(stderr, "rm: cannot remove '%s': Is a directory\n", path);
				status = 1;
			} else if (strcmp(path, "/") == 0) {
				fprintf(stderr, "rm: it is dangerous to operate recursively on '/'\n");
				status = 1;
			} else if (remove_tree(path) < 0) {
				status = 1;
			}
		} else if (unlink(path) < 0 && complain(path) < 0) {
			status = 1;
		}
	}
	return status;
}
