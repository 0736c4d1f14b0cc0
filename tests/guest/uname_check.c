/* uname_check.c - uname(2) reports a Linux kernel; the release and host name vary, so they are only checked. */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

static const char *ok(int good)
{
    return good ? "OK" : "FAIL";
}

int main(void)
{
    struct utsname u;

    memset(&u, 0xff, sizeof u);
    printf("uname-returns: %d\n", uname(&u));
    printf("sysname: %s\n", u.sysname);
    printf("release-set: %s\n", ok(memchr(u.release, 0, sizeof u.release) && u.release[0] != '\0'));
    printf("version-set: %s\n", ok(memchr(u.version, 0, sizeof u.version) && u.version[0] != '\0'));
    printf("machine-set: %s\n", ok(memchr(u.machine, 0, sizeof u.machine) && u.machine[0] != '\0'));
    printf("nodename-terminated: %s\n", ok(memchr(u.nodename, 0, sizeof u.nodename) != NULL));
    printf("uname: %s\n", ok(strcmp(u.sysname, "Linux") == 0));
    return 0;
}
