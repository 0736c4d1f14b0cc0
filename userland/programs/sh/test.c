/* test EXPRESSION, [ EXPRESSION ]: the shell's conditions, a builtin as
   in dash (a loop's "test" then costs no fork).  Expressions:

     STRING, -n STRING, -z STRING, S1 = S2, S1 != S2
     N1 -eq -ne -lt -le -gt -ge N2          integers
     -e -f -d -h/-L -p -c -b -S -r -w -x -s FILE
     ! EXPR, EXPR -a EXPR, EXPR -o EXPR, ( EXPR )

   Status 0 true, 1 false, 2 for a malformed expression. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "sh.h"

static char **args;
static int nargs, pos, bad;

static const char *peek(int k)
{
	return pos + k < nargs ? args[pos + k] : NULL;
}

static int is(const char *s, const char *w)
{
	return s != NULL && strcmp(s, w) == 0;
}

static long integer(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	while (*end == ' ' || *end == '\t')
		end++;
	if (*s == '\0' || *end != '\0') {
		if (!bad)
			sh_error("test: Illegal number: %s", s);
		bad = 1;
	}
	return v;
}

static int file_test(char op, const char *path)
{
	struct stat st;

	if (op == 'h' || op == 'L')
		return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
	if (op == 'r' || op == 'w' || op == 'x')
		return access(path, op == 'r' ? R_OK : op == 'w' ? W_OK : X_OK) == 0;
	if (stat(path, &st) < 0)
		return 0;
	switch (op) {
	case 'e': return 1;
	case 'f': return S_ISREG(st.st_mode);
	case 'd': return S_ISDIR(st.st_mode);
	case 'p': return S_ISFIFO(st.st_mode);
	case 'c': return S_ISCHR(st.st_mode);
	case 'b': return S_ISBLK(st.st_mode);
	case 'S': return S_ISSOCK(st.st_mode);
	case 's': return st.st_size > 0;
	}
	return 0;
}

static int binary_op(const char *s)
{
	static const char *const ops[] = { "=", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
		NULL };
	int i;

	for (i = 0; s != NULL && ops[i] != NULL; i++)
		if (strcmp(s, ops[i]) == 0)
			return 1;
	return 0;
}

static int or_expr(void);

static int primary(void)
{
	const char *a = peek(0), *op = peek(1);
	int r;

	if (a == NULL) {
		bad = 1;
		sh_error("test: argument expected");
		return 0;
	}
	if (is(a, "(") && !binary_op(op)) {
		pos++;
		r = or_expr();
		if (!is(peek(0), ")")) {
			if (!bad)
				sh_error("test: closing paren expected");
			bad = 1;
		}
		pos++;
		return r;
	}
	if (binary_op(op) && peek(2) != NULL) {
		const char *b = peek(2);

		pos += 3;
		if (strcmp(op, "=") == 0)
			return strcmp(a, b) == 0;
		if (strcmp(op, "!=") == 0)
			return strcmp(a, b) != 0;
		{
			long x = integer(a), y = integer(b);

			if (strcmp(op, "-eq") == 0)
				return x == y;
			if (strcmp(op, "-ne") == 0)
				return x != y;
			if (strcmp(op, "-lt") == 0)
				return x < y;
			if (strcmp(op, "-le") == 0)
				return x <= y;
			if (strcmp(op, "-gt") == 0)
				return x > y;
			return x >= y;
		}
	}
	if (a[0] == '-' && a[1] != '\0' && a[2] == '\0' && op != NULL
	    && strchr("nzefdhLpcbSrwxs", a[1]) != NULL) {
		pos += 2;
		if (a[1] == 'n')
			return *op != '\0';
		if (a[1] == 'z')
			return *op == '\0';
		return file_test(a[1], op);
	}
	pos++;
	return *a != '\0';
}

static int not_expr(void)
{
	if (is(peek(0), "!") && peek(1) != NULL) {
		pos++;
		return !not_expr();
	}
	return primary();
}

static int and_expr(void)
{
	int r = not_expr();

	while (is(peek(0), "-a")) {
		pos++;
		r = not_expr() && r;
	}
	return r;
}

static int or_expr(void)
{
	int r = and_expr();

	while (is(peek(0), "-o")) {
		pos++;
		r = and_expr() || r;
	}
	return r;
}

int builtin_test(int argc, char **argv)
{
	int r;

	if (strcmp(argv[0], "[") == 0) {
		if (strcmp(argv[argc - 1], "]") != 0) {
			sh_error("[: missing ]");
			return 2;
		}
		argc--;
	}
	args = argv + 1;
	nargs = argc - 1;
	pos = 0;
	bad = 0;
	if (nargs == 0)
		return 1;
	r = or_expr();
	if (!bad && pos < nargs) {
		sh_error("test: %s: unexpected operator", args[pos]);
		bad = 1;
	}
	return bad ? 2 : !r;
}
