/* The printf formatter and the string forms (sprintf, snprintf).  Output
   goes through a sink (printf.h), so the stream and file-descriptor forms in
   stdio.c share it.  The conversions and their corner cases follow C11
   7.21.6.1 and glibc's stdio-common/vfprintf-internal.c:

     - %p prints like %#lx, and "(nil)" for NULL; %s of NULL prints "(null)"
       (or nothing, when the precision is below 6);
     - '+' and ' ' apply to %d, %i, %p and the floating conversions only;
       '0' is ignored with '-', with a precision on an integer, and on %s,
       %c and "(nil)";
     - %m prints strerror(errno); %% takes no width;
     - an unknown conversion is printed as it was written, consuming nothing;
       a format ending in a lone '%' is an error (EINVAL);
     - the length modifiers z, t and l mean 32 bits here, j, ll, L and q 64
       (or long double, for the floating conversions in printf_fp.c). */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "printf.h"

void __printf_emit(struct __printf_sink *sink, const char *s, size_t n)
{
	if (n == 0)
		return;
	sink->put(sink, s, n);
	sink->count += n;
}

void __printf_pad(struct __printf_sink *sink, char c, int n)
{
	static const char spaces[] = "                ";
	static const char zeros[] = "0000000000000000";
	const char *run = c == '0' ? zeros : spaces;

	while (n > 0) {
		int k = n < 16 ? n : 16;

		__printf_emit(sink, run, (size_t)k);
		n -= k;
	}
}

/* A string in a field: %s, %c, %m and "(nil)" all pad with spaces. */
static void emit_field(struct __printf_sink *sink, const struct printf_info *info,
                       const char *s, size_t len)
{
	int pad = info->width > (int)len ? info->width - (int)len : 0;

	if (!info->left)
		__printf_pad(sink, ' ', pad);
	__printf_emit(sink, s, len);
	if (info->left)
		__printf_pad(sink, ' ', pad);
}

/* An integer in a field: [padding][sign][0x][precision zeros][digits][padding]. */
static void emit_integer(struct __printf_sink *sink, const struct printf_info *info,
                         unsigned long long value, int negative, int is_signed,
                         unsigned int base)
{
	const char *set = info->spec == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[24];           /* 22 octal digits hold 64 bits */
	char *digits = buf + sizeof buf;        /* filled from the end */
	char prefix[3];
	int ndigits = 0, nprefix = 0, zeros, total;
	int nonzero = value != 0;

	if (!(info->prec == 0 && value == 0)) {
		unsigned long small = (unsigned long)value;

		if (value == small) {
			/* 32-bit arithmetic when it will do: cheaper than 64-bit division. */
			do {
				*--digits = set[small % base];
				ndigits++;
				small /= base;
			} while (small != 0);
		} else {
			do {
				*--digits = set[value % base];
				ndigits++;
				value /= base;
			} while (value != 0);
		}
	}
	if (info->alt && base == 8 && (ndigits == 0 || digits[0] != '0')) {
		*--digits = '0';
		ndigits++;
	}

	if (negative)
		prefix[nprefix++] = '-';
	else if (is_signed && info->showsign)
		prefix[nprefix++] = '+';
	else if (is_signed && info->space)
		prefix[nprefix++] = ' ';
	if (info->alt && base == 16 && nonzero) {
		prefix[nprefix++] = '0';
		prefix[nprefix++] = info->spec == 'X' ? 'X' : 'x';
	}

	zeros = info->prec > ndigits ? info->prec - ndigits : 0;
	total = nprefix + zeros + ndigits;
	if (info->prec < 0 && info->pad == '0' && !info->left && info->width > total) {
		zeros += info->width - total;
		total = info->width;
	}
	if (!info->left && info->width > total)
		__printf_pad(sink, ' ', info->width - total);
	__printf_emit(sink, prefix, (size_t)nprefix);
	__printf_pad(sink, '0', zeros);
	__printf_emit(sink, digits, (size_t)ndigits);
	if (info->left && info->width > total)
		__printf_pad(sink, ' ', info->width - total);
}

/* Reads a decimal number in a format, saturating at INT_MAX. */
static int read_number(const char **p)
{
	int n = 0;

	for (; **p >= '0' && **p <= '9'; (*p)++)
		n = n > (INT_MAX - 9) / 10 ? INT_MAX : n * 10 + (**p - '0');
	return n;
}

int __vprintf_core(struct __printf_sink *sink, const char *format, va_list ap)
{
	int saved_errno = errno;
	const char *p = format;

	sink->count = 0;
	sink->error = 0;
	for (;;) {
		const char *start = p;
		struct printf_info info = { .prec = -1, .pad = ' ' };
		unsigned long long u;
		long long s;
		const char *str;
		long double ld;
		double d;
		char c;

		while (*p != '\0' && *p != '%')
			p++;
		__printf_emit(sink, start, (size_t)(p - start));
		if (*p == '\0')
			break;
		start = p++;

		for (;; p++) {
			if (*p == '-')
				info.left = 1;
			else if (*p == '+')
				info.showsign = 1;
			else if (*p == ' ')
				info.space = 1;
			else if (*p == '#')
				info.alt = 1;
			else if (*p == '0')
				info.pad = '0';
			else if (*p != '\'' && *p != 'I')       /* grouping, locale digits: no-ops in "C" */
				break;
		}
		if (*p == '*') {
			info.width = va_arg(ap, int);
			if (info.width < 0) {
				info.left = 1;
				info.width = info.width == INT_MIN ? INT_MAX : -info.width;
			}
			p++;
		} else {
			info.width = read_number(&p);
		}
		if (*p == '.') {
			p++;
			if (*p == '*') {
				info.prec = va_arg(ap, int);
				if (info.prec < 0)
					info.prec = -1;
				p++;
			} else {
				info.prec = read_number(&p);
			}
		}
		if (info.left)
			info.pad = ' ';
		switch (*p) {
		case 'h':
			if (p[1] == 'h') {
				info.is_char = 1;
				p++;
			} else {
				info.is_short = 1;
			}
			p++;
			break;
		case 'l':
			if (p[1] == 'l') {
				info.is_long_double = 1;
				p++;
			} else {
				info.is_long = 1;
			}
			p++;
			break;
		case 'L':
		case 'q':
		case 'j':
			info.is_long_double = 1;
			p++;
			break;
		case 'z':
		case 'Z':
		case 't':
			info.is_long = 1;
			p++;
			break;
		}
		info.spec = *p;

		switch (*p) {
		case 'd':
		case 'i':
			if (info.is_long_double)
				s = va_arg(ap, long long);
			else if (info.is_long)
				s = va_arg(ap, long);
			else if (info.is_char)
				s = (signed char)va_arg(ap, int);
			else if (info.is_short)
				s = (short)va_arg(ap, int);
			else
				s = va_arg(ap, int);
			u = s < 0 ? 0 - (unsigned long long)s : (unsigned long long)s;
			emit_integer(sink, &info, u, s < 0, 1, 10);
			break;
		case 'u':
		case 'o':
		case 'x':
		case 'X':
			if (info.is_long_double)
				u = va_arg(ap, unsigned long long);
			else if (info.is_long)
				u = va_arg(ap, unsigned long);
			else if (info.is_char)
				u = (unsigned char)va_arg(ap, unsigned int);
			else if (info.is_short)
				u = (unsigned short)va_arg(ap, unsigned int);
			else
				u = va_arg(ap, unsigned int);
			emit_integer(sink, &info, u, 0, 0, *p == 'u' ? 10 : *p == 'o' ? 8 : 16);
			break;
		case 'p':
			u = (uintptr_t)va_arg(ap, void *);
			if (u == 0) {
				emit_field(sink, &info, "(nil)", 5);
			} else {
				info.alt = 1;
				info.spec = 'x';
				emit_integer(sink, &info, u, 0, 1, 16);
			}
			break;
		case 'c':
			c = (char)va_arg(ap, int);
			emit_field(sink, &info, &c, 1);
			break;
		case 's':
			str = va_arg(ap, const char *);
			if (str == NULL)
				str = info.prec < 0 || info.prec >= 6 ? "(null)" : "";
			emit_field(sink, &info, str, info.prec < 0 ? strlen(str)
			                                           : strnlen(str, (size_t)info.prec));
			break;
		case 'm':
			str = strerror(saved_errno);
			emit_field(sink, &info, str, info.prec < 0 ? strlen(str)
			                                           : strnlen(str, (size_t)info.prec));
			break;
		case 'n':
			if (info.is_long_double)
				*va_arg(ap, long long *) = (long long)sink->count;
			else if (info.is_long)
				*va_arg(ap, long *) = (long)sink->count;
			else if (info.is_char)
				*va_arg(ap, signed char *) = (signed char)sink->count;
			else if (info.is_short)
				*va_arg(ap, short *) = (short)sink->count;
			else
				*va_arg(ap, int *) = (int)sink->count;
			break;
		case 'f': case 'F': case 'e': case 'E':
		case 'g': case 'G': case 'a': case 'A':
			if (info.is_long_double) {
				ld = va_arg(ap, long double);
				__printf_fp(sink, &info, &ld);
			} else {
				d = va_arg(ap, double);
				__printf_fp(sink, &info, &d);
			}
			break;
		case '%':
			__printf_emit(sink, "%", 1);
			break;
		case '\0':
			errno = EINVAL;
			return -1;
		default:
			__printf_emit(sink, start, (size_t)(p + 1 - start));
			break;
		}
		p++;
	}
	if (sink->error)
		return -1;
	if (sink->count > INT_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return (int)sink->count;
}

/* snprintf's sink keeps what fits and counts the rest. */
struct string_sink {
	struct __printf_sink sink;
	char *buf;
	size_t room;            /* bytes that may still be stored (NUL excluded) */
};

static void string_put(struct __printf_sink *sink, const char *s, size_t n)
{
	struct string_sink *ss = (struct string_sink *)sink;
	size_t k = n < ss->room ? n : ss->room;

	memcpy(ss->buf, s, k);
	ss->buf += k;
	ss->room -= k;
}

int vsnprintf(char *restrict str, size_t size, const char *restrict format, va_list ap)
{
	struct string_sink ss = { { string_put, 0, 0 }, str, size > 0 ? size - 1 : 0 };
	int r = __vprintf_core(&ss.sink, format, ap);

	if (size > 0)
		*ss.buf = '\0';
	return r;
}

int vsprintf(char *restrict str, const char *restrict format, va_list ap)
{
	return vsnprintf(str, SIZE_MAX, format, ap);
}

int snprintf(char *restrict str, size_t size, const char *restrict format, ...)
{
	va_list ap;
	int r;

	va_start(ap, format);
	r = vsnprintf(str, size, format, ap);
	va_end(ap);
	return r;
}

int sprintf(char *restrict str, const char *restrict format, ...)
{
	va_list ap;
	int r;

	va_start(ap, format);
	r = vsnprintf(str, SIZE_MAX, format, ap);
	va_end(ap);
	return r;
}
