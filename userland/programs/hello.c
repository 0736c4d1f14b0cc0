/* The first guest program: one line on standard output. */
#include <stdio.h>

int main(void)
{
	printf("Hello, world!\n");
	return 0;
}
