/* file_check: streams on files (fopen, fdopen, freopen, fclose), their
   modes and positions (fseek, ftell, rewind, reading and writing one "r+"
   stream), getline and getdelim, and the order in which exit() writes
   what several streams still hold.  Works in a fresh directory under /tmp
   whose name is not printed.  `make check` compares the output of this
   library's build with glibc's. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

/* The whole file, read with plain read(2). */
static void show_file(const char *name)
{
	char buf[256];
	int fd = open(name, O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf) : -1;

	if (n < 0)
		printf("  %s: %s\n", name, strerror(errno));
	else
		printf("  %s: %zd [%.*s]\n", name, n, (int)n, buf);
	if (fd >= 0)
		close(fd);
}

static void check_modes(void)
{
	struct stat st;
	FILE *f;
	int c;

	f = fopen("w", "w");
	printf("fopen w %d fileno>2 %d\n", f != NULL, fileno(f) > 2);
	fputs("first\n", f);
	show_file("w");
	printf("fclose %d\n", fclose(f));
	show_file("w");
	stat("w", &st);
	printf("mode %04o\n", (unsigned)(st.st_mode & 07777));

	f = fopen("w", "a");
	fputs("second\n", f);
	printf("ftell append %ld\n", ftell(f));
	fclose(f);
	show_file("w");

	f = fopen("w", "r");
	c = fgetc(f);
	printf("r: fgetc %c", c);
	printf(" fputc %d", fputc('x', f));
	printf(" error %d\n", ferror(f));
	clearerr(f);
	printf("ftell %ld\n", ftell(f));
	fclose(f);

	f = fopen("w", "r+");
	printf("r+: fgetc %c", fgetc(f));
	printf(" fgetc %c", fgetc(f));
	fseek(f, 0, SEEK_CUR);
	fputs("IRST", f);
	fseek(f, 0, SEEK_CUR);
	printf(" then %c\n", fgetc(f));
	fclose(f);
	show_file("w");

	f = fopen("w", "a+");
	printf("a+: fgetc %c", fgetc(f));
	fputs("third\n", f);
	rewind(f);
	printf(" after rewind %c\n", fgetc(f));
	fclose(f);
	show_file("w");

	f = fopen("w", "wx");
	printf("wx existing %d %s\n", f != NULL, strerror(errno));
	f = fopen("new", "wxe");
	printf("wxe new %d cloexec %d\n", f != NULL, fcntl(fileno(f), F_GETFD));
	fclose(f);
	errno = 0;
	f = fopen("w", "q");
	printf("bad mode %d %s\n", f != NULL, strerror(errno));
	f = fopen("missing/x", "r");
	printf("missing %d %s\n", f != NULL, strerror(errno));
	f = fopen("w", "rb,ccs=UTF-8");
	printf("rb,ccs %d\n", f != NULL);
	fclose(f);
}

static void check_positions(void)
{
	char line[64];
	FILE *f;

	f = fopen("p", "w+");
	fputs("0123456789abcdef\n", f);
	printf("ftell after write %ld\n", ftell(f));
	printf("fseek set %d", fseek(f, 4, SEEK_SET));
	printf(" ftell %ld\n", ftell(f));
	printf("fgetc %c", fgetc(f));
	printf(" ftell %ld\n", ftell(f));
	printf("fseek cur %d", fseek(f, 2, SEEK_CUR));
	printf(" ftell %ld", ftell(f));
	printf(" fgetc %c\n", fgetc(f));
	printf("fseek end %d", fseek(f, -3, SEEK_END));
	printf(" ftell %ld", ftell(f));
	printf(" eof %d\n", feof(f));
	printf("fgets [%s]", fgets(line, sizeof line, f));
	printf("fgetc %d", fgetc(f));
	printf(" eof %d\n", feof(f));
	printf("fseek clears eof %d", fseek(f, 0, SEEK_SET));
	printf(" %d\n", feof(f));
	errno = 0;
	printf("fseek negative %d", fseek(f, -100, SEEK_CUR));
	printf(" %s\n", strerror(errno));
	errno = 0;
	printf("fseek bad whence %d", fseek(f, 0, 9));
	printf(" %s\n", strerror(errno));
	fseek(f, 10, SEEK_SET);
	fputs("ABC", f);
	printf("ftell after overwrite %ld\n", ftell(f));
	rewind(f);
	printf("read back [%s]", fgets(line, sizeof line, f));
	fseeko(f, 20, SEEK_SET);
	fputc('!', f);
	printf("ftello %lld\n", (long long)ftello(f));
	fclose(f);
	show_file("p");
}

static void check_getline(void)
{
	char *line = NULL;
	size_t n = 0;
	ssize_t len;
	FILE *f;
	int i;

	f = fopen("g", "w");
	fputs("short\n\nno newline at the end", f);
	for (i = 0; i < 300; i++)
		fputc(i == 150 ? ';' : 'a' + i % 26, f);
	fclose(f);
	f = fopen("g", "r");
	while ((len = getline(&line, &n, f)) != -1)
		printf("getline %zd room %zu [%.20s]\n", len, n, line);
	printf("at end eof %d error %d\n", feof(f), ferror(f));
	rewind(f);
	while ((len = getdelim(&line, &n, ';', f)) != -1)
		printf("getdelim %zd room %zu last %c\n", len, n, line[len - 1]);
	free(line);
	line = NULL;
	n = 0;
	rewind(f);
	len = getdelim(&line, &n, 'x', f);
	printf("getdelim all %zd room %zu\n", len, n);
	errno = 0;
	len = getline(NULL, &n, f);
	printf("getline NULL %zd %s\n", len, strerror(errno));
	fclose(f);
	free(line);
}

static void check_fdopen(void)
{
	FILE *f;
	int fd;

	fd = open("d", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	f = fdopen(fd, "r");
	printf("fdopen r on write-only %d %s\n", f != NULL, strerror(errno));
	f = fdopen(fd, "a");
	printf("fdopen a %d append %d\n", f != NULL, (fcntl(fd, F_GETFL) & O_APPEND) != 0);
	fputs("via fdopen\n", f);
	fclose(f);
	printf("fd closed %d\n", fcntl(fd, F_GETFD));
	show_file("d");
	errno = 0;
	f = fdopen(99, "r");
	printf("fdopen bad %d %s\n", f != NULL, strerror(errno));
}

static void check_freopen(void)
{
	FILE *f;
	int fd;

	/* stdout to a file and back: freopen keeps descriptor 1. */
	fflush(stdout);
	fd = dup(1);
	f = freopen("out", "w", stdout);
	printf("this goes to the file, fileno %d\n", fileno(stdout));
	fflush(stdout);
	dup2(fd, 1);
	close(fd);
	printf("freopen %d\n", f == stdout);
	show_file("out");
	f = fopen("out", "r");
	f = freopen("d", "r", f);
	printf("freopen other %d", f != NULL);
	printf(" [%c]\n", fgetc(f));
	fclose(f);
}

int main(void)
{
	char top[64];
	FILE *a, *b;

	snprintf(top, sizeof top, "/tmp/file_check.%d", (int)getpid());
	if (mkdir(top, 0755) < 0 || chdir(top) < 0) {
		perror(top);
		return 1;
	}
	check_modes();
	check_positions();
	check_getline();
	check_fdopen();
	check_freopen();
	unlink("w");
	unlink("new");
	unlink("p");
	unlink("g");
	unlink("d");
	unlink("out");
	chdir("/");
	rmdir(top);

	/* exit() writes out every stream, newest first, then stdout. */
	fflush(stdout);
	printf("written at exit: stdout\n");
	a = fdopen(dup(1), "w");
	b = fdopen(dup(1), "w");
	fputs("written at exit: a\n", a);
	fputs("written at exit: b\n", b);
	return 0;
}
