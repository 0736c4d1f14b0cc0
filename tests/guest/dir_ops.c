/*
 * dir_ops.c - changing the name space (fs/namei.c): mkdir, rmdir, unlink,
 * link, rename and their *at forms, with every error they give and the
 * link counts stat reports:
 *
 *   mkdir    EEXIST (a directory, a file, a dangling link), ENOENT, ENOTDIR;
 *            a trailing slash is fine; a new directory has 2 links, and
 *            each subdirectory adds one to its parent
 *   rmdir    ENOTEMPTY, ENOTDIR (a file, a link to a directory), ENOENT,
 *            EINVAL for ".", ENOTEMPTY for ".."
 *   unlink   EISDIR on a directory; a link goes, not its target; an open
 *            file lives on (nlink 0) until closed
 *   link     counts in st_nlink, same inode; EEXIST; EPERM on a directory;
 *            a link to a symbolic link is a link to the link (linkat with
 *            AT_SYMLINK_FOLLOW follows it)
 *   rename   over a file (replaced), onto itself or another link of the
 *            same inode (nothing happens), a directory onto an empty one
 *            (fine) or a non-empty one (ENOTEMPTY), a directory onto a file
 *            (ENOTDIR), a file onto a directory (EISDIR), a directory into
 *            itself (EINVAL), "." (EBUSY), across directories, an open file
 *   *at      mkdirat, unlinkat (AT_REMOVEDIR, a bad flag), linkat, renameat
 *
 * Files are made in the current directory. No inode number is printed,
 * only whether two are equal.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include "fs_helpers.h"

static long nlink(const char *path)
{
    struct stat st;

    return lstat(path, &st) == 0 ? (long)st.st_nlink : -1;
}

static int same_inode(const char *a, const char *b)
{
    struct stat sa, sb;

    return lstat(a, &sa) == 0 && lstat(b, &sb) == 0 && sa.st_ino == sb.st_ino && sa.st_dev == sb.st_dev;
}

static const char *kind(const char *path)
{
    struct stat st;

    if (lstat(path, &st) != 0)
        return errno_name(errno);
    return S_ISDIR(st.st_mode) ? "directory" : S_ISREG(st.st_mode) ? "file" : S_ISLNK(st.st_mode) ? "symlink" : "?";
}

static void directories(void)
{
    show("mkdir d", (long)mkdir("d", 0755));
    printf("  a new directory has %ld links\n", nlink("d"));
    show("mkdir d again", (long)mkdir("d", 0755));
    make_file("f", "file f");
    show("mkdir over a file", (long)mkdir("f", 0755));
    symlink("nowhere", "dangling");
    show("mkdir over a dangling link", (long)mkdir("dangling", 0755));
    show("mkdir in a missing directory", (long)mkdir("missing/x", 0755));
    show("mkdir under a file", (long)mkdir("f/x", 0755));
    show("mkdir of the empty path", (long)mkdir("", 0755));
    show("mkdir with a trailing slash: d/sub/", (long)mkdir("d/sub/", 0755));
    show("mkdir d/sub2//", (long)mkdir("d/sub2//", 0755));
    printf("  d now has %ld links (2 + a subdirectory each)\n", nlink("d"));
    show("mkdir \".\"", (long)mkdir(".", 0755));
    show("mkdir \"d/..\"", (long)mkdir("d/..", 0755));

    make_file("d/sub/file", "x");
    show("rmdir a non-empty directory", (long)rmdir("d/sub"));
    show("rmdir a file", (long)rmdir("f"));
    symlink("d/sub2", "lsub2");
    show("rmdir a link to a directory", (long)rmdir("lsub2"));
    show("rmdir a missing directory", (long)rmdir("nothing"));
    show("rmdir \".\"", (long)rmdir("."));
    show("rmdir \"d/.\"", (long)rmdir("d/."));
    show("rmdir \"..\"", (long)rmdir(".."));
    show("rmdir \"d/sub2/..\"", (long)rmdir("d/sub2/.."));
    show("rmdir an empty directory with a trailing slash: d/sub2/", (long)rmdir("d/sub2/"));
    printf("  d now has %ld links\n", nlink("d"));
    show("  lsub2 is dangling now: stat", (long)access("lsub2", F_OK));
    unlink("lsub2");
}

static void unlinking(void)
{
    struct stat st;
    char buf[16] = {0};
    int fd;

    show("unlink a directory", (long)unlink("d"));
    show("unlink a missing file", (long)unlink("nothing"));
    show("unlink a file with a trailing slash: f/", (long)unlink("f/"));
    make_file("target", "the target");
    symlink("target", "link");
    show("unlink a symbolic link", (long)unlink("link"));
    printf("  the link is gone: %s, the target is still there: %s\n", kind("link"), kind("target"));
    show("unlink a dangling link", (long)unlink("dangling"));

    fd = open("target", O_RDONLY);
    show("unlink a file that is open", (long)unlink("target"));
    printf("  the name is gone: %s\n", kind("target"));
    fstat(fd, &st);
    printf("  fstat of the open file: nlink %ld, size %ld\n", (long)st.st_nlink, (long)st.st_size);
    printf("  it still reads: %s [%s]\n", res((long)read(fd, buf, sizeof buf - 1)), buf);
    close(fd);
}

static void links(void)
{
    char buf[32];
    ssize_t n;

    make_file("orig", "original contents");
    printf("a new file has %ld link\n", nlink("orig"));
    show("link orig hard1", (long)link("orig", "hard1"));
    show("link orig d/hard2", (long)link("orig", "d/hard2"));
    printf("  orig now has %ld links, hard1 %ld; the same inode: %s\n", nlink("orig"), nlink("hard1"),
           ok(same_inode("orig", "hard1") && same_inode("orig", "d/hard2")));
    make_file("orig", "changed through orig");
    printf("  a write through orig is seen through d/hard2: [%s]\n", file_text("d/hard2"));
    show("link onto an existing name", (long)link("orig", "hard1"));
    show("link of a missing file", (long)link("nothing", "x"));
    show("link of a directory", (long)link("d", "dlink"));
    show("link into a missing directory", (long)link("orig", "missing/x"));
    show("unlink orig", (long)unlink("orig"));
    printf("  hard1 now has %ld links and still reads [%s]\n", nlink("hard1"), file_text("hard1"));

    symlink("hard1", "sym");
    show("link of a symbolic link", (long)link("sym", "sym_hard"));
    printf("  the new name is a %s, the same inode as the link: %s\n", kind("sym_hard"),
           ok(same_inode("sym", "sym_hard")));
    n = readlink("sym_hard", buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = '\0';
    printf("  readlink of it: [%s]\n", buf);
    show("linkat with AT_SYMLINK_FOLLOW", (long)linkat(AT_FDCWD, "sym", AT_FDCWD, "followed", AT_SYMLINK_FOLLOW));
    printf("  the new name is a %s, the same inode as the target: %s\n", kind("followed"),
           ok(same_inode("followed", "hard1")));
    show("linkat with a bad flag", (long)linkat(AT_FDCWD, "sym", AT_FDCWD, "bad", 0x8000));
}

static void renaming(void)
{
    int fd;
    char buf[32] = {0};

    make_file("a", "contents of a");
    make_file("b", "contents of b");
    show("rename a over b", (long)rename("a", "b"));
    printf("  a: %s, b holds [%s]\n", kind("a"), file_text("b"));
    show("rename b onto itself", (long)rename("b", "b"));
    link("b", "b2");
    show("rename b onto b2, a link to the same inode", (long)rename("b", "b2"));
    printf("  both names stay: b %s, b2 %s, %ld links\n", kind("b"), kind("b2"), nlink("b"));
    show("rename a missing file", (long)rename("nothing", "x"));
    show("rename into a missing directory", (long)rename("b", "missing/x"));

    mkdir("src", 0755);
    make_file("src/inside", "inside src");
    mkdir("empty", 0755);
    mkdir("full", 0755);
    make_file("full/x", "x");
    show("rename a directory onto an empty directory", (long)rename("src", "empty"));
    printf("  empty/inside holds [%s], src: %s\n", file_text("empty/inside"), kind("src"));
    show("rename a directory onto a non-empty directory", (long)rename("empty", "full"));
    show("rename a directory onto a file", (long)rename("empty", "b"));
    show("rename a file onto a directory", (long)rename("b", "full"));
    mkdir("empty/deeper", 0755);
    show("rename a directory into itself", (long)rename("empty", "empty/deeper/moved"));
    show("rename a directory onto its own subdirectory", (long)rename("empty", "empty/deeper"));
    show("rename a directory onto its parent", (long)rename("empty/deeper", "empty"));
    show("rename \".\"", (long)rename(".", "dot"));
    show("rename onto \".\"", (long)rename("b", "."));
    show("rename \"empty/..\"", (long)rename("empty/..", "x"));
    show("rename a file with a trailing slash", (long)rename("b/", "c"));
    show("rename onto a new name with a trailing slash", (long)rename("b", "c/"));
    show("rename a directory with trailing slashes", (long)rename("empty/", "renamed/"));
    printf("  renamed/deeper: %s\n", kind("renamed/deeper"));

    fd = open("b", O_RDONLY);
    show("rename an open file across directories: b -> full/b", (long)rename("b", "full/b"));
    printf("  it still reads: %s [%s]\n", res((long)read(fd, buf, sizeof buf - 1)), buf);
    close(fd);
    symlink("full/b", "lb");
    show("rename a symbolic link", (long)rename("lb", "lb2"));
    printf("  lb2 is a %s and reaches [%s]\n", kind("lb2"), file_text("lb2"));
}

static void at_forms(void)
{
    int dfd;

    mkdir("at", 0755);
    dfd = open("at", O_RDONLY | O_DIRECTORY);
    show("mkdirat(at, \"sub\")", (long)mkdirat(dfd, "sub", 0755));
    printf("  at/sub: %s\n", kind("at/sub"));
    make_file("at/file", "x");
    show("unlinkat(at, \"sub\", 0)", (long)unlinkat(dfd, "sub", 0));
    show("unlinkat(at, \"file\", AT_REMOVEDIR)", (long)unlinkat(dfd, "file", AT_REMOVEDIR));
    show("unlinkat(at, \"sub\", AT_REMOVEDIR)", (long)unlinkat(dfd, "sub", AT_REMOVEDIR));
    show("unlinkat(at, \"file\", 0)", (long)unlinkat(dfd, "file", 0));
    show("unlinkat with a bad flag", (long)unlinkat(dfd, "file", 0x8000));
    make_file("at/file", "x");
    show("renameat(at, \"file\", AT_FDCWD, \"from_at\")", (long)renameat(dfd, "file", AT_FDCWD, "from_at"));
    show("linkat(AT_FDCWD, \"from_at\", at, \"back\", 0)", (long)linkat(AT_FDCWD, "from_at", dfd, "back", 0));
    printf("  %ld links\n", nlink("at/back"));
    show("unlinkat(AT_FDCWD, \"at\", AT_REMOVEDIR) of a non-empty directory",
         (long)unlinkat(AT_FDCWD, "at", AT_REMOVEDIR));
    show("unlinkat(-7, \"x\", 0)", (long)unlinkat(-7, "x", 0));
    unlink("at/back");
    show("unlinkat(AT_FDCWD, \"at\", AT_REMOVEDIR)", (long)unlinkat(AT_FDCWD, "at", AT_REMOVEDIR));
    show("mkdirat(the removed directory's descriptor, \"x\")", (long)mkdirat(dfd, "x", 0755));
    close(dfd);
}

int main(void)
{
    directories();
    unlinking();
    links();
    renaming();
    at_forms();
    return 0;
}
