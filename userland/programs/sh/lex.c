/* The tokenizer: characters to words and operators (POSIX "Token
   Recognition").  A word keeps its quotes and backslashes exactly as typed;
   they matter again when it is expanded.  Inside a word the tokenizer only
   has to know where quoted parts, $(...), ${...} and `...` end, so that
   the blanks and operators in them do not end the word.

   After the newline that ends a line with here-documents ("<<END"), their
   bodies are read, line by line up to the delimiter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

struct buf {
	char *s;
	size_t len, cap;
};

static void put(struct buf *b, int c)
{
	if (b->len + 2 > b->cap) {
		b->cap = b->cap == 0 ? 64 : 2 * b->cap;
		b->s = xrealloc(b->s, b->cap);
	}
	b->s[b->len++] = (char)c;
	b->s[b->len] = '\0';
}

/* An empty string to start with, never NULL. */
static void init(struct buf *b)
{
	b->cap = 64;
	b->len = 0;
	b->s = xmalloc(b->cap);
	b->s[0] = '\0';
}

static int peek(void)
{
	int c = input_getc();

	input_ungetc(c);
	return c;
}

static struct redir *pending[16];
static int npending;

void lex_want_heredoc(struct redir *r)
{
	if (npending < 16)
		pending[npending++] = r;
}

static int unterminated(const char *what)
{
	sh_error("syntax error: unterminated %s", what);
	return -1;
}

static int scan_dollar(struct buf *b);
static int scan_backquote(struct buf *b);

/* After an opening quote: up to and including the closing one. */
static int scan_single(struct buf *b)
{
	int c;

	while ((c = input_getc()) != '\'') {
		if (c == EOF)
			return unterminated("quoted string");
		put(b, c);
	}
	put(b, c);
	return 0;
}

static int scan_double(struct buf *b)
{
	int c;

	while ((c = input_getc()) != '"') {
		if (c == EOF)
			return unterminated("quoted string");
		put(b, c);
		if (c == '\\') {
			c = input_getc();
			if (c == EOF)
				return unterminated("quoted string");
			put(b, c);
		} else if (c == '$' && scan_dollar(b) < 0) {
			return -1;
		} else if (c == '`' && scan_backquote(b) < 0) {
			return -1;
		}
	}
	put(b, c);
	return 0;
}

static int scan_backquote(struct buf *b)
{
	int c;

	while ((c = input_getc()) != '`') {
		if (c == EOF)
			return unterminated("`...`");
		put(b, c);
		if (c == '\\') {
			c = input_getc();
			if (c == EOF)
				return unterminated("`...`");
			put(b, c);
		}
	}
	put(b, c);
	return 0;
}

/* Up to the parenthesis that closes one already read, quotes respected. */
static int scan_parens(struct buf *b)
{
	int depth = 1, c;

	while (depth > 0) {
		c = input_getc();
		if (c == EOF)
			return unterminated("$(...)");
		put(b, c);
		switch (c) {
		case '(': depth++; break;
		case ')': depth--; break;
		case '\'':
			if (scan_single(b) < 0)
				return -1;
			break;
		case '"':
			if (scan_double(b) < 0)
				return -1;
			break;
		case '`':
			if (scan_backquote(b) < 0)
				return -1;
			break;
		case '\\':
			c = input_getc();
			if (c == EOF)
				return unterminated("$(...)");
			put(b, c);
			break;
		}
	}
	return 0;
}

/* After a '$': $(...), $((...)) or ${...} whole. */
static int scan_dollar(struct buf *b)
{
	int c = peek();

	if (c == '(') {
		put(b, input_getc());
		return scan_parens(b);
	}
	if (c == '{') {
		put(b, input_getc());
		while ((c = input_getc()) != '}') {
			if (c == EOF)
				return unterminated("${...}");
			put(b, c);
			if (c == '\'' && scan_single(b) < 0)
				return -1;
			if (c == '"' && scan_double(b) < 0)
				return -1;
			if (c == '$' && scan_dollar(b) < 0)
				return -1;
			if (c == '\\' && (c = input_getc()) != EOF)
				put(b, c);
		}
		put(b, c);
	}
	return 0;
}

static int is_meta(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|'
	       || c == '(' || c == ')' || c == '<' || c == '>' || c == EOF;
}

/* The delimiter with its quotes taken off, and whether it had any. */
static char *unquote_delimiter(const char *word, int *quoted)
{
	char *out = xmalloc(strlen(word) + 1), *o = out;

	*quoted = 0;
	for (; *word != '\0'; word++) {
		if (*word == '\'' || *word == '"') {
			*quoted = 1;
			continue;
		}
		if (*word == '\\' && word[1] != '\0') {
			*quoted = 1;
			word++;
		}
		*o++ = *word;
	}
	*o = '\0';
	return out;
}

static int read_heredocs(void)
{
	int i;

	for (i = 0; i < npending; i++) {
		struct redir *r = pending[i];
		char *delim = unquote_delimiter(r->word, &r->quoted);
		struct buf body;

		init(&body);
		for (;;) {
			struct buf line;
			int c;

			init(&line);
			while ((c = input_getc()) != EOF && c != '\n') {
				if (r->strip_tabs && c == '\t' && line.len == 0)
					continue;
				put(&line, c);
			}
			if (strcmp(line.s, delim) == 0 || (c == EOF && line.len == 0)) {
				free(line.s);
				break;
			}
			for (size_t k = 0; k < line.len; k++)
				put(&body, line.s[k]);
			put(&body, '\n');
			free(line.s);
			if (c == EOF)
				break;
		}
		r->heredoc = body.s;
		free(delim);
	}
	npending = 0;
	return 0;
}

static enum token_type operator(int c)
{
	int d;

	switch (c) {
	case ';':
		if (peek() == ';') {
			input_getc();
			return T_DSEMI;
		}
		return T_SEMI;
	case '&':
		if (peek() == '&') {
			input_getc();
			return T_AND_IF;
		}
		return T_AMP;
	case '|':
		if (peek() == '|') {
			input_getc();
			return T_OR_IF;
		}
		return T_PIPE;
	case '(':
		return T_LPAREN;
	case ')':
		return T_RPAREN;
	case '<':
		d = peek();
		if (d == '<') {
			input_getc();
			if (peek() == '-') {
				input_getc();
				return T_DLESSDASH;
			}
			return T_DLESS;
		}
		if (d == '&' || d == '>') {
			input_getc();
			return d == '&' ? T_LESSAND : T_LESSGREAT;
		}
		return T_LESS;
	default:        /* '>' */
		d = peek();
		if (d == '>' || d == '&' || d == '|') {
			input_getc();
			return d == '>' ? T_DGREAT : d == '&' ? T_GREATAND : T_CLOBBER;
		}
		return T_GREAT;
	}
}

int lex_next(struct token *tok)
{
	struct buf b = { NULL, 0, 0 };
	int c, digits = 1;

	tok->text = NULL;
	for (;;) {
		c = input_getc();
		if (c == '\\' && peek() == '\n') {     /* a continued line */
			input_getc();
			continue;
		}
		if (c != ' ' && c != '\t')
			break;
	}
	if (c == '#') {
		while ((c = input_getc()) != '\n' && c != EOF)
			;
	}
	if (c == EOF) {
		tok->type = T_EOF;
		return npending > 0 ? read_heredocs() : 0;     /* bodies cut short: empty */
	}
	if (c == '\n') {
		tok->type = T_NEWLINE;
		return read_heredocs();
	}
	if (is_meta(c)) {
		tok->type = operator(c);
		return 0;
	}
	for (; !is_meta(c); c = input_getc()) {
		if (c < '0' || c > '9')
			digits = 0;
		if (c == '\\') {
			int d = input_getc();

			if (d == '\n')
				continue;
			put(&b, c);
			if (d == EOF) {
				c = EOF;
				break;
			}
			put(&b, d);
			continue;
		}
		put(&b, c);
		if ((c == '\'' && scan_single(&b) < 0) || (c == '"' && scan_double(&b) < 0)
		    || (c == '`' && scan_backquote(&b) < 0) || (c == '$' && scan_dollar(&b) < 0)) {
			free(b.s);
			return -1;
		}
	}
	input_ungetc(c);
	tok->type = digits && (c == '<' || c == '>') ? T_IO_NUMBER : T_WORD;
	tok->text = b.s;
	return 0;
}

const char *token_name(const struct token *tok)
{
	static const char *const names[] = {
		[T_EOF] = "end of file", [T_NEWLINE] = "newline", [T_SEMI] = ";",
		[T_DSEMI] = ";;", [T_AMP] = "&", [T_PIPE] = "|", [T_AND_IF] = "&&",
		[T_OR_IF] = "||", [T_LPAREN] = "(", [T_RPAREN] = ")", [T_LESS] = "<",
		[T_GREAT] = ">", [T_DGREAT] = ">>", [T_LESSAND] = "<&", [T_GREATAND] = ">&",
		[T_LESSGREAT] = "<>", [T_CLOBBER] = ">|", [T_DLESS] = "<<", [T_DLESSDASH] = "<<-",
	};

	if (tok->type == T_WORD || tok->type == T_IO_NUMBER)
		return tok->text;
	return names[tok->type];
}
