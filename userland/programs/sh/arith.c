/* $((expression)): integer arithmetic with C's operators and
   precedence, on longs: numbers (10, 0x1f, 017), variables (their
   values, an unset or empty one is 0), ( ), unary + - ! ~, * / %, + -,
   << >>, < <= > >=, == !=, &, ^, |, &&, ||, ?:, and assignment
   (= += -= *= /= %= <<= >>= &= ^= |=) to variables. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

static const char *p;
static int failed;

static void skip(void)
{
	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
}

static int accept(const char *op)
{
	size_t n = strlen(op);

	skip();
	if (strncmp(p, op, n) != 0)
		return 0;
	/* "<" is not the start of "<<" or "<=", "&" not of "&&", ... */
	if (n == 1 && (p[1] == '=' || (p[1] == p[0] && strchr("<>&|", p[0]) != NULL))
	    && strchr("<>&|!=", p[0]) != NULL)
		return 0;
	p += n;
	return 1;
}

static long fail(const char *what)
{
	if (!failed)
		sh_error("arithmetic expression: %s: \"%s\"", what, p);
	failed = 1;
	return 0;
}

static long assignment(void);

static long value_of(const char *name)
{
	const char *v = var_get(name);
	char *end;
	long n;

	if (v == NULL || *v == '\0')
		return 0;
	n = strtol(v, &end, 0);
	if (*end != '\0')
		return fail("not a number");
	return n;
}

static long primary(void)
{
	long v;

	skip();
	if (*p == '(') {
		p++;
		v = assignment();
		skip();
		if (*p != ')')
			return fail("expecting ')'");
		p++;
		return v;
	}
	if (isdigit((unsigned char)*p)) {
		char *end;

		v = strtol(p, &end, 0);
		if (isalnum((unsigned char)*end))
			return fail("bad number");
		p = end;
		return v;
	}
	if (isalpha((unsigned char)*p) || *p == '_') {
		char name[128];
		size_t n = 0;

		while ((isalnum((unsigned char)*p) || *p == '_') && n < sizeof name - 1)
			name[n++] = *p++;
		name[n] = '\0';
		return value_of(name);
	}
	return fail("syntax error");
}

static long unary(void)
{
	if (accept("!"))
		return !unary();
	if (accept("~"))
		return ~unary();
	if (accept("-"))
		return -unary();
	if (accept("+"))
		return unary();
	return primary();
}

static long divide(long a, long b, int modulo)
{
	if (b == 0)
		return fail("division by zero");
	return modulo ? a % b : a / b;
}

static long multiplicative(void)
{
	long v = unary();

	for (;;) {
		if (accept("*"))
			v *= unary();
		else if (accept("/"))
			v = divide(v, unary(), 0);
		else if (accept("%"))
			v = divide(v, unary(), 1);
		else
			return v;
	}
}

static long additive(void)
{
	long v = multiplicative();

	for (;;) {
		if (accept("+"))
			v += multiplicative();
		else if (accept("-"))
			v -= multiplicative();
		else
			return v;
	}
}

static long shift(void)
{
	long v = additive();

	for (;;) {
		if (accept("<<"))
			v <<= additive();
		else if (accept(">>"))
			v >>= additive();
		else
			return v;
	}
}

static long relational(void)
{
	long v = shift();

	for (;;) {
		if (accept("<="))
			v = v <= shift();
		else if (accept(">="))
			v = v >= shift();
		else if (accept("<"))
			v = v < shift();
		else if (accept(">"))
			v = v > shift();
		else
			return v;
	}
}

static long equality(void)
{
	long v = relational();

	for (;;) {
		if (accept("=="))
			v = v == relational();
		else if (accept("!="))
			v = v != relational();
		else
			return v;
	}
}

static long bit_and(void)
{
	long v = equality();

	while (accept("&"))
		v &= equality();
	return v;
}

static long bit_xor(void)
{
	long v = bit_and();

	while (accept("^"))
		v ^= bit_and();
	return v;
}

static long bit_or(void)
{
	long v = bit_xor();

	while (accept("|"))
		v |= bit_xor();
	return v;
}

static long logical_and(void)
{
	long v = bit_or();

	while (accept("&&")) {
		long r = bit_or();

		v = v && r;
	}
	return v;
}

static long logical_or(void)
{
	long v = logical_and();

	while (accept("||")) {
		long r = logical_and();

		v = v || r;
	}
	return v;
}

static long conditional(void)
{
	long v = logical_or(), a, b;

	if (!accept("?"))
		return v;
	a = assignment();
	if (!accept(":"))
		return fail("expecting ':'");
	b = conditional();
	return v ? a : b;
}

/* NAME op= expression, or a conditional expression. */
static long assignment(void)
{
	static const char *const ops[] = { "=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=",
		"&=", "^=", "|=" };
	const char *start;
	char name[128];
	size_t n = 0, i;

	skip();
	start = p;
	while ((isalnum((unsigned char)*p) || *p == '_') && n < sizeof name - 1)
		name[n++] = *p++;
	name[n] = '\0';
	if (n > 0 && valid_name(name, n)) {
		skip();
		for (i = 0; i < sizeof ops / sizeof ops[0]; i++) {
			size_t len = strlen(ops[i]);
			long old, v;
			char buf[32];

			if (strncmp(p, ops[i], len) != 0 || (len == 1 && p[1] == '='))
				continue;
			p += len;
			v = assignment();
			old = len > 1 ? value_of(name) : 0;
			switch (len > 1 ? ops[i][0] : '=') {
			case '+': v = old + v; break;
			case '-': v = old - v; break;
			case '*': v = old * v; break;
			case '/': v = divide(old, v, 0); break;
			case '%': v = divide(old, v, 1); break;
			case '<': v = old << v; break;
			case '>': v = old >> v; break;
			case '&': v = old & v; break;
			case '^': v = old ^ v; break;
			case '|': v = old | v; break;
			}
			if (!failed) {
				snprintf(buf, sizeof buf, "%ld", v);
				var_set(name, buf, 0);
			}
			return v;
		}
	}
	p = start;
	return conditional();
}

long arith_eval(const char *expr, int *error)
{
	long v;

	p = expr;
	failed = 0;
	skip();
	if (*p == '\0') {
		*error = 0;
		return 0;
	}
	v = assignment();
	skip();
	if (*p != '\0')
		fail("syntax error");
	*error = failed;
	return failed ? 0 : v;
}
