/* <stdio.h>: buffered streams over file descriptors: stdin, stdout, stderr
   and those fopen and fdopen make.  They are buffered exactly as glibc
   buffers them (see lib/stdio.c), so a program's output interleaves as it
   does on Linux. */
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>
#include <stddef.h>
#include <bits/types.h>

#define EOF     (-1)
#define BUFSIZ  8192

/* setvbuf modes */
#define _IOFBF  0       /* fully buffered */
#define _IOLBF  1       /* line buffered */
#define _IONBF  2       /* unbuffered */

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

typedef struct _IO_FILE FILE;

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;

#define __printf_like(fmt, args) __attribute__((__format__(__printf__, fmt, args)))

int printf(const char *restrict format, ...) __printf_like(1, 2);
int fprintf(FILE *restrict stream, const char *restrict format, ...) __printf_like(2, 3);
int dprintf(int fd, const char *restrict format, ...) __printf_like(2, 3);
int sprintf(char *restrict str, const char *restrict format, ...) __printf_like(2, 3);
int snprintf(char *restrict str, size_t size, const char *restrict format, ...)
	__printf_like(3, 4);
int vprintf(const char *restrict format, va_list ap) __printf_like(1, 0);
int vfprintf(FILE *restrict stream, const char *restrict format, va_list ap)
	__printf_like(2, 0);
int vdprintf(int fd, const char *restrict format, va_list ap) __printf_like(2, 0);
int vsprintf(char *restrict str, const char *restrict format, va_list ap)
	__printf_like(2, 0);
int vsnprintf(char *restrict str, size_t size, const char *restrict format, va_list ap)
	__printf_like(3, 0);

int fputc(int c, FILE *stream);
int putc(int c, FILE *stream);
int putchar(int c);
int fputs(const char *restrict s, FILE *restrict stream);
int puts(const char *s);
size_t fwrite(const void *restrict ptr, size_t size, size_t nmemb, FILE *restrict stream);
int fflush(FILE *stream);

int fgetc(FILE *stream);
int getc(FILE *stream);
int getchar(void);
int ungetc(int c, FILE *stream);
char *fgets(char *restrict s, int size, FILE *restrict stream);
size_t fread(void *restrict ptr, size_t size, size_t nmemb, FILE *restrict stream);

FILE *fopen(const char *restrict pathname, const char *restrict mode);
FILE *fdopen(int fd, const char *mode);
FILE *freopen(const char *restrict pathname, const char *restrict mode, FILE *restrict stream);
int fclose(FILE *stream);
int fseek(FILE *stream, long offset, int whence);
long ftell(FILE *stream);
int fseeko(FILE *stream, off_t offset, int whence);
off_t ftello(FILE *stream);
int fseeko64(FILE *stream, off64_t offset, int whence);
off64_t ftello64(FILE *stream);
void rewind(FILE *stream);
ssize_t getline(char **restrict lineptr, size_t *restrict n, FILE *restrict stream);
ssize_t getdelim(char **restrict lineptr, size_t *restrict n, int delim,
                 FILE *restrict stream);

int setvbuf(FILE *restrict stream, char *restrict buf, int mode, size_t size);
void setbuf(FILE *restrict stream, char *restrict buf);
int fileno(FILE *stream);
int feof(FILE *stream);
int ferror(FILE *stream);
void clearerr(FILE *stream);

/* Stream locks: every function above holds its stream's lock while it
   works; these hold it across several calls, and the *_unlocked
   functions work without it, for use inside such a section. */
void flockfile(FILE *stream);
int ftrylockfile(FILE *stream);
void funlockfile(FILE *stream);
int getc_unlocked(FILE *stream);
int getchar_unlocked(void);
int fgetc_unlocked(FILE *stream);
int putc_unlocked(int c, FILE *stream);
int putchar_unlocked(int c);
int fputc_unlocked(int c, FILE *stream);
int feof_unlocked(FILE *stream);
int ferror_unlocked(FILE *stream);
void clearerr_unlocked(FILE *stream);

void perror(const char *s);
int rename(const char *oldpath, const char *newpath);
int renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath);
int remove(const char *pathname);

#endif
