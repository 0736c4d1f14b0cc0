/* Changing the environment: setenv(3), unsetenv(3), putenv(3) and
   clearenv(3).  environ starts as the array the kernel put on the stack;
   the first addition copies it into a malloc'd array, which later ones
   grow.  Strings made by setenv are never freed, as in glibc: a program
   may still hold a pointer getenv gave it. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "lowlevellock.h"

static char **owned;            /* the array we allocated, if environ is it */
static int env_lock;

static int bad_name(const char *name)
{
	return name == NULL || *name == '\0' || strchr(name, '=') != NULL;
}

/* The index of NAME= in environ (len is NAME's length), or -1. */
static int find(const char *name, size_t len)
{
	int i;

	for (i = 0; environ != NULL && environ[i] != NULL; i++)
		if (strncmp(environ[i], name, len) == 0 && environ[i][len] == '=')
			return i;
	return -1;
}

/* Put entry in place of the variable at index i, or at the end if i < 0. */
static int store(char *entry, int i)
{
	size_t count = 0;
	char **array;

	if (i >= 0) {
		environ[i] = entry;
		return 0;
	}
	while (environ != NULL && environ[count] != NULL)
		count++;
	if (environ == owned && owned != NULL) {
		array = realloc(owned, (count + 2) * sizeof *array);
	} else {
		array = malloc((count + 2) * sizeof *array);
		if (array != NULL && count > 0)
			memcpy(array, environ, count * sizeof *array);
	}
	if (array == NULL)
		return -1;
	array[count] = entry;
	array[count + 1] = NULL;
	environ = owned = array;
	return 0;
}

int setenv(const char *name, const char *value, int overwrite)
{
	size_t len, vlen;
	char *entry;
	int i, r = 0;

	if (bad_name(name)) {
		errno = EINVAL;
		return -1;
	}
	len = strlen(name);
	vlen = strlen(value);
	lll_lock(&env_lock, LLL_PRIVATE);
	i = find(name, len);
	if (i < 0 || overwrite) {
		entry = malloc(len + vlen + 2);
		if (entry == NULL) {
			r = -1;
		} else {
			memcpy(entry, name, len);
			entry[len] = '=';
			memcpy(entry + len + 1, value, vlen + 1);
			r = store(entry, i);
		}
	}
	lll_unlock(&env_lock, LLL_PRIVATE);
	return r;
}

/* Every NAME= entry goes, not only the first. */
int unsetenv(const char *name)
{
	size_t len;
	int i;

	if (bad_name(name)) {
		errno = EINVAL;
		return -1;
	}
	len = strlen(name);
	lll_lock(&env_lock, LLL_PRIVATE);
	while ((i = find(name, len)) >= 0) {
		for (; environ[i] != NULL; i++)
			environ[i] = environ[i + 1];
	}
	lll_unlock(&env_lock, LLL_PRIVATE);
	return 0;
}

/* putenv(3): the string itself becomes part of the environment; one
   without '=' removes the variable, as glibc does. */
int putenv(char *string)
{
	const char *eq = strchr(string, '=');
	int r;

	if (eq == NULL)
		return unsetenv(string);
	lll_lock(&env_lock, LLL_PRIVATE);
	r = store(string, find(string, (size_t)(eq - string)));
	lll_unlock(&env_lock, LLL_PRIVATE);
	return r;
}

int clearenv(void)
{
	lll_lock(&env_lock, LLL_PRIVATE);
	if (environ == owned)
		free(owned);
	owned = NULL;
	environ = NULL;
	lll_unlock(&env_lock, LLL_PRIVATE);
	return 0;
}
