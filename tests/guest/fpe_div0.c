/*
 * fpe_div0.c - the divide error (#DE): SIGFPE, exit status 136.
 *
 *   fpe_div0           1 / 0
 *   fpe_div0 overflow  INT_MIN / -1, whose quotient does not fit: also #DE
 */
#include <limits.h>
#include <string.h>
#include <unistd.h>

static void say(const char *s)
{
    write(1, s, strlen(s));
}

int main(int argc, char **argv)
{
    volatile int dividend = 1, divisor = 0;

    if (argc > 1 && strcmp(argv[1], "overflow") == 0) {
        dividend = INT_MIN;
        divisor = -1;
        say("dividing INT_MIN by -1\n");
    } else {
        say("dividing by zero\n");
    }
    dividend = dividend / divisor;
    say("FAIL: survived a divide error\n");
    return dividend;
}
