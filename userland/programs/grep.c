/* grep [-vcnilqhHF] [-e] PATTERN [FILE]...: print the lines that match.

   PATTERN is a basic regular expression of this subset: a character
   matches itself, '.' any character, [abc], [a-z] and [^...] a class,
   '*' any number of the one before, '^' at the start and '$' at the end
   anchor the match, and '\' takes the next character literally.  -F takes
   the pattern as a fixed string.  -v selects the lines that do not match,
   -i ignores case, -c counts, -n numbers lines, -l lists the files that
   match, -q prints nothing, -h/-H leave out or add the file name.
   Exit status: 0 if a line was selected, 1 if none, 2 on an error. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *pattern;
static int fixed, ignore_case, invert, count_only, numbers, list_files, quiet;
static int with_names = -1;     /* -1: only with several files */

static int fold(int c)
{
	return ignore_case ? tolower(c) : c;
}

/* The end of the bracket expression starting at p ('['): a ']' right
   after '[' or "[^" is a member.  NULL if it never closes. */
static const char *class_end(const char *p)
{
	p++;
	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	while (*p != '\0' && *p != ']')
		p++;
	return *p == ']' ? p : NULL;
}

static int in_range(int c, int lo, int hi)
{
	return c >= lo && c <= hi;
}

static int in_class(const char *p, const char *end, int c)
{
	int negate = 0, found = 0;

	p++;
	if (*p == '^') {
		negate = 1;
		p++;
	}
	for (; p < end; p++) {
		if (p + 2 < end && p[1] == '-') {
			int lo = (unsigned char)p[0], hi = (unsigned char)p[2];

			if (in_range(c, lo, hi) || (ignore_case && (in_range(tolower(c), lo, hi)
			                                            || in_range(toupper(c), lo, hi))))
				found = 1;
			p += 2;
		} else if (fold((unsigned char)*p) == fold(c)) {
			found = 1;
		}
	}
	return found != negate;
}

/* One element of the pattern at re: a literal, '.', "\c" or a class.
   Sets *next after it; does it match c? */
static int match_one(const char *re, int c, const char **next)
{
	const char *end;

	if (*re == '[' && (end = class_end(re)) != NULL) {
		*next = end + 1;
		return in_class(re, end, c);
	}
	if (*re == '\\' && re[1] != '\0') {
		*next = re + 2;
		return fold((unsigned char)re[1]) == fold(c);
	}
	*next = re + 1;
	return *re == '.' || fold((unsigned char)*re) == fold(c);
}

static int match_here(const char *re, const char *text);

/* elem* then the rest: try the longest run first, as a regex engine must
   to find a match at all (any match will do for grep). */
static int match_star(const char *elem, const char *rest, const char *text)
{
	const char *t = text, *next;

	while (*t != '\0' && match_one(elem, (unsigned char)*t, &next))
		t++;
	for (;;) {
		if (match_here(rest, t))
			return 1;
		if (t == text)
			return 0;
		t--;
	}
}

/* Does re match at the start of text? */
static int match_here(const char *re, const char *text)
{
	const char *next;

	if (*re == '\0')
		return 1;
	if (re[0] == '$' && re[1] == '\0')
		return *text == '\0';
	match_one(re, 0, &next);
	if (*next == '*')
		return match_star(re, next + 1, text);
	if (*text != '\0' && match_one(re, (unsigned char)*text, &next))
		return match_here(next, text + 1);
	return 0;
}

static int regex_match(const char *re, const char *text)
{
	if (*re == '^')
		return match_here(re + 1, text);
	do {
		if (match_here(re, text))
			return 1;
	} while (*text++ != '\0');
	return 0;
}

static int fixed_match(const char *text)
{
	size_t n = strlen(pattern);

	for (; *text != '\0' || n == 0; text++) {
		size_t i;

		for (i = 0; i < n && fold((unsigned char)text[i]) == fold((unsigned char)pattern[i]); i++)
			;
		if (i == n)
			return 1;
		if (*text == '\0')
			break;
	}
	return 0;
}

/* Scan one input; returns how many lines were selected. */
static long grep(FILE *f, const char *name)
{
	char *line = NULL;
	size_t room = 0;
	ssize_t len;
	long selected = 0, lineno = 0;

	while ((len = getline(&line, &room, f)) != -1) {
		int matched;

		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		matched = fixed ? fixed_match(line) : regex_match(pattern, line);
		if (matched == invert)
			continue;
		selected++;
		if (quiet)
			break;
		if (list_files) {
			printf("%s\n", name);
			break;
		}
		if (count_only)
			continue;
		if (with_names)
			printf("%s:", name);
		if (numbers)
			printf("%ld:", lineno);
		fwrite(line, 1, (size_t)len, stdout);
		putchar('\n');
	}
	free(line);
	if (count_only && !list_files && !quiet) {
		if (with_names)
			printf("%s:", name);
		printf("%ld\n", selected);
	}
	return selected;
}

int main(int argc, char **argv)
{
	int c, i, error = 0;
	long selected = 0;

	while ((c = getopt(argc, argv, "vcnilqhHFe:")) != -1) {
		switch (c) {
		case 'v': invert = 1; break;
		case 'c': count_only = 1; break;
		case 'n': numbers = 1; break;
		case 'i': ignore_case = 1; break;
		case 'l': list_files = 1; break;
		case 'q': quiet = 1; break;
		case 'h': with_names = 0; break;
		case 'H': with_names = 1; break;
		case 'F': fixed = 1; break;
		case 'e': pattern = optarg; break;
		default:
			fprintf(stderr, "Usage: grep [-vcnilqhHF] [-e] PATTERN [FILE]...\n");
			return 2;
		}
	}
	if (pattern == NULL) {
		if (optind >= argc) {
			fprintf(stderr, "Usage: grep [-vcnilqhHF] [-e] PATTERN [FILE]...\n");
			return 2;
		}
		pattern = argv[optind++];
	}
	if (with_names < 0)
		with_names = argc - optind > 1;
	if (optind >= argc) {
		selected = grep(stdin, "(standard input)");
	} else {
		for (i = optind; i < argc && !(quiet && selected > 0); i++) {
			FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
			const char *name = f == stdin ? "(standard input)" : argv[i];

			if (f == NULL) {
				fprintf(stderr, "grep: %s: %s\n", argv[i], strerror(errno));
				error = 1;
				continue;
			}
			selected += grep(f, name);
			fflush(stdout);         /* before any message about the next file */
			if (ferror(f)) {
				fprintf(stderr, "grep: %s: %s\n", argv[i], strerror(errno));
				error = 1;
			}
			if (f != stdin)
				fclose(f);
		}
	}
	if (error && !(quiet && selected > 0))
		return 2;
	return selected > 0 ? 0 : 1;
}
