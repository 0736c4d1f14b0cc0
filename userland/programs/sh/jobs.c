/* Processes and jobs.  A job is what one command line started: a
   pipeline's processes, or a "&" command.  The shell waits for a
   foreground job at once; it keeps a background job in the list until
   "wait" collects it or, interactive, until it is reported done before a
   prompt.

   Job control, when the shell is interactive on a terminal: each
   pipeline gets a process group of its own (its first process leads it),
   and a pipeline run in the foreground is made the terminal's foreground
   group (tcsetpgrp), so that ^C and ^Z reach it and not the shell; the
   shell takes the terminal back when it ends or stops (^Z: "fg" and "bg"
   continue it with SIGCONT).  Both the shell and the child make these
   calls, since either may run first.  Errors from them are ignored:
   without a terminal there is no job control. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "sh.h"

int job_control;
int tty_fd = -1;
pid_t shell_pgid;

struct job {
	int id;
	pid_t pgid;
	int npids;
	pid_t *pids;
	int *status;            /* each process's wait status */
	int *done;
	int stopped;
	char *text;
	struct job *next;
};

static struct job *jobs;

static struct job *new_job(pid_t *pids, int n, const struct node *cmd)
{
	struct job *j = xmalloc(sizeof *j), **tail;
	int id = 1;

	for (tail = &jobs; *tail != NULL; tail = &(*tail)->next)
		if ((*tail)->id >= id)
			id = (*tail)->id + 1;
	j->id = id;
	j->pgid = pids[0];
	j->npids = n;
	j->pids = xmalloc((size_t)n * sizeof *j->pids);
	memcpy(j->pids, pids, (size_t)n * sizeof *pids);
	j->status = xmalloc((size_t)n * sizeof *j->status);
	j->done = xmalloc((size_t)n * sizeof *j->done);
	memset(j->status, 0, (size_t)n * sizeof *j->status);
	memset(j->done, 0, (size_t)n * sizeof *j->done);
	j->stopped = 0;
	j->text = cmd != NULL ? node_text(cmd) : xstrdup("");
	j->next = NULL;
	*tail = j;
	return j;
}

static void free_job(struct job *j)
{
	struct job **p;

	for (p = &jobs; *p != NULL; p = &(*p)->next) {
		if (*p == j) {
			*p = j->next;
			break;
		}
	}
	free(j->pids);
	free(j->status);
	free(j->done);
	free(j->text);
	free(j);
}

static int job_done(const struct job *j)
{
	int i;

	for (i = 0; i < j->npids; i++)
		if (!j->done[i])
			return 0;
	return 1;
}

/* A wait status as the shell reports it: the exit status, or 128 plus
   the signal that ended (or stopped) the process. */
int shell_status(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSTOPPED(st))
		return 128 + WSTOPSIG(st);
	return 128 + WTERMSIG(st);
}

/* Record what waitpid said about pid; 0 if it is not one of our jobs. */
static int record(pid_t pid, int st)
{
	struct job *j;
	int i;

	for (j = jobs; j != NULL; j = j->next) {
		for (i = 0; i < j->npids; i++) {
			if (j->pids[i] == pid) {
				if (WIFSTOPPED(st)) {
					j->stopped = 1;
				} else {
					j->done[i] = 1;
					j->status[i] = st;
				}
				return 1;
			}
		}
	}
	return 0;
}

/* Wait for a job in the foreground: until every process has ended, or
   one has stopped (^Z).  Returns the shell's status for it. */
static int wait_job(struct job *j)
{
	int i, st, killed = 0, interrupted = 0;

	for (i = 0; i < j->npids; i++) {
		pid_t r;

		if (j->done[i])
			continue;
		do
			r = waitpid(j->pids[i], &st, job_control ? WUNTRACED : 0);
		while (r < 0 && errno == EINTR);
		if (r < 0) {
			j->done[i] = 1;
			j->status[i] = 0;
			continue;
		}
		record(r, st);
		if (j->stopped)
			break;
	}
	if (j->stopped) {
		fprintf(stderr, "\n[%d]+  Stopped                 %s\n", j->id, j->text);
		return 128 + SIGTSTP;
	}
	/* As dash: a process killed by a signal other than ^C or a broken
	   pipe is reported with the signal's description. */
	for (i = 0; i < j->npids; i++) {
		if (!WIFSIGNALED(j->status[i]))
			continue;
		if (WTERMSIG(j->status[i]) == SIGINT)
			interrupted = 1;
		else if (WTERMSIG(j->status[i]) != SIGPIPE)
			killed = j->status[i];
	}
	if (killed != 0)
		fprintf(stderr, "%s%s\n", strsignal(WTERMSIG(killed)),
		        WCOREDUMP(killed) ? " (core dumped)" : "");
	else if (interrupted && sh.interactive)
		fputc('\n', stderr);
	return shell_status(j->status[j->npids - 1]);
}

int foreground(pid_t *pids, int n, const struct node *cmd)
{
	struct job *j = new_job(pids, n, cmd);
	int status;

	if (job_control)
		tcsetpgrp(tty_fd, j->pgid);
	status = wait_job(j);
	if (job_control)
		tcsetpgrp(tty_fd, shell_pgid);
	if (!j->stopped)
		free_job(j);
	return status;
}

/* Before a prompt: collect background jobs that ended and say so. */
void job_notify(void)
{
	struct job *j, *next;
	pid_t pid;
	int st;

	while ((pid = waitpid(-1, &st, WNOHANG | (job_control ? WUNTRACED : 0))) > 0)
		record(pid, st);
	for (j = jobs; j != NULL; j = next) {
		next = j->next;
		if (!job_done(j))
			continue;
		st = j->status[j->npids - 1];
		if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
			fprintf(stderr, "[%d]   Done                    %s\n", j->id, j->text);
		else if (WIFEXITED(st))
			fprintf(stderr, "[%d]   Exit %-18d  %s\n", j->id, WEXITSTATUS(st), j->text);
		else
			fprintf(stderr, "[%d]   %-24s%s\n", j->id, strsignal(WTERMSIG(st)), j->text);
		free_job(j);
	}
}

static int wait_background(struct job *j)
{
	int i, st;

	for (i = 0; i < j->npids; i++) {
		pid_t r;

		if (j->done[i])
			continue;
		do
			r = waitpid(j->pids[i], &st, 0);
		while (r < 0 && errno == EINTR);
		if (r < 0) {
			j->done[i] = 1;
			continue;
		}
		record(r, st);
	}
	st = shell_status(j->status[j->npids - 1]);
	free_job(j);
	return st;
}

static struct job *find_job(const char *spec)
{
	struct job *j, *last = NULL;
	long n;

	for (j = jobs; j != NULL; j = j->next)
		last = j;
	if (spec == NULL || strcmp(spec, "%%") == 0 || strcmp(spec, "%+") == 0)
		return last;
	if (spec[0] == '%') {
		n = strtol(spec + 1, NULL, 10);
		for (j = jobs; j != NULL; j = j->next)
			if (j->id == n)
				return j;
		return NULL;
	}
	n = strtol(spec, NULL, 10);
	for (j = jobs; j != NULL; j = j->next)
		for (int i = 0; i < j->npids; i++)
			if (j->pids[i] == n)
				return j;
	return NULL;
}

/* wait [PID | %JOB]...: with none, every background job (status 0). */
int job_wait(char **args, int n)
{
	int i, status = 0;

	if (n == 0) {
		while (jobs != NULL)
			wait_background(jobs);
		return 0;
	}
	for (i = 0; i < n; i++) {
		struct job *j = find_job(args[i]);

		if (j != NULL) {
			status = wait_background(j);
		} else if (args[i][0] != '%') {
			int st;
			pid_t pid = (pid_t)strtol(args[i], NULL, 10);

			status = waitpid(pid, &st, 0) == pid ? shell_status(st) : 127;
		} else {
			sh_error("wait: %s: no such job", args[i]);
			status = 127;
		}
	}
	return status;
}

int job_list(void)
{
	struct job *j;

	job_notify();
	for (j = jobs; j != NULL; j = j->next)
		printf("[%d]%c  %-24s%s\n", j->id, j->next == NULL ? '+' : ' ',
		       j->stopped ? "Stopped" : "Running", j->text);
	return 0;
}

/* fg and bg: continue a job (SIGCONT to its group), in the foreground
   (waiting for it, with the terminal) or the background. */
int job_foreground(const char *spec, int background)
{
	struct job *j = find_job(spec);
	int status;

	if (j == NULL) {
		sh_error("%s: %s: no such job", background ? "bg" : "fg", spec ? spec : "current");
		return 1;
	}
	if (background) {
		printf("[%d] %s &\n", j->id, j->text);
		fflush(stdout);
		j->stopped = 0;
		kill(-j->pgid, SIGCONT);
		return 0;
	}
	printf("%s\n", j->text);
	fflush(stdout);
	if (job_control)
		tcsetpgrp(tty_fd, j->pgid);
	j->stopped = 0;
	kill(-j->pgid, SIGCONT);
	status = wait_job(j);
	if (job_control)
		tcsetpgrp(tty_fd, shell_pgid);
	if (!j->stopped)
		free_job(j);
	return status;
}

/* A command started with &: a job to wait for later; its number. */
int background_job(pid_t pid, const struct node *cmd)
{
	return new_job(&pid, 1, cmd)->id;
}

/* In a child: the parent's jobs are not its own. */
void jobs_forget(void)
{
	while (jobs != NULL)
		free_job(jobs);
}

void job_init(void)
{
	tty_fd = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 10);
	shell_pgid = getpgrp();
	if (tty_fd < 0)
		return;
	if (shell_pgid != getpid() && setpgid(0, 0) == 0)
		shell_pgid = getpid();
	tcsetpgrp(tty_fd, shell_pgid);
	job_control = tcgetpgrp(tty_fd) == shell_pgid;
}

static int signals_changed;

/* An interactive shell ignores the signals of the terminal's keys (and
   SIGTERM); fork_child gives its children the defaults back. */
static const int job_signals[] = { SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU };

void ignore_signals(void)
{
	size_t i;

	for (i = 0; i < sizeof job_signals / sizeof job_signals[0]; i++)
		signal(job_signals[i], SIG_IGN);
	signals_changed = 1;
}

/* Before exec replaces the shell itself. */
void default_signals(void)
{
	size_t i;

	if (!signals_changed)
		return;
	for (i = 0; i < sizeof job_signals / sizeof job_signals[0]; i++)
		signal(job_signals[i], SIG_DFL);
	signals_changed = 0;
}

/* fork for a command.  pgid: the job's process group, 0 to lead a new
   one; fg: the job will own the terminal. */
pid_t fork_child(pid_t pgid, int fg)
{
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		sh_error("fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		sh.is_child = 1;
		if (job_control) {
			pid_t me = getpid();

			setpgid(0, pgid != 0 ? pgid : me);
			if (fg)
				tcsetpgrp(tty_fd, pgid != 0 ? pgid : me);
		}
		job_control = 0;
		default_signals();
		jobs_forget();
		return 0;
	}
	if (job_control)
		setpgid(pid, pgid != 0 ? pgid : pid);
	return pid;
}
