/* env [-i] [-u NAME]... [NAME=VALUE]... [COMMAND [ARG]...]: run COMMAND
   with a changed environment, or print the environment.  -i starts from
   an empty one, -u removes NAME.  127 when COMMAND is not found, 126 when
   it cannot run. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char **e;
	int c;

	while ((c = getopt(argc, argv, "+iu:")) != -1) {
		switch (c) {
		case 'i':
			clearenv();
			break;
		case 'u':
			unsetenv(optarg);
			break;
		default:
			fprintf(stderr, "Usage: env [-i] [-u NAME]... [NAME=VALUE]... [COMMAND [ARG]...]\n");
			return 125;
		}
	}
	/* "-" alone is the old spelling of -i. */
	if (optind < argc && strcmp(argv[optind], "-") == 0) {
		clearenv();
		optind++;
	}
	for (; optind < argc && strchr(argv[optind], '=') != NULL; optind++) {
		if (putenv(argv[optind]) != 0) {
			fprintf(stderr, "env: cannot set '%s': %s\n", argv[optind], strerror(errno));
			return 125;
		}
	}
	if (optind >= argc) {
		for (e = environ; e != NULL && *e != NULL; e++)
			puts(*e);
		return 0;
	}
	execvp(argv[optind], argv + optind);
	c = errno;
	fprintf(stderr, "env: '%s': %s\n", argv[optind], strerror(c));
	return c == ENOENT ? 127 : 126;
}
