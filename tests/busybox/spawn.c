/* spawn.c - glibc's ways of running a command through /bin/sh: system(), popen() and
   posix_spawn() (clone with CLONE_VM | CLONE_VFORK, then execve). Built by BusyboxTest with
   gcc -m32 -static and run in a root whose /bin/sh is busybox (the host's own /bin/sh is an
   x86-64 program, which minikernel cannot run, nor can qemu-i386). */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(void)
{
	char buf[64] = "";
	int r = system("echo from-system; exit 3");
	printf("system: %d\n", WEXITSTATUS(r));
	FILE *f = popen("echo from-popen", "r");
	if (f == NULL || fgets(buf, sizeof buf, f) == NULL)
		printf("popen failed\n");
	else
		printf("popen read: %s", buf);
	printf("pclose: %d\n", f ? pclose(f) : -1);
	pid_t pid;
	char *argv[] = {"sh", "-c", "exit 5", NULL};
	printf("posix_spawn: %d\n", posix_spawn(&pid, "/bin/sh", NULL, NULL, argv, environ));
	int st;
	waitpid(pid, &st, 0);
	printf("spawned exit: %d\n", WEXITSTATUS(st));
	return 0;
}
