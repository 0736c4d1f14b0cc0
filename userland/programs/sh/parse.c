/* The parser: tokens to a tree, by recursive descent over this grammar
   (a subset of POSIX "Shell Grammar"):

     line      : list (NEWLINE | EOF)
     list      : and_or ((';' | '&' | NEWLINE) and_or)*   NEWLINE only inside
                                                           compound commands
     and_or    : pipeline (('&&' | '||') pipeline)*
     pipeline  : ['!'] command ('|' command)*
     command   : simple | compound redirection* | NAME '(' ')' command
     compound  : '(' list ')' | '{' list '}'
               | if list then list (elif list then list)* [else list] fi
               | while list do list done | until list do list done
               | for NAME [in WORD*] ; do list done
               | case WORD in [[(] WORD ('|' WORD)* ')' list ;;]* esac
     simple    : (NAME=value | redirection)* [WORD (WORD | redirection)*]
     redirection: [N] ('<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '<<' | '<<-') WORD

   Reserved words (if, then, do, ...) are only reserved where a command
   may start: "echo done" is an ordinary command. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

static struct token tok;
static int have_tok;
static int failed;

static struct token *peek(void)
{
	if (!have_tok) {
		if (lex_next(&tok) < 0) {
			failed = 1;
			tok.type = T_EOF;
			tok.text = NULL;
		}
		have_tok = 1;
	}
	return &tok;
}

/* Take the current token; its text now belongs to the caller. */
static char *take(void)
{
	peek();
	have_tok = 0;
	return tok.text;
}

static void drop(void)
{
	free(take());
}

static int is_word(const char *w)
{
	struct token *t = peek();

	return t->type == T_WORD && strcmp(t->text, w) == 0;
}

static void *syntax_error(void)
{
	if (!failed)
		sh_error("syntax error: unexpected %s", token_name(peek()));
	failed = 1;
	return NULL;
}

static int expect(const char *w)
{
	if (failed)
		return -1;
	if (!is_word(w)) {
		if (!failed)
			sh_error("syntax error: unexpected %s (expecting \"%s\")", token_name(peek()), w);
		failed = 1;
		return -1;
	}
	drop();
	return 0;
}

static void skip_newlines(void)
{
	while (!failed && peek()->type == T_NEWLINE)
		drop();
}

static struct node *new_node(enum node_type type)
{
	struct node *n = xmalloc(sizeof *n);

	memset(n, 0, sizeof *n);
	n->type = type;
	return n;
}

static struct node *pair(enum node_type type, struct node *left, struct node *right)
{
	struct node *n = new_node(type);

	n->left = left;
	n->right = right;
	return n;
}

static void add_word(char ***v, int *n, char *w)
{
	*v = xrealloc(*v, (size_t)(*n + 2) * sizeof **v);
	(*v)[(*n)++] = w;
	(*v)[*n] = NULL;
}

/* Does the list end here: a reserved word that closes a compound
   command, a ')' or ';;', or the end? */
static int list_ends(int top)
{
	static const char *const closers[] = { "then", "else", "elif", "fi", "do", "done",
		"esac", "}", NULL };
	struct token *t = peek();
	int i;

	if (t->type == T_EOF || t->type == T_RPAREN || t->type == T_DSEMI)
		return 1;
	if (t->type == T_NEWLINE)
		return top;
	if (t->type == T_WORD)
		for (i = 0; closers[i] != NULL; i++)
			if (strcmp(t->text, closers[i]) == 0)
				return 1;
	return 0;
}

static struct node *parse_and_or(void);
static struct node *parse_command(void);

static struct node *parse_list(int top, int allow_empty)
{
	struct node *list = NULL;

	for (;;) {
		struct node *n;
		struct token *t;

		if (!top)
			skip_newlines();
		if (failed || list_ends(top))
			break;
		n = parse_and_or();
		if (n == NULL)
			return NULL;
		t = peek();
		if (t->type == T_AMP) {
			drop();
			n = pair(N_ASYNC, n, NULL);
		} else if (t->type == T_SEMI || (t->type == T_NEWLINE && !top)) {
			drop();
		} else {
			list = list == NULL ? n : pair(N_SEQ, list, n);
			break;
		}
		list = list == NULL ? n : pair(N_SEQ, list, n);
	}
	if (list == NULL && !allow_empty && !failed)
		return syntax_error();
	return failed ? NULL : list;
}

static struct node *parse_pipeline(void)
{
	struct node *p = NULL, *c;
	int negate = 0;

	if (is_word("!")) {
		drop();
		negate = 1;
	}
	c = parse_command();
	if (c == NULL)
		return NULL;
	while (peek()->type == T_PIPE) {
		drop();
		skip_newlines();
		if (p == NULL) {
			p = new_node(N_PIPELINE);
			p->kids = xmalloc(sizeof *p->kids);
			p->kids[p->nkids++] = c;
		}
		c = parse_command();
		if (c == NULL)
			return NULL;
		p->kids = xrealloc(p->kids, (size_t)(p->nkids + 1) * sizeof *p->kids);
		p->kids[p->nkids++] = c;
	}
	if (p != NULL)
		c = p;
	return negate ? pair(N_NOT, c, NULL) : c;
}

static struct node *parse_and_or(void)
{
	struct node *n = parse_pipeline();

	while (n != NULL && (peek()->type == T_AND_IF || peek()->type == T_OR_IF)) {
		enum node_type type = peek()->type == T_AND_IF ? N_AND : N_OR;
		struct node *r;

		drop();
		skip_newlines();
		r = parse_pipeline();
		if (r == NULL)
			return NULL;
		n = pair(type, n, r);
	}
	return n;
}

static int is_redirection(enum token_type t)
{
	return t == T_LESS || t == T_GREAT || t == T_DGREAT || t == T_LESSAND || t == T_GREATAND
	       || t == T_LESSGREAT || t == T_CLOBBER || t == T_DLESS || t == T_DLESSDASH;
}

/* One redirection, its operator next; fd is -1 unless a number preceded. */
static int parse_redirection(struct redir ***tail, int fd)
{
	static const enum redir_type types[] = {
		[T_LESS] = R_IN, [T_GREAT] = R_OUT, [T_DGREAT] = R_APPEND, [T_LESSAND] = R_DUPIN,
		[T_GREATAND] = R_DUPOUT, [T_LESSGREAT] = R_RDWR, [T_CLOBBER] = R_CLOBBER,
		[T_DLESS] = R_HEREDOC, [T_DLESSDASH] = R_HEREDOC,
	};
	enum token_type op = peek()->type;
	struct redir *r;

	drop();
	if (peek()->type != T_WORD) {
		syntax_error();
		return -1;
	}
	r = xmalloc(sizeof *r);
	memset(r, 0, sizeof *r);
	r->type = types[op];
	r->fd = fd >= 0 ? fd : (op == T_LESS || op == T_LESSAND || op == T_LESSGREAT
	                        || op == T_DLESS || op == T_DLESSDASH) ? 0 : 1;
	r->word = take();
	r->strip_tabs = op == T_DLESSDASH;
	if (r->type == R_HEREDOC)
		lex_want_heredoc(r);
	**tail = r;
	*tail = &r->next;
	return 0;
}

static int parse_redirections(struct redir **list)
{
	struct redir **tail = list;

	while (*tail != NULL)
		tail = &(*tail)->next;
	for (;;) {
		struct token *t = peek();
		int fd = -1;

		if (t->type == T_IO_NUMBER) {
			fd = atoi(t->text);
			drop();
		} else if (!is_redirection(t->type)) {
			return 0;
		}
		if (parse_redirection(&tail, fd) < 0)
			return -1;
	}
}

/* NAME=... before the command name. */
static int is_assignment(const char *w)
{
	const char *eq = strchr(w, '=');

	return eq != NULL && eq > w && valid_name(w, (size_t)(eq - w));
}

static struct node *parse_simple(void)
{
	struct node *n = new_node(N_SIMPLE);
	struct redir **tail = &n->redirs;

	for (;;) {
		struct token *t = peek();
		int fd = -1;

		if (failed)
			return NULL;
		if (t->type == T_IO_NUMBER || is_redirection(t->type)) {
			if (t->type == T_IO_NUMBER) {
				fd = atoi(t->text);
				drop();
			}
			if (parse_redirection(&tail, fd) < 0)
				return NULL;
		} else if (t->type == T_WORD) {
			if (n->nwords == 0 && is_assignment(t->text)) {
				add_word(&n->assigns, &n->nassigns, take());
				continue;
			}
			add_word(&n->words, &n->nwords, take());
			/* NAME () command: a function definition */
			if (n->nwords == 1 && n->nassigns == 0 && n->redirs == NULL
			    && peek()->type == T_LPAREN && valid_name(n->words[0], strlen(n->words[0]))) {
				struct node *f = new_node(N_FUNCDEF);

				drop();
				if (peek()->type != T_RPAREN)
					return syntax_error();
				drop();
				skip_newlines();
				f->name = n->words[0];
				f->left = parse_command();
				free(n->words);
				free(n);
				return f->left != NULL ? f : NULL;
			}
		} else {
			break;
		}
	}
	if (n->nwords == 0 && n->nassigns == 0 && n->redirs == NULL)
		return syntax_error();
	return n;
}

static struct node *parse_if_rest(void)
{
	struct node *n = new_node(N_IF);

	n->left = parse_list(0, 0);
	if (expect("then") < 0)
		return NULL;
	n->right = parse_list(0, 0);
	if (failed)
		return NULL;
	if (is_word("elif")) {
		drop();
		n->third = parse_if_rest();
		return n->third != NULL ? n : NULL;
	}
	if (is_word("else")) {
		drop();
		n->third = parse_list(0, 0);
	}
	return expect("fi") < 0 ? NULL : n;
}

static struct node *parse_loop(enum node_type type)
{
	struct node *n = new_node(type);

	n->left = parse_list(0, 0);
	if (expect("do") < 0)
		return NULL;
	n->right = parse_list(0, 0);
	return expect("done") < 0 ? NULL : n;
}

static struct node *parse_for(void)
{
	struct node *n = new_node(N_FOR);

	if (peek()->type != T_WORD || !valid_name(peek()->text, strlen(peek()->text)))
		return syntax_error();
	n->name = take();
	skip_newlines();
	if (is_word("in")) {
		drop();
		n->has_in = 1;
		while (peek()->type == T_WORD)
			add_word(&n->words, &n->nwords, take());
		if (peek()->type != T_SEMI && peek()->type != T_NEWLINE)
			return syntax_error();
		drop();
	} else if (peek()->type == T_SEMI) {
		drop();
	}
	skip_newlines();
	if (expect("do") < 0)
		return NULL;
	n->left = parse_list(0, 0);
	return expect("done") < 0 ? NULL : n;
}

static struct node *parse_case(void)
{
	struct node *n = new_node(N_CASE);

	if (peek()->type != T_WORD)
		return syntax_error();
	add_word(&n->words, &n->nwords, take());
	skip_newlines();
	if (expect("in") < 0)
		return NULL;
	skip_newlines();
	while (!failed && !is_word("esac")) {
		struct node *item = new_node(N_CASE_ITEM);

		if (peek()->type == T_LPAREN)
			drop();
		for (;;) {
			if (peek()->type != T_WORD)
				return syntax_error();
			add_word(&item->words, &item->nwords, take());
			if (peek()->type != T_PIPE)
				break;
			drop();
		}
		if (peek()->type != T_RPAREN)
			return syntax_error();
		drop();
		item->left = parse_list(0, 1);
		if (failed)
			return NULL;
		n->kids = xrealloc(n->kids, (size_t)(n->nkids + 1) * sizeof *n->kids);
		n->kids[n->nkids++] = item;
		if (peek()->type == T_DSEMI) {
			drop();
			skip_newlines();
		} else if (!is_word("esac")) {
			return syntax_error();
		}
	}
	return expect("esac") < 0 ? NULL : n;
}

static struct node *parse_command(void)
{
	struct token *t = peek();
	struct node *n;

	if (failed)
		return NULL;
	if (t->type == T_LPAREN) {
		drop();
		n = new_node(N_SUBSHELL);
		n->left = parse_list(0, 0);
		if (failed)
			return NULL;
		if (peek()->type != T_RPAREN)
			return syntax_error();
		drop();
	} else if (t->type != T_WORD) {
		return parse_simple();
	} else if (is_word("{")) {
		drop();
		n = new_node(N_GROUP);
		n->left = parse_list(0, 0);
		if (expect("}") < 0)
			return NULL;
	} else if (is_word("if")) {
		drop();
		n = parse_if_rest();
	} else if (is_word("while") || is_word("until")) {
		enum node_type type = is_word("while") ? N_WHILE : N_UNTIL;

		drop();
		n = parse_loop(type);
	} else if (is_word("for")) {
		drop();
		n = parse_for();
	} else if (is_word("case")) {
		drop();
		n = parse_case();
	} else if (list_ends(0)) {
		return syntax_error();
	} else {
		return parse_simple();
	}
	if (n == NULL || parse_redirections(&n->redirs) < 0)
		return NULL;
	return n;
}

struct node *parse_command_line(int *error)
{
	struct node *n;

	failed = 0;
	*error = 0;
	input_new_command();
	for (;;) {
		struct token *t = peek();

		if (t->type == T_NEWLINE) {
			drop();
			input_new_command();
			continue;
		}
		if (t->type == T_EOF) {
			have_tok = 0;
			*error = failed;
			return NULL;
		}
		break;
	}
	n = parse_list(1, 0);
	if (!failed && peek()->type != T_NEWLINE && peek()->type != T_EOF)
		syntax_error();
	if (failed) {
		have_tok = 0;
		*error = 1;
		return NULL;
	}
	if (peek()->type == T_NEWLINE)
		drop();
	else
		have_tok = 0;   /* EOF: the next call reads it again */
	return n;
}

static void free_redirs(struct redir *r)
{
	while (r != NULL) {
		struct redir *next = r->next;

		free(r->word);
		free(r->heredoc);
		free(r);
		r = next;
	}
}

void free_node(struct node *n)
{
	int i;

	if (n == NULL)
		return;
	free_words(n->words);
	free_words(n->assigns);
	free_redirs(n->redirs);
	free_node(n->left);
	free_node(n->right);
	free_node(n->third);
	for (i = 0; i < n->nkids; i++)
		free_node(n->kids[i]);
	free(n->kids);
	free(n->name);
	free(n);
}

/* The command roughly as typed: enough to recognize a job. */
static void text(const struct node *n, char **s, size_t *len)
{
	static const char *const ops[] = { [N_AND] = " && ", [N_OR] = " || ", [N_SEQ] = "; " };
	int i;

#define ADD(str) do { \
		size_t l_ = strlen(str); \
		*s = xrealloc(*s, *len + l_ + 1); \
		memcpy(*s + *len, str, l_ + 1); \
		*len += l_; \
	} while (0)

	if (n == NULL)
		return;
	switch (n->type) {
	case N_SIMPLE:
		for (i = 0; i < n->nassigns; i++) {
			ADD(n->assigns[i]);
			if (i + 1 < n->nassigns || n->nwords > 0)
				ADD(" ");
		}
		for (i = 0; i < n->nwords; i++) {
			ADD(n->words[i]);
			if (i + 1 < n->nwords)
				ADD(" ");
		}
		break;
	case N_PIPELINE:
		for (i = 0; i < n->nkids; i++) {
			text(n->kids[i], s, len);
			if (i + 1 < n->nkids)
				ADD(" | ");
		}
		break;
	case N_NOT:
		ADD("! ");
		text(n->left, s, len);
		break;
	case N_AND:
	case N_OR:
	case N_SEQ:
		text(n->left, s, len);
		ADD(ops[n->type]);
		text(n->right, s, len);
		break;
	case N_ASYNC:
		text(n->left, s, len);
		ADD(" &");
		break;
	case N_SUBSHELL:
		ADD("( ");
		text(n->left, s, len);
		ADD(" )");
		break;
	default:
		ADD("{ ... }");
		break;
	}
#undef ADD
}

char *node_text(const struct node *n)
{
	char *s = xstrdup("");
	size_t len = 0;

	text(n, &s, &len);
	return s;
}
