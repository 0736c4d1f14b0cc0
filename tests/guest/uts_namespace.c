/*
 * uts_namespace.c - CLONE_NEWUTS: a process that unshares its UTS namespace
 * (unshare(2)) or is cloned into a new one gets a copy of the host name,
 * and its sethostname(2) changes only that copy: the parent's uname(2)
 * still shows the old name, a child forked inside the namespace shows the
 * new one. Creating a namespace needs CAP_SYS_ADMIN: run as another user,
 * the program says only that it skipped. The host name itself is never
 * printed, and never changed outside a namespace of our own.
 */
#define _GNU_SOURCE
#include <sys/utsname.h>
#include "thread_helpers.h"

#define NR_sethostname 74

static const char new_name[] = "minikernel-uts";

static int nodename_is(const char *name)
{
    struct utsname u;

    return uname(&u) == 0 && strcmp(u.nodename, name) == 0;
}

/* In the new namespace: the checks, as bits of the exit status (0 = all good). */
static int inside(void)
{
    char too_long[66];
    pid_t pid;
    int bad = 0, status;

    memset(too_long, 'x', sizeof too_long);
    if (raw2(NR_sethostname, (long)new_name, (long)strlen(new_name)) != 0)
        bad |= 1;
    if (!nodename_is(new_name))
        bad |= 2;
    if (raw2(NR_sethostname, (long)too_long, 65) != -EINVAL)
        bad |= 4;
    if (!nodename_is(new_name))
        bad |= 8;
    /* A child forked in the namespace shares it. */
    pid = fork();
    if (pid == 0)
        raw1(NR_exit_group, nodename_is(new_name) ? 0 : 1);
    if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0)
        bad |= 16;
    return bad;
}

static void report(const char *how, int status, const char *parent_name)
{
    int bad = WIFEXITED(status) ? WEXITSTATUS(status) : 255;

    printf("%s: sethostname in the new namespace: %s\n", how, ok(!(bad & 1)));
    printf("%s: uname there shows the new name: %s\n", how, ok(!(bad & 2)));
    printf("%s: a name of 65 bytes is refused with EINVAL and changes nothing: %s\n", how, ok(!(bad & 12)));
    printf("%s: a child forked there sees the new name: %s\n", how, ok(!(bad & 16)));
    printf("%s: the parent's name is unchanged: %s\n", how, ok(nodename_is(parent_name)));
}

int main(void)
{
    struct utsname before;
    pid_t pid;
    long r;
    int status;

    if (uname(&before) != 0) {
        printf("FAIL: uname: errno=%s\n", errno_name(errno));
        return 1;
    }

    pid = fork_flushed();
    if (pid == 0) {
        r = raw1(NR_unshare, F_CLONE_NEWUTS);
        if (r == -EPERM)
            raw1(NR_exit_group, 100);
        raw1(NR_exit_group, r != 0 ? 99 : inside());
    }
    status = wait_for(pid);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 100) {
        printf("uts namespace: skipped (needs root)\n");
        return 0;
    }
    report("unshare(CLONE_NEWUTS)", status, before.nodename);

    fflush(stdout);
    r = guest_raw_clone(F_CLONE_NEWUTS | SIGCHLD, NULL, NULL, NULL, NULL, NULL, NULL);
    if (r == 0)
        raw1(NR_exit_group, inside());
    status = r > 0 ? wait_for((pid_t)r) : -1;
    report("clone(CLONE_NEWUTS)", status, before.nodename);

    /* Outside any namespace of ours the call is only tried with a bad length: nothing can change. */
    r = raw2(NR_sethostname, (long)new_name, -1);
    printf("sethostname with length -1: %s\n", raw_errno(r));
    printf("the host name was never changed: %s\n", ok(nodename_is(before.nodename)));
    return 0;
}
