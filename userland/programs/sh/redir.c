/* Redirections: "<", ">", ">>", ">|", "<>", "N>&M", "N>&-" and
   here-documents, applied in order.  A program's are applied in its child
   and stay; those of a builtin or a compound command run inside the
   shell are undone when it ends: each descriptor is first copied out of
   the way (to 10 or above, close-on-exec), then put back. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

struct saved {
	int fd;
	int copy;               /* where it was kept, or -1 if it was closed */
};

static struct saved saved[64];
static int nsaved;

int redirs_mark(void)
{
	return nsaved;
}

static void save_fd(int fd)
{
	int copy = fcntl(fd, F_DUPFD_CLOEXEC, 10);

	if (copy < 0 && errno != EBADF)
		return;
	if (nsaved < 64) {
		saved[nsaved].fd = fd;
		saved[nsaved].copy = copy;
		nsaved++;
	}
}

/* Undo what was saved since mark (most recent first). */
void restore_fds(int mark)
{
	while (nsaved > mark) {
		struct saved *s = &saved[--nsaved];

		if (s->copy >= 0) {
			dup2(s->copy, s->fd);
			close(s->copy);
		} else {
			close(s->fd);
		}
	}
}

static int all_digits(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* The body goes into a pipe; one too big for the pipe to hold at once is
   written by a child of its own. */
static int heredoc_fd(struct redir *r)
{
	const char *body = r->heredoc != NULL ? r->heredoc : "";
	char *text = r->quoted ? xstrdup(body) : expand_heredoc(body);
	size_t len = strlen(text);
	int p[2];

	if (pipe2(p, O_CLOEXEC) < 0) {
		sh_error("pipe: %s", strerror(errno));
		free(text);
		return -1;
	}
	if (len <= 4096) {
		write(p[1], text, len);
	} else {
		pid_t pid;

		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			close(p[0]);
			write(p[1], text, len);
			_exit(0);
		}
	}
	close(p[1]);
	free(text);
	return p[0];
}

static int redirect(struct redir *r)
{
	static const int flags[] = {
		[R_IN] = O_RDONLY, [R_OUT] = O_WRONLY | O_CREAT | O_TRUNC,
		[R_APPEND] = O_WRONLY | O_CREAT | O_APPEND, [R_CLOBBER] = O_WRONLY | O_CREAT | O_TRUNC,
		[R_RDWR] = O_RDWR | O_CREAT,
	};
	char *word;
	int fd;

	if (r->type == R_HEREDOC) {
		fd = heredoc_fd(r);
		if (fd < 0)
			return -1;
	} else {
		word = expand_word(r->word);
		if (r->type == R_DUPIN || r->type == R_DUPOUT) {
			if (strcmp(word, "-") == 0) {
				close(r->fd);
				free(word);
				return 0;
			}
			if (!all_digits(word)) {
				sh_error("%s: bad file descriptor number", word);
				free(word);
				return -1;
			}
			fd = atoi(word);
			if (fd != r->fd && dup2(fd, r->fd) < 0) {
				sh_error("%s: %s", word, strerror(errno));
				free(word);
				return -1;
			}
			free(word);
			return 0;
		}
		fd = open(word, flags[r->type], 0666);
		if (fd < 0) {
			sh_error("cannot open %s: %s", word, strerror(errno));
			free(word);
			return -1;
		}
		free(word);
	}
	if (fd != r->fd) {
		dup2(fd, r->fd);
		close(fd);
	}
	return 0;
}

/* Apply a command's redirections in order; with save, each descriptor's
   old state is kept, to be restored when the command ends (builtins,
   { } and other compound commands run inside the shell). */
int apply_redirs(struct redir *r, int save)
{
	for (; r != NULL; r = r->next) {
		if (save)
			save_fd(r->fd);
		if (redirect(r) < 0)
			return -1;
	}
	return 0;
}
