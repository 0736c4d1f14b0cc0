/* head [-n N | -N] [FILE]...: the first N lines (10 by default) of each
   file or of standard input; several files each get a "==> NAME <=="
   header, as in coreutils. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long lines = 10;

static int head(FILE *f)
{
	long n = 0;
	int c;

	while (n < lines && (c = getc(f)) != EOF) {
		putchar(c);
		if (c == '\n')
			n++;
	}
	return ferror(f) ? -1 : 0;
}

int main(int argc, char **argv)
{
	int status = 0, i = 1, first = 1, nfiles;

	for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		const char *count = NULL;

		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
			count = argv[++i];
		else if (strncmp(argv[i], "-n", 2) == 0)
			count = argv[i] + 2;
		else if (isdigit((unsigned char)argv[i][1]))
			count = argv[i] + 1;
		if (count == NULL || !isdigit((unsigned char)*count)) {
			fprintf(stderr, "head: invalid option or number of lines: '%s'\n", argv[i]);
			return 1;
		}
		lines = strtol(count, NULL, 10);
	}
	nfiles = argc - i;
	if (nfiles == 0)
		return head(stdin) < 0;
	for (; i < argc; i++) {
		FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");

		if (f == NULL) {
			fprintf(stderr, "head: cannot open '%s' for reading: %s\n", argv[i],
			        strerror(errno));
			status = 1;
			continue;
		}
		if (nfiles > 1)
			printf("%s==> %s <==\n", first ? "" : "\n",
			       f == stdin ? "standard input" : argv[i]);
		first = 0;
		if (head(f) < 0) {
			fprintf(stderr, "head: error reading '%s': %s\n", argv[i], strerror(errno));
			status = 1;
		}
		if (f != stdin)
			fclose(f);
	}
	return status;
}
