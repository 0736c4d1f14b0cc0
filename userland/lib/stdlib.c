/* <stdlib.h> outside malloc: process exit, number parsing, sorting, the
   environment and rand(). */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lowlevellock.h"
#include "sysdep.h"

/* stdio.c's flush of every stream.  Weak: a program that never uses stdio
   does not pull it in just so exit() can flush nothing. */
extern void _IO_cleanup(void) __attribute__((__weak__));

#define ATEXIT_MAX 32

static void (*atexit_handlers[ATEXIT_MAX])(void);
static int atexit_count;
static int atexit_lock;         /* threads may register, or exit, at once */

/* atexit(3): POSIX asks for at least 32 handlers; these are all there is. */
int atexit(void (*function)(void))
{
	int r = -1;

	lll_lock(&atexit_lock, LLL_PRIVATE);
	if (atexit_count < ATEXIT_MAX) {
		atexit_handlers[atexit_count++] = function;
		r = 0;
	}
	lll_unlock(&atexit_lock, LLL_PRIVATE);
	return r;
}

/* exit(3), as glibc's __run_exit_handlers: handlers in reverse order of
   registration (one registered by a handler runs next), each taken off
   the list under the lock so that two threads calling exit run each only
   once, then every stdio stream flushed, then the whole thread group
   ends. */
void exit(int status)
{
	for (;;) {
		void (*handler)(void) = NULL;

		lll_lock(&atexit_lock, LLL_PRIVATE);
		if (atexit_count > 0)
			handler = atexit_handlers[--atexit_count];
		lll_unlock(&atexit_lock, LLL_PRIVATE);
		if (handler == NULL)
			break;
		handler();
	}
	if (_IO_cleanup)
		_IO_cleanup();
	_exit(status);
}

void _Exit(int status)
{
	_exit(status);
}

/* abort(3): raise SIGABRT at this thread, as glibc's raise() does with
   tgkill.  If that returns (the signal was caught or ignored), end anyway
   with the status glibc falls back to. */
void abort(void)
{
	long pid = __syscall0(SYS_getpid);
	long tid = __syscall0(SYS_gettid);

	__syscall3(SYS_tgkill, pid, tid, SIGABRT);
	_exit(127);
}

/* The common part of strtol(3) and friends, as glibc's
   ____strtol_l_internal parses: leading white space, an optional sign, a
   "0x" prefix for base 16 (or base 0, where a leading 0 means octal), then
   digits.  Returns the magnitude; on overflow sets *overflow and stops
   accumulating.  *endptr gets the first unused character, or nptr itself
   when no digit was found. */
static unsigned long long parse_integer(const char *nptr, char **endptr, int base,
                                        unsigned long long max_positive,
                                        unsigned long long max_negative,
                                        int *negative, int *overflow)
{
	const unsigned char *s = (const unsigned char *)nptr;
	unsigned long long value = 0, max;
	int any = 0;

	*negative = 0;
	*overflow = 0;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (endptr != NULL)
			*endptr = (char *)nptr;
		return 0;
	}
	while (isspace(*s))
		s++;
	if (*s == '-') {
		*negative = 1;
		s++;
	} else if (*s == '+') {
		s++;
	}
	if ((base == 0 || base == 16) && s[0] == '0' && tolower(s[1]) == 'x' &&
	    isxdigit(s[2])) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}

	max = *negative ? max_negative : max_positive;
	for (;; s++) {
		unsigned int digit;

		if (isdigit(*s))
			digit = *s - '0';
		else if (isalpha(*s))
			digit = tolower(*s) - 'a' + 10;
		else
			break;
		if (digit >= (unsigned int)base)
			break;
		any = 1;
		if (*overflow)
			continue;
		if (value > (max - digit) / (unsigned int)base)
			*overflow = 1;
		else
			value = value * (unsigned int)base + digit;
	}
	if (endptr != NULL)
		*endptr = (char *)(any ? (const char *)s : nptr);
	return value;
}

long long strtoll(const char *restrict nptr, char **restrict endptr, int base)
{
	int negative, overflow;
	unsigned long long v = parse_integer(nptr, endptr, base, LLONG_MAX,
	                                     (unsigned long long)LLONG_MAX + 1,
	                                     &negative, &overflow);

	if (overflow) {
		errno = ERANGE;
		return negative ? LLONG_MIN : LLONG_MAX;
	}
	return negative ? (long long)(0 - v) : (long long)v;
}

unsigned long long strtoull(const char *restrict nptr, char **restrict endptr, int base)
{
	int negative, overflow;
	unsigned long long v = parse_integer(nptr, endptr, base, ULLONG_MAX, ULLONG_MAX,
	                                     &negative, &overflow);

	if (overflow) {
		errno = ERANGE;
		return ULLONG_MAX;
	}
	return negative ? 0 - v : v;
}

long strtol(const char *restrict nptr, char **restrict endptr, int base)
{
	int negative, overflow;
	unsigned long long v = parse_integer(nptr, endptr, base, LONG_MAX,
	                                     (unsigned long long)LONG_MAX + 1,
	                                     &negative, &overflow);

	if (overflow) {
		errno = ERANGE;
		return negative ? LONG_MIN : LONG_MAX;
	}
	return negative ? (long)(0 - (unsigned long)v) : (long)v;
}

unsigned long strtoul(const char *restrict nptr, char **restrict endptr, int base)
{
	int negative, overflow;
	unsigned long long v = parse_integer(nptr, endptr, base, ULONG_MAX, ULONG_MAX,
	                                     &negative, &overflow);

	if (overflow) {
		errno = ERANGE;
		return ULONG_MAX;
	}
	return negative ? 0 - (unsigned long)v : (unsigned long)v;
}

int atoi(const char *nptr)
{
	return (int)strtol(nptr, NULL, 10);
}

long atol(const char *nptr)
{
	return strtol(nptr, NULL, 10);
}

long long atoll(const char *nptr)
{
	return strtoll(nptr, NULL, 10);
}

int abs(int j)
{
	return j < 0 ? -j : j;
}

long labs(long j)
{
	return j < 0 ? -j : j;
}

long long llabs(long long j)
{
	return j < 0 ? -j : j;
}

/* qsort(3) is a merge sort, as glibc's msort.c: stable, so elements that
   compare equal come out in the order glibc leaves them.  Its scratch space
   is on the stack when small and from malloc otherwise; without memory it
   falls back to an insertion sort, which is stable too. */
static void merge_sort(char *base, size_t nmemb, size_t size,
                       int (*compar)(const void *, const void *), char *tmp)
{
	size_t n1 = nmemb / 2, n2 = nmemb - n1;
	char *b1 = base, *b2 = base + n1 * size, *out = tmp;

	if (nmemb <= 1)
		return;
	merge_sort(b1, n1, size, compar, tmp);
	merge_sort(b2, n2, size, compar, tmp);
	while (n1 > 0 && n2 > 0) {
		if (compar(b1, b2) <= 0) {
			memcpy(out, b1, size);
			b1 += size;
			n1--;
		} else {
			memcpy(out, b2, size);
			b2 += size;
			n2--;
		}
		out += size;
	}
	if (n1 > 0)
		memcpy(out, b1, n1 * size);
	memcpy(base, tmp, nmemb * size - n2 * size);
}

static void insertion_sort(char *base, size_t nmemb, size_t size,
                           int (*compar)(const void *, const void *))
{
	size_t i, j, k;

	for (i = 1; i < nmemb; i++)
		for (j = i; j > 0 && compar(base + (j - 1) * size, base + j * size) > 0; j--)
			for (k = 0; k < size; k++) {
				char t = base[(j - 1) * size + k];

				base[(j - 1) * size + k] = base[j * size + k];
				base[j * size + k] = t;
			}
}

void qsort(void *base, size_t nmemb, size_t size,
           int (*compar)(const void *, const void *))
{
	char small[1024];
	char *tmp = small;

	if (nmemb <= 1 || size == 0)
		return;
	if (nmemb > SIZE_MAX / size) {
		insertion_sort(base, nmemb, size, compar);
		return;
	}
	if (nmemb * size > sizeof small) {
		tmp = malloc(nmemb * size);
		if (tmp == NULL) {
			insertion_sort(base, nmemb, size, compar);
			return;
		}
	}
	merge_sort(base, nmemb, size, compar, tmp);
	if (tmp != small)
		free(tmp);
}

void *bsearch(const void *key, const void *base, size_t nmemb, size_t size,
              int (*compar)(const void *, const void *))
{
	size_t lo = 0, hi = nmemb;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *p = (const char *)base + mid * size;
		int c = compar(key, p);

		if (c == 0)
			return (void *)p;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

char *getenv(const char *name)
{
	size_t len = strlen(name);
	char **e;

	if (environ == NULL || len == 0 || strchr(name, '=') != NULL)
		return NULL;
	for (e = environ; *e != NULL; e++)
		if (strncmp(*e, name, len) == 0 && (*e)[len] == '=')
			return *e + len + 1;
	return NULL;
}

/* rand(3) is glibc's random(3) with its default TYPE_3 generator
   (stdlib/random_r.c): an additive feedback generator over 31 words, seeded
   through a Park-Miller sequence, so the same seed gives the same numbers as
   on Linux. */
#define RAND_DEG 31
#define RAND_SEP 3

static int32_t rand_state[RAND_DEG];
static int rand_front, rand_rear;
static int rand_seeded;
static int rand_lock;           /* glibc's random() takes a lock too */

static int random_unlocked(void);

static void srandom_unlocked(unsigned int seed)
{
	int32_t word;
	int i;

	if (seed == 0)
		seed = 1;
	rand_state[0] = word = (int32_t)seed;
	for (i = 1; i < RAND_DEG; i++) {
		/* 16807 * word % 2147483647 without overflow (Schrage's method). */
		int32_t hi = word / 127773;
		int32_t lo = word % 127773;

		word = 16807 * lo - 2836 * hi;
		if (word < 0)
			word += 2147483647;
		rand_state[i] = word;
	}
	rand_front = RAND_SEP;
	rand_rear = 0;
	rand_seeded = 1;
	for (i = 0; i < RAND_DEG * 10; i++)
		random_unlocked();
}

static int random_unlocked(void)
{
	uint32_t value;

	if (!rand_seeded)
		srandom_unlocked(1);
	value = (uint32_t)rand_state[rand_front] + (uint32_t)rand_state[rand_rear];
	rand_state[rand_front] = (int32_t)value;
	if (++rand_front >= RAND_DEG) {
		rand_front = 0;
		++rand_rear;
	} else if (++rand_rear >= RAND_DEG) {
		rand_rear = 0;
	}
	return (int)(value >> 1);
}

void srand(unsigned int seed)
{
	lll_lock(&rand_lock, LLL_PRIVATE);
	srandom_unlocked(seed);
	lll_unlock(&rand_lock, LLL_PRIVATE);
}

int rand(void)
{
	int r;

	lll_lock(&rand_lock, LLL_PRIVATE);
	r = random_unlocked();
	lll_unlock(&rand_lock, LLL_PRIVATE);
	return r;
}
