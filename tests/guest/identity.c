/* identity.c - who a process is: ids that must be consistent, without printing their values. */
#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>

static const char *ok(int good)
{
    return good ? "OK" : "FAIL";
}

int main(void)
{
    pid_t pid = getpid();

    printf("getpid-positive: %s\n", ok(pid > 0));
    printf("getpid-stable: %s\n", ok(getpid() == pid));
    printf("getpid-matches-syscall: %s\n", ok(syscall(SYS_getpid) == pid));
    printf("getppid-not-negative: %s\n", ok(getppid() >= 0));
    printf("getppid-not-self: %s\n", ok(getppid() != pid));
    /* A single-threaded process's only thread has the process's id. */
    printf("gettid-is-pid: %s\n", ok(gettid() == pid));
    printf("uid-is-euid: %s\n", ok(getuid() == geteuid()));
    printf("gid-is-egid: %s\n", ok(getgid() == getegid()));
    return 0;
}
