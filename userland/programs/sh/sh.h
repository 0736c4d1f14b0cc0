/* sh: a small POSIX-style shell.  What each file does:

     main.c      options, where commands come from, the read-run loop
     input.c     characters from a string, a file or a terminal; prompts
     lex.c       characters to tokens: words (quotes kept), operators
     parse.c     tokens to a tree of commands (struct node)
     expand.c    words to fields: $VAR, $(cmd), ~, splitting, quote removal
     arith.c     $((expression))
     glob.c      pathname expansion: * ? [...]
     exec.c      running the tree: fork, exec, pipes, loops, functions
     redir.c     redirections and here-documents
     jobs.c      processes and jobs: waiting, process groups, fg and bg
     builtins.c  cd, exit, export, wait, read, ... (run inside the shell)
     test.c      test and [
     vars.c      shell variables and the environment of commands

   The tree keeps each word as it was typed, quotes included; a word is
   expanded only when its command runs, so that in a loop it is expanded
   afresh each time. */
#ifndef SH_H
#define SH_H

#include <stddef.h>
#include <sys/types.h>

/* --- input.c --- */
void input_push_string(const char *text);       /* read from text ... */
void input_push_fd(int fd, int interactive);    /* ... or from a descriptor */
void input_pop(void);                           /* back to the previous source */
int input_getc(void);                           /* the next character, or EOF */
void input_ungetc(int c);
void input_new_command(void);                   /* the next line is a new command: PS1 */
int input_interactive(void);
void input_discard_line(void);                  /* after a syntax error at a prompt */

/* --- lex.c --- */
enum token_type {
	T_WORD, T_IO_NUMBER, T_NEWLINE, T_EOF,
	T_SEMI, T_DSEMI, T_AMP, T_PIPE, T_AND_IF, T_OR_IF, T_LPAREN, T_RPAREN,
	T_LESS, T_GREAT, T_DGREAT, T_LESSAND, T_GREATAND, T_LESSGREAT, T_CLOBBER,
	T_DLESS, T_DLESSDASH,
};

struct token {
	enum token_type type;
	char *text;             /* T_WORD and T_IO_NUMBER: the word as typed */
};

struct redir;
int lex_next(struct token *tok);                /* 0, or -1 after a syntax error */
void lex_want_heredoc(struct redir *r);         /* read its body after the line */
const char *token_name(const struct token *tok);

/* --- parse.c --- */
enum redir_type { R_IN, R_OUT, R_APPEND, R_CLOBBER, R_RDWR, R_DUPIN, R_DUPOUT, R_HEREDOC };

struct redir {
	enum redir_type type;
	int fd;                 /* the descriptor redirected */
	char *word;             /* the file, descriptor or here-document delimiter */
	char *heredoc;          /* R_HEREDOC: the body, as read */
	int quoted;             /* R_HEREDOC: the delimiter was quoted: no expansion */
	int strip_tabs;         /* R_HEREDOC: <<- */
	struct redir *next;
};

enum node_type {
	N_SIMPLE,       /* assignments, words, redirections */
	N_PIPELINE,     /* kids[0] | kids[1] | ... */
	N_NOT,          /* ! left */
	N_AND,          /* left && right */
	N_OR,           /* left || right */
	N_SEQ,          /* left ; right */
	N_ASYNC,        /* left & */
	N_SUBSHELL,     /* ( left ) */
	N_GROUP,        /* { left; } */
	N_IF,           /* if left then right else third */
	N_WHILE,        /* while left do right done */
	N_UNTIL,        /* until left do right done */
	N_FOR,          /* for name in words do left done */
	N_CASE,         /* case words[0] in: kids are N_CASE_ITEMs */
	N_CASE_ITEM,    /* words (patterns) ) left ;; */
	N_FUNCDEF,      /* name () left */
};

struct node {
	enum node_type type;
	char **words;           /* N_SIMPLE: the command; N_FOR: the list; N_CASE(_ITEM) */
	int nwords;
	char **assigns;         /* N_SIMPLE: NAME=value words before the command */
	int nassigns;
	struct redir *redirs;
	struct node *left, *right, *third;
	struct node **kids;     /* N_PIPELINE, N_CASE */
	int nkids;
	char *name;             /* N_FOR: the variable; N_FUNCDEF: the function */
	int has_in;             /* N_FOR: "in words" was given */
};

/* The next complete command (a line's worth), NULL at the end of input;
   *error is set after a syntax error. */
struct node *parse_command_line(int *error);
void free_node(struct node *n);
char *node_text(const struct node *n);          /* roughly as typed, for jobs */

/* --- expand.c --- */
char **expand_words(char **words, int n, int *count);   /* NULL-terminated */
char *expand_word(const char *word);            /* no splitting or globbing */
char *expand_heredoc(const char *body);
int case_match(const char *pattern_word, const char *subject);
void free_words(char **words);
long arith_eval(const char *expr, int *error);

/* --- glob.c --- */
int glob_closes(const char *s);                 /* the '[' at s has a ']' */
char **glob_expand(const char *pattern, int *count);    /* sorted matches */

/* --- exec.c --- */
#define EXEC_NOFORK 1   /* a child already: the last command may exec in place */
int exec_node(struct node *n, int flags);
int run_string(const char *text);               /* eval and $(...): parse and run */
char *command_output(const char *text);         /* $(text), trailing newlines removed */
int find_and_exec(char **argv);                 /* returns only on failure: status */

/* --- redir.c --- */
int apply_redirs(struct redir *r, int save);    /* 0 or -1; save: to be undone */
int redirs_mark(void);                          /* where the saved descriptors are */
void restore_fds(int mark);                     /* undo what was saved since mark */

/* --- jobs.c --- */
pid_t fork_child(pid_t pgid, int fg);           /* pgid 0: lead a new group */
int foreground(pid_t *pids, int n, const struct node *cmd);     /* wait: status */
int background_job(pid_t pid, const struct node *cmd);          /* its number */
void jobs_forget(void);                         /* in a child */
int shell_status(int wait_status);              /* exit status or 128 + signal */
void job_init(void);
void job_notify(void);                          /* report ended background jobs */
int job_wait(char **pids, int n);               /* the wait builtin */
int job_list(void);
int job_foreground(const char *spec, int background);
extern int job_control;
extern int tty_fd;
extern pid_t shell_pgid;
void ignore_signals(void);                      /* an interactive shell's */
void default_signals(void);                     /* and back */

/* --- builtins.c --- */
typedef int (*builtin_fn)(int argc, char **argv);
builtin_fn find_builtin(const char *name);
int builtin_test(int argc, char **argv);         /* test.c: test and [ */

/* --- vars.c --- */
void vars_init(char **envp);
const char *var_get(const char *name);
int var_set(const char *name, const char *value, int export);
int var_unset(const char *name);
int var_export(const char *name);
int valid_name(const char *s, size_t len);
char **var_environ(char **extra, int nextra);   /* for execve */
void var_print(int exported_only);

struct node *func_get(const char *name);
void func_set(const char *name, struct node *body);
void func_unset(const char *name);

/* Shell state shared by the files. */
struct shell {
	int last_status;        /* $? */
	pid_t last_bg;          /* $! */
	pid_t pid;              /* $$ */
	char *arg0;             /* $0 */
	char **params;          /* $1 ... */
	int nparams;
	int interactive;
	int errexit;            /* set -e */
	int xtrace;             /* set -x */
	int in_condition;       /* inside if/while conditions, && || !: no errexit */
	int breaking;           /* break N pending */
	int continuing;         /* continue N pending */
	int returning;          /* return pending */
	int loop_depth;
	int func_depth;
	int exiting;            /* exit pending (from a builtin deep inside) */
	int keep_tree;          /* the tree defined a function: do not free it */
	int is_child;           /* a subshell: exit ends only it */
};

extern struct shell sh;

void sh_error(const char *format, ...) __attribute__((__format__(__printf__, 1, 2)));
void *xmalloc(size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *read_file(const char *path, size_t *lenp);
void sh_exit(int status) __attribute__((__noreturn__));

#endif
