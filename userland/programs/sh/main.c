/* sh: the shell's start and its loop.

     sh [-eix] [-c COMMANDS [NAME [ARG]...]]   run COMMANDS ($0 is NAME)
     sh [-eix] SCRIPT [ARG]...                 run the file SCRIPT
     sh [-eix] [-s] [ARG]...                   read commands from standard input

   -e exits at the first command that fails, -x prints each command
   before running it, -i makes the shell interactive even when standard
   input is not a terminal.  Reading a terminal, the shell is
   interactive: it prompts with PS1 ("$ ", or "# " for root) and PS2
   ("> "), ignores the signals of ^C, ^\ and ^Z itself, does job control
   (exec.c), reports finished background jobs before each prompt, and
   goes on after an error.  The exit status is the last command's. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

struct shell sh;

void sh_error(const char *format, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, format);
	vsnprintf(buf, sizeof buf, format, ap);
	va_end(ap);
	fflush(stdout);
	fprintf(stderr, "sh: %s\n", buf);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size != 0 ? size : 1);

	if (p == NULL) {
		write(STDERR_FILENO, "sh: out of memory\n", 18);
		_exit(2);
	}
	return p;
}

void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size != 0 ? size : 1);
	if (p == NULL) {
		write(STDERR_FILENO, "sh: out of memory\n", 18);
		_exit(2);
	}
	return p;
}

char *xstrdup(const char *s)
{
	return strcpy(xmalloc(strlen(s) + 1), s);
}

void sh_exit(int status)
{
	fflush(stdout);
	exit(status);
}

static void usage(void)
{
	fprintf(stderr, "Usage: sh [-eix] [-c COMMANDS [NAME [ARG]...] | SCRIPT [ARG]... | -s [ARG]...]\n");
	exit(2);
}

/* The whole of a file as a string (its length in *lenp if asked), or NULL
   if it cannot be opened: scripts, ". FILE", and files the kernel would not
   execute. */
char *read_file(const char *path, size_t *lenp)
{
	char *text = NULL;
	size_t len = 0, cap = 0;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	for (;;) {
		if (len + 4096 > cap) {
			cap = cap == 0 ? 8192 : 2 * cap;
			text = xrealloc(text, cap + 1);
		}
		n = read(fd, text + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	text[len] = '\0';
	if (lenp != NULL)
		*lenp = len;
	return text;
}

/* Read, parse and run commands from standard input until its end. */
static void interact(void)
{
	input_push_fd(STDIN_FILENO, sh.interactive);
	for (;;) {
		struct node *n;
		int error;

		if (sh.interactive) {
			job_notify();
			fflush(stdout);
		}
		n = parse_command_line(&error);
		if (error) {
			sh.last_status = 2;
			if (!sh.interactive)
				sh_exit(2);
			input_discard_line();
			continue;
		}
		if (n == NULL)
			break;
		sh.keep_tree = 0;
		exec_node(n, 0);
		sh.breaking = sh.continuing = sh.returning = 0;
		if (!sh.keep_tree)
			free_node(n);
	}
}

int main(int argc, char **argv)
{
	const char *command = NULL;
	int force_interactive = 0, read_stdin = 0, i = 1;
	char buf[32];

	sh.pid = getpid();
	sh.arg0 = argv[0];
	vars_init(environ);
	if (var_get("PS1") == NULL)
		var_set("PS1", geteuid() == 0 ? "# " : "$ ", 0);
	if (var_get("PS2") == NULL)
		var_set("PS2", "> ", 0);
	snprintf(buf, sizeof buf, "%d", (int)getppid());
	var_set("PPID", buf, 0);

	for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1] != '\0'; i++) {
		const char *p;
		int on = argv[i][0] == '-';

		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		for (p = argv[i] + 1; *p != '\0'; p++) {
			switch (*p) {
			case 'c': command = ""; break;
			case 'e': sh.errexit = on; break;
			case 'x': sh.xtrace = on; break;
			case 'i': force_interactive = on; break;
			case 's': read_stdin = 1; break;
			default:
				fprintf(stderr, "sh: %c%c: bad option\n", argv[i][0], *p);
				usage();
			}
		}
	}

	if (command != NULL) {
		if (i >= argc) {
			fprintf(stderr, "sh: -c requires an argument\n");
			usage();
		}
		command = argv[i++];
		if (i < argc)
			sh.arg0 = argv[i++];
	} else if (i < argc && !read_stdin) {
		char *text = read_file(argv[i], NULL);

		if (text == NULL) {
			fprintf(stderr, "sh: cannot open %s: %s\n", argv[i], strerror(errno));
			return 127;
		}
		sh.arg0 = argv[i++];
		sh.params = argv + i;
		sh.nparams = argc - i;
		run_string(text);
		sh_exit(sh.last_status);
	}
	sh.params = argv + i;
	sh.nparams = argc - i;

	if (command != NULL) {
		run_string(command);
		sh_exit(sh.last_status);
	}
	sh.interactive = force_interactive || (isatty(STDIN_FILENO) && isatty(STDERR_FILENO));
	if (sh.interactive) {
		ignore_signals();
		job_init();
	}
	interact();
	sh_exit(sh.last_status);
}
