/* Where the shell's characters come from: a string (-c, eval, $(...), a
   script read whole), or a descriptor (standard input).  Sources stack:
   eval and "." push one and pop it when done.

   A terminal is read a line at a time, after a prompt on standard error:
   PS1 before the first line of a command, PS2 before the lines that
   continue it.  Other descriptors are read one byte at a time, so that a
   command started from the script sees the rest of its input (as in
   "sh < script" where the script runs "read"). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

struct source {
	const char *text;       /* a string source */
	size_t len, pos;
	int fd;                 /* a descriptor source, or -1 */
	int interactive;        /* prompt before reading a line */
	char buf[4096];         /* what was read from fd and not yet used */
	size_t blen, bpos;
	int eof;
	int pushback[4];
	int npush;
	struct source *prev;
};

static struct source *src;
static int want_ps1 = 1;

static struct source *push(void)
{
	struct source *s = xmalloc(sizeof *s);

	memset(s, 0, sizeof *s);
	s->fd = -1;
	s->prev = src;
	src = s;
	return s;
}

void input_push_string(const char *text)
{
	struct source *s = push();

	s->text = text;
	s->len = strlen(text);
}

void input_push_fd(int fd, int interactive)
{
	struct source *s = push();

	s->fd = fd;
	s->interactive = interactive;
}

void input_pop(void)
{
	struct source *s = src;

	src = s->prev;
	free(s);
}

int input_interactive(void)
{
	return src != NULL && src->interactive;
}

void input_new_command(void)
{
	want_ps1 = 1;
}

void input_discard_line(void)
{
	src->npush = 0;
	src->bpos = src->blen;
	want_ps1 = 1;
}

static void prompt(void)
{
	const char *p = var_get(want_ps1 ? "PS1" : "PS2");

	want_ps1 = 0;
	if (p != NULL)
		write(STDERR_FILENO, p, strlen(p));
}

/* Refill buf from the descriptor: a line from a terminal, one byte from
   anything else.  0 at the end. */
static int fill(struct source *s)
{
	ssize_t n;

	if (s->eof)
		return 0;
	if (s->interactive)
		prompt();
	do
		n = read(s->fd, s->buf, s->interactive ? sizeof s->buf : 1);
	while (n < 0 && errno == EINTR);
	if (n <= 0) {
		s->eof = 1;
		if (s->interactive)
			write(STDERR_FILENO, "\n", 1);
		return 0;
	}
	s->blen = (size_t)n;
	s->bpos = 0;
	return 1;
}

int input_getc(void)
{
	struct source *s = src;

	if (s->npush > 0)
		return s->pushback[--s->npush];
	if (s->fd < 0)
		return s->pos < s->len ? (unsigned char)s->text[s->pos++] : EOF;
	if (s->bpos == s->blen && !fill(s))
		return EOF;
	return (unsigned char)s->buf[s->bpos++];
}

void input_ungetc(int c)
{
	if (c != EOF && src->npush < 4)
		src->pushback[src->npush++] = c;
}
