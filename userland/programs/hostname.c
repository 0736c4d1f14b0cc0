/* hostname [NAME]: print the host name, or set it (sethostname(2), which
   needs root). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char name[256];

	if (argc > 1) {
		if (sethostname(argv[1], strlen(argv[1])) < 0) {
			fprintf(stderr, "hostname: %s\n", strerror(errno));
			return 1;
		}
		return 0;
	}
	if (gethostname(name, sizeof name) < 0) {
		fprintf(stderr, "hostname: %s\n", strerror(errno));
		return 1;
	}
	puts(name);
	return 0;
}
