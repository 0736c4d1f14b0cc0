/*
 * pgrp_session.c - process groups and sessions (kernel/sys.c setpgid,
 * setsid): a child starts in its parent's group and session; setpgid(0, 0)
 * makes it the leader of a new group in the same session, which another
 * process of the session can join; setsid() makes a child the leader of a
 * new session and group, after which it cannot change its group and a
 * group leader cannot call setsid; the errors for pids that do not exist
 * or are not children.
 *
 * The test itself may or may not lead its group or session depending on
 * what started it (a shell, a JVM, minikernel's init), so it only compares
 * ids with each other and leaves setsid to its children. Children print
 * and exit before the parent prints again, so the order is fixed.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include "proc_helpers.h"

#define NO_SUCH_PID 0x7ffffff0   /* above any pid_max */

static void show(const char *what, int r)
{
    if (r < 0)
        printf("%s: errno=%s\n", what, errno_name(errno));
    else
        printf("%s: %d\n", what, r);
}

int main(void)
{
    pid_t me = getpid(), pgrp = getpgrp(), sid = getsid(0), pid, grandchild;
    int up[2], status;

    printf("getpgrp() == getpgid(0) == getpgid(getpid()): %s\n",
           ok(pgrp == getpgid(0) && pgrp == getpgid(me)));
    printf("getsid(0) == getsid(getpid()): %s\n", ok(sid == getsid(me)));
    show("getpgid of a pid that does not exist", getpgid(NO_SUCH_PID));
    show("getsid of a pid that does not exist", getsid(NO_SUCH_PID));
    show("setpgid of a pid that does not exist", setpgid(NO_SUCH_PID, 0));
    show("setpgid to a negative group", setpgid(0, -1));
    show("setpgid of the parent (not a child)", setpgid(getppid(), 0));

    pid = fork_flushed();
    if (pid == 0) {
        printf("child: starts in the parent's group and session: %s\n",
               ok(getpgrp() == pgrp && getsid(0) == sid));
        show("child: setpgid(0, 0)", setpgid(0, 0));
        printf("child: now leads its own group: %s\n", ok(getpgrp() == getpid()));
        printf("child: still in the parent's session: %s\n", ok(getsid(0) == sid));
        show("child: setsid() as a group leader", setsid());
        exit(0);
    }
    status = wait_for(pid);
    printf("child %s\n", ended(status));

    /* A group leader whose member joins it; the parent looks at both. */
    if (pipe(up) < 0) {
        printf("FAIL: pipe: errno=%s\n", errno_name(errno));
        return 1;
    }
    pid = fork_flushed();
    if (pid == 0) {
        pid_t leader = getpid();

        setpgid(0, 0);
        write_all(up[1], "g", 1);
        grandchild = fork_flushed();
        if (grandchild == 0) {
            show("grandchild: setpgid(0, the test's group)", setpgid(0, pgrp));
            printf("grandchild: back in the test's group: %s\n", ok(getpgrp() == pgrp));
            show("grandchild: setpgid(0, its parent's group)", setpgid(0, leader));
            printf("grandchild: in its parent's group: %s\n", ok(getpgrp() == leader));
            exit(0);
        }
        wait_for(grandchild);
        printf("child: getpgid(grandchild) after it exited: %s\n",
               getpgid(grandchild) < 0 ? errno_name(errno) : "FAIL");
        exit(0);
    }
    close(up[1]);
    {
        char c;
        int seen = read(up[0], &c, 1) == 1 && getpgid(pid) == pid;

        status = wait_for(pid);
        printf("child %s\n", ended(status));
        printf("the test saw getpgid(child) == child: %s\n", ok(seen));
    }
    close(up[0]);

    pid = fork_flushed();
    if (pid == 0) {
        pid_t r = setsid();

        printf("child: setsid() returns its pid: %s\n", ok(r == getpid()));
        printf("child: leads a new session and a new group: %s\n",
               ok(getsid(0) == getpid() && getpgrp() == getpid() && getsid(0) != sid));
        show("child: setpgid(0, 0) as a session leader", setpgid(0, 0));
        show("child: setpgid(0, the test's group), another session", setpgid(0, pgrp));
        show("child: setsid() again", setsid());
        grandchild = fork_flushed();
        if (grandchild == 0) {
            printf("grandchild: in the new session: %s\n", ok(getsid(0) == getppid()));
            show("grandchild: setpgid(0, the test's group), another session", setpgid(0, pgrp));
            exit(0);
        }
        wait_for(grandchild);
        exit(0);
    }
    status = wait_for(pid);
    printf("child %s\n", ended(status));
    printf("the test's own group and session did not change: %s\n", ok(getpgrp() == pgrp && getsid(0) == sid));
    return 0;
}
