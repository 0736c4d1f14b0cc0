/* ls [-aAdlnFR1] [FILE]...: list directories and files, in coreutils'
   formats and the "C" locale's order (bytes, as strcmp).

     -a  include names starting with '.'    -A  the same, but not . and ..
     -l  long format (-n is the same: owners are always numbers, there is
         no /etc/passwd to name them)
     -d  list directories themselves        -F  add / * @ | = by file type
     -R  list subdirectories too            -1  one name per line

   Names go one per line unless standard output is a terminal, where they
   are laid out in columns, down then across, in the terminal's width
   (padded with tabs and spaces, as coreutils pads them).
   The long format is coreutils' "ls -ln":

     -rw-r--r-- 1 0 0 1234 Nov 29 01:37 name
     lrwxrwxrwx 1 0 0    4 Nov 29 01:37 link -> file

   mode, links, owner, group, size (or "major, minor" for a device), the
   modification time (with the year instead of the time when it is more
   than six months old or in the future), the name.  Local time is UTC.
   A directory's listing starts with "total N", its 1 KiB blocks.
   Exit status: 0, 1 for trouble inside a directory, 2 for an operand that
   cannot be listed. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

struct entry {
	char *name;             /* as it is printed */
	char *link;             /* a symbolic link's target, in long format */
	struct stat st;
	int have_stat;
};

static int show_all, almost_all, long_format, directories, classify, recursive, one_per_line;
static int status;
static int printed;             /* something was printed: the next listing is apart */
static time_t now;

static void fail(int level, const char *format, const char *name)
{
	fprintf(stderr, "ls: ");
	fprintf(stderr, format, name);
	fprintf(stderr, ": %s\n", strerror(errno));
	if (status < level)
		status = level;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static char indicator(const struct entry *e)
{
	mode_t m = e->st.st_mode;

	if (!classify || !e->have_stat)
		return '\0';
	if (S_ISDIR(m))
		return '/';
	if (S_ISLNK(m))
		return '@';
	if (S_ISFIFO(m))
		return '|';
	if (S_ISSOCK(m))
		return '=';
	if (S_ISREG(m) && (m & (S_IXUSR | S_IXGRP | S_IXOTH)))
		return '*';
	return '\0';
}

static void mode_string(mode_t m, char *s)
{
	static const char rwx[] = "rwxrwxrwx";
	int i;

	s[0] = S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : S_ISCHR(m) ? 'c' : S_ISBLK(m) ? 'b'
	       : S_ISFIFO(m) ? 'p' : S_ISSOCK(m) ? 's' : '-';
	for (i = 0; i < 9; i++)
		s[i + 1] = (m & (0400 >> i)) ? rwx[i] : '-';
	if (m & S_ISUID)
		s[3] = (m & S_IXUSR) ? 's' : 'S';
	if (m & S_ISGID)
		s[6] = (m & S_IXGRP) ? 's' : 'S';
	if (m & S_ISVTX)
		s[9] = (m & S_IXOTH) ? 't' : 'T';
	s[10] = '\0';
}

static int digits(unsigned long long n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

static unsigned int dev_major(dev_t d)
{
	return (unsigned int)(((d >> 8) & 0xfff) | ((d >> 32) & ~0xfffu));
}

static unsigned int dev_minor(dev_t d)
{
	return (unsigned int)((d & 0xff) | ((d >> 12) & ~0xffu));
}

/* coreutils' dates: "%b %e %H:%M" within the last six months (half of
   a Gregorian year), "%b %e  %Y" otherwise. */
static void date_string(time_t t, char *s, size_t size)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	struct tm tm;

	localtime_r(&t, &tm);
	if (t > now - 31556952 / 2 && t <= now)
		snprintf(s, size, "%.3s %2d %02d:%02d", months + 3 * tm.tm_mon, tm.tm_mday,
		         tm.tm_hour, tm.tm_min);
	else
		snprintf(s, size, "%.3s %2d  %d", months + 3 * tm.tm_mon, tm.tm_mday,
		         tm.tm_year + 1900);
}

static void print_long(struct entry *e, size_t n, int with_total)
{
	int w_links = 1, w_uid = 1, w_gid = 1, w_size = 1, w_major = 0, w_minor = 0;
	unsigned long long blocks = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct stat *st = &e[i].st;

		if (!e[i].have_stat)
			continue;
		blocks += (unsigned long long)st->st_blocks;
		if (digits(st->st_nlink) > w_links)
			w_links = digits(st->st_nlink);
		if (digits(st->st_uid) > w_uid)
			w_uid = digits(st->st_uid);
		if (digits(st->st_gid) > w_gid)
			w_gid = digits(st->st_gid);
		if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) {
			if (digits(dev_major(st->st_rdev)) > w_major)
				w_major = digits(dev_major(st->st_rdev));
			if (digits(dev_minor(st->st_rdev)) > w_minor)
				w_minor = digits(dev_minor(st->st_rdev));
		} else if (digits((unsigned long long)st->st_size) > w_size) {
			w_size = digits((unsigned long long)st->st_size);
		}
	}
	if (w_major > 0 && w_major + 2 + w_minor > w_size)
		w_size = w_major + 2 + w_minor;
	if (with_total)
		printf("total %llu\n", (blocks + 1) / 2);       /* 512-byte blocks, in KiB */

	for (i = 0; i < n; i++) {
		const struct stat *st = &e[i].st;
		char mode[11], date[32], ind = indicator(&e[i]);

		if (!e[i].have_stat) {
			printf("?????????? ? ? ? ? ? %s\n", e[i].name);
			continue;
		}
		mode_string(st->st_mode, mode);
		date_string(st->st_mtime, date, sizeof date);
		printf("%s %*u %*u %*u ", mode, w_links, (unsigned)st->st_nlink, w_uid,
		       (unsigned)st->st_uid, w_gid, (unsigned)st->st_gid);
		if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
			printf("%*u, %*u", w_size - w_minor - 2, dev_major(st->st_rdev), w_minor,
			       dev_minor(st->st_rdev));
		else
			printf("%*lld", w_size, (long long)st->st_size);
		printf(" %s %s", date, e[i].name);
		if (e[i].link != NULL)
			printf(" -> %s", e[i].link);
		else if (ind != '\0')
			putchar(ind);
		putchar('\n');
	}
}

static int line_width(void)
{
	struct winsize ws;
	const char *columns = getenv("COLUMNS");

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (columns != NULL && atoi(columns) > 0)
		return atoi(columns);
	return 80;
}

/* Pad from column from to column to as coreutils does: with tabs (every
   8 columns) where a tab fits, then spaces. */
static void indent(size_t from, size_t to)
{
	while (from < to) {
		if (to / 8 > (from + 1) / 8) {
			putchar('\t');
			from += 8 - from % 8;
		} else {
			putchar(' ');
			from++;
		}
	}
}

/* Columns, filled down then across, as coreutils lays them out: for each
   number of columns c, rows = ceil(n / c) and each column is as wide as
   its longest name plus two (the c-th column, if used, without the two);
   the most columns whose line is narrower than the terminal win. */
static void print_columns(struct entry *e, size_t n)
{
	size_t width = (size_t)line_width(), max_cols, cols, rows, c, i;
	size_t *len = malloc(n * sizeof *len), *colw = calloc(n, sizeof *colw);

	for (i = 0; i < n; i++)
		len[i] = strlen(e[i].name) + (indicator(&e[i]) != '\0');
	max_cols = width / 3 > 1 ? width / 3 : 1;
	if (max_cols > n)
		max_cols = n;
	for (cols = max_cols; cols > 1; cols--) {
		size_t total = 0;

		rows = (n + cols - 1) / cols;
		for (c = 0; c < cols; c++)
			colw[c] = 0;
		for (i = 0; i < n; i++) {
			size_t col = i / rows, w = len[i] + (col == cols - 1 ? 0 : 2);

			if (w > colw[col])
				colw[col] = w;
		}
		for (c = 0; c < cols; c++)
			total += colw[c];
		if (total < width)
			break;
	}
	if (cols <= 1) {
		cols = 1;
		colw[0] = 0;
	}
	rows = (n + cols - 1) / cols;
	for (i = 0; i < rows; i++) {
		size_t k = i, pos = 0;

		for (c = 0;; c++) {
			char ind = indicator(&e[k]);

			fputs(e[k].name, stdout);
			if (ind != '\0')
				putchar(ind);
			if (k + rows >= n)
				break;
			indent(pos + len[k], pos + colw[c]);
			pos += colw[c];
			k += rows;
		}
		putchar('\n');
	}
	free(len);
	free(colw);
}

static void print_entries(struct entry *e, size_t n, int with_total)
{
	size_t i;

	if (long_format) {
		print_long(e, n, with_total);
	} else if (one_per_line || !isatty(STDOUT_FILENO)) {
		for (i = 0; i < n; i++) {
			char ind = indicator(&e[i]);

			fputs(e[i].name, stdout);
			if (ind != '\0')
				putchar(ind);
			putchar('\n');
		}
	} else if (n > 0) {
		print_columns(e, n);
	}
}

/* Fill in what the listing needs about name (relative to dirfd). */
static int examine(int dirfd, const char *name, struct entry *e, int follow)
{
	e->link = NULL;
	e->have_stat = fstatat(dirfd, name, &e->st, follow ? 0 : AT_SYMLINK_NOFOLLOW) == 0;
	if (!e->have_stat)
		return -1;
	if (long_format && S_ISLNK(e->st.st_mode)) {
		char target[4096];
		ssize_t n = readlinkat(dirfd, name, target, sizeof target - 1);

		if (n >= 0) {
			target[n] = '\0';
			e->link = strdup(target);
		}
	}
	return 0;
}

static void free_entries(struct entry *e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(e[i].name);
		free(e[i].link);
	}
	free(e);
}

static void list_dir(const char *path, int show_name, int level)
{
	struct entry *e = NULL;
	size_t n = 0, room = 0, i;
	struct dirent *d;
	DIR *dir = opendir(path);

	if (dir == NULL) {
		fail(level, "cannot open directory '%s'", path);
		return;
	}
	if (printed)
		putchar('\n');
	printed = 1;
	if (show_name)
		printf("%s:\n", path);
	while ((d = readdir(dir)) != NULL) {
		if (d->d_name[0] == '.' && !show_all && !almost_all)
			continue;
		if (almost_all && !show_all && (strcmp(d->d_name, ".") == 0
		                                || strcmp(d->d_name, "..") == 0))
			continue;
		if (n == room) {
			room = room == 0 ? 64 : 2 * room;
			e = realloc(e, room * sizeof *e);
		}
		e[n].name = strdup(d->d_name);
		e[n].link = NULL;
		e[n].have_stat = 0;
		if ((long_format || classify || recursive)
		    && examine(dirfd(dir), d->d_name, &e[n], 0) < 0)
			fail(1, "cannot access '%s'", d->d_name);
		n++;
	}
	closedir(dir);
	qsort(e, n, sizeof *e, by_name);
	print_entries(e, n, 1);

	for (i = 0; recursive && i < n; i++) {
		char *sub;
		size_t len;

		if (!e[i].have_stat || !S_ISDIR(e[i].st.st_mode) || strcmp(e[i].name, ".") == 0
		    || strcmp(e[i].name, "..") == 0)
			continue;
		len = strlen(path);
		sub = malloc(len + strlen(e[i].name) + 2);
		sprintf(sub, "%s%s%s", path, len > 0 && path[len - 1] == '/' ? "" : "/", e[i].name);
		list_dir(sub, 1, 1);
		free(sub);
	}
	free_entries(e, n);
}

int main(int argc, char **argv)
{
	struct entry *files, *dirs;
	size_t nfiles = 0, ndirs = 0, i;
	char *dot[] = { ".", NULL };
	char **operands;
	int noperands, c;

	while ((c = getopt(argc, argv, "aAdlnFR1")) != -1) {
		switch (c) {
		case 'a': show_all = 1; break;
		case 'A': almost_all = 1; break;
		case 'd': directories = 1; break;
		case 'l':
		case 'n': long_format = 1; break;
		case 'F': classify = 1; break;
		case 'R': recursive = 1; break;
		case '1': one_per_line = 1; break;
		default:
			fprintf(stderr, "Usage: ls [-aAdlnFR1] [FILE]...\n");
			return 2;
		}
	}
	now = time(NULL);
	operands = optind < argc ? argv + optind : dot;
	noperands = optind < argc ? argc - optind : 1;
	files = calloc((size_t)noperands, sizeof *files);
	dirs = calloc((size_t)noperands, sizeof *dirs);

	/* A symbolic link named on the command line is followed to a
	   directory, except in long format, with -d or with -F. */
	for (i = 0; i < (size_t)noperands; i++) {
		struct entry e;
		int follow = !long_format && !directories && !classify;

		if (examine(AT_FDCWD, operands[i], &e, follow) < 0
		    && (!follow || examine(AT_FDCWD, operands[i], &e, 0) < 0)) {
			fail(2, "cannot access '%s'", operands[i]);
			continue;
		}
		if (follow && !S_ISDIR(e.st.st_mode))
			examine(AT_FDCWD, operands[i], &e, 0);
		e.name = strdup(operands[i]);
		if (S_ISDIR(e.st.st_mode) && !directories)
			dirs[ndirs++] = e;
		else
			files[nfiles++] = e;
	}
	qsort(files, nfiles, sizeof *files, by_name);
	qsort(dirs, ndirs, sizeof *dirs, by_name);
	print_entries(files, nfiles, 0);
	if (nfiles > 0)
		printed = 1;
	for (i = 0; i < ndirs; i++)
		list_dir(dirs[i].name, noperands > 1 || recursive, 2);
	free_entries(files, nfiles);
	free_entries(dirs, ndirs);
	return status;
}
