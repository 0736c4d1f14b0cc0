/* printf_check: prints a table of printf conversions.  `make check` builds
   it with this library and with glibc and requires identical output, so the
   formatter is checked against glibc itself.  Only the portable parts of
   the API are used, so both builds compile it unchanged. */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int line;

/* Each case goes through snprintf (return value and text) and printf. */
#define T(...)                                                              \
	do {                                                                \
		static char buf[12000];                                     \
		int n = snprintf(buf, sizeof buf, __VA_ARGS__);             \
		printf("%3d %4d [%s] ", ++line, n, buf);                    \
		n = printf(__VA_ARGS__);                                    \
		printf(" <%d>\n", n);                                       \
	} while (0)

int main(void)
{
	static const int ints[] = { 0, 1, -1, 7, 42, -42, 255, 1000, 65535, 123456789,
	                            INT_MAX, INT_MIN };
	static const char *const int_formats[] = {
		"%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%+05d", "% 05d",
		"%.0d", "%.3d", "%8.3d", "%-8.3d|", "%08.3d", "%+.3d", "%x", "%X",
		"%#x", "%#X", "%#010x", "%#.0x", "%o", "%#o", "%#.0o", "%#5o", "%u",
		"%10u", "%-10u|", "%hd", "%hu", "%hhd", "%hhu", "%hx", "%hhx", "%+u",
		"% x", "%#8.4x", "%#-8x|", "%*d", "%-*d|", "%.*d",
	};
	static const long long longs[] = { 0, -1, 1LL << 32, -(1LL << 40), LLONG_MAX,
	                                   LLONG_MIN, 1234567890123456789LL };
	char text[64];
	size_t i, j;
	int n;

	for (i = 0; i < sizeof int_formats / sizeof int_formats[0]; i++)
		for (j = 0; j < sizeof ints / sizeof ints[0]; j++) {
			if (strchr(int_formats[i], '*') != NULL)
				T(int_formats[i], (int)(j * 3) - 10, ints[j]);
			else
				T(int_formats[i], ints[j]);
		}

	for (j = 0; j < sizeof longs / sizeof longs[0]; j++) {
		T("%lld", longs[j]);
		T("%lli", longs[j]);
		T("%llu", (unsigned long long)longs[j]);
		T("%llx", (unsigned long long)longs[j]);
		T("%#llX", (unsigned long long)longs[j]);
		T("%llo", (unsigned long long)longs[j]);
		T("%25lld|%-25lld|", longs[j], longs[j]);
		T("%+.20lld", longs[j]);
		T("%jd", (intmax_t)longs[j]);
	}
	T("%ld %li %lu %lx", LONG_MIN, LONG_MAX, ULONG_MAX, 0xdeadbeefUL);
	T("%zu %zd %zx", (size_t)SIZE_MAX, (ssize_t)-5, (size_t)4096);
	T("%td", (ptrdiff_t)-12345);

	T("%c%c%c", 'a', 'b', 'c');
	T("[%5c][%-5c][%05c]", 'x', 'y', 'z');
	T("%s", "hello");
	T("[%10s][%-10s][%.2s][%10.3s][%-10.3s][%05s]", "abc", "abc", "abc", "abcdef",
	  "abcdef", "ab");
	T("[%s][%10s][%.5s][%.6s][%-8s]", (char *)NULL, (char *)NULL, (char *)NULL,
	  (char *)NULL, (char *)NULL);
	T("[%*s][%-*s][%.*s][%*.*s]", 6, "ab", 6, "ab", 2, "abcdef", -6, 2, "abcdef");
	T("[%.*d][%.*d]", -1, 0, -5, 42);
	T("[%p]", (void *)0);
	T("[%p][%10p][%-10p]", (void *)0x1234, (void *)0x1234, (void *)0x1234);
	T("[%p][%20p][%-20p][%020p]", (void *)0, (void *)0, (void *)0, (void *)0);
	T("[%+p][% p][%.8p][%#p][%012p]", (void *)0xbeef, (void *)0xbeef, (void *)0xbeef,
	  (void *)0xbeef, (void *)0xbeef);
	T("[%p]", (void *)UINTPTR_MAX);
	T("100%%");
	T("[%5%][%-5%]");
	T("[%y][%5k][%-3w]");
	T("%d%s%c%x%%%o", 1, "two", '3', 4, 5);
	T("%");
	T("abc%");
	T("%s %s %s", "", "", "");
	T("%d %d %d %d %d %d %d %d %d %d", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
	errno = ENOENT;
	T("[%m]");
	errno = EACCES;
	T("[%20m][%-20m|][%.5m]");

	n = 0;
	snprintf(text, sizeof text, "abc%ndef", &n);
	printf("%%n stored %d, text %s\n", n, text);

	/* snprintf truncates but returns the full length. */
	for (i = 0; i <= 8; i++) {
		memset(text, '#', sizeof text);
		n = snprintf(text, i, "%s-%d", "truncate", 12345);
		printf("snprintf size %zu -> %d [%.*s] byte after: %d\n", i, n,
		       (int)sizeof text, i > 0 ? text : "", i < sizeof text ? text[i] : -1);
	}
	n = snprintf(NULL, 0, "%0100d", 7);
	printf("snprintf(NULL, 0) -> %d\n", n);
	n = sprintf(text, "%s %05d %x", "sprintf", -42, 255);
	printf("sprintf -> %d [%s]\n", n, text);

	/* Floating point: every digit is exact, rounding is to nearest even. */
	{
		static const double doubles[] = {
			0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.125, 0.1, 0.2, 0.3, 1.0 / 3,
			2.0 / 3, 3.14159265358979, 100.0, 123456.789, 1e6, 1e-5, 1e-4, 9.9999e-5,
			0.99999999, 9.5, 99.5, 999999.5, 1e15, 1e16, 1e21, 1e22, 1e100, 1e300,
			1.7976931348623157e308, 2.2250738585072014e-308, 4.9406564584124654e-324,
			123.456e-200, 5e-324 * 3, 0.000123456, 1234567890.0987654321,
			8.5, 0.05, 0.015, 0.025, 1.005, 2.675,
		};
		static const char *const fp_formats[] = {
			"%f", "%e", "%g", "%E", "%G", "%.0f", "%.1f", "%.2f", "%.3e", "%.0e", "%.10g",
			"%.0g", "%.1g", "%.17g", "%#g", "%#.0f", "%#.0e", "%+f", "% e", "%12.4f",
			"%-12.3e|", "%012.3f", "%+012.2e", "%.20f", "%.40e", "%a", "%A", "%.0a",
			"%.3a", "%.20a", "%#a", "%015a", "%F",
		};
		static const long double ldoubles[] = {
			0.0L, 1.0L, -2.5L, 0.1L, 1.0L / 3, 1e300L * 1e300L, 1e-4940L,
			1.18973149535723176502e+4932L, 3.36210314311209350626e-4932L,
		};
		static const char *const ld_formats[] = {
			"%Lf", "%Le", "%Lg", "%.30Lf", "%.25Le", "%La", "%.3La", "%LA", "%.0Lf",
		};
		volatile double zero = 0.0;
		double specials[4];

		for (i = 0; i < sizeof fp_formats / sizeof fp_formats[0]; i++)
			for (j = 0; j < sizeof doubles / sizeof doubles[0]; j++)
				T(fp_formats[i], doubles[j]);
		for (i = 0; i < sizeof ld_formats / sizeof ld_formats[0]; i++)
			for (j = 0; j < sizeof ldoubles / sizeof ldoubles[0]; j++)
				T(ld_formats[i], ldoubles[j]);
		T("%.1000f", 1e-300);
		T("%.330f", 1e300);
		T("%Lf", 1e4000L);
		specials[0] = 1.0 / zero;
		specials[1] = -1.0 / zero;
		specials[2] = zero / zero;
		specials[3] = -(zero / zero);
		for (j = 0; j < 4; j++)
			T("[%f][%e][%g][%a][%F][%E][%G][%A][%+f][% f][%010f][%-6f|]",
			  specials[j], specials[j], specials[j], specials[j], specials[j], specials[j],
			  specials[j], specials[j], specials[j], specials[j], specials[j], specials[j]);
		T("%Lf %Lf", 1.0L / (long double)zero, (long double)zero / (long double)zero);
		T("%*.*f|%-*.*e|", 12, 3, 3.14159, 14, 2, -2.71828);
		T("%d %f %s %e %c", 1, 2.5, "mixed", 3.5, 'z');
		T("[%#g][%#.3g][%#.3g][%#g][%#g][%#.2g][%#.1g][%#.1g][%g][%.3g][%#g][%#.4g]",
		  999999.5, 999.5, 9995.0, 99999.95, 9.999995, 9.96, 9.6, 0.96, 999999.5, 999.5,
		  0.00009999995, 0.9999999);
		/* Random bit patterns: every exponent, denormals, all digits. */
		{
			unsigned long long bits = 0x9e3779b97f4a7c15ULL;
			static const char *const random_formats[] = {
				"%.17g", "%.3e", "%f", "%.0f", "%g", "%#.5g", "%a", "%.2a",
			};
			double d;
			int k;

			for (k = 0; k < 1500; k++) {
				bits ^= bits << 13;
				bits ^= bits >> 7;
				bits ^= bits << 17;
				memcpy(&d, &bits, sizeof d);
				if (k % 3 == 0)
					d = (double)(long long)(bits >> 20) / (double)(1 << (k % 30));
				T(random_formats[k % 8], d);
			}
		}
		T("[%#.10g][%#g][%#.0g][%#.1g][%.0e][%#.0e][%.0f][%#.0f]", 9999999999.5, 9999995.0,
		  9.5, 0.95, 9.5, 9.5, 9.5, 0.5);
	}

	/* A long field crosses the padding loop many times. */
	T("[%300d]", 1);
	T("[%-300s]", "left");
	T("[%.300d]", -1);

	fprintf(stdout, "fprintf(stdout) %d\n", 1);
	fprintf(stderr, "fprintf(stderr) %d\n", 2);
	dprintf(1, "dprintf(1) %s\n", "direct");
	fflush(stdout);
	dprintf(1, "dprintf(1) after fflush\n");
	return 0;
}
