/* echo [-neE] [STRING]...: the arguments, separated by spaces, and a
   newline.  As coreutils' echo: -n drops the newline, -e interprets
   backslash escapes (\\ \a \b \c \e \f \n \r \t \v \0NNN \xHH), -E (the
   default) does not; an argument counts as options only if it is made of
   those letters, so "-x" or "--" is printed. */
#include <stdio.h>
#include <string.h>

static int is_options(const char *s)
{
	return s[0] == '-' && s[1] != '\0' && strspn(s + 1, "neE") == strlen(s + 1);
}

static int hex(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Print s with its escapes; 0 when \c asks to stop all output. */
static int put_escaped(const char *s)
{
	while (*s != '\0') {
		int c = (unsigned char)*s++, n, i;

		if (c != '\\' || *s == '\0') {
			putchar(c);
			continue;
		}
		c = (unsigned char)*s++;
		switch (c) {
		case 'a': c = '\a'; break;
		case 'b': c = '\b'; break;
		case 'c': return 0;
		case 'e': c = 033; break;
		case 'f': c = '\f'; break;
		case 'n': c = '\n'; break;
		case 'r': c = '\r'; break;
		case 't': c = '\t'; break;
		case 'v': c = '\v'; break;
		case 'x':
			if (hex((unsigned char)*s) < 0) {
				putchar('\\');
				break;
			}
			for (n = 0, i = 0; i < 2 && hex((unsigned char)*s) >= 0; i++)
				n = n * 16 + hex((unsigned char)*s++);
			c = n;
			break;
		case '0':
			for (n = 0, i = 0; i < 3 && *s >= '0' && *s <= '7'; i++)
				n = n * 8 + (*s++ - '0');
			c = n;
			break;
		case '\\':
			break;
		default:
			putchar('\\');
			break;
		}
		putchar(c);
	}
	return 1;
}

int main(int argc, char **argv)
{
	int newline = 1, escapes = 0, i = 1;

	for (; i < argc && is_options(argv[i]); i++) {
		const char *p;

		for (p = argv[i] + 1; *p != '\0'; p++) {
			if (*p == 'n')
				newline = 0;
			else
				escapes = *p == 'e';
		}
	}
	for (; i < argc; i++) {
		if (escapes) {
			if (!put_escaped(argv[i]))
				return 0;
		} else {
			fputs(argv[i], stdout);
		}
		if (i + 1 < argc)
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	return 0;
}
