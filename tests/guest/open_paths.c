/*
 * open_paths.c - open(2) and path lookup (fs/namei.c, fs/open.c):
 *
 *   - O_CREAT | O_EXCL: EEXIST the second time, and on a symbolic link
 *     even a dangling one; O_CREAT alone through a dangling link creates
 *     its target; O_EXCL without O_CREAT is ignored
 *   - O_TRUNC empties (even with O_RDONLY, as Linux does); creat()
 *   - O_DIRECTORY: ENOTDIR on a file, fine on a directory or a link to
 *     one; with O_CREAT EINVAL
 *   - a directory opened for writing: EISDIR (also O_CREAT on it)
 *   - ENOENT (missing, the empty path, a missing middle), ENOTDIR (a file
 *     in the middle: f/x, f/.., f/)
 *   - ENAMETOOLONG: a 256-byte component (255 is fine), a path of 4096
 *     bytes (4095 is fine)
 *   - ELOOP: links pointing at each other, a link to itself, O_NOFOLLOW on
 *     a link (but not on a link in the middle of the path), a chain of 40
 *     links (fine) and of 41
 *   - "." and "..", repeated slashes, ".." at the root, trailing slashes
 *     (f/ is ENOTDIR, with O_CREAT EISDIR; d/ opens the directory)
 *   - openat: relative to a directory descriptor, which follows the
 *     directory when it is renamed; an absolute path ignores it; AT_FDCWD;
 *     a file descriptor as the directory: ENOTDIR; a bad one: EBADF
 *
 * Files are made in the current directory.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <stdlib.h>
#include "fs_helpers.h"

/* Opens, reports the result (and the contents of a regular file), closes. */
static void try_open(const char *what, const char *path, int flags)
{
    int fd = open(path, flags, 0644);
    struct stat st;
    char buf[32];
    ssize_t n;

    if (fd < 0) {
        printf("%s: %s\n", what, errno_name(errno));
        return;
    }
    fstat(fd, &st);
    if (S_ISREG(st.st_mode) && (flags & O_ACCMODE) != O_WRONLY) {
        n = read(fd, buf, sizeof buf - 1);
        buf[n > 0 ? n : 0] = '\0';
        printf("%s: opened a file holding [%s]\n", what, buf);
    } else {
        printf("%s: opened a %s\n", what, S_ISDIR(st.st_mode) ? "directory" : S_ISREG(st.st_mode) ? "file"
               : S_ISCHR(st.st_mode) ? "character device" : "?");
    }
    close(fd);
}

static void creating(void)
{
    show("O_CREAT | O_EXCL a new file", (long)close(open("new.txt", O_WRONLY | O_CREAT | O_EXCL, 0644)));
    try_open("O_CREAT | O_EXCL again", "new.txt", O_WRONLY | O_CREAT | O_EXCL);
    try_open("O_CREAT without O_EXCL on it", "new.txt", O_RDWR | O_CREAT);
    try_open("O_EXCL without O_CREAT", "new.txt", O_RDONLY | O_EXCL);
    symlink("target.txt", "dangling");
    try_open("O_CREAT | O_EXCL on a dangling link", "dangling", O_WRONLY | O_CREAT | O_EXCL);
    show("  the target exists now", (long)access("target.txt", F_OK));
    try_open("O_CREAT through a dangling link", "dangling", O_WRONLY | O_CREAT);
    show("  the target exists now", (long)access("target.txt", F_OK));
    try_open("O_CREAT | O_EXCL on a link to a file", "dangling", O_WRONLY | O_CREAT | O_EXCL);
    try_open("O_CREAT in a missing directory", "nodir/x", O_WRONLY | O_CREAT);
    try_open("O_RDONLY of a missing file", "missing.txt", O_RDONLY);

    make_file("trunc.txt", "some contents");
    try_open("O_TRUNC | O_RDWR", "trunc.txt", O_RDWR | O_TRUNC);
    make_file("trunc.txt", "some contents");
    try_open("O_TRUNC | O_RDONLY", "trunc.txt", O_RDONLY | O_TRUNC);
    show("  the size after", file_size("trunc.txt"));
    make_file("trunc.txt", "some contents");
    show("creat() on it", (long)close(creat("trunc.txt", 0644)));
    show("  the size after", file_size("trunc.txt"));
}

static void kinds(void)
{
    mkdir("d", 0755);
    make_file("d/inner.txt", "inner");
    make_file("f.txt", "file f");
    symlink("d", "ld");
    try_open("O_DIRECTORY on a file", "f.txt", O_RDONLY | O_DIRECTORY);
    try_open("O_DIRECTORY on a directory", "d", O_RDONLY | O_DIRECTORY);
    try_open("O_DIRECTORY on a link to a directory", "ld", O_RDONLY | O_DIRECTORY);
    try_open("O_DIRECTORY | O_CREAT on a new name", "dnew", O_RDONLY | O_DIRECTORY | O_CREAT);
    try_open("O_DIRECTORY | O_CREAT on a directory", "d", O_RDONLY | O_DIRECTORY | O_CREAT);
    try_open("a directory O_RDONLY", "d", O_RDONLY);
    try_open("a directory O_WRONLY", "d", O_WRONLY);
    try_open("a directory O_RDWR", "d", O_RDWR);
    try_open("a directory O_RDONLY | O_CREAT", "d", O_RDONLY | O_CREAT);
    try_open("a directory O_WRONLY | O_CREAT", "d", O_WRONLY | O_CREAT);
    try_open("a directory O_RDONLY | O_TRUNC", "d", O_RDONLY | O_TRUNC);
    try_open("the empty path", "", O_RDONLY);
    try_open("a missing middle: nodir/x", "nodir/x", O_RDONLY);
    try_open("a file in the middle: f.txt/x", "f.txt/x", O_RDONLY);
    try_open("f.txt/..", "f.txt/..", O_RDONLY);
    try_open("f.txt/.", "f.txt/.", O_RDONLY);
    try_open("a trailing slash on a file: f.txt/", "f.txt/", O_RDONLY);
    try_open("a trailing slash with O_CREAT on a new name", "fnew/", O_WRONLY | O_CREAT);
    show("  nothing was made", (long)access("fnew", F_OK));
    try_open("a trailing slash on a directory: d/", "d/", O_RDONLY);
    try_open("d//inner.txt", "d//inner.txt", O_RDONLY);
    try_open("a trailing slash on a link to a directory: ld/", "ld/", O_RDONLY);
    try_open("d/inner.txt/", "d/inner.txt/", O_RDONLY);
}

static void dots(void)
{
    char cwd[PATH_MAX], path[PATH_MAX + 64];
    const char *name;

    try_open("./f.txt", "./f.txt", O_RDONLY);
    try_open("d/../f.txt", "d/../f.txt", O_RDONLY);
    try_open("d/./../d/.././f.txt", "d/./../d/.././f.txt", O_RDONLY);
    try_open("ld/../f.txt (.. of the link's target)", "ld/../f.txt", O_RDONLY);
    try_open("ld/inner.txt", "ld/inner.txt", O_RDONLY);
    try_open(".//d///inner.txt", ".//d///inner.txt", O_RDONLY);
    try_open(".", ".", O_RDONLY);
    try_open("..", "..", O_RDONLY);
    try_open("/..", "/..", O_RDONLY);
    try_open("/../../dev/null", "/../../dev/null", O_WRONLY);
    try_open("missing/..", "missing/..", O_RDONLY);
    /* The current directory by an absolute path that climbs to the root and back down. */
    if (getcwd(cwd, sizeof cwd) != NULL) {
        name = strrchr(cwd, '/') + 1;
        snprintf(path, sizeof path, "%s/../%s/d/../f.txt", cwd, name);
        try_open("CWD/../NAME/d/../f.txt", path, O_RDONLY);
        snprintf(path, sizeof path, "/../..%s/f.txt", cwd);
        try_open("/../..CWD/f.txt", path, O_RDONLY);
    }
}

static void lengths(void)
{
    static char name[300], path[PATH_MAX + 16];
    int fd, i;

    memset(name, 'n', 255);
    name[255] = '\0';
    fd = open(name, O_WRONLY | O_CREAT, 0644);
    printf("create a file with a 255-byte name: %s\n", fd >= 0 ? "OK" : errno_name(errno));
    close(fd);
    try_open("open it", name, O_RDONLY);
    name[255] = 'n';
    name[256] = '\0';
    try_open("a 256-byte name", name, O_RDONLY);
    try_open("a 256-byte name with O_CREAT", name, O_WRONLY | O_CREAT);
    snprintf(path, sizeof path, "missing/%s", name);
    try_open("a 256-byte name after a missing directory", path, O_RDONLY);
    snprintf(path, sizeof path, "%s/x", name);
    try_open("a 256-byte name in the middle", path, O_RDONLY);
    show("mkdir with a 256-byte name", (long)mkdir(name, 0755));
    show("stat of a 256-byte name", (long)access(name, F_OK));

    /* "./././.../f.txt": 4095 bytes resolves; one more byte is too long before any lookup. */
    for (i = 0; i < 4090; i += 2)
        memcpy(path + i, "./", 2);
    strcpy(path + 4090, "f.txt");
    printf("a path of %ld bytes: ", (long)strlen(path));
    try_open("open", path, O_RDONLY);
    strcpy(path + 4090, "/f.txt");
    printf("a path of %ld bytes: ", (long)strlen(path));
    try_open("open", path, O_RDONLY);
    printf("a path of %ld bytes: ", (long)strlen(path));
    try_open("open with O_CREAT", path, O_WRONLY | O_CREAT);
    memset(path, '/', 4095);
    path[4095] = '\0';
    printf("4095 slashes: ");
    try_open("open", path, O_RDONLY);
    memset(path, '/', 4096);
    path[4096] = '\0';
    printf("4096 slashes: ");
    try_open("open", path, O_RDONLY);
}

static void loops(void)
{
    char from[16], to[16];
    int i;

    symlink("loop2", "loop1");
    symlink("loop1", "loop2");
    symlink("self", "self");
    try_open("links pointing at each other", "loop1", O_RDONLY);
    try_open("with O_CREAT", "loop1", O_WRONLY | O_CREAT);
    try_open("a link to itself", "self", O_RDONLY);
    try_open("a loop in the middle: loop1/x", "loop1/x", O_RDONLY);
    symlink("f.txt", "lf");
    try_open("O_NOFOLLOW on a link to a file", "lf", O_RDONLY | O_NOFOLLOW);
    try_open("O_NOFOLLOW on a link to a directory", "ld", O_RDONLY | O_NOFOLLOW);
    try_open("O_NOFOLLOW with a link in the middle: ld/inner.txt", "ld/inner.txt", O_RDONLY | O_NOFOLLOW);
    try_open("O_NOFOLLOW | O_CREAT on a dangling link", "dangling", O_WRONLY | O_CREAT | O_NOFOLLOW);
    try_open("O_NOFOLLOW on a file", "f.txt", O_RDONLY | O_NOFOLLOW);

    /* chain0 -> chain1 -> ... -> chain40 -> f.txt */
    symlink("f.txt", "chain40");
    for (i = 39; i >= 0; i--) {
        snprintf(from, sizeof from, "chain%d", i + 1);
        snprintf(to, sizeof to, "chain%d", i);
        symlink(from, to);
    }
    try_open("a chain of 40 links", "chain1", O_RDONLY);
    try_open("a chain of 41 links", "chain0", O_RDONLY);
}

static void at(void)
{
    int dfd = open("d", O_RDONLY | O_DIRECTORY), ffd = open("f.txt", O_RDONLY), fd;
    char cwd[PATH_MAX], path[PATH_MAX + 32];
    ssize_t n;
    char buf[16];

    fd = openat(dfd, "inner.txt", O_RDONLY);
    n = read(fd, buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = '\0';
    printf("openat(d, \"inner.txt\"): [%s]\n", buf);
    close(fd);
    fd = openat(dfd, "made_at.txt", O_WRONLY | O_CREAT | O_EXCL, 0644);
    printf("openat(d, \"made_at.txt\", O_CREAT): %s, d/made_at.txt exists: %s\n", ok(fd >= 0),
           ok(access("d/made_at.txt", F_OK) == 0));
    close(fd);
    fd = openat(dfd, "../f.txt", O_RDONLY);
    printf("openat(d, \"../f.txt\"): %s\n", ok(fd >= 0));
    close(fd);
    fd = openat(AT_FDCWD, "f.txt", O_RDONLY);
    printf("openat(AT_FDCWD, \"f.txt\"): %s\n", ok(fd >= 0));
    close(fd);
    if (getcwd(cwd, sizeof cwd) != NULL) {
        snprintf(path, sizeof path, "%s/f.txt", cwd);
        fd = openat(dfd, path, O_RDONLY);
        printf("openat(d, an absolute path): %s\n", ok(fd >= 0));
        close(fd);
        fd = openat(-7, path, O_RDONLY);
        printf("openat(-7, an absolute path): %s\n", ok(fd >= 0));
        close(fd);
    }
    fd = openat(ffd, "x", O_RDONLY);
    printf("openat(a file's descriptor, \"x\"): %s\n", fd < 0 ? errno_name(errno) : "opened");
    fd = openat(-7, "f.txt", O_RDONLY);
    printf("openat(-7, \"f.txt\"): %s\n", fd < 0 ? errno_name(errno) : "opened");
    fd = openat(99, "f.txt", O_RDONLY);
    printf("openat(a closed descriptor, \"f.txt\"): %s\n", fd < 0 ? errno_name(errno) : "opened");
    fd = openat(dfd, "", O_RDONLY);
    printf("openat(d, \"\"): %s\n", fd < 0 ? errno_name(errno) : "opened");

    show("rename d to d2 while it is open", (long)rename("d", "d2"));
    fd = openat(dfd, "inner.txt", O_RDONLY);
    printf("openat(the old descriptor, \"inner.txt\") still finds it: %s\n", ok(fd >= 0));
    close(fd);
    try_open("d/inner.txt", "d/inner.txt", O_RDONLY);
    rename("d2", "d");
    close(dfd);
    close(ffd);
}

int main(void)
{
    creating();
    kinds();
    dots();
    lengths();
    loops();
    at();
    return 0;
}
