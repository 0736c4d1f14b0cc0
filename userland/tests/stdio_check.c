/* stdio_check: mixes stdout and stderr in every way the buffering rules
   distinguish (partial lines, lines, writes larger than the buffer, puts,
   putchar, fwrite, setvbuf, fflush), and reads standard input with each
   reading function.  `make check` runs it with stdout and stderr on one
   pipe, one file and one terminal, so the interleaving on the shared
   descriptor shows exactly when each buffer was written; glibc's run is
   the reference. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void mark(const char *what)
{
	fprintf(stderr, "<%s>", what);
}

static void big(int n, char c)
{
	char chunk[1000];
	int i;

	memset(chunk, c, sizeof chunk);
	for (i = 0; i < n; i += (int)sizeof chunk)
		fwrite(chunk, 1, n - i < (int)sizeof chunk ? (size_t)(n - i) : sizeof chunk, stdout);
}

static void read_input(void)
{
	char line[16], rest[256];
	size_t n;
	int c;

	/* A terminal under script(1) never sends end of file: skip reading. */
	if (isatty(0)) {
		printf("stdin is a terminal: not read\n");
		return;
	}
	printf("prompt without newline: ");
	c = getchar();
	printf("getchar %c\n", c);
	printf("ungetc %c ", ungetc('Z', stdin));
	printf("then getchar %c\n", getchar());
	while (fgets(line, sizeof line, stdin) != NULL) {
		printf("fgets [%s] %zu\n", line, strlen(line));
		if (strchr(line, '\n') == NULL)
			break;
	}
	n = fread(rest, 1, sizeof rest - 1, stdin);
	rest[n] = '\0';
	printf("fread %zu [%s] eof %d error %d\n", n, rest, feof(stdin), ferror(stdin));
	c = getchar();
	printf("after eof getchar %d eof %d\n", c, feof(stdin));
	clearerr(stdin);
	printf("clearerr eof %d\n", feof(stdin));
	printf("fgets at eof %s\n", fgets(line, sizeof line, stdin) == NULL ? "NULL" : line);
	printf("write to stdin %d error %d\n", fputc('x', stdin), ferror(stdin));
	printf("read from stdout %d error %d\n", fgetc(stdout), ferror(stdout));
	clearerr(stdout);
}

int main(void)
{
	mark("start");
	printf("partial");
	mark("after partial");
	printf(" line\nsecond");
	mark("after newline");
	puts(" with puts");
	mark("after puts");
	putchar('c');
	putchar('\n');
	mark("after putchar");
	fputs("fputs\n", stdout);
	fwrite("fwrite\n", 1, 7, stdout);
	mark("after fputs and fwrite");

	big(1500, 'a');
	mark("1500 bytes");
	big(3000, 'b');
	mark("4500 bytes");
	big(20000, 'c');
	mark("24500 bytes");
	printf("\n");
	mark("newline");
	big(4096 - 1, 'd');
	mark("4095");
	putchar('e');
	mark("4096");
	putchar('f');
	mark("4097");
	printf("\n");
	fflush(stdout);
	mark("fflush");

	fputs("to stderr with fputs\n", stderr);
	fputc('!', stderr);
	fwrite("fwrite to stderr\n", 1, 17, stderr);
	perror("perror");

	setvbuf(stdout, NULL, _IONBF, 0);
	printf("unbuffered now ");
	mark("unbuffered");
	putchar('x');
	mark("putchar unbuffered");
	printf("\n");

	{
		static char mine[64];

		setvbuf(stdout, mine, _IOFBF, sizeof mine);
		printf("a 64-byte buffer of our own ");
		mark("own buffer");
		printf("that fills up and spills over at sixty-four bytes, more than once, yes.\n");
		mark("spilled");
		setvbuf(stdout, mine, _IOLBF, sizeof mine);
		printf("line buffered in it\nand a partial");
		mark("line buffered own");
		printf("\n");
		fflush(stdout);
		setvbuf(stdout, NULL, _IOFBF, 0);
	}

	read_input();
	printf("last words without a newline");
	mark("end of main");
	return 0;
}
