/* kill [-s SIGNAL | -SIGNAL] PID...: send a signal (TERM unless told)
   to processes; a negative PID is a process group, -1 every process one
   may signal.  SIGNAL is a name (TERM, SIGTERM) or a number.
   kill -l lists the names. */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A signal name or number to its number; -1 if unknown. */
static int signal_number(const char *s)
{
	int i;

	if (isdigit((unsigned char)*s)) {
		char *end;
		long n = strtol(s, &end, 10);

		return *end == '\0' && n >= 0 && n < NSIG ? (int)n : -1;
	}
	if (strncasecmp(s, "SIG", 3) == 0)
		s += 3;
	for (i = 1; i < NSIG; i++)
		if (sigabbrev_np(i) != NULL && strcasecmp(s, sigabbrev_np(i)) == 0)
			return i;
	/* other names of the same signals */
	if (strcasecmp(s, "IO") == 0)
		return SIGIO;
	if (strcasecmp(s, "IOT") == 0)
		return SIGIOT;
	if (strcasecmp(s, "CLD") == 0)
		return SIGCHLD;
	return -1;
}

/* As bash's kill -l: five to a line, separated by tabs. */
static void list(void)
{
	int i, n = 0;

	for (i = 1; i < NSIG; i++) {
		if (sigabbrev_np(i) == NULL)
			continue;
		if (n > 0)
			putchar(n % 5 == 0 ? '\n' : '\t');
		printf("%2d) SIG%s", i, sigabbrev_np(i));
		n++;
	}
	putchar('\n');
}

int main(int argc, char **argv)
{
	int sig = SIGTERM, status = 0, i = 1;

	if (argc > 1 && strcmp(argv[1], "-l") == 0) {
		list();
		return 0;
	}
	if (argc > 2 && strcmp(argv[1], "-s") == 0) {
		sig = signal_number(argv[2]);
		i = 3;
	} else if (argc > 1 && argv[1][0] == '-' && strcmp(argv[1], "--") != 0) {
		sig = signal_number(argv[1] + 1);
		i = 2;
	}
	if (sig < 0) {
		const char *name = argv[i - 1];

		fprintf(stderr, "kill: unknown signal '%s'\n", name[0] == '-' ? name + 1 : name);
		return 1;
	}
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i >= argc) {
		fprintf(stderr, "Usage: kill [-s SIGNAL | -SIGNAL] PID...\n       kill -l\n");
		return 1;
	}
	for (; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);

		if (*argv[i] == '\0' || *end != '\0') {
			fprintf(stderr, "kill: invalid process id '%s'\n", argv[i]);
			status = 1;
		} else if (kill((pid_t)pid, sig) < 0) {
			fprintf(stderr, "kill: (%ld) - %s\n", pid, strerror(errno));
			status = 1;
		}
	}
	return status;
}
