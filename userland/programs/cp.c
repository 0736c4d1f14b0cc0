/* cp [-r] SOURCE DEST, cp [-r] SOURCE... DIRECTORY: copy files.  A new
   file gets its source's permission bits (less the umask); with -r a
   directory is copied with everything in it. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static int recursive;

static const char *base_name(const char *path)
{
	const char *end = path + strlen(path), *start;

	while (end > path + 1 && end[-1] == '/')
		end--;
	for (start = end; start > path && start[-1] != '/'; start--)
		;
	return start;
}

static int copy_file(const char *from, const char *to, mode_t mode)
{
	static char buf[65536];
	int in, out, r = 0;
	ssize_t n;

	in = open(from, O_RDONLY);
	if (in < 0) {
		fprintf(stderr, "cp: cannot open '%s' for reading: %s\n", from, strerror(errno));
		return -1;
	}
	out = open(to, O_WRONLY | O_CREAT | O_TRUNC, mode & 07777);
	if (out < 0) {
		fprintf(stderr, "cp: cannot create regular file '%s': %s\n", to, strerror(errno));
		close(in);
		return -1;
	}
	while ((n = read(in, buf, sizeof buf)) > 0) {
		ssize_t done = 0;

		while (done < n) {
			ssize_t w = write(out, buf + done, (size_t)(n - done));

			if (w < 0) {
				fprintf(stderr, "cp: error writing '%s': %s\n", to, strerror(errno));
				r = -1;
				goto out;
			}
			done += w;
		}
	}
	if (n < 0) {
		fprintf(stderr, "cp: error reading '%s': %s\n", from, strerror(errno));
		r = -1;
	}
out:
	close(in);
	if (close(out) < 0 && r == 0) {
		fprintf(stderr, "cp: error writing '%s': %s\n", to, strerror(errno));
		r = -1;
	}
	return r;
}

static int copy(const char *from, const char *to)
{
	struct stat st;
	struct dirent *d;
	DIR *dir;
	int r = 0;

	if (stat(from, &st) < 0) {
		fprintf(stderr, "cp: cannot stat '%s': %s\n", from, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return copy_file(from, to, st.st_mode);
	if (!recursive) {
		fprintf(stderr, "cp: -r not specified; omitting directory '%s'\n", from);
		return -1;
	}
	if (mkdir(to, st.st_mode & 07777) < 0 && errno != EEXIST) {
		fprintf(stderr, "cp: cannot create directory '%s': %s\n", to, strerror(errno));
		return -1;
	}
	dir = opendir(from);
	if (dir == NULL) {
		fprintf(stderr, "cp: cannot access '%s': %s\n", from, strerror(errno));
		return -1;
	}
	while ((d = readdir(dir)) != NULL) {
		char *a, *b;

		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		a = malloc(strlen(from) + strlen(d->d_name) + 2);
		b = malloc(strlen(to) + strlen(d->d_name) + 2);
		sprintf(a, "%s/%s", from, d->d_name);
		sprintf(b, "%s/%s", to, d->d_name);
		if (copy(a, b) < 0)
			r = -1;
		free(a);
		free(b);
	}
	closedir(dir);
	return r;
}

int main(int argc, char **argv)
{
	struct stat st;
	const char *dir;
	int status = 0, c, i, n;

	while ((c = getopt(argc, argv, "rR")) != -1) {
		if (c != 'r' && c != 'R') {
			fprintf(stderr, "Usage: cp [-r] SOURCE... DEST\n");
			return 1;
		}
		recursive = 1;
	}
	n = argc - optind;
	if (n < 2) {
		fprintf(stderr, n < 1 ? "cp: missing file operand\n"
		                      : "cp: missing destination file operand\n");
		return 1;
	}
	dir = argv[argc - 1];
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		if (n > 2) {
			fprintf(stderr, "cp: target '%s' is not a directory\n", dir);
			return 1;
		}
		return copy(argv[optind], dir) < 0;
	}
	for (i = optind; i < argc - 1; i++) {
		const char *base = base_name(argv[i]);
		size_t len = strcspn(base, "/");
		char *to = malloc(strlen(dir) + len + 2);

		sprintf(to, "%s/%.*s", dir, (int)len, base);
		if (copy(argv[i], to) < 0)
			status = 1;
		free(to);
	}
	return status;
}
