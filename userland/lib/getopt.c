/* getopt(3) for short options, as glibc's posix/getopt.c does them.

   Like glibc, by default it permutes argv as it goes, so options may
   follow operands ("ls dir -l"): the operands it passes over are moved
   after the options, and when it returns -1 optind is the first of them.
   "--" ends the options.  An optstring starting with '+', or a
   POSIXLY_CORRECT environment, stops at the first operand instead; one
   starting with '-' returns each operand as the option 1 with optarg.
   After that, a ':' first means: report a missing argument by returning
   ':' and print no messages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1;
int opterr = 1;
int optopt = '?';

enum ordering { PERMUTE, REQUIRE_ORDER, RETURN_IN_ORDER };

static char *nextchar;          /* the rest of a group like -abc */
static int last_optopt;         /* glibc's own copy: optopt is 0 until an error */
static int first_nonopt, last_nonopt;   /* operands passed over */
static int initialized;

/* Swap the operands argv[first_nonopt..last_nonopt) with the options
   argv[last_nonopt..optind) that followed them, keeping the order within
   each (a rotation, one element at a time). */
static void exchange(char **argv)
{
	int operands = last_nonopt - first_nonopt;
	int options = optind - last_nonopt;
	int i, j;

	for (i = 0; i < operands; i++) {
		char *moved = argv[first_nonopt];

		for (j = first_nonopt; j < optind - 1; j++)
			argv[j] = argv[j + 1];
		argv[optind - 1] = moved;
	}
	first_nonopt += options;
	last_nonopt = optind;
}

static int is_operand(char *const argv[], int i)
{
	return argv[i][0] != '-' || argv[i][1] == '\0';
}

int getopt(int argc, char *const argv[], const char *optstring)
{
	char **args = (char **)argv;    /* permuted in place, as glibc does */
	enum ordering ordering = PERMUTE;
	int print_errors = opterr;
	const char *spec;
	int c;

	if (argc < 1)
		return -1;
	optarg = NULL;
	optopt = last_optopt;
	if (optind == 0 || !initialized) {
		if (optind == 0)
			optind = 1;
		first_nonopt = last_nonopt = optind;
		nextchar = NULL;
		initialized = 1;
	}
	if (*optstring == '-') {
		ordering = RETURN_IN_ORDER;
		optstring++;
	} else if (*optstring == '+') {
		ordering = REQUIRE_ORDER;
		optstring++;
	} else if (getenv("POSIXLY_CORRECT") != NULL) {
		ordering = REQUIRE_ORDER;
	}
	if (*optstring == ':')
		print_errors = 0;

	if (nextchar == NULL || *nextchar == '\0') {
		if (last_nonopt > optind)
			last_nonopt = optind;
		if (first_nonopt > optind)
			first_nonopt = optind;
		if (ordering == PERMUTE) {
			if (first_nonopt != last_nonopt && last_nonopt != optind)
				exchange(args);
			else if (last_nonopt != optind)
				first_nonopt = optind;
			while (optind < argc && is_operand(argv, optind))
				optind++;
			last_nonopt = optind;
		}
		if (optind != argc && strcmp(argv[optind], "--") == 0) {
			optind++;
			if (first_nonopt != last_nonopt && last_nonopt != optind)
				exchange(args);
			else if (first_nonopt == last_nonopt)
				first_nonopt = optind;
			last_nonopt = argc;
			optind = argc;
		}
		if (optind == argc) {
			if (first_nonopt != last_nonopt)
				optind = first_nonopt;
			return -1;
		}
		if (is_operand(argv, optind)) {
			if (ordering == REQUIRE_ORDER)
				return -1;
			optarg = argv[optind++];
			return 1;
		}
		nextchar = argv[optind] + 1;
	}

	c = (unsigned char)*nextchar++;
	spec = strchr(optstring, c);
	if (*nextchar == '\0')
		optind++;
	if (spec == NULL || c == ':' || c == ';') {
		if (print_errors)
			fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
		optopt = last_optopt = c;
		return '?';
	}
	if (spec[1] == ':') {
		if (spec[2] == ':') {           /* an optional argument: only -xARG */
			if (*nextchar != '\0') {
				optarg = nextchar;
				optind++;
			}
		} else if (*nextchar != '\0') {
			optarg = nextchar;
			optind++;
		} else if (optind == argc) {
			if (print_errors)
				fprintf(stderr, "%s: option requires an argument -- '%c'\n",
				        argv[0], c);
			optopt = last_optopt = c;
			c = optstring[0] == ':' ? ':' : '?';
		} else {
			optarg = argv[optind++];
		}
		nextchar = NULL;
	}
	return c;
}
