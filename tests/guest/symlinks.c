/*
 * symlinks.c - symbolic links (fs/namei.c: symlink, readlink, following):
 *
 *   - symlink stores any text: a relative target is resolved from the
 *     link's own directory, not the caller's; an absolute one from the
 *     root; EEXIST over an existing name, ENOENT for an empty target
 *   - readlink: the target without a NUL; a buffer too small truncates
 *     (and writes nothing past it); EINVAL on a file and for a zero size;
 *     ENOENT; with a trailing slash the link is followed (EINVAL)
 *   - a link in the middle of a path, ".." after a link (the target's
 *     parent), chdir through a link (getcwd shows the real directory)
 *   - links to links, to directories, dangling links; writing through a
 *     link writes the target
 *   - symlinkat and readlinkat relative to a directory descriptor
 *
 * Files are made in the current directory; getcwd's value is printed only
 * relative to the starting directory.
 */
#define _GNU_SOURCE
#include <limits.h>
#include "fs_helpers.h"

static void show_readlink(const char *what, const char *path, size_t size)
{
    char buf[64];
    ssize_t n;

    memset(buf, '#', sizeof buf);
    n = readlink(path, buf, size);
    if (n < 0) {
        printf("%s: %s\n", what, errno_name(errno));
        return;
    }
    printf("%s: %ld [%.*s], the byte after: '%c'\n", what, (long)n, (int)n, buf, buf[n]);
}

static void basics(void)
{
    make_file("file", "file contents");
    show("symlink file -> link", (long)symlink("file", "link"));
    show_readlink("readlink link", "link", 63);
    show_readlink("readlink link into 3 bytes", "link", 3);
    show_readlink("readlink link into 4 bytes (no room for a NUL)", "link", 4);
    show_readlink("readlink link with size 0", "link", 0);
    show_readlink("readlink of a file", "file", 63);
    show_readlink("readlink of a missing name", "missing", 63);
    show_readlink("readlink link/ (followed: a file)", "link/", 63);
    show_readlink("readlink of the empty path", "", 63);
    show("symlink onto an existing name", (long)symlink("file", "link"));
    show("symlink with an empty target", (long)symlink("", "empty_target"));
    show("symlink in a missing directory", (long)symlink("file", "missing/link"));
    show("symlink to a 300-byte target", (long)symlink(
        "a-very-long-target-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "long"));
    printf("  lstat size of that link: %ld\n", (long)({ struct stat st; lstat("long", &st) == 0 ? st.st_size : -1; }));
    show("symlink with a trailing slash on the new name", (long)symlink("file", "slashed/"));
    printf("reading through the link: [%s]\n", file_text("link"));
    make_file("link", "written through the link");
    printf("writing through the link wrote the file: [%s]\n", file_text("file"));
    symlink("link", "link2");
    printf("a link to a link: [%s]\n", file_text("link2"));
    show_readlink("readlink of it gives one step", "link2", 63);
}

static void resolution(void)
{
    char start[PATH_MAX], now[PATH_MAX];

    mkdir("d", 0755);
    mkdir("d/sub", 0755);
    make_file("d/here", "d/here");
    make_file("here", "./here");
    symlink("here", "d/rel");            /* relative: d/here */
    symlink("../here", "d/up");          /* ./here */
    symlink("/dev/null", "d/abs");
    symlink("d", "dlink");
    symlink("sub", "d/sublink");
    printf("d/rel -> \"here\" is d's here: [%s]\n", file_text("d/rel"));
    printf("d/up -> \"../here\": [%s]\n", file_text("d/up"));
    printf("d/abs -> \"/dev/null\" reads: [%s]\n", file_text("d/abs"));
    printf("dlink/here, a link in the middle: [%s]\n", file_text("dlink/here"));
    printf("dlink/sublink/../here (.. of the real d/sub): [%s]\n", file_text("dlink/sublink/../here"));
    printf("dlink/../here (.. of d, the target): [%s]\n", file_text("dlink/../here"));
    symlink("d/sub", "deep");
    printf("deep/../here (.. of d/sub is d): [%s]\n", file_text("deep/../here"));
    symlink("nowhere", "dangling");
    printf("a dangling link reads: [%s]\n", file_text("dangling"));
    symlink("here/x", "through_file");
    printf("a link through a file reads: [%s]\n", file_text("through_file"));

    if (getcwd(start, sizeof start) == NULL)
        return;
    show("chdir dlink", (long)chdir("dlink"));
    if (getcwd(now, sizeof now) != NULL)
        printf("  getcwd is the real directory: START%s\n", strncmp(now, start, strlen(start)) == 0
               ? now + strlen(start) : " (elsewhere)");
    show("chdir ..", (long)chdir(".."));
    if (getcwd(now, sizeof now) != NULL)
        printf("  getcwd: START%s\n", strncmp(now, start, strlen(start)) == 0 ? now + strlen(start) : " (elsewhere)");
    show("chdir deep", (long)chdir("deep"));
    if (getcwd(now, sizeof now) != NULL)
        printf("  getcwd: START%s\n", strncmp(now, start, strlen(start)) == 0 ? now + strlen(start) : " (elsewhere)");
    chdir(start);
    show("chdir to a link to a file", (long)chdir("d/rel"));
    show("chdir to a dangling link", (long)chdir("dangling"));
}

static void at_forms(void)
{
    int dfd = open("d", O_RDONLY | O_DIRECTORY);
    char buf[32];
    ssize_t n;

    show("symlinkat(d, \"at_link\") -> \"here\"", (long)symlinkat("here", dfd, "at_link"));
    printf("  d/at_link reads d's here: [%s]\n", file_text("d/at_link"));
    n = readlinkat(dfd, "at_link", buf, sizeof buf);
    printf("readlinkat(d, \"at_link\"): %s [%.*s]\n", res(n), n > 0 ? (int)n : 0, buf);
    n = readlinkat(dfd, "here", buf, sizeof buf);
    printf("readlinkat(d, \"here\") of a file: %s\n", res(n));
    n = readlinkat(AT_FDCWD, "dlink", buf, sizeof buf);
    printf("readlinkat(AT_FDCWD, \"dlink\"): %s [%.*s]\n", res(n), n > 0 ? (int)n : 0, buf);
    n = readlinkat(-7, "dlink", buf, sizeof buf);
    printf("readlinkat(-7, \"dlink\"): %s\n", res(n));
    close(dfd);
}

int main(void)
{
    basics();
    resolution();
    at_forms();
    return 0;
}
