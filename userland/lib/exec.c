/* The exec family (<unistd.h>): everything ends in execve(2), which replaces
   the calling process's program and returns only on failure.  The l-forms
   collect their variable arguments into an argv array; the p-forms search
   PATH as glibc's posix/execvpe.c does. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sysdep.h"

/* glibc's default search path when PATH is unset (confstr(_CS_PATH)). */
#define DEFAULT_PATH "/bin:/usr/bin"
#define _PATH_BSHELL "/bin/sh"

int execve(const char *pathname, char *const argv[], char *const envp[])
{
	return (int)__syscall_ret(__syscall3(SYS_execve, (long)pathname, (long)argv,
	                                     (long)envp));
}

/* glibc's maybe_script_execute: /bin/sh FILE ARGS..., where argv[0] was. */
static void script_execute(const char *file, char *const argv[], char *const envp[])
{
	size_t argc = 0;

	while (argv[argc] != NULL)
		argc++;

	char *new_argv[argc > 1 ? argc + 2 : 3];

	new_argv[0] = (char *)_PATH_BSHELL;
	new_argv[1] = (char *)file;
	if (argc > 1)
		memcpy(new_argv + 2, argv + 1, argc * sizeof(char *));
	else
		new_argv[2] = NULL;
	execve(new_argv[0], new_argv, envp);
}

int execv(const char *pathname, char *const argv[])
{
	return execve(pathname, argv, environ);
}

/* execvpe(3), as glibc's __execvpe_common: a name with a '/' is run as it
   is; otherwise each PATH element in turn, an empty element meaning the
   current directory.  Errors that say "not here" (ENOENT, ENOTDIR, ESTALE,
   ENODEV, ETIMEDOUT, and EACCES, which is remembered) move on to the next
   element; any other error means the file was found but could not run, and
   is returned at once.  A file the kernel refuses with ENOEXEC (no #! and
   not an ELF program) is run as a script by /bin/sh, as glibc does. */
int execvpe(const char *file, char *const argv[], char *const envp[])
{
	const char *path, *p, *end;
	size_t file_len, path_len;
	int got_eacces = 0;

	if (*file == '\0') {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/') != NULL) {
		execve(file, argv, envp);
		if (errno == ENOEXEC)
			script_execute(file, argv, envp);
		return -1;
	}

	path = getenv("PATH");
	if (path == NULL)
		path = DEFAULT_PATH;
	file_len = strnlen(file, NAME_MAX + 1) + 1;
	path_len = strnlen(path, PATH_MAX - 1) + 1;
	if (file_len - 1 > NAME_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}

	char buffer[path_len + file_len + 1];

	for (p = path;; p = end + 1) {
		end = strchr(p, ':');
		if (end == NULL)
			end = p + strlen(p);
		/* An element longer than the buffer cannot name a file. */
		if ((size_t)(end - p) < path_len) {
			char *name_end = mempcpy(buffer, p, (size_t)(end - p));

			*name_end = '/';
			memcpy(name_end + (p < end), file, file_len);
			execve(buffer, argv, envp);
			if (errno == ENOEXEC)
				script_execute(buffer, argv, envp);
			switch (errno) {
			case EACCES:
				got_eacces = 1;
				break;
			case ENOENT:
			case ESTALE:
			case ENOTDIR:
			case ENODEV:
			case ETIMEDOUT:
				break;
			default:
				return -1;
			}
		}
		if (*end == '\0')
			break;
	}
	if (got_eacces)
		errno = EACCES;
	return -1;
}

int execvp(const char *file, char *const argv[])
{
	return execvpe(file, argv, environ);
}

/* The l-forms pass argv as variable arguments ending in NULL: count them,
   then copy them into an array on the stack, as glibc's execl.c does.
   count_args takes its own copy of the list; collect_args consumes the
   caller's, up to and including the NULL. */
static size_t count_args(va_list ap)
{
	va_list copy;
	size_t argc = 1;

	va_copy(copy, ap);
	while (va_arg(copy, char *) != NULL)
		argc++;
	va_end(copy);
	return argc;
}

static void collect_args(char **argv, size_t argc, const char *arg, va_list *ap)
{
	size_t i;

	argv[0] = (char *)arg;
	for (i = 1; i <= argc; i++)
		argv[i] = va_arg(*ap, char *);
}

int execl(const char *pathname, const char *arg, ...)
{
	va_list ap;

	va_start(ap, arg);
	size_t argc = count_args(ap);
	char *argv[argc + 1];

	collect_args(argv, argc, arg, &ap);
	va_end(ap);
	return execve(pathname, argv, environ);
}

/* execle: the environment follows the NULL that ends the arguments. */
int execle(const char *pathname, const char *arg, ...)
{
	va_list ap;
	char **envp;

	va_start(ap, arg);
	size_t argc = count_args(ap);
	char *argv[argc + 1];

	collect_args(argv, argc, arg, &ap);
	envp = va_arg(ap, char **);
	va_end(ap);
	return execve(pathname, argv, envp);
}

int execlp(const char *file, const char *arg, ...)
{
	va_list ap;

	va_start(ap, arg);
	size_t argc = count_args(ap);
	char *argv[argc + 1];

	collect_args(argv, argc, arg, &ap);
	va_end(ap);
	return execvpe(file, argv, environ);
}
