/* Two threads that never block, each noting in a shared log every 20000 steps of its loop: the
   log's order is the scheduler's preemption order, so it tells whether two runs were scheduled
   alike (DebugConsoleTest: a debugged run must be scheduled exactly as an undebugged one). */
#include <pthread.h>
#include <stdio.h>

static char log_[64];
static volatile int len;

static void *racer(void *arg)
{
	char me = (char)(long)arg;
	unsigned x = (unsigned)me;

	for (int i = 1; i <= 600000; i++) {
		x = x * 1664525u + 1013904223u;
		if (i % 20000 == 0 && len < (int)sizeof log_ - 1)
			log_[len++] = me;
	}
	return (void *)(long)x;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, racer, (void *)(long)'a');
	pthread_create(&b, NULL, racer, (void *)(long)'b');
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%s\n", log_);
	return 0;
}
