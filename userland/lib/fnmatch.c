/* fnmatch(3): a shell wildcard pattern against a string.  '*' matches
   any run of characters, '?' any one, [...] one of a set (ranges a-z,
   classes [:alpha:] and the like, negated by a leading ! or ^), '\' quotes
   the next character.  The flags make '/' and leading dots special, as
   they are for file names.  0 for a match, FNM_NOMATCH otherwise. */
#include <ctype.h>
#include <fnmatch.h>
#include <string.h>

struct class {
	const char *name;
	int (*test)(int);
};

static const struct class classes[] = {
	{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
	{ "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
	{ "lower", islower }, { "print", isprint }, { "punct", ispunct },
	{ "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
};

static int fold(int c, int flags)
{
	return (flags & FNM_CASEFOLD) ? tolower(c) : c;
}

/* Does the bracket expression at p (just after '[') match c?  Sets *end
   after its ']'; returns -1 if it never closes (then '[' is ordinary). */
static int bracket(const char *p, int c, int flags, const char **end)
{
	int negate = 0, found = 0, first = 1;

	if (*p == '!' || *p == '^') {
		negate = 1;
		p++;
	}
	for (;; first = 0) {
		int lo, hi;

		if (*p == '\0')
			return -1;
		if (*p == ']' && !first)
			break;
		if (p[0] == '[' && p[1] == ':') {
			const char *close = strstr(p + 2, ":]");
			size_t i;

			if (close != NULL) {
				for (i = 0; i < sizeof classes / sizeof classes[0]; i++)
					if (strlen(classes[i].name) == (size_t)(close - p - 2)
					    && strncmp(classes[i].name, p + 2, (size_t)(close - p - 2)) == 0
					    && classes[i].test(c))
						found = 1;
				p = close + 2;
				continue;
			}
		}
		if (*p == '\\' && !(flags & FNM_NOESCAPE) && p[1] != '\0')
			p++;
		lo = (unsigned char)*p++;
		hi = lo;
		if (p[0] == '-' && p[1] != ']' && p[1] != '\0') {
			p++;
			if (*p == '\\' && !(flags & FNM_NOESCAPE) && p[1] != '\0')
				p++;
			hi = (unsigned char)*p++;
		}
		if ((c >= lo && c <= hi) || (fold(c, flags) >= fold(lo, flags)
		                             && fold(c, flags) <= fold(hi, flags)))
			found = 1;
	}
	*end = p + 1;
	return found != negate;
}

static int match(const char *p, const char *s, const char *start, int flags)
{
	for (;;) {
		int c = (unsigned char)*s;
		int leading_dot = c == '.' && (flags & FNM_PERIOD)
		                  && (s == start || ((flags & FNM_PATHNAME) && s[-1] == '/'));
		const char *end;
		int r;

		switch (*p) {
		case '\0':
			if (c == '\0' || ((flags & FNM_LEADING_DIR) && c == '/'))
				return 0;
			return FNM_NOMATCH;
		case '?':
			if (c == '\0' || leading_dot || ((flags & FNM_PATHNAME) && c == '/'))
				return FNM_NOMATCH;
			p++;
			s++;
			break;
		case '*':
			while (*p == '*')
				p++;
			if (leading_dot)
				return FNM_NOMATCH;
			for (;; s++) {
				if (match(p, s, start, flags) == 0)
					return 0;
				if (*s == '\0' || ((flags & FNM_PATHNAME) && *s == '/'))
					return FNM_NOMATCH;
			}
		case '[':
			if (c == '\0')
				return FNM_NOMATCH;
			r = bracket(p + 1, c, flags, &end);
			if (r < 0)
				goto literal;
			if (!r || leading_dot || ((flags & FNM_PATHNAME) && c == '/'))
				return FNM_NOMATCH;
			p = end;
			s++;
			break;
		case '\\':
			if (!(flags & FNM_NOESCAPE) && p[1] != '\0')
				p++;
			/* fall through */
		default:
		literal:
			if (fold(c, flags) != fold((unsigned char)*p, flags))
				return FNM_NOMATCH;
			p++;
			s++;
			break;
		}
	}
}

int fnmatch(const char *pattern, const char *string, int flags)
{
	return match(pattern, string, string, flags);
}
