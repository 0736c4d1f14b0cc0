/* Pathname expansion: a pattern with *, ? or [...] replaced by the
   names that match it, sorted, one path component at a time (for "a*" then
   "src" then "*.c", the directories matching "a*" are listed first, then
   each one's "src" is searched).  A name starting with '.'
   is matched only by a pattern component starting with '.'.  Quoted
   wildcard characters come here escaped with '\'. */
#include <dirent.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "sh.h"

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

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *substr(const char *s, size_t from, size_t to)
{
	char *r = xmalloc(to - from + 1);

	memcpy(r, s + from, to - from);
	r[to - from] = '\0';
	return r;
}

/* A '[' is a wildcard only if a ']' closes it ("[" alone is a name,
   as the test command's is). */
int glob_closes(const char *s)
{
	const char *p = s + 1;

	if (*p == '!' || *p == '^')
		p++;
	if (*p == ']')
		p++;
	for (; *p != '\0' && *p != '/'; p++)
		if (*p == ']')
			return 1;
	return 0;
}

static int has_wildcard(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0')
			s++;
		else if (*s == '*' || *s == '?' || (*s == '[' && glob_closes(s)))
			return 1;
	}
	return 0;
}

static char *unescape(const char *s, size_t n)
{
	char *r = xmalloc(n + 1), *o = r;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n)
			i++;
		*o++ = s[i];
	}
	*o = '\0';
	return r;
}

/* Match pattern (the rest of a path pattern, components separated by
   '/') in the directory prefix ("" or ending in '/'). */
static void glob_in(const char *prefix, const char *pattern, struct list *found)
{
	size_t n = strcspn(pattern, "/");
	const char *rest = pattern[n] == '/' ? pattern + n + 1 : NULL;
	char *component = substr(pattern, 0, n);
	struct stat st;

	while (rest != NULL && *rest == '/')
		rest++;
	if (!has_wildcard(component)) {
		char *plain = unescape(component, n);
		char *path = xmalloc(strlen(prefix) + strlen(plain) + 2);

		sprintf(path, "%s%s", prefix, plain);
		if (rest != NULL && *rest != '\0') {
			strcat(path, "/");
			glob_in(path, rest, found);
			free(path);
		} else if (lstat(path, &st) == 0) {
			if (rest != NULL)
				strcat(path, "/");
			list_add(found, path);
		} else {
			free(path);
		}
		free(plain);
	} else {
		DIR *dir = opendir(*prefix != '\0' ? prefix : ".");
		struct dirent *d;

		while (dir != NULL && (d = readdir(dir)) != NULL) {
			char *path;

			if (fnmatch(component, d->d_name, FNM_PERIOD) != 0)
				continue;
			if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
				if (component[0] != '.')
					continue;
			path = xmalloc(strlen(prefix) + strlen(d->d_name) + 2);
			sprintf(path, "%s%s", prefix, d->d_name);
			if (rest != NULL) {
				if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
					strcat(path, "/");
					if (*rest != '\0') {
						glob_in(path, rest, found);
						free(path);
					} else {
						list_add(found, path);
					}
				} else {
					free(path);
				}
			} else {
				list_add(found, path);
			}
		}
		if (dir != NULL)
			closedir(dir);
	}
	free(component);
}

char **glob_expand(const char *pattern, int *count)
{
	struct list found = { NULL, 0 };

	if (pattern[0] == '/')
		glob_in("/", pattern + 1, &found);
	else
		glob_in("", pattern, &found);
	if (found.n > 0)
		qsort(found.v, (size_t)found.n, sizeof *found.v, by_string);
	*count = found.n;
	return found.v;
}
