/* Running the tree.

   A simple command is a builtin or function, run inside the shell, or a
   program: the shell forks, the child sets up its redirections and calls
   execve, and the shell waits (jobs.c).  A pipeline forks one child per
   command, joined by pipes; its status is the last command's.  "cmd &"
   forks and does not wait; "wait" collects it later.  Compound commands
   run inside the shell, except ( ), which forks. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "sh.h"

static int subst_status = -1;   /* status of the last $(...), -1 if none ran */

/* A file the kernel refused with ENOEXEC: a script without "#!", which
   this shell runs itself, in the child, as dash does; unless it looks
   binary. */
static int run_script_file(const char *path, char **argv)
{
	size_t len;
	char *text = read_file(path, &len);

	if (text == NULL)
		return 126;
	if (memchr(text, '\0', len < 256 ? len : 256) != NULL) {
		sh_error("%s: cannot execute binary file", path);
		return 126;
	}
	sh.arg0 = xstrdup(path);
	for (sh.nparams = 0; argv[sh.nparams + 1] != NULL; sh.nparams++)
		;
	sh.params = argv + 1;
	sh_exit(run_string(text));
}

/* execve the command, searching PATH for a name without '/'.  Returns
   (with a message) only when it cannot run: 127 not found, 126 found
   but not runnable. */
int find_and_exec(char **argv)
{
	char **env = var_environ(NULL, 0);
	const char *path, *p;
	int err = ENOENT;

	if (strchr(argv[0], '/') != NULL) {
		execve(argv[0], argv, env);
		err = errno;
		if (err == ENOEXEC)
			return run_script_file(argv[0], argv);
	} else {
		path = var_get("PATH");
		if (path == NULL)
			path = "/bin:/usr/bin";
		for (p = path;; ) {
			size_t n = strcspn(p, ":");
			char *file = xmalloc(n + strlen(argv[0]) + 2);

			if (n == 0)
				strcpy(file, argv[0]);
			else
				sprintf(file, "%.*s/%s", (int)n, p, argv[0]);
			execve(file, argv, env);
			if (errno == ENOEXEC)
				return run_script_file(file, argv);
			if (errno != ENOENT && errno != ENOTDIR)
				err = errno;
			free(file);
			if (p[n] == '\0')
				break;
			p += n + 1;
		}
		if (err == ENOENT) {
			sh_error("%s: not found", argv[0]);
			return 127;
		}
	}
	if (err == ENOENT || err == ENOTDIR) {
		sh_error("%s: not found", argv[0]);
		return 127;
	}
	sh_error("%s: %s", argv[0], strerror(err));
	return 126;
}

static void trace(char **assigns, int nassigns, char **argv)
{
	int i;

	fputc('+', stderr);
	for (i = 0; i < nassigns; i++)
		fprintf(stderr, " %s", assigns[i]);
	for (i = 0; argv[i] != NULL; i++)
		fprintf(stderr, " %s", argv[i]);
	fputc('\n', stderr);
}

static int call_function(struct node *body, int argc, char **argv)
{
	char **saved_params = sh.params;
	int saved_n = sh.nparams, status;

	sh.params = argv + 1;
	sh.nparams = argc - 1;
	sh.func_depth++;
	status = exec_node(body, 0);
	if (sh.returning) {
		sh.returning = 0;
		status = sh.last_status;
	}
	sh.func_depth--;
	sh.params = saved_params;
	sh.nparams = saved_n;
	return status;
}

static int exec_simple(struct node *n, int flags)
{
	char **argv, **assigns;
	struct node *func;
	builtin_fn builtin;
	int argc, status, i, mark = redirs_mark();
	pid_t pid;

	subst_status = -1;
	argv = expand_words(n->words, n->nwords, &argc);
	if (argv == NULL)
		return 2;
	assigns = xmalloc((size_t)(n->nassigns + 1) * sizeof *assigns);
	for (i = 0; i < n->nassigns; i++) {
		char *eq = strchr(n->assigns[i], '=');
		char *value = expand_word(eq + 1);

		assigns[i] = xmalloc((size_t)(eq - n->assigns[i]) + strlen(value) + 2);
		sprintf(assigns[i], "%.*s=%s", (int)(eq - n->assigns[i]), n->assigns[i], value);
		free(value);
	}
	assigns[n->nassigns] = NULL;
	if (sh.xtrace)
		trace(assigns, n->nassigns, argv);

	if (argc == 0) {
		/* Assignments (and redirections) only. */
		status = subst_status >= 0 ? subst_status : 0;
		if (apply_redirs(n->redirs, 1) < 0)
			status = 2;
		restore_fds(mark);
		for (i = 0; i < n->nassigns; i++) {
			char *eq = strchr(assigns[i], '=');

			*eq = '\0';
			var_set(assigns[i], eq + 1, 0);
		}
		free_words(assigns);
		free_words(argv);
		return status;
	}

	func = func_get(argv[0]);
	builtin = func == NULL ? find_builtin(argv[0]) : NULL;
	if (func != NULL || builtin != NULL) {
		/* exec with no command keeps its redirections. */
		int keep = builtin != NULL && argc == 1 && strcmp(argv[0], "exec") == 0;

		if (apply_redirs(n->redirs, !keep) < 0) {
			status = 2;
		} else {
			for (i = 0; i < n->nassigns; i++) {
				char *eq = strchr(assigns[i], '=');

				*eq = '\0';
				var_set(assigns[i], eq + 1, 0);
				*eq = '=';
			}
			status = func != NULL ? call_function(func, argc, argv) : builtin(argc, argv);
		}
		fflush(stdout);
		if (!keep)
			restore_fds(mark);
		free_words(assigns);
		free_words(argv);
		return status;
	}

	pid = (flags & EXEC_NOFORK) ? 0 : fork_child(0, 1);
	if (pid == 0) {
		if (apply_redirs(n->redirs, 0) < 0)
			sh_exit(2);
		for (i = 0; i < n->nassigns; i++) {
			char *eq = strchr(assigns[i], '=');

			*eq = '\0';
			var_set(assigns[i], eq + 1, 1);
		}
		sh_exit(find_and_exec(argv));
	}
	status = pid < 0 ? 2 : foreground(&pid, 1, n);
	free_words(assigns);
	free_words(argv);
	return status;
}

static int exec_pipeline(struct node *n)
{
	pid_t *pids = xmalloc((size_t)n->nkids * sizeof *pids), pgid = 0;
	int i, in = -1, status;

	for (i = 0; i < n->nkids; i++) {
		int p[2] = { -1, -1 };
		pid_t pid;

		if (i + 1 < n->nkids && pipe2(p, O_CLOEXEC) < 0) {
			sh_error("pipe: %s", strerror(errno));
			break;
		}
		pid = fork_child(pgid, 1);
		if (pid == 0) {
			if (in >= 0) {
				dup2(in, STDIN_FILENO);
				close(in);
			}
			if (p[1] >= 0) {
				dup2(p[1], STDOUT_FILENO);
				close(p[0]);
				close(p[1]);
			}
			sh_exit(exec_node(n->kids[i], EXEC_NOFORK));
		}
		if (in >= 0)
			close(in);
		if (p[1] >= 0)
			close(p[1]);
		in = p[0];
		if (pid < 0)
			break;
		if (pgid == 0)
			pgid = pid;
		pids[i] = pid;
	}
	if (in >= 0)
		close(in);
	status = i > 0 ? foreground(pids, i, n) : 2;
	free(pids);
	return status;
}

static int exec_async(struct node *n)
{
	int had_job_control = job_control, id;
	pid_t pid = fork_child(0, 0);

	if (pid == 0) {
		/* Without job control, a background command must not take ^C
		   or the terminal's input. */
		if (!had_job_control) {
			int fd;

			signal(SIGINT, SIG_IGN);
			signal(SIGQUIT, SIG_IGN);
			fd = open("/dev/null", O_RDONLY);
			if (fd > 0) {
				dup2(fd, STDIN_FILENO);
				close(fd);
			}
		}
		sh_exit(exec_node(n->left, EXEC_NOFORK));
	}
	if (pid < 0)
		return 2;
	sh.last_bg = pid;
	id = background_job(pid, n->left);
	if (sh.interactive)
		fprintf(stderr, "[%d] %d\n", id, (int)pid);
	return 0;
}

static int stop_here(void)
{
	return sh.breaking || sh.continuing || sh.returning;
}

static int exec_loop(struct node *n)
{
	int status = 0, st;

	sh.loop_depth++;
	for (;;) {
		sh.in_condition++;
		st = exec_node(n->left, 0);
		sh.in_condition--;
		if (stop_here())
			break;
		if ((st == 0) != (n->type == N_WHILE))
			break;
		status = exec_node(n->right, 0);
		if (sh.breaking) {
			sh.breaking--;
			break;
		}
		if (sh.continuing) {
			if (--sh.continuing > 0)
				break;
			continue;
		}
		if (sh.returning)
			break;
	}
	sh.loop_depth--;
	return status;
}

static int exec_for(struct node *n)
{
	char **list;
	int count, i, status = 0;

	if (n->has_in) {
		list = expand_words(n->words, n->nwords, &count);
		if (list == NULL)
			return 2;
	} else {
		count = sh.nparams;
		list = xmalloc((size_t)(count + 1) * sizeof *list);
		for (i = 0; i < count; i++)
			list[i] = xstrdup(sh.params[i]);
		list[count] = NULL;
	}
	sh.loop_depth++;
	for (i = 0; i < count; i++) {
		var_set(n->name, list[i], 0);
		status = exec_node(n->left, 0);
		if (sh.breaking) {
			sh.breaking--;
			break;
		}
		if (sh.continuing) {
			if (--sh.continuing > 0)
				break;
			continue;
		}
		if (sh.returning)
			break;
	}
	sh.loop_depth--;
	free_words(list);
	return status;
}

static int exec_case(struct node *n)
{
	char *word = expand_word(n->words[0]);
	int i, k;

	for (i = 0; i < n->nkids; i++) {
		struct node *item = n->kids[i];

		for (k = 0; k < item->nwords; k++) {
			if (case_match(item->words[k], word)) {
				free(word);
				return item->left != NULL ? exec_node(item->left, 0) : 0;
			}
		}
	}
	free(word);
	return 0;
}

static int exec_compound(struct node *n, int flags)
{
	int status, mark = redirs_mark();
	pid_t pid;

	switch (n->type) {
	case N_SUBSHELL:
		pid = (flags & EXEC_NOFORK) ? 0 : fork_child(0, 1);
		if (pid == 0) {
			if (apply_redirs(n->redirs, 0) < 0)
				sh_exit(2);
			sh_exit(exec_node(n->left, EXEC_NOFORK));
		}
		return pid < 0 ? 2 : foreground(&pid, 1, n);
	case N_GROUP:
		if (apply_redirs(n->redirs, 1) < 0) {
			restore_fds(mark);
			return 2;
		}
		status = exec_node(n->left, 0);
		break;
	case N_IF:
		if (apply_redirs(n->redirs, 1) < 0) {
			restore_fds(mark);
			return 2;
		}
		sh.in_condition++;
		status = exec_node(n->left, 0);
		sh.in_condition--;
		if (stop_here())
			break;
		if (status == 0)
			status = exec_node(n->right, 0);
		else
			status = n->third != NULL ? exec_node(n->third, 0) : 0;
		break;
	default:
		if (apply_redirs(n->redirs, 1) < 0) {
			restore_fds(mark);
			return 2;
		}
		status = n->type == N_FOR ? exec_for(n) : n->type == N_CASE ? exec_case(n)
		         : exec_loop(n);
		break;
	}
	restore_fds(mark);
	return status;
}

int exec_node(struct node *n, int flags)
{
	int status;

	if (n == NULL)
		return 0;
	switch (n->type) {
	case N_SIMPLE:
		status = exec_simple(n, flags);
		break;
	case N_PIPELINE:
		status = exec_pipeline(n);
		break;
	case N_NOT:
		sh.in_condition++;
		status = !exec_node(n->left, 0);
		sh.in_condition--;
		sh.last_status = status;
		return status;
	case N_AND:
	case N_OR:
		sh.in_condition++;
		status = exec_node(n->left, 0);
		sh.in_condition--;
		if (!stop_here() && (status == 0) == (n->type == N_AND))
			status = exec_node(n->right, flags);
		sh.last_status = status;
		return status;
	case N_SEQ:
		exec_node(n->left, 0);
		if (stop_here())
			return sh.last_status;
		return exec_node(n->right, flags);
	case N_ASYNC:
		status = exec_async(n);
		break;
	case N_FUNCDEF:
		func_set(n->name, n->left);
		sh.keep_tree = 1;
		status = 0;
		break;
	default:
		status = exec_compound(n, flags);
		break;
	}
	sh.last_status = status;
	if (status != 0 && sh.errexit && !sh.in_condition && n->type != N_ASYNC)
		sh_exit(status);
	return status;
}

/* Parse and run text, command after command (eval, ".", $(...), -c). */
int run_string(const char *text)
{
	int error, status = 0, keep = sh.keep_tree;

	input_push_string(text);
	for (;;) {
		struct node *n = parse_command_line(&error);

		if (error) {
			status = sh.last_status = 2;
			break;
		}
		if (n == NULL)
			break;
		sh.keep_tree = 0;
		status = exec_node(n, 0);
		if (!sh.keep_tree)
			free_node(n);
		if (stop_here())
			break;
	}
	input_pop();
	sh.keep_tree = keep;    /* the caller's tree may hold a function too */
	return status;
}

/* $(text): its standard output, without the newlines at the end. */
char *command_output(const char *text)
{
	char *out = xmalloc(1024);
	size_t len = 0, cap = 1024;
	int p[2], st;
	pid_t pid;

	out[0] = '\0';
	if (pipe2(p, O_CLOEXEC) < 0) {
		sh_error("pipe: %s", strerror(errno));
		return out;
	}
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		sh.is_child = 1;
		job_control = 0;
		jobs_forget();
		close(p[0]);
		dup2(p[1], STDOUT_FILENO);
		close(p[1]);
		sh_exit(run_string(text));
	}
	close(p[1]);
	for (;;) {
		ssize_t n;

		if (len + 1 >= cap) {
			cap *= 2;
			out = xrealloc(out, cap);
		}
		n = read(p[0], out + len, cap - len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(p[0]);
	while (pid > 0 && waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (pid > 0)
		sh.last_status = subst_status = shell_status(st);
	while (len > 0 && out[len - 1] == '\n')
		len--;
	out[len] = '\0';
	return out;
}
