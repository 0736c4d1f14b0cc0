/* segv_null.c - a store through a NULL pointer: SIGSEGV, exit status 139. */
#include <string.h>
#include <unistd.h>

static void say(const char *s)
{
    write(1, s, strlen(s));
}

int main(void)
{
    volatile int *volatile p = NULL;

    say("storing to NULL\n");
    *p = 42;
    say("FAIL: survived a store to NULL\n");
    return 1;
}
