/* ill_ud2.c - ud2, the instruction defined to be invalid: SIGILL, exit status 132. */
#include <string.h>
#include <unistd.h>

static void say(const char *s)
{
    write(1, s, strlen(s));
}

int main(void)
{
    say("executing ud2\n");
    __asm__ volatile("ud2");
    say("FAIL: survived ud2\n");
    return 1;
}
