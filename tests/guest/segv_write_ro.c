/*
 * segv_write_ro.c - a store to a read-only page: SIGSEGV, exit status 139.
 *
 *   segv_write_ro          a page made read-only with mprotect(PROT_READ)
 *   segv_write_ro literal  a string literal (the ELF's read-only segment)
 */
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

static void say(const char *s)
{
    write(1, s, strlen(s));
}

int main(int argc, char **argv)
{
    volatile char *volatile target;

    if (argc > 1 && strcmp(argv[1], "literal") == 0) {
        target = (char *)"a string literal";
        say("storing into a string literal\n");
    } else {
        target = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (target == MAP_FAILED) {
            say("FAIL: mmap\n");
            return 1;
        }
        target[0] = 'w';
        if (mprotect((void *)target, 4096, PROT_READ) != 0) {
            say("FAIL: mprotect\n");
            return 1;
        }
        say("storing into a PROT_READ page\n");
    }
    target[0] = 'X';
    say("FAIL: survived a store to read-only memory\n");
    return 1;
}
