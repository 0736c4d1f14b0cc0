/*
 * rlimits.c - resource limits (kernel/sys.c do_prlimit): every limit read
 * has its soft value at or below its hard one; a soft limit above the hard
 * one is EINVAL; only a privileged process may raise a hard limit (EPERM
 * otherwise: that check is skipped as root, where it would succeed).
 * Limits are enforced: with RLIMIT_NOFILE at 16, dup fails with EMFILE
 * once descriptor 15 is taken; with RLIMIT_AS lowered, a large mmap fails
 * with ENOMEM; a child inherits its parent's limits.
 *
 * Values are not printed (they depend on the host's configuration), only
 * relations and the limits the test sets itself. Each enforcement check
 * runs in a child, so the test's own limits stay as they were.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include "proc_helpers.h"

static void relation(const char *name, int resource)
{
    struct rlimit lim;

    if (getrlimit(resource, &lim) < 0)
        printf("%s: getrlimit errno=%s\n", name, errno_name(errno));
    else
        printf("%s: soft <= hard: %s\n", name, ok(lim.rlim_cur <= lim.rlim_max));
}

static void show(const char *what, int r)
{
    if (r < 0)
        printf("%s: errno=%s\n", what, errno_name(errno));
    else
        printf("%s: %d\n", what, r);
}

static void nofile_limit(void)
{
    struct rlimit lim;
    int fd, last = -1;

    getrlimit(RLIMIT_NOFILE, &lim);
    lim.rlim_cur = 16;
    show("setrlimit(RLIMIT_NOFILE, soft 16)", setrlimit(RLIMIT_NOFILE, &lim));
    getrlimit(RLIMIT_NOFILE, &lim);
    printf("RLIMIT_NOFILE soft now: %lu\n", (unsigned long)lim.rlim_cur);
    while ((fd = dup(0)) >= 0)
        last = fd;
    printf("dup until it fails: errno=%s\n", errno_name(errno));
    printf("the last descriptor dup gave is 15: %s\n", ok(last == 15));
    show("dup2 onto descriptor 16", dup2(0, 16));
    show("dup2 onto descriptor 15", dup2(0, 15));
}

static void as_limit(void)
{
    struct rlimit lim;
    void *p;

    getrlimit(RLIMIT_AS, &lim);
    lim.rlim_cur = 64UL * 1024 * 1024;
    show("setrlimit(RLIMIT_AS, soft 64 MiB)", setrlimit(RLIMIT_AS, &lim));
    p = mmap(NULL, 256UL * 1024 * 1024, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap of 256 MiB: %s\n", p == MAP_FAILED ? errno_name(errno) : "FAIL (mapped)");
    p = mmap(NULL, 1024 * 1024, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap of 1 MiB still works: %s\n", ok(p != MAP_FAILED));
}

static void inherited(void)
{
    struct rlimit lim;

    getrlimit(RLIMIT_NOFILE, &lim);
    printf("child: inherited RLIMIT_NOFILE soft %lu\n", (unsigned long)lim.rlim_cur);
}

static void hard_limits(void)
{
    struct rlimit lim, now;

    lim.rlim_cur = 17;
    lim.rlim_max = 16;
    show("setrlimit(RLIMIT_NOFILE, soft 17, hard 16)", setrlimit(RLIMIT_NOFILE, &lim));

    getrlimit(RLIMIT_CORE, &lim);
    lim.rlim_cur = 0;
    lim.rlim_max = 0;
    show("setrlimit(RLIMIT_CORE, 0, 0): lowering the hard limit", setrlimit(RLIMIT_CORE, &lim));
    getrlimit(RLIMIT_CORE, &now);
    printf("RLIMIT_CORE now %lu %lu\n", (unsigned long)now.rlim_cur, (unsigned long)now.rlim_max);
    lim.rlim_max = 1;
    if (geteuid() == 0) {
        printf("raising the hard limit back: EPERM, or root: OK\n");
    } else {
        int r = setrlimit(RLIMIT_CORE, &lim);

        printf("raising the hard limit back: %s\n",
               r < 0 && errno == EPERM ? "EPERM, or root: OK" : "FAIL");
    }
    show("getrlimit of resource 99", getrlimit(99, &lim));
}

int main(void)
{
    struct rlimit lim;
    int status;
    pid_t pid;

    relation("RLIMIT_STACK", RLIMIT_STACK);
    relation("RLIMIT_NOFILE", RLIMIT_NOFILE);
    relation("RLIMIT_NPROC", RLIMIT_NPROC);
    relation("RLIMIT_CORE", RLIMIT_CORE);
    relation("RLIMIT_AS", RLIMIT_AS);
    relation("RLIMIT_DATA", RLIMIT_DATA);

    pid = fork_flushed();
    if (pid == 0) {
        nofile_limit();
        fflush(stdout);
        pid = fork_flushed();
        if (pid == 0) {
            inherited();
            exit(0);
        }
        wait_for(pid);
        exit(0);
    }
    status = wait_for(pid);
    printf("child %s\n", ended(status));
    getrlimit(RLIMIT_NOFILE, &lim);
    printf("the test's RLIMIT_NOFILE was not lowered: %s\n", ok(lim.rlim_cur > 16));

    pid = fork_flushed();
    if (pid == 0) {
        as_limit();
        exit(0);
    }
    status = wait_for(pid);
    printf("child %s\n", ended(status));

    pid = fork_flushed();
    if (pid == 0) {
        hard_limits();
        exit(0);
    }
    status = wait_for(pid);
    printf("child %s\n", ended(status));
    return 0;
}
