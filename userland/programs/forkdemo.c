/* /bin/forkdemo of the default image: what fork() copies.  The parent puts
   one value in a global variable and one on the heap, then forks.  The
   child changes both and prints them; the parent waits for it and prints
   its own, which did not change: after fork each process has its own
   memory.  (The kernel copies lazily: both share every page read-only
   until one of them writes, and only the written page is copied.)  The
   output names no pid or address, so it is the same on every run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static int counter = 1;                 /* a global, in the data segment */

int main(void)
{
	char *message = malloc(32);     /* on the heap */
	int status;
	pid_t pid;

	if (message == NULL) {
		perror("forkdemo: malloc");
		return 1;
	}
	strcpy(message, "written by the parent");
	printf("parent: before fork, counter = %d, message = \"%s\"\n", counter, message);
	/* Whatever stdio still buffers would be copied into the child too and
	   printed twice. */
	fflush(stdout);

	pid = fork();
	if (pid < 0) {
		perror("forkdemo: fork");
		return 1;
	}
	if (pid == 0) {
		counter = 2;
		strcpy(message, "changed by the child");
		printf("child:  after my writes, counter = %d, message = \"%s\"\n", counter, message);
		printf("child:  exiting with status 7\n");
		exit(7);
	}

	if (waitpid(pid, &status, 0) < 0) {
		perror("forkdemo: waitpid");
		return 1;
	}
	printf("parent: the child exited with status %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	printf("parent: my copies are unchanged, counter = %d, message = \"%s\"\n", counter, message);
	printf("fork gave the child its own copy of the parent's memory (copy-on-write):\n"
	       "its writes changed only its copy.\n");
	free(message);
	return 0;
}
