/* Private to the library: the printf machinery shared by printf.c (the
   format parser and the integer, string and pointer conversions),
   printf_fp.c (the floating-point conversions) and stdio.c (the stream and
   file-descriptor forms). */
#ifndef _LIB_PRINTF_H
#define _LIB_PRINTF_H

#include <stdarg.h>
#include <stddef.h>

/* Where formatted text goes: a string, a stream, a helper buffer. */
struct __printf_sink {
	void (*put)(struct __printf_sink *sink, const char *s, size_t n);
	size_t count;           /* characters produced so far */
	int error;              /* set by put when the output failed */
};

/* One conversion specification, with the field names of glibc's
   struct printf_info (<printf.h>). */
struct printf_info {
	int prec;               /* precision, -1 if none */
	int width;              /* minimum field width, 0 if none */
	char spec;              /* the conversion character */
	unsigned int is_long_double : 1;        /* L (or ll) */
	unsigned int is_short : 1;              /* h */
	unsigned int is_long : 1;               /* l */
	unsigned int is_char : 1;               /* hh */
	unsigned int alt : 1;                   /* '#' */
	unsigned int space : 1;                 /* ' ' */
	unsigned int left : 1;                  /* '-' */
	unsigned int showsign : 1;              /* '+' */
	char pad;               /* '0' or ' ' */
};

int __vprintf_core(struct __printf_sink *sink, const char *format, va_list ap);

void __printf_emit(struct __printf_sink *sink, const char *s, size_t n);
void __printf_pad(struct __printf_sink *sink, char c, int n);

/* printf_fp.c: %f %F %e %E %g %G %a %A of the double or long double at arg. */
void __printf_fp(struct __printf_sink *sink, const struct printf_info *info,
                 const void *arg);

#endif
