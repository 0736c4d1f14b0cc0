/* Processes lab, a LEAKY submission (for the grader's own tests): it never
   waits for the first command of a pipeline, so that child stays a zombie
   until the shell exits; the output is right, the kernel invariants are not.

   The reference's comment: a mini shell. It reads command lines
   from standard input, one per line, each a pipeline of one or two commands
   ("cmd args", "cmd args | cmd args") with an optional "< file" on the
   first and "> file" on the last, runs it (fork, the pipe, dup2 for the
   redirections, execve with the command looked up in /bin) and waits for
   every child before it reads the next line, printing "[status N]" for the
   last one. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAXARGS 16

extern char **environ;

struct command {
	char *argv[MAXARGS + 1];
	char *in, *out;         /* redirections, or NULL */
};

/* Splits the words of s (modified in place) into c; "<" and ">" take the next word. */
static int parse(char *s, struct command *c)
{
	int n = 0;
	char *w;

	memset(c, 0, sizeof *c);
	for (w = strtok(s, " \t\n"); w != NULL; w = strtok(NULL, " \t\n")) {
		if (strcmp(w, "<") == 0 || strcmp(w, ">") == 0) {
			char *file = strtok(NULL, " \t\n");

			if (file == NULL)
				return -1;
			if (w[0] == '<')
				c->in = file;
			else
				c->out = file;
		} else if (n < MAXARGS) {
			c->argv[n++] = w;
		}
	}
	return n > 0 ? 0 : -1;
}

/* In the child: the redirections and the pipe ends on 0 and 1, then the program. */
static void run(struct command *c, int in, int out)
{
	char path[256];

	if (c->in != NULL) {
		in = open(c->in, O_RDONLY);
		if (in < 0) {
			perror(c->in);
			_exit(1);
		}
	}
	if (c->out != NULL) {
		out = open(c->out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (out < 0) {
			perror(c->out);
			_exit(1);
		}
	}
	if (in != 0) {
		dup2(in, 0);
		close(in);
	}
	if (out != 1) {
		dup2(out, 1);
		close(out);
	}
	snprintf(path, sizeof path, "/bin/%s", c->argv[0]);
	execve(path, c->argv, environ);
	fprintf(stderr, "msh: %s: not found\n", c->argv[0]);
	_exit(127);
}

int main(void)
{
	char line[512];

	while (fgets(line, sizeof line, stdin) != NULL) {
		struct command first, second;
		char *bar = strchr(line, '|');
		int fd[2], status = 0;
		pid_t a, b = -1;

		if (bar != NULL)
			*bar = '\0';
		if (parse(line, &first) < 0 || (bar != NULL && parse(bar + 1, &second) < 0)) {
			printf("msh: syntax error\n");
			continue;
		}
		fflush(stdout);
		if (bar != NULL && pipe(fd) < 0) {
			perror("pipe");
			return 1;
		}
		a = fork();
		if (a == 0) {
			if (bar != NULL)
				close(fd[0]);
			run(&first, 0, bar != NULL ? fd[1] : 1);
		}
		if (bar != NULL) {
			b = fork();
			if (b == 0) {
				close(fd[1]);
				run(&second, fd[0], 1);
			}
			/* The shell's copies of the pipe: without closing the write end the
			   reader would never see end of file. */
			close(fd[0]);
			close(fd[1]);
		}
		if (b > 0)
			waitpid(b, &status, 0);
		else
			waitpid(a, &status, 0);
		printf("[status %d]\n", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	}
	return 0;
}
