/* The builtins: commands that must run inside the shell because they
   change it (cd, exit, export, set, ...) or its jobs (wait, fg, ...).
   Each is called with its expanded words, its redirections applied, and
   returns its exit status.  Their output goes through stdio, which the
   shell flushes after every builtin. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "sh.h"

static int b_colon(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* cd [DIR | -]: no DIR means $HOME; "-" means $OLDPWD, printed.  PWD
   and OLDPWD follow. */
static int b_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : var_get("HOME");
	char *old = getcwd(NULL, 0), *now;
	int print = 0;

	if (dir == NULL) {
		sh_error("cd: HOME not set");
		free(old);
		return 1;
	}
	if (strcmp(dir, "-") == 0) {
		dir = var_get("OLDPWD");
		if (dir == NULL) {
			sh_error("cd: OLDPWD not set");
			free(old);
			return 1;
		}
		print = 1;
	}
	if (chdir(dir) < 0) {
		sh_error("cd: %s: %s", dir, strerror(errno));
		free(old);
		return 2;
	}
	if (old != NULL)
		var_set("OLDPWD", old, 0);
	now = getcwd(NULL, 0);
	if (now != NULL) {
		var_set("PWD", now, 0);
		if (print)
			printf("%s\n", now);
	}
	free(old);
	free(now);
	return 0;
}

static int b_pwd(int argc, char **argv)
{
	char *cwd = getcwd(NULL, 0);

	(void)argc;
	(void)argv;
	if (cwd == NULL) {
		sh_error("pwd: %s", strerror(errno));
		return 1;
	}
	printf("%s\n", cwd);
	free(cwd);
	return 0;
}

static int number(const char *s, int *n)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 0)
		return -1;
	*n = (int)v;
	return 0;
}

/* exit [N]: N, or the status of the last command. */
static int b_exit(int argc, char **argv)
{
	int n = sh.last_status;

	if (argc > 1 && number(argv[1], &n) < 0) {
		sh_error("exit: Illegal number: %s", argv[1]);
		n = 2;
	}
	sh_exit(n & 255);
}

/* export [NAME[=VALUE]]...: with none, the exported variables. */
static int b_export(int argc, char **argv)
{
	int i, status = 0;

	if (argc == 1 || (argc == 2 && strcmp(argv[1], "-p") == 0)) {
		var_print(1);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		size_t len = eq != NULL ? (size_t)(eq - argv[i]) : strlen(argv[i]);

		if (!valid_name(argv[i], len)) {
			sh_error("export: %s: bad variable name", argv[i]);
			status = 1;
			continue;
		}
		if (eq != NULL) {
			*eq = '\0';
			var_set(argv[i], eq + 1, 1);
			*eq = '=';
		} else {
			var_export(argv[i]);
		}
	}
	return status;
}

/* unset [-f | -v] NAME... */
static int b_unset(int argc, char **argv)
{
	int i = 1, functions = 0;

	if (argc > 1 && (strcmp(argv[1], "-f") == 0 || strcmp(argv[1], "-v") == 0)) {
		functions = argv[1][1] == 'f';
		i = 2;
	}
	for (; i < argc; i++) {
		if (functions)
			func_unset(argv[i]);
		else
			var_unset(argv[i]);
	}
	return 0;
}

static void set_params(char **args, int n)
{
	char **v = xmalloc((size_t)(n + 1) * sizeof *v);
	int i;

	for (i = 0; i < n; i++)
		v[i] = xstrdup(args[i]);
	v[n] = NULL;
	sh.params = v;          /* the old list is not freed: a caller may hold it */
	sh.nparams = n;
}

/* set [-ex] [+ex] [--] [ARG...]: options, then the positional
   parameters; with nothing, the variables. */
static int b_set(int argc, char **argv)
{
	int i;

	if (argc == 1) {
		var_print(0);
		return 0;
	}
	for (i = 1; i < argc && (argv[i][0] == '-' || argv[i][0] == '+'); i++) {
		const char *p;
		int on = argv[i][0] == '-';

		if (strcmp(argv[i], "--") == 0 || strcmp(argv[i], "-") == 0) {
			i++;
			set_params(argv + i, argc - i);
			return 0;
		}
		for (p = argv[i] + 1; *p != '\0'; p++) {
			if (*p == 'e') {
				sh.errexit = on;
			} else if (*p == 'x') {
				sh.xtrace = on;
			} else {
				sh_error("set: %c%c: bad option", argv[i][0], *p);
				return 2;
			}
		}
	}
	if (i < argc)
		set_params(argv + i, argc - i);
	return 0;
}

static int b_shift(int argc, char **argv)
{
	int n = 1;

	if (argc > 1 && number(argv[1], &n) < 0) {
		sh_error("shift: Illegal number: %s", argv[1]);
		return 2;
	}
	if (n > sh.nparams) {
		sh_error("shift: can't shift that many");
		return 2;
	}
	sh.params += n;
	sh.nparams -= n;
	return 0;
}

static int b_wait(int argc, char **argv)
{
	return job_wait(argv + 1, argc - 1);
}

/* read [-r] NAME...: one line of standard input, read a byte at a time
   so that nothing after it is taken from a pipe; split on IFS into the
   names, the last one getting the rest of the line.  Without -r a
   backslash quotes the next character and joins continued lines.
   Status 1 at end of input. */
static int b_read(int argc, char **argv)
{
	const char *sep = var_get("IFS");
	char *line = NULL, *quoted = NULL;
	size_t len = 0, cap = 0, pos = 0;
	int raw = 0, status = 0, i = 1;
	char c;

	if (sep == NULL)
		sep = " \t\n";
	if (argc > 1 && strcmp(argv[1], "-r") == 0) {
		raw = 1;
		i = 2;
	}
	if (i >= argc) {
		sh_error("read: arg count");
		return 2;
	}
	for (;;) {
		ssize_t n = read(STDIN_FILENO, &c, 1);
		int q = 0;

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			status = 1;
			break;
		}
		if (c == '\n')
			break;
		if (c == '\\' && !raw) {
			if (read(STDIN_FILENO, &c, 1) <= 0) {
				status = 1;
				break;
			}
			if (c == '\n')
				continue;
			q = 1;
		}
		if (len + 2 > cap) {
			cap = cap == 0 ? 128 : 2 * cap;
			line = xrealloc(line, cap);
			quoted = xrealloc(quoted, cap);
		}
		line[len] = c;
		quoted[len++] = (char)q;
	}
	if (line == NULL) {
		line = xstrdup("");
		quoted = xstrdup("");
	}
	line[len] = '\0';

#define IS_SEP(k) (!quoted[k] && strchr(sep, line[k]) != NULL)
#define IS_WHITE(k) (IS_SEP(k) && strchr(" \t\n", line[k]) != NULL)
	for (; i < argc; i++) {
		size_t start, end;
		char *value;

		while (pos < len && IS_WHITE(pos))
			pos++;
		start = pos;
		if (i == argc - 1) {
			end = len;
			while (end > start && IS_WHITE(end - 1))
				end--;
			pos = len;
		} else {
			while (pos < len && !IS_SEP(pos))
				pos++;
			end = pos;
			while (pos < len && IS_WHITE(pos))
				pos++;
			if (pos < len && IS_SEP(pos))
				pos++;
		}
		value = xmalloc(end - start + 1);
		memcpy(value, line + start, end - start);
		value[end - start] = '\0';
		if (valid_name(argv[i], strlen(argv[i])))
			var_set(argv[i], value, 0);
		free(value);
	}
#undef IS_SEP
#undef IS_WHITE
	free(line);
	free(quoted);
	return status;
}

/* exec [COMMAND [ARG]...]: replace the shell with COMMAND; with none,
   the redirections stay for the rest of the shell (exec_simple keeps
   them). */
static int b_exec(int argc, char **argv)
{
	int status;

	if (argc == 1)
		return 0;
	default_signals();
	status = find_and_exec(argv + 1);
	if (!sh.interactive)
		sh_exit(status);
	return status;
}

static int b_jobs(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return job_list();
}

static int b_fg(int argc, char **argv)
{
	return job_foreground(argc > 1 ? argv[1] : NULL, argv[0][0] == 'b');
}

/* break [N], continue [N]: out of (or on with) the N-th enclosing loop. */
static int b_break(int argc, char **argv)
{
	int n = 1;

	if (argc > 1 && (number(argv[1], &n) < 0 || n < 1)) {
		sh_error("%s: Illegal number: %s", argv[0], argv[1]);
		return 2;
	}
	if (sh.loop_depth == 0)
		return 0;
	if (n > sh.loop_depth)
		n = sh.loop_depth;
	if (argv[0][0] == 'b')
		sh.breaking = n;
	else
		sh.continuing = n;
	return 0;
}

static int b_return(int argc, char **argv)
{
	int n = sh.last_status;

	if (argc > 1 && number(argv[1], &n) < 0) {
		sh_error("return: Illegal number: %s", argv[1]);
		return 2;
	}
	sh.returning = 1;
	sh.last_status = n & 255;
	return n & 255;
}

static char *join(int argc, char **argv)
{
	size_t len = 1;
	char *s;
	int i;

	for (i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	s = xmalloc(len);
	s[0] = '\0';
	for (i = 0; i < argc; i++) {
		strcat(s, argv[i]);
		if (i + 1 < argc)
			strcat(s, " ");
	}
	return s;
}

static int b_eval(int argc, char **argv)
{
	char *text = join(argc - 1, argv + 1);
	int status = run_string(text);

	free(text);
	return status;
}


/* . FILE: run the commands of FILE in this shell (FILE without a '/' is
   looked for in PATH). */
static int b_dot(int argc, char **argv)
{
	char *text = NULL;
	int status;

	if (argc < 2) {
		sh_error(".: filename argument required");
		return 2;
	}
	if (strchr(argv[1], '/') != NULL) {
		text = read_file(argv[1], NULL);
	} else {
		const char *path = var_get("PATH"), *p;

		for (p = path != NULL ? path : "/bin:/usr/bin"; text == NULL;) {
			size_t n = strcspn(p, ":");
			char *file = xmalloc(n + strlen(argv[1]) + 2);

			sprintf(file, "%.*s%s%s", (int)n, p, n > 0 ? "/" : "", argv[1]);
			text = read_file(file, NULL);
			free(file);
			if (p[n] == '\0')
				break;
			p += n + 1;
		}
	}
	if (text == NULL) {
		sh_error(".: %s: not found", argv[1]);
		return 2;
	}
	status = run_string(text);
	if (sh.returning) {
		sh.returning = 0;
		status = sh.last_status;
	}
	free(text);
	return status;
}

static int b_umask(int argc, char **argv)
{
	mode_t old;
	char *end;
	long m;

	if (argc < 2) {
		old = umask(0);
		umask(old);
		printf("%04o\n", (unsigned)old);
		return 0;
	}
	m = strtol(argv[1], &end, 8);
	if (*argv[1] == '\0' || *end != '\0' || m < 0 || m > 0777) {
		sh_error("umask: Illegal mode: %s", argv[1]);
		return 2;
	}
	umask((mode_t)m);
	return 0;
}

/* type NAME...: what running NAME would run. */
static int b_type(int argc, char **argv)
{
	int i, status = 0;

	for (i = 1; i < argc; i++) {
		const char *path = var_get("PATH"), *p;
		int found = 0;

		if (func_get(argv[i]) != NULL) {
			printf("%s is a shell function\n", argv[i]);
			continue;
		}
		if (find_builtin(argv[i]) != NULL) {
			printf("%s is a shell builtin\n", argv[i]);
			continue;
		}
		if (strchr(argv[i], '/') != NULL) {
			found = access(argv[i], X_OK) == 0;
			if (found)
				printf("%s is %s\n", argv[i], argv[i]);
		}
		for (p = path != NULL ? path : "/bin:/usr/bin"; !found && strchr(argv[i], '/') == NULL;) {
			size_t n = strcspn(p, ":");
			char *file = xmalloc(n + strlen(argv[i]) + 2);
			struct stat st;

			sprintf(file, "%.*s%s%s", (int)n, p, n > 0 ? "/" : "", argv[i]);
			if (stat(file, &st) == 0 && S_ISREG(st.st_mode) && access(file, X_OK) == 0) {
				printf("%s is %s\n", argv[i], file);
				found = 1;
			}
			free(file);
			if (p[n] == '\0')
				break;
			p += n + 1;
		}
		if (!found) {
			printf("%s: not found\n", argv[i]);
			status = 127;
		}
	}
	return status;
}

static const struct {
	const char *name;
	builtin_fn fn;
} builtins[] = {
	{ ":", b_colon }, { ".", b_dot }, { "[", builtin_test }, { "bg", b_fg }, { "break", b_break },
	{ "cd", b_cd }, { "continue", b_break }, { "eval", b_eval }, { "exec", b_exec },
	{ "exit", b_exit }, { "export", b_export }, { "fg", b_fg }, { "jobs", b_jobs },
	{ "pwd", b_pwd }, { "read", b_read }, { "return", b_return }, { "set", b_set },
	{ "shift", b_shift }, { "test", builtin_test }, { "type", b_type }, { "umask", b_umask },
	{ "unset", b_unset },
	{ "wait", b_wait },
};

builtin_fn find_builtin(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
		if (strcmp(builtins[i].name, name) == 0)
			return builtins[i].fn;
	return NULL;
}
