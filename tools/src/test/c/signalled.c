/* signalled.c - SIGUSR1 to itself (a handler notes it), a line saying what the handler saw, then a
 * store through NULL: the debugger's stops at signals. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile int got;

static void on_usr1(int sig)
{
	got = sig;
}

int main(void)
{
	char line[32];

	signal(SIGUSR1, on_usr1);
	kill(getpid(), SIGUSR1);
	write(1, line, snprintf(line, sizeof line, "handler saw %d\n", got));
	*(volatile int *)0 = 1;
	return 0;
}
