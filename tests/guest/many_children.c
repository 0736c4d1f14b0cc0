/*
 * many_children.c - fifty children alive at once, each exiting with its
 * index (0..49); the parent reaps them in whatever order they finish with
 * wait() and checks every status against the index it gave that pid. Then
 * wait() has nothing left: ECHILD. Prints a checksum of the statuses
 * (0 + 1 + ... + 49 = 1225) and the count, never a pid.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include "proc_helpers.h"

#define CHILDREN 50

int main(void)
{
    pid_t pids[CHILDREN], r;
    int seen[CHILDREN] = {0};
    int i, status, reaped = 0, matched = 0, checksum = 0;

    for (i = 0; i < CHILDREN; i++) {
        pids[i] = fork_flushed();
        if (pids[i] == 0)
            _exit(i);
    }
    while ((r = wait(&status)) > 0) {
        reaped++;
        checksum += WEXITSTATUS(status);
        for (i = 0; i < CHILDREN; i++) {
            if (pids[i] == r) {
                if (!seen[i] && WIFEXITED(status) && WEXITSTATUS(status) == i)
                    matched++;
                seen[i] = 1;
                break;
            }
        }
    }
    printf("wait after the last child: errno=%s\n", errno_name(errno));
    printf("reaped %d\n", reaped);
    printf("checksum of exit statuses: %d\n", checksum);
    printf("every child's status is its index: %s\n", ok(matched == CHILDREN));
    return 0;
}
