/* pwd: print the current directory (getcwd(3)). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	char *cwd = getcwd(NULL, 0);

	if (cwd == NULL) {
		fprintf(stderr, "pwd: %s\n", strerror(errno));
		return 1;
	}
	puts(cwd);
	free(cwd);
	return 0;
}
