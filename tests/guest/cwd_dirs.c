/*
 * cwd_dirs.c - the current directory as a directory, not a string
 * (fs/fs_struct.c, fs/open.c chdir/fchdir, fs/d_path.c getcwd), beyond
 * cwd_umask.c:
 *
 *   - relative names resolve from the current directory: after chdir,
 *     after fchdir to a directory descriptor; fchdir of a file is ENOTDIR,
 *     of a bad descriptor EBADF
 *   - getcwd's buffer: exactly the length plus the NUL fits, one byte less
 *     is ERANGE; the raw system call returns the length with the NUL
 *   - the current directory follows its directory: renamed (getcwd shows
 *     the new name, relative names still work), and removed (getcwd is
 *     ENOENT, "." still opens, creating a file there is ENOENT, ".."
 *     still leads back)
 *   - a directory descriptor keeps the directory after chdir elsewhere
 *
 * Works in the current directory; getcwd is printed only relative to it.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <stdlib.h>
#include "fs_helpers.h"

#define NR_getcwd 183

static char start[PATH_MAX];

static void show_cwd(const char *what)
{
    char now[PATH_MAX];

    if (getcwd(now, sizeof now) == NULL)
        printf("%s: getcwd %s\n", what, errno_name(errno));
    else if (strncmp(now, start, strlen(start)) == 0)
        printf("%s: getcwd START%s\n", what, now + strlen(start));
    else
        printf("%s: getcwd outside START\n", what);
}

static void relative(void)
{
    int dfd, ffd;

    mkdir("a", 0755);
    mkdir("a/b", 0755);
    mkdir("a/b/c", 0755);
    make_file("a/b/c/deep.txt", "deep");
    make_file("a/b/mid.txt", "mid");
    show("chdir a/b/c", (long)chdir("a/b/c"));
    show_cwd("after it");
    printf("deep.txt from there: [%s], ../mid.txt: [%s]\n", file_text("deep.txt"), file_text("../mid.txt"));
    dfd = open("..", O_RDONLY | O_DIRECTORY);
    show("chdir ../../..", (long)chdir("../../.."));
    show_cwd("after it");
    show("fchdir to a descriptor of a/b", (long)fchdir(dfd));
    show_cwd("after it");
    printf("mid.txt from there: [%s]\n", file_text("mid.txt"));
    ffd = open("mid.txt", O_RDONLY);
    show("fchdir to a file's descriptor", (long)fchdir(ffd));
    show("fchdir to a closed descriptor", (long)fchdir(99));
    show_cwd("still");
    close(ffd);
    chdir(start);
    printf("the a/b descriptor after chdir elsewhere: openat(\"mid.txt\") %s\n",
           ok((ffd = openat(dfd, "mid.txt", O_RDONLY)) >= 0));
    close(ffd);
    close(dfd);
    show("chdir a file", (long)chdir("a/b/mid.txt"));
    show("chdir a missing directory", (long)chdir("a/missing"));
}

static void buffers(void)
{
    char buf[PATH_MAX];
    size_t len = strlen(start);
    long r;

    printf("getcwd into exactly length + 1 bytes: %s\n", ok(getcwd(buf, len + 1) == buf && strcmp(buf, start) == 0));
    printf("getcwd into length bytes: %s\n", getcwd(buf, len) == NULL ? errno_name(errno) : "FAIL (fit)");
    printf("getcwd into 1 byte: %s\n", getcwd(buf, 1) == NULL ? errno_name(errno) : "FAIL (fit)");
    r = syscall(NR_getcwd, buf, sizeof buf);
    printf("the getcwd system call returns the length with the NUL: %s\n", ok(r == (long)len + 1));
    r = syscall(NR_getcwd, buf, len);
    printf("the getcwd system call with too small a buffer: %s\n", res(r));
    chdir("/");
    r = syscall(NR_getcwd, buf, sizeof buf);
    printf("the getcwd system call at the root: %s [%s]\n", res(r), buf);
    chdir(start);
}

static void renamed(void)
{
    mkdir("old", 0755);
    make_file("old/inside.txt", "inside");
    chdir("old");
    show("rename ../old to ../new while inside it", (long)rename("../old", "../new"));
    show_cwd("the current directory follows");
    printf("inside.txt from there: [%s]\n", file_text("inside.txt"));
    make_file("made_after.txt", "x");
    chdir(start);
    printf("a file made there after the rename is new/made_after.txt: %s\n",
           ok(access("new/made_after.txt", F_OK) == 0));
    mkdir("outer", 0755);
    chdir("new");
    show("rename ../new into ../outer/moved", (long)rename("../new", "../outer/moved"));
    show_cwd("the current directory follows");
    chdir(start);
}

static void removed(void)
{
    int fd;

    mkdir("doomed", 0755);
    chdir("doomed");
    show("rmdir of the current directory by its full name", (long)rmdir("../doomed"));
    show_cwd("then");
    fd = open(".", O_RDONLY);
    printf("open(\".\"): %s\n", fd >= 0 ? "OK" : errno_name(errno));
    close(fd);
    fd = open("new.txt", O_WRONLY | O_CREAT, 0644);
    printf("creating a file there: %s\n", fd >= 0 ? "FAIL (created)" : errno_name(errno));
    show("mkdir there", (long)mkdir("sub", 0755));
    show("chdir ..", (long)chdir(".."));
    show_cwd("then");
}

int main(void)
{
    if (getcwd(start, sizeof start) == NULL) {
        printf("FAIL: getcwd: errno=%s\n", errno_name(errno));
        return 1;
    }
    relative();
    buffers();
    renamed();
    removed();
    return 0;
}
