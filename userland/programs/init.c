/* /sbin/init of the default image: the first program the kernel starts.
   For now it greets and exits; the pid line appears only when this really
   is pid 1, so the output is the same on every boot. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	printf("Welcome to minikernel, an educational Linux-style kernel written in Java.\n");
	printf("It is running this i386 Linux program, /sbin/init, as the first process.\n");
	if (getpid() == 1)
		printf("init: running as pid 1\n");
	printf("Try next: ./minikernel run hello\n");
	return 0;
}
