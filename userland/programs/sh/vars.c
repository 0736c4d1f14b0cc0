/* Shell variables: a list of NAME, value and whether it is exported.
   The shell starts with the environment it was given, every variable
   exported; a command gets the exported ones, plus the NAME=value words
   written before it, as its environment.  Functions are kept here too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

struct var {
	char *name;
	char *value;
	int exported;
	struct var *next;
};

struct func {
	char *name;
	struct node *body;
	struct func *next;
};

static struct var *vars;
static struct func *funcs;

int valid_name(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')
	                  || s[0] == '_'))
		return 0;
	for (i = 1; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_'
		      || (s[i] >= '0' && s[i] <= '9')))
			return 0;
	return 1;
}

static struct var *find(const char *name)
{
	struct var *v;

	for (v = vars; v != NULL; v = v->next)
		if (strcmp(v->name, name) == 0)
			return v;
	return NULL;
}

const char *var_get(const char *name)
{
	struct var *v = find(name);

	return v != NULL ? v->value : NULL;
}

/* export: 1 exports, 0 leaves the flag as it is. */
int var_set(const char *name, const char *value, int export)
{
	struct var *v = find(name);

	if (v == NULL) {
		v = xmalloc(sizeof *v);
		v->name = xstrdup(name);
		v->value = NULL;
		v->exported = 0;
		v->next = vars;
		vars = v;
	}
	if (value != NULL) {
		free(v->value);
		v->value = xstrdup(value);
	}
	if (export)
		v->exported = 1;
	return 0;
}

int var_export(const char *name)
{
	return var_set(name, NULL, 1);
}

int var_unset(const char *name)
{
	struct var **p, *v;

	for (p = &vars; (v = *p) != NULL; p = &v->next) {
		if (strcmp(v->name, name) == 0) {
			*p = v->next;
			free(v->name);
			free(v->value);
			free(v);
			break;
		}
	}
	return 0;
}

void vars_init(char **envp)
{
	for (; envp != NULL && *envp != NULL; envp++) {
		const char *eq = strchr(*envp, '=');
		char *name;

		if (eq == NULL || !valid_name(*envp, (size_t)(eq - *envp)))
			continue;
		name = xmalloc((size_t)(eq - *envp) + 1);
		memcpy(name, *envp, (size_t)(eq - *envp));
		name[eq - *envp] = '\0';
		var_set(name, eq + 1, 1);
		free(name);
	}
}

/* The environment of a command: extra NAME=value strings first (they
   win), then every exported variable with a value not named there. */
char **var_environ(char **extra, int nextra)
{
	struct var *v;
	size_t n = 0;
	char **env;
	int i;

	for (v = vars; v != NULL; v = v->next)
		n++;
	env = xmalloc((n + (size_t)nextra + 1) * sizeof *env);
	n = 0;
	for (i = 0; i < nextra; i++)
		env[n++] = xstrdup(extra[i]);
	for (v = vars; v != NULL; v = v->next) {
		size_t len = strlen(v->name);
		int shadowed = 0;

		if (!v->exported || v->value == NULL)
			continue;
		for (i = 0; i < nextra; i++)
			if (strncmp(extra[i], v->name, len) == 0 && extra[i][len] == '=')
				shadowed = 1;
		if (shadowed)
			continue;
		env[n] = xmalloc(len + strlen(v->value) + 2);
		sprintf(env[n++], "%s=%s", v->name, v->value);
	}
	env[n] = NULL;
	return env;
}

static int by_name(const void *a, const void *b)
{
	return strcmp((*(struct var *const *)a)->name, (*(struct var *const *)b)->name);
}

/* NAME='value', quoted so the shell could read it back; sorted. */
void var_print(int exported_only)
{
	struct var *v, **list;
	size_t n = 0, i;

	for (v = vars; v != NULL; v = v->next)
		n++;
	list = xmalloc((n + 1) * sizeof *list);
	n = 0;
	for (v = vars; v != NULL; v = v->next)
		if (!exported_only || v->exported)
			list[n++] = v;
	qsort(list, n, sizeof *list, by_name);
	for (i = 0; i < n; i++) {
		const char *p;

		printf("%s%s", exported_only ? "export " : "", list[i]->name);
		if (list[i]->value != NULL) {
			printf("='");
			for (p = list[i]->value; *p != '\0'; p++) {
				if (*p == '\'')
					printf("'\\''");
				else
					putchar(*p);
			}
			putchar('\'');
		}
		putchar('\n');
	}
	free(list);
}

struct node *func_get(const char *name)
{
	struct func *f;

	for (f = funcs; f != NULL; f = f->next)
		if (strcmp(f->name, name) == 0)
			return f->body;
	return NULL;
}

/* The body stays for ever: the tree it came from is not freed. */
void func_set(const char *name, struct node *body)
{
	struct func *f;

	for (f = funcs; f != NULL; f = f->next) {
		if (strcmp(f->name, name) == 0) {
			f->body = body;
			return;
		}
	}
	f = xmalloc(sizeof *f);
	f->name = xstrdup(name);
	f->body = body;
	f->next = funcs;
	funcs = f;
}

void func_unset(const char *name)
{
	struct func **p, *f;

	for (p = &funcs; (f = *p) != NULL; p = &f->next) {
		if (strcmp(f->name, name) == 0) {
			*p = f->next;
			free(f->name);
			free(f);
			return;
		}
	}
}
