/* Word expansion, in POSIX's order: tilde, parameters ($x, ${x...}),
   command substitution ($(...) and `...`), arithmetic ($((...))), then
   field splitting on IFS, pathname expansion (* ? [...]) and quote
   removal.

   While a word is expanded, each character of the result carries a mark
   saying where it came from:

     LIT    typed, unquoted: a wildcard, but never split
     EXP    the result of an unquoted expansion: split on IFS and a wildcard
     QUOTE  quoted, or the result of a quoted expansion: neither

   which is what the later steps need; quotes themselves are gone by then.
   "$@" is the one expansion that makes several fields on its own. */
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

enum { LIT, EXP, QUOTE };

struct field {
	char *s;                /* the characters */
	char *mark;             /* LIT, EXP or QUOTE for each */
	size_t len, cap;
	int quoted;             /* had quotes: a field even when empty */
};

struct fields {
	struct field *v;
	int n;
	int split;              /* "$@" may make new fields (else it joins) */
	int dq_at_empty;        /* "$@" with no parameters inside these quotes */
	int error;
};

static struct field *cur(struct fields *f)
{
	return &f->v[f->n - 1];
}

static void new_field(struct fields *f)
{
	f->v = xrealloc(f->v, (size_t)(f->n + 1) * sizeof *f->v);
	memset(&f->v[f->n], 0, sizeof f->v[f->n]);
	f->n++;
}

static void add(struct field *fl, int c, int mark)
{
	if (fl->len + 2 > fl->cap) {
		fl->cap = fl->cap == 0 ? 32 : 2 * fl->cap;
		fl->s = xrealloc(fl->s, fl->cap);
		fl->mark = xrealloc(fl->mark, fl->cap);
	}
	fl->s[fl->len] = (char)c;
	fl->mark[fl->len++] = (char)mark;
	fl->s[fl->len] = '\0';
}

static void add_str(struct field *fl, const char *s, int mark)
{
	for (; *s != '\0'; s++)
		add(fl, (unsigned char)*s, mark);
}

static void free_fields(struct fields *f)
{
	int i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].s);
		free(f->v[i].mark);
	}
	free(f->v);
}

static const char *ifs(void)
{
	const char *v = var_get("IFS");

	return v != NULL ? v : " \t\n";
}

/* Where the construct that opens at s[i] ends: the index just after its
   closing character.  Quotes and nesting inside are skipped over. */
static size_t skip_quoted(const char *s, size_t i);

static size_t skip_until(const char *s, size_t i, char open, char close)
{
	int depth = 1;

	while (s[i] != '\0') {
		char c = s[i];

		if (c == '\\' && s[i + 1] != '\0') {
			i += 2;
			continue;
		}
		if (c == '\'' || c == '"' || c == '`') {
			i = skip_quoted(s, i);
			continue;
		}
		i++;
		if (c == open && open != close)
			depth++;
		else if (c == close && --depth == 0)
			return i;
	}
	return i;
}

static size_t skip_quoted(const char *s, size_t i)
{
	char q = s[i++];

	while (s[i] != '\0' && s[i] != q) {
		if (q != '\'' && s[i] == '\\' && s[i + 1] != '\0')
			i++;
		else if (q == '"' && s[i] == '$' && (s[i + 1] == '(' || s[i + 1] == '{'))
			i = skip_until(s, i + 2, s[i + 1], s[i + 1] == '(' ? ')' : '}') - 1;
		i++;
	}
	return s[i] != '\0' ? i + 1 : i;
}

static char *substr(const char *s, size_t from, size_t to)
{
	char *r = xmalloc(to - from + 1);

	memcpy(r, s + from, to - from);
	r[to - from] = '\0';
	return r;
}

static void expand_into(struct fields *out, const char *w, int dq, int heredoc);

/* $1..., $@ and $*, which are lists. */
static void add_params(struct fields *out, int dq, int star)
{
	const char *sep = ifs();
	int i;

	if (sh.nparams == 0 && dq && !star)
		out->dq_at_empty = 1;
	for (i = 0; i < sh.nparams; i++) {
		if (i > 0) {
			if (dq && star) {
				if (*sep != '\0')
					add(cur(out), (unsigned char)*sep, QUOTE);
			} else if (out->split) {
				new_field(out);
			} else {
				add(cur(out), ' ', dq ? QUOTE : EXP);
			}
		}
		add_str(cur(out), sh.params[i], dq ? QUOTE : EXP);
		if (dq)
			cur(out)->quoted = 1;
	}
}

/* The value of a parameter that is one string; NULL when unset. */
static const char *param(const char *name, char *buf, size_t size)
{
	if (name[0] >= '0' && name[0] <= '9') {
		long n = strtol(name, NULL, 10);

		if (n == 0)
			return sh.arg0;
		return n <= sh.nparams ? sh.params[n - 1] : NULL;
	}
	if (name[1] == '\0') {
		switch (name[0]) {
		case '?':
			snprintf(buf, size, "%d", sh.last_status);
			return buf;
		case '$':
			snprintf(buf, size, "%d", (int)sh.pid);
			return buf;
		case '!':
			if (sh.last_bg == 0)
				return NULL;
			snprintf(buf, size, "%d", (int)sh.last_bg);
			return buf;
		case '#':
			snprintf(buf, size, "%d", sh.nparams);
			return buf;
		case '-':
			snprintf(buf, size, "%s%s%s", sh.errexit ? "e" : "", sh.interactive ? "i" : "",
			         sh.xtrace ? "x" : "");
			return buf;
		}
	}
	return var_get(name);
}

/* The length of a parameter name at s: a special character, digits
   (just one unless braced), or a NAME. */
static size_t name_length(const char *s, int braced)
{
	size_t n = 0;

	if (s[0] != '\0' && strchr("?$!#@*-", s[0]) != NULL)
		return 1;
	if (s[0] >= '0' && s[0] <= '9') {
		if (!braced)
			return 1;
		while (s[n] >= '0' && s[n] <= '9')
			n++;
		return n;
	}
	while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') || s[n] == '_'
	       || (n > 0 && s[n] >= '0' && s[n] <= '9'))
		n++;
	return n;
}

/* ${x#pattern} and friends: the value with the shortest or longest
   matching prefix or suffix taken off. */
static char *trim(const char *value, const char *pattern_word, int suffix, int longest)
{
	char *pattern = NULL, *copy = xstrdup(value);
	size_t len = strlen(value), k;
	struct fields f = { NULL, 0, 0, 0, 0 };
	int i;

	new_field(&f);
	expand_into(&f, pattern_word, 0, 0);
	/* Quoted characters match only themselves. */
	pattern = xmalloc(2 * cur(&f)->len + 1);
	for (k = 0, i = 0; k < cur(&f)->len; k++) {
		if (cur(&f)->mark[k] == QUOTE && strchr("*?[]\\", cur(&f)->s[k]) != NULL)
			pattern[i++] = '\\';
		pattern[i++] = cur(&f)->s[k];
	}
	pattern[i] = '\0';
	free_fields(&f);
	for (k = 0; k <= len; k++) {
		size_t cut = longest ? len - k : k;

		if (!suffix) {
			char saved = copy[cut];

			copy[cut] = '\0';
			if (fnmatch(pattern, copy, 0) == 0) {
				copy[cut] = saved;
				memmove(copy, copy + cut, len - cut + 1);
				break;
			}
			copy[cut] = saved;
		} else if (fnmatch(pattern, value + (len - cut), 0) == 0) {
			copy[len - cut] = '\0';
			break;
		}
	}
	free(pattern);
	return copy;
}

/* ${...}: body is what is between the braces. */
static void expand_braced(struct fields *out, const char *body, int dq)
{
	char buf[64], *name, *word;
	const char *value, *op;
	size_t n;
	int colon = 0, mark = dq ? QUOTE : EXP;

	if (body[0] == '#' && body[1] != '\0' && body[1] != '}') {
		n = name_length(body + 1, 1);
		if (n > 0 && body[1 + n] == '\0') {
			name = substr(body, 1, 1 + n);
			value = param(name, buf, sizeof buf);
			snprintf(buf, sizeof buf, "%zu", value != NULL ? strlen(value) : (size_t)0);
			add_str(cur(out), buf, mark);
			free(name);
			return;
		}
	}
	n = name_length(body, 1);
	if (n == 0) {
		sh_error("%s: bad substitution", body);
		out->error = 1;
		return;
	}
	name = substr(body, 0, n);
	op = body + n;
	if ((name[0] == '@' || name[0] == '*') && *op == '\0') {
		add_params(out, dq, name[0] == '*');
		free(name);
		return;
	}
	value = param(name, buf, sizeof buf);
	if (*op == ':' && op[1] != '\0' && strchr("-=?+", op[1]) != NULL) {
		colon = 1;
		op++;
	}
	word = (char *)op + (*op != '\0') + ((*op == '%' && op[1] == '%') || (*op == '#' && op[1] == '#'));
	switch (*op) {
	case '\0':
		if (value != NULL)
			add_str(cur(out), value, mark);
		break;
	case '-':
		if (value == NULL || (colon && *value == '\0'))
			expand_into(out, word, dq, 0);
		else
			add_str(cur(out), value, mark);
		break;
	case '+':
		if (!(value == NULL || (colon && *value == '\0')))
			expand_into(out, word, dq, 0);
		break;
	case '=':
		if (value == NULL || (colon && *value == '\0')) {
			char *v = expand_word(word);

			if (!valid_name(name, strlen(name))) {
				sh_error("%s: cannot assign in this way", name);
				out->error = 1;
			} else {
				var_set(name, v, 0);
				add_str(cur(out), v, mark);
			}
			free(v);
		} else {
			add_str(cur(out), value, mark);
		}
		break;
	case '?':
		if (value == NULL || (colon && *value == '\0')) {
			char *v = expand_word(word);

			sh_error("%s: %s", name, *v != '\0' ? v : "parameter not set");
			free(v);
			out->error = 1;
			if (!sh.interactive)
				sh_exit(2);
		} else {
			add_str(cur(out), value, mark);
		}
		break;
	case '%':
	case '#':
		if (value != NULL) {
			char *t = trim(value, word, *op == '%', word != op + 1);

			add_str(cur(out), t, mark);
			free(t);
		}
		break;
	default:
		sh_error("%s: bad substitution", body);
		out->error = 1;
		break;
	}
	free(name);
}

/* `...`: backslash quotes only $ ` \ (and " inside double quotes). */
static char *backquote_text(const char *s, int dq)
{
	char *r = xmalloc(strlen(s) + 1), *o = r;

	for (; *s != '\0'; s++) {
		if (*s == '\\' && (s[1] == '$' || s[1] == '`' || s[1] == '\\' || (dq && s[1] == '"')))
			s++;
		*o++ = *s;
	}
	*o = '\0';
	return r;
}

/* $... at w[i]; returns the index after it. */
static size_t expand_dollar(struct fields *out, const char *w, size_t i, int dq)
{
	char buf[64];
	int mark = dq ? QUOTE : EXP;
	size_t end, n;

	if (w[i + 1] == '(' && w[i + 2] == '(') {               /* $((...)) */
		char *text, *expanded, num[32];
		int error = 0;
		long v;

		/* from the first '(' to the matching "))" */
		end = skip_until(w, i + 2, '(', ')');
		text = substr(w, i + 3, end >= i + 5 ? end - 2 : i + 3);
		expanded = expand_word(text);
		v = arith_eval(expanded, &error);
		if (error) {
			out->error = 1;
			if (!sh.interactive)
				sh_exit(2);
		}
		snprintf(num, sizeof num, "%ld", v);
		add_str(cur(out), num, mark);
		free(text);
		free(expanded);
		return end;
	}
	if (w[i + 1] == '(') {                                  /* $(...) */
		char *text, *output;

		end = skip_until(w, i + 2, '(', ')');
		text = substr(w, i + 2, end > i + 2 ? end - 1 : end);
		output = command_output(text);
		add_str(cur(out), output, mark);
		free(text);
		free(output);
		return end;
	}
	if (w[i + 1] == '{') {                                  /* ${...} */
		char *body;

		end = skip_until(w, i + 2, '{', '}');
		body = substr(w, i + 2, end > i + 2 ? end - 1 : end);
		expand_braced(out, body, dq);
		free(body);
		return end;
	}
	n = name_length(w + i + 1, 0);
	if (n == 0) {
		add(cur(out), '$', dq ? QUOTE : LIT);
		return i + 1;
	}
	if (w[i + 1] == '@' || w[i + 1] == '*') {
		add_params(out, dq, w[i + 1] == '*');
	} else {
		char *name = substr(w, i + 1, i + 1 + n);
		const char *value = param(name, buf, sizeof buf);

		if (value != NULL)
			add_str(cur(out), value, mark);
		free(name);
	}
	return i + 1 + n;
}

/* Expand w into out, its quotes removed and every character marked.  In
   a here-document (heredoc) quotes are ordinary and only \$ \` \\ and
   \newline are escapes. */
static void expand_into(struct fields *out, const char *w, int dq, int heredoc)
{
	size_t i = 0, dq_start = 0;

	if (!dq && !heredoc && w[0] == '~') {                   /* ~ and ~/... */
		size_t n = strcspn(w, "/");
		const char *home = var_get("HOME");

		if (n == 1 && home != NULL) {
			add_str(cur(out), home, QUOTE);
			i = 1;
		}
	}
	while (w[i] != '\0') {
		char c = w[i];

		if (c == '\\') {
			char d = w[i + 1];

			if (d == '\0') {
				add(cur(out), '\\', dq || heredoc ? QUOTE : LIT);
				i++;
			} else if (d == '\n' && (dq || heredoc)) {
				i += 2;
			} else if ((dq || heredoc) && strchr(heredoc ? "$`\\" : "$`\"\\", d) == NULL) {
				add(cur(out), '\\', QUOTE);
				i++;
			} else {
				add(cur(out), (unsigned char)d, QUOTE);
				i += 2;
			}
		} else if (c == '$') {
			i = expand_dollar(out, w, i, dq || heredoc);
		} else if (c == '`') {
			size_t end = skip_quoted(w, i);
			char *text = substr(w, i + 1, end > i + 1 && w[end - 1] == '`' ? end - 1 : end);
			char *cmd = backquote_text(text, dq);
			char *output = command_output(cmd);

			add_str(cur(out), output, dq || heredoc ? QUOTE : EXP);
			free(text);
			free(cmd);
			free(output);
			i = end;
		} else if (heredoc) {
			add(cur(out), (unsigned char)c, QUOTE);
			i++;
		} else if (c == '\'' && !dq) {
			cur(out)->quoted = 1;
			for (i++; w[i] != '\0' && w[i] != '\''; i++)
				add(cur(out), (unsigned char)w[i], QUOTE);
			if (w[i] == '\'')
				i++;
		} else if (c == '"') {
			if (!dq) {
				dq = 1;
				dq_start = cur(out)->len;
				out->dq_at_empty = 0;
			} else {
				dq = 0;
				/* "" is an empty field; "$@" with no parameters is none */
				if (!out->dq_at_empty || cur(out)->len > dq_start)
					cur(out)->quoted = 1;
				out->dq_at_empty = 0;
			}
			i++;
		} else {
			add(cur(out), (unsigned char)c, dq ? QUOTE : LIT);
			i++;
		}
	}
}

/* --- field splitting and pathname expansion --- */

struct list {
	char **v;
	int n;
};

static void list_add(struct list *l, char *s)
{
	l->v = xrealloc(l->v, (size_t)(l->n + 2) * sizeof *l->v);
	l->v[l->n++] = s;
	l->v[l->n] = NULL;
}

/* A field after splitting: glob it if it has unquoted wildcards and
   anything matches, else take it as it is. */
static void finish_field(struct field *fl, struct list *out)
{
	char *pattern = xmalloc(2 * fl->len + 1);
	int wild = 0, i = 0;
	size_t k;

	for (k = 0; k < fl->len; k++) {
		char c = fl->s[k];

		if (fl->mark[k] == QUOTE && strchr("*?[]\\", c) != NULL)
			pattern[i++] = '\\';
		pattern[i++] = c;
	}
	pattern[i] = '\0';
	for (k = 0; k < fl->len; k++)
		if (fl->mark[k] != QUOTE && (fl->s[k] == '*' || fl->s[k] == '?'
		                             || (fl->s[k] == '[' && glob_closes(fl->s + k))))
			wild = 1;
	if (wild) {
		int n;
		char **found = glob_expand(pattern, &n);

		if (n > 0) {
			for (i = 0; i < n; i++)
				list_add(out, found[i]);
			free(found);
			free(pattern);
			return;
		}
		free(found);
	}
	free(pattern);
	list_add(out, xstrdup(fl->s != NULL ? fl->s : ""));
}

/* Split one field where an unquoted expansion put IFS characters: runs
   of IFS white space separate fields and are dropped at the ends; every
   other IFS character ends a field, even an empty one. */
static void split_field(struct field *fl, struct list *out)
{
	const char *sep = ifs();
	struct field piece = { NULL, NULL, 0, 0, fl->quoted };
	size_t i = 0;

	if (*sep == '\0') {
		if (fl->len > 0 || fl->quoted)
			finish_field(fl, out);
		return;
	}
	while (i < fl->len) {
		int c = (unsigned char)fl->s[i];

		if (fl->mark[i] == EXP && strchr(sep, c) != NULL) {
			int hard = 0;

			while (i < fl->len && fl->mark[i] == EXP && strchr(sep, fl->s[i]) != NULL) {
				if (strchr(" \t\n", fl->s[i]) == NULL) {
					if (hard)
						break;
					hard = 1;
				}
				i++;
			}
			if (piece.len > 0 || piece.quoted || hard)
				finish_field(&piece, out);
			piece.len = 0;
			piece.quoted = 0;
			if (piece.s != NULL)
				piece.s[0] = '\0';
			continue;
		}
		if (fl->mark[i] == QUOTE)
			piece.quoted = 1;
		add(&piece, c, fl->mark[i]);
		i++;
	}
	if (piece.len > 0 || piece.quoted)
		finish_field(&piece, out);
	free(piece.s);
	free(piece.mark);
}

char **expand_words(char **words, int n, int *count)
{
	struct list out = { NULL, 0 };
	int i, k;

	list_add(&out, NULL);   /* so that out.v exists */
	out.n = 0;
	for (i = 0; i < n; i++) {
		struct fields f = { NULL, 0, 1, 0, 0 };

		new_field(&f);
		expand_into(&f, words[i], 0, 0);
		if (f.error) {
			free_fields(&f);
			free_words(out.v);
			*count = -1;
			return NULL;
		}
		for (k = 0; k < f.n; k++)
			split_field(&f.v[k], &out);
		free_fields(&f);
	}
	*count = out.n;
	return out.v;
}

/* One string: assignments, redirection targets, case words. */
char *expand_word(const char *word)
{
	struct fields f = { NULL, 0, 0, 0, 0 };
	char *r;

	new_field(&f);
	expand_into(&f, word, 0, 0);
	r = xstrdup(cur(&f)->s != NULL ? cur(&f)->s : "");
	free_fields(&f);
	return r;
}

char *expand_heredoc(const char *body)
{
	struct fields f = { NULL, 0, 0, 0, 0 };
	char *r;

	new_field(&f);
	expand_into(&f, body, 0, 1);
	r = xstrdup(cur(&f)->s != NULL ? cur(&f)->s : "");
	free_fields(&f);
	return r;
}

/* case: the pattern word expanded, its quoted characters taken literally. */
int case_match(const char *pattern_word, const char *subject)
{
	struct fields f = { NULL, 0, 0, 0, 0 };
	struct field *fl;
	char *pattern;
	size_t k;
	int i = 0, r;

	new_field(&f);
	expand_into(&f, pattern_word, 0, 0);
	fl = cur(&f);
	pattern = xmalloc(2 * fl->len + 1);
	for (k = 0; k < fl->len; k++) {
		if (fl->mark[k] == QUOTE && strchr("*?[]\\", fl->s[k]) != NULL)
			pattern[i++] = '\\';
		pattern[i++] = fl->s[k];
	}
	pattern[i] = '\0';
	r = fnmatch(pattern, subject, 0) == 0;
	free(pattern);
	free_fields(&f);
	return r;
}

void free_words(char **words)
{
	char **w;

	for (w = words; w != NULL && *w != NULL; w++)
		free(*w);
	free(words);
}
