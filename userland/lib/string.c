/* <string.h>.  Plain byte loops: easy to read and to step through in the
   debugger.  The library is built with -fno-tree-loop-distribute-patterns so
   gcc does not turn these very loops back into calls to memset or memcpy. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *memcpy(void *restrict dest, const void *restrict src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	while (n-- > 0)
		*d++ = *s++;
	return dest;
}

void *mempcpy(void *restrict dest, const void *restrict src, size_t n)
{
	return (char *)memcpy(dest, src, n) + n;
}

void *memmove(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if (d == s || n == 0)
		return dest;
	if ((uintptr_t)d - (uintptr_t)s >= n) {
		/* dest is below src or past its end: copying forwards is safe. */
		while (n-- > 0)
			*d++ = *s++;
	} else {
		d += n;
		s += n;
		while (n-- > 0)
			*--d = *--s;
	}
	return dest;
}

void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;

	while (n-- > 0)
		*p++ = (unsigned char)c;
	return s;
}

int memcmp(const void *s1, const void *s2, size_t n)
{
	const unsigned char *a = s1, *b = s2;

	for (; n > 0; n--, a++, b++)
		if (*a != *b)
			return *a - *b;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n > 0; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p != '\0')
		p++;
	return (size_t)(p - s);
}

size_t strnlen(const char *s, size_t maxlen)
{
	size_t n = 0;

	while (n < maxlen && s[n] != '\0')
		n++;
	return n;
}

int strcmp(const char *s1, const char *s2)
{
	const unsigned char *a = (const unsigned char *)s1;
	const unsigned char *b = (const unsigned char *)s2;

	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return *a - *b;
}

int strncmp(const char *s1, const char *s2, size_t n)
{
	const unsigned char *a = (const unsigned char *)s1;
	const unsigned char *b = (const unsigned char *)s2;

	for (; n > 0; n--, a++, b++) {
		if (*a != *b)
			return *a - *b;
		if (*a == '\0')
			break;
	}
	return 0;
}

char *strcpy(char *restrict dest, const char *restrict src)
{
	char *d = dest;

	while ((*d++ = *src++) != '\0')
		;
	return dest;
}

char *stpcpy(char *restrict dest, const char *restrict src)
{
	while ((*dest = *src++) != '\0')
		dest++;
	return dest;
}

/* strncpy(3) pads with NULs up to n and does not terminate a long src. */
char *strncpy(char *restrict dest, const char *restrict src, size_t n)
{
	size_t i = 0;

	for (; i < n && src[i] != '\0'; i++)
		dest[i] = src[i];
	for (; i < n; i++)
		dest[i] = '\0';
	return dest;
}

char *strcat(char *restrict dest, const char *restrict src)
{
	strcpy(dest + strlen(dest), src);
	return dest;
}

char *strncat(char *restrict dest, const char *restrict src, size_t n)
{
	char *d = dest + strlen(dest);

	while (n-- > 0 && *src != '\0')
		*d++ = *src++;
	*d = '\0';
	return dest;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (*s == '\0')
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (*s == '\0')
			return (char *)last;
	}
}

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack != '\0' || n == 0; haystack++)
		if (strncmp(haystack, needle, n) == 0)
			return (char *)haystack;
	return NULL;
}

char *strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);

	return d != NULL ? memcpy(d, s, n) : NULL;
}

char *strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *d = malloc(len + 1);

	if (d == NULL)
		return NULL;
	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] != '\0' && strchr(accept, s[n]) != NULL)
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] != '\0' && strchr(reject, s[n]) == NULL)
		n++;
	return n;
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s != '\0' ? (char *)s : NULL;
}

char *strtok_r(char *restrict s, const char *restrict delim, char **restrict saveptr)
{
	char *end;

	if (s == NULL)
		s = *saveptr;
	s += strspn(s, delim);
	if (*s == '\0') {
		*saveptr = s;
		return NULL;
	}
	end = s + strcspn(s, delim);
	if (*end != '\0')
		*end++ = '\0';
	*saveptr = end;
	return s;
}

char *strtok(char *restrict s, const char *restrict delim)
{
	static char *saved;

	return strtok_r(s, delim, &saved);
}

/* In the "C" locale, the only one, collation is byte order. */
int strcoll(const char *s1, const char *s2)
{
	return strcmp(s1, s2);
}

/* Case-insensitive comparisons, ASCII letters folded to lower case. */
int strncasecmp(const char *s1, const char *s2, size_t n)
{
	const unsigned char *a = (const unsigned char *)s1, *b = (const unsigned char *)s2;

	for (; n > 0; a++, b++, n--) {
		int d = tolower(*a) - tolower(*b);

		if (d != 0 || *a == '\0')
			return d;
	}
	return 0;
}

int strcasecmp(const char *s1, const char *s2)
{
	return strncasecmp(s1, s2, (size_t)-1);
}
