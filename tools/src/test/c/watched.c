/* A global that a thread writes twice and main writes once, and a dup2 for fds: the debugger
   tests' program (DebugConsoleTest). */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

volatile int shared = 1;

static void *worker(void *arg)
{
	(void)arg;
	shared = 42;
	shared = 43;
	return NULL;
}

int main(void)
{
	pthread_t t;

	shared = 2;
	dup2(1, 5);
	getppid();
	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	printf("shared = %d\n", shared);
	return 0;
}
