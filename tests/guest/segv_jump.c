/* segv_jump.c - a call through a NULL function pointer: SIGSEGV on fetch, exit status 139. */
#include <string.h>
#include <unistd.h>

static void say(const char *s)
{
    write(1, s, strlen(s));
}

int main(void)
{
    void (*volatile fn)(void) = NULL;

    say("calling a NULL function pointer\n");
    fn();
    say("FAIL: survived a jump to address 0\n");
    return 1;
}
