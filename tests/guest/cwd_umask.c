/*
 * cwd_umask.c - the current directory and the umask (fs/fs_struct.c,
 * fs/d_path.c getcwd, kernel/sys.c umask): chdir and getcwd with absolute
 * and relative paths, the errors chdir and getcwd give, umask returning the
 * previous mask; and across fork: the child starts with the parent's
 * directory and mask (fork copies the fs_struct), and its own chdir and
 * umask do not reach the parent.
 *
 * The directory the test starts in is never printed: it is wherever the
 * test runner happens to be.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "proc_helpers.h"

static void show_cwd(const char *when)
{
    char buf[PATH_MAX];

    if (getcwd(buf, sizeof buf) == NULL)
        printf("%s: getcwd failed: errno=%s\n", when, errno_name(errno));
    else
        printf("%s: %s\n", when, buf);
}

static void show_chdir(const char *path)
{
    int r = chdir(path);

    if (r == 0)
        printf("chdir(\"%s\"): 0\n", path);
    else
        printf("chdir(\"%s\"): errno=%s\n", path, errno_name(errno));
}

int main(void)
{
    char start[PATH_MAX], buf[PATH_MAX], small[2], *copy;
    mode_t old;
    int status;
    pid_t pid;

    printf("getcwd at the start is absolute: %s\n", ok(getcwd(start, sizeof start) == start && start[0] == '/'));
    copy = getcwd(NULL, 0);
    printf("getcwd(NULL, 0) allocates a copy: %s\n", ok(copy != NULL && strcmp(copy, start) == 0));
    free(copy);

    show_chdir("/");
    show_cwd("getcwd");
    show_chdir("/dev");
    show_cwd("getcwd");
    printf("getcwd of \"/dev\" into 2 bytes: %s\n", getcwd(small, sizeof small) == NULL ? errno_name(errno) : "FAIL");
    printf("getcwd with size 0: %s\n", getcwd(buf, 0) == NULL ? errno_name(errno) : "FAIL");
    show_chdir("..");
    show_cwd("getcwd after \"..\"");
    show_chdir("..");
    show_cwd("getcwd after \"..\" at the root");
    show_chdir("dev/");
    show_cwd("getcwd after a relative \"dev/\"");
    show_chdir("/dev/./../dev//");
    show_cwd("getcwd after \"/dev/./../dev//\"");
    show_chdir("/no/such/directory");
    show_chdir("/dev/null");
    show_chdir("/dev/null/x");
    show_chdir("");
    show_cwd("still");

    old = umask(022);
    printf("umask(022) returns the previous mask (any): %s\n", ok((old & ~0777) == 0));
    printf("umask(077) returns %03o\n", (unsigned)umask(077));
    printf("umask(0777 | 01000) returns %03o\n", (unsigned)umask(0777 | 01000));
    printf("umask(077) returns %03o (only the permission bits are kept)\n", (unsigned)umask(077));

    show_chdir("/dev");
    pid = fork_flushed();
    if (pid == 0) {
        show_cwd("child starts in");
        printf("child: inherited umask %03o\n", (unsigned)umask(0));
        show_chdir("/");
        show_cwd("child after its chdir");
        exit(0);
    }
    status = wait_for(pid);
    printf("child %s\n", ended(status));
    show_cwd("parent still in");
    printf("parent: umask still %03o\n", (unsigned)umask(old));
    return 0;
}
