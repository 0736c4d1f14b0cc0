/*
 * printf_formats.c - a table of printf conversions whose output glibc defines.
 *
 * Each line shows the format between brackets so a difference is easy to
 * spot. Arguments go through volatile variables so the compiler cannot fold
 * the formatting at build time: the libc must do it at run time.
 */
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* Some rows deliberately do what gcc warns about (0 with a precision, truncation): the libc must cope. */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-truncation"

static volatile int zero = 0, one = 1, neg = -42, big = 123456789;
static volatile int imin = INT_MIN, imax = INT_MAX;
static volatile unsigned int umax = UINT_MAX, hex = 0xbeefu;
static volatile long lmin = LONG_MIN, lneg = -1234567L;
static volatile unsigned long lumax = ULONG_MAX;
static volatile long long llmax = LLONG_MAX, llmin = LLONG_MIN, llneg = -9876543210LL;
static volatile unsigned long long ullmax = ULLONG_MAX, ullbig = 12345678901234567ULL;
static volatile size_t sz = 4096;
static const char *volatile str = "minikernel";
static const char *volatile nullstr = NULL;
static void *volatile nullptr_ = NULL;
static void *volatile someptr = (void *)0x1234;
static volatile char ch = 'Z';

int main(void)
{
    char buf[64];
    int n;

    printf("[%%d] [%d] [%d] [%d] [%d]\n", zero, one, neg, big);
    printf("[%%i] [%i] [%i]\n", neg, big);
    printf("[%%d INT_MIN INT_MAX] [%d] [%d]\n", imin, imax);
    printf("[%%u] [%u] [%u] [%u]\n", (unsigned)one, umax, (unsigned)neg);
    printf("[%%x %%X] [%x] [%X] [%x]\n", hex, hex, (unsigned)neg);
    printf("[%%o] [%o] [%o] [%o]\n", (unsigned)zero, 8u, umax);
    printf("[%%ld %%lu] [%ld] [%ld] [%lu]\n", lmin, lneg, lumax);
    printf("[%%lld] [%lld] [%lld] [%lld]\n", llmax, llmin, llneg);
    printf("[%%llu] [%llu] [%llu]\n", ullmax, ullbig);
    printf("[%%zu] [%zu]\n", sz);

    printf("[%%5d] [%5d] [%%-5d] [%-5d] [%%05d] [%05d]\n", neg, neg, neg);
    printf("[%%+d] [%+d] [%+d] [%%+5d] [%+5d]\n", one, neg, big);
    printf("[%% d] [% d] [% d] [%%-+6d] [%-+6d]\n", one, neg, one);
    printf("[%%.3d] [%.3d] [%.3d] [%%8.3d] [%8.3d] [%%-8.3d] [%-8.3d]\n", one, neg, one, neg);
    printf("[%%08.3d] [%08.3d] [%%.0d of 0] [%.0d] [%%5.0d of 0] [%5.0d]\n", one, zero, zero);
    printf("[%%#x] [%#x] [%%#X] [%#X] [%%#o] [%#o] [%%#x of 0] [%#x] [%%#o of 0] [%#o]\n",
           hex, hex, 8u, (unsigned)zero, (unsigned)zero);
    printf("[%%#10x] [%#10x] [%%#010x] [%#010x] [%%-#10x] [%-#10x]\n", hex, hex, hex);
    printf("[%%08x] [%08x] [%%.6x] [%.6x] [%%-8X] [%-8X]\n", hex, hex, hex);
    printf("[%%20lld] [%20lld] [%%-20llu] [%-20llu]\n", llneg, ullbig);
    printf("[%%020lld] [%020lld] [%%+lld] [%+lld]\n", llneg, llmax);

    printf("[%%s] [%s] [%%12s] [%12s] [%%-12s] [%-12s]\n", str, str, str);
    printf("[%%.4s] [%.4s] [%%8.4s] [%8.4s] [%%-8.4s] [%-8.4s] [%%.0s] [%.0s]\n", str, str, str, str);
    printf("[%%s of NULL] [%s]\n", nullstr);
    printf("[%%c] [%c] [%%3c] [%3c] [%%-3c] [%-3c]\n", ch, ch, ch);
    printf("[%%p of NULL] [%p] [%%p] [%p]\n", nullptr_, someptr);
    printf("[%%%%] [%%] [100%%]\n");

    n = snprintf(buf, sizeof buf, "%s-%d", str, big);
    printf("snprintf: [%s] returned %d\n", buf, n);
    n = snprintf(buf, 8, "%s-%d", str, big);
    printf("snprintf truncated to 8: [%s] returned %d\n", buf, n);
    n = snprintf(buf, 1, "%d", big);
    printf("snprintf size 1: [%s] returned %d\n", buf, n);
    n = snprintf(NULL, 0, "%lld", llmin);
    printf("snprintf NULL 0: returned %d\n", n);
    memset(buf, 'x', sizeof buf);
    n = snprintf(buf, sizeof buf, "%s", "");
    printf("snprintf empty: [%s] returned %d\n", buf, n);
    n = sprintf(buf, "%05d|%-4s|%c", neg, "ab", ch);
    printf("sprintf: [%s] returned %d\n", buf, n);

    n = printf("[printf returns]\n");
    printf("printf returned %d\n", n);
    return 0;
}
