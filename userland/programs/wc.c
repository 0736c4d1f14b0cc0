/* wc [-lwmc] [FILE]...: count lines, words and bytes, in coreutils' format.

   A word is a run of printable characters other than white space;
   unprintable bytes neither start nor end one (coreutils in the C locale).
   The counts are right-aligned to a common width: the digits of the total
   size of the regular files named, at least 7 if any input is not a
   regular file (a pipe, a terminal), and just 1 when a single count of a
   single input is asked for.  Several files get a "total" line. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

struct counts {
	unsigned long long lines, words, chars, bytes;
};

static int print_lines, print_words, print_chars, print_bytes;
static int width;

static int count(int fd, struct counts *c)
{
	static unsigned char buf[65536];
	int in_word = 0;
	ssize_t n, i;

	while ((n = read(fd, buf, sizeof buf)) > 0) {
		c->bytes += (unsigned long long)n;
		for (i = 0; i < n; i++) {
			int ch = buf[i];

			if (ch == '\n')
				c->lines++;
			if (ch == '\n' || ch == '\r' || ch == '\f' || ch == '\t' || ch == ' '
			    || ch == '\v') {
				c->words += (unsigned long long)in_word;
				in_word = 0;
			} else if (isprint(ch)) {
				in_word = 1;
			}
		}
	}
	c->words += (unsigned long long)in_word;
	c->chars = c->bytes;            /* one byte, one character in the C locale */
	return n < 0 ? -1 : 0;
}

static void report(const struct counts *c, const char *name)
{
	const char *sep = "";

	if (print_lines) {
		printf("%s%*llu", sep, width, c->lines);
		sep = " ";
	}
	if (print_words) {
		printf("%s%*llu", sep, width, c->words);
		sep = " ";
	}
	if (print_chars) {
		printf("%s%*llu", sep, width, c->chars);
		sep = " ";
	}
	if (print_bytes)
		printf("%s%*llu", sep, width, c->bytes);
	if (name != NULL)
		printf(" %s", name);
	putchar('\n');
}

/* coreutils' compute_number_width over the inputs' fstat or stat. */
static void set_width(int nfiles, char **files)
{
	unsigned long long regular = 0;
	int minimum = 1, i;

	width = 1;
	if (nfiles == 1 && print_lines + print_words + print_chars + print_bytes == 1)
		return;
	for (i = 0; i < nfiles; i++) {
		struct stat st;
		int r = files[i] == NULL || strcmp(files[i], "-") == 0 ? fstat(STDIN_FILENO, &st)
		        : stat(files[i], &st);

		if (r < 0)
			continue;
		if (S_ISREG(st.st_mode))
			regular += (unsigned long long)st.st_size;
		else
			minimum = 7;
	}
	for (; regular >= 10; regular /= 10)
		width++;
	if (width < minimum)
		width = minimum;
}

int main(int argc, char **argv)
{
	static char *stdin_only[] = { NULL };
	struct counts total = { 0, 0, 0, 0 };
	char **files;
	int nfiles, status = 0, c, i;

	while ((c = getopt(argc, argv, "lwmc")) != -1) {
		switch (c) {
		case 'l': print_lines = 1; break;
		case 'w': print_words = 1; break;
		case 'm': print_chars = 1; break;
		case 'c': print_bytes = 1; break;
		default:
			fprintf(stderr, "Usage: wc [-lwmc] [FILE]...\n");
			return 1;
		}
	}
	if (!print_lines && !print_words && !print_chars && !print_bytes)
		print_lines = print_words = print_bytes = 1;
	files = optind < argc ? argv + optind : stdin_only;
	nfiles = optind < argc ? argc - optind : 1;
	set_width(nfiles, files);

	for (i = 0; i < nfiles; i++) {
		struct counts n = { 0, 0, 0, 0 };
		const char *name = files[i];
		int fd = name == NULL || strcmp(name, "-") == 0 ? STDIN_FILENO : open(name, O_RDONLY);

		if (fd < 0) {
			fprintf(stderr, "wc: %s: %s\n", name, strerror(errno));
			status = 1;
			continue;
		}
		if (count(fd, &n) < 0) {
			fprintf(stderr, "wc: %s: %s\n", name != NULL ? name : "-", strerror(errno));
			status = 1;
		}
		if (fd != STDIN_FILENO)
			close(fd);
		report(&n, name);
		total.lines += n.lines;
		total.words += n.words;
		total.chars += n.chars;
		total.bytes += n.bytes;
	}
	if (nfiles > 1)
		report(&total, "total");
	return status;
}
