/*
 * stat_attrs.c - a file's attributes and the calls that change them
 * (fs/stat.c, fs/open.c, fs/attr.c, fs/utimes.c, fs/sync.c):
 *
 *   stat family  stat, lstat, fstat, fstatat (a directory descriptor,
 *                AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, a bad flag): type,
 *                permissions, size, link count, owner; equal inodes for
 *                the same file; a symbolic link's own size is its target's
 *                length and its mode 0777
 *   umask        applied to open(O_CREAT) and mkdir modes, not to chmod
 *   chmod        chmod, fchmod, fchmodat; through a link it changes the
 *                target; set-id and sticky bits kept; file type bits ignored
 *   truncate     grow with zeros, shrink, EINVAL for a negative length or a
 *                descriptor not open for writing, EISDIR for a directory
 *   access       F_OK, R_OK, W_OK, X_OK on files and directories (the
 *                caller owns them), faccessat relative to a directory
 *   utimensat    exact times, UTIME_OMIT, UTIME_NOW, AT_SYMLINK_NOFOLLOW,
 *                futimens; the change time never goes backwards
 *   fsync        0 on a file and a directory, EINVAL on a pipe
 *
 * Files are made in the current directory. No time, inode or device number
 * is printed, only exact values the test set and whether two are equal.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include "fs_helpers.h"

static const char *type_of(mode_t m)
{
    return S_ISREG(m) ? "file" : S_ISDIR(m) ? "directory" : S_ISLNK(m) ? "symlink" : S_ISCHR(m) ? "chardev"
           : S_ISFIFO(m) ? "fifo" : "?";
}

static void describe(const char *what, int r, const struct stat *st)
{
    if (r != 0) {
        printf("%s: %s\n", what, errno_name(errno));
        return;
    }
    /* A directory's size is the file system's business (4096 on ext4, other values on tmpfs). */
    if (S_ISDIR(st->st_mode))
        printf("%s: %s, mode %04o, nlink %ld, owner us %s, group ours %s\n", what, type_of(st->st_mode),
               (unsigned)(st->st_mode & 07777), (long)st->st_nlink, ok(st->st_uid == geteuid()),
               ok(st->st_gid == getegid()));
    else
        printf("%s: %s, mode %04o, size %lld, nlink %ld, owner us %s, group ours %s\n", what,
               type_of(st->st_mode), (unsigned)(st->st_mode & 07777), (long long)st->st_size, (long)st->st_nlink,
               ok(st->st_uid == geteuid()), ok(st->st_gid == getegid()));
}

static int same(const struct stat *a, const struct stat *b)
{
    return a->st_ino == b->st_ino && a->st_dev == b->st_dev;
}

static void stat_family(void)
{
    struct stat st, st2, st3;
    int fd, dfd, r;

    umask(022);
    make_file("file", "0123456789");
    mkdir("dir", 0755);
    symlink("file", "link");
    symlink("nowhere", "dangling");
    r = stat("file", &st);
    describe("stat file", r, &st);
    r = stat("dir", &st);
    describe("stat dir", r, &st);
    r = lstat("link", &st);
    describe("lstat link (its size is the target's length)", r, &st);
    r = stat("link", &st2);
    describe("stat link (the target)", r, &st2);
    stat("file", &st3);
    printf("  stat through the link is the file's inode: %s, lstat's is another: %s\n", ok(same(&st2, &st3)),
           ok(!same(&st, &st3)));
    r = lstat("dangling", &st);
    describe("lstat dangling", r, &st);
    r = stat("dangling", &st);
    describe("stat dangling", r, &st);
    r = stat("missing", &st);
    describe("stat missing", r, &st);
    r = stat("file/", &st);
    describe("stat file/", r, &st);
    r = lstat("link/", &st);
    describe("lstat link/ (a link to a file)", r, &st);
    symlink("dir", "dirlink");
    r = lstat("dirlink/", &st);
    describe("lstat dirlink/ (a trailing slash follows the link)", r, &st);
    r = stat("/dev/null", &st);
    printf("stat /dev/null: %s, size %lld\n", r == 0 ? type_of(st.st_mode) : errno_name(errno), (long long)st.st_size);

    fd = open("file", O_RDONLY);
    r = fstat(fd, &st);
    describe("fstat file", r, &st);
    printf("  the same inode as stat's: %s\n", ok(same(&st, &st3)));
    close(fd);
    r = fstat(99, &st);
    describe("fstat of a closed descriptor", r, &st);

    dfd = open("dir", O_RDONLY | O_DIRECTORY);
    make_file("dir/inner", "inner!");
    r = fstatat(dfd, "inner", &st, 0);
    describe("fstatat(dir, \"inner\")", r, &st);
    r = fstatat(AT_FDCWD, "link", &st, AT_SYMLINK_NOFOLLOW);
    describe("fstatat(AT_FDCWD, \"link\", AT_SYMLINK_NOFOLLOW)", r, &st);
    r = fstatat(AT_FDCWD, "link", &st, 0);
    describe("fstatat(AT_FDCWD, \"link\", 0)", r, &st);
    r = fstatat(dfd, "", &st, AT_EMPTY_PATH);
    describe("fstatat(dir, \"\", AT_EMPTY_PATH)", r, &st);
    r = fstatat(dfd, "", &st, 0);
    describe("fstatat(dir, \"\", 0)", r, &st);
    r = fstatat(dfd, "inner", &st, 0x8000);
    describe("fstatat with a bad flag", r, &st);
    fd = open("file", O_RDONLY);
    r = fstatat(fd, "x", &st, 0);
    describe("fstatat(a file's descriptor, \"x\")", r, &st);
    close(fd);
    close(dfd);
}

static void masks(void)
{
    int fd;

    umask(027);
    fd = open("m1", O_WRONLY | O_CREAT, 0777);
    close(fd);
    mkdir("m2", 0777);
    printf("umask 027: open(O_CREAT, 0777) makes %04o, mkdir(0777) %04o\n", mode_of("m1"), mode_of("m2"));
    umask(0);
    close(open("m3", O_WRONLY | O_CREAT, 0777));
    mkdir("m4", 01777);
    printf("umask 0: open(O_CREAT, 0777) makes %04o, mkdir(01777) %04o\n", mode_of("m3"), mode_of("m4"));
    umask(0777);
    close(open("m5", O_WRONLY | O_CREAT, 0644));
    printf("umask 0777: open(O_CREAT, 0644) makes %04o\n", mode_of("m5"));
    show("  and chmod(0644) is not masked", (long)chmod("m5", 0644));
    printf("  mode now %04o\n", mode_of("m5"));
    umask(022);
    close(open("m6", O_WRONLY | O_CREAT, 04755));
    printf("umask 022: open(O_CREAT, 04755) makes %04o\n", mode_of("m6"));
}

static void modes(void)
{
    int fd;

    show("chmod file 0600", (long)chmod("file", 0600));
    printf("  mode %04o\n", mode_of("file"));
    show("chmod file 04751", (long)chmod("file", 04751));
    printf("  mode %04o\n", mode_of("file"));
    show("chmod file 0100644 (a type bit too)", (long)chmod("file", 0100644));
    printf("  mode %04o\n", mode_of("file"));
    show("chmod through a link, 0640", (long)chmod("link", 0640));
    printf("  the file's mode %04o\n", mode_of("file"));
    show("chmod dir 01777", (long)chmod("dir", 01777));
    printf("  mode %04o\n", mode_of("dir"));
    chmod("dir", 0755);
    show("chmod missing", (long)chmod("missing", 0644));
    fd = open("file", O_RDONLY);
    show("fchmod 0604 on a read-only descriptor", (long)fchmod(fd, 0604));
    printf("  mode %04o\n", mode_of("file"));
    close(fd);
    show("fchmod of a closed descriptor", (long)fchmod(99, 0644));
    show("fchmodat(AT_FDCWD, \"file\", 0644, 0)", (long)fchmodat(AT_FDCWD, "file", 0644, 0));
    printf("  mode %04o\n", mode_of("file"));
}

static void truncating(void)
{
    char buf[64];
    int fd, zeros = 1, i;
    ssize_t n;

    make_file("t", "0123456789");
    show("truncate to 20", (long)truncate("t", 20));
    fd = open("t", O_RDONLY);
    n = read(fd, buf, sizeof buf);
    for (i = 10; i < n; i++)
        if (buf[i] != 0)
            zeros = 0;
    printf("  size %ld, read %ld, the first ten [%.10s], the rest zeros: %s\n", file_size("t"), (long)n, buf,
           ok(zeros));
    show("truncate to 4", (long)truncate("t", 4));
    printf("  size %ld, [%s]\n", file_size("t"), file_text("t"));
    show("  a read at the old offset 20", (long)read(fd, buf, sizeof buf));
    show("ftruncate on a read-only descriptor", (long)ftruncate(fd, 0));
    close(fd);
    fd = open("t", O_RDWR);
    lseek(fd, 3, SEEK_SET);
    show("ftruncate to 1", (long)ftruncate(fd, 1));
    printf("  the offset stays %ld, the size %ld\n", offset_of(fd), file_size("t"));
    show("ftruncate to -1", (long)ftruncate(fd, -1));
    close(fd);
    show("truncate to -1", (long)truncate("t", -1));
    show("truncate a directory", (long)truncate("dir", 0));
    show("truncate a missing file", (long)truncate("missing", 0));
    show("truncate through a link to t (0)", (long)truncate("link", 0));
    fd = open("t", O_RDWR | O_APPEND);
    show("ftruncate an O_APPEND descriptor to 3", (long)ftruncate(fd, 3));
    close(fd);
    {
        int p[2];

        pipe(p);
        show("ftruncate a pipe", (long)ftruncate(p[1], 0));
        close(p[0]);
        close(p[1]);
    }
}

static void accessing(void)
{
    int dfd;

    chmod("file", 0644);
    show("access file F_OK", (long)access("file", F_OK));
    show("access file R_OK|W_OK", (long)access("file", R_OK | W_OK));
    show("access file X_OK (mode 0644)", (long)access("file", X_OK));
    chmod("file", 0755);
    show("access file X_OK (mode 0755)", (long)access("file", X_OK));
    chmod("file", 0644);
    show("access dir X_OK", (long)access("dir", X_OK));
    show("access missing F_OK", (long)access("missing", F_OK));
    show("access dangling F_OK", (long)access("dangling", F_OK));
    show("access file/ F_OK", (long)access("file/", F_OK));
    show("access with a bad mode (8)", (long)access("file", 8));
    dfd = open("dir", O_RDONLY | O_DIRECTORY);
    show("faccessat(dir, \"inner\", R_OK, 0)", (long)faccessat(dfd, "inner", R_OK, 0));
    show("faccessat(dir, \"nothing\", F_OK, 0)", (long)faccessat(dfd, "nothing", F_OK, 0));
    show("faccessat(AT_FDCWD, \"file\", W_OK, 0)", (long)faccessat(AT_FDCWD, "file", W_OK, 0));
    close(dfd);
}

/* A new file's modification time: the file system's idea of now. */
static struct timespec stamp(const char *name)
{
    struct stat st;

    make_file(name, "");
    stat(name, &st);
    return st.st_mtim;
}

/* Whether t lies between two stamps, to the second (the file system's clock, not time()). */
static int between(struct timespec t, struct timespec lo, struct timespec hi)
{
    return t.tv_sec >= lo.tv_sec && t.tv_sec <= hi.tv_sec;
}

/*
 * "Now" is checked against the times of files made just before and just
 * after, never against time(): what matters is that a file's times come
 * from the same clock as every other file's.
 */
static void times(void)
{
    struct timespec ts[2], lo, hi;
    struct stat st, before;
    int fd, wfd;

    stat("file", &before);
    ts[0].tv_sec = 1000000000;
    ts[0].tv_nsec = 123456789;
    ts[1].tv_sec = 1234567890;
    ts[1].tv_nsec = 987654321;
    show("utimensat with exact times", (long)utimensat(AT_FDCWD, "file", ts, 0));
    stat("file", &st);
    printf("  atime %lld.%09ld, mtime %lld.%09ld\n", (long long)st.st_atim.tv_sec, st.st_atim.tv_nsec,
           (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    printf("  ctime did not go back: %s\n", ok(st.st_ctim.tv_sec >= before.st_ctim.tv_sec));
    ts[0].tv_nsec = UTIME_OMIT;
    ts[1].tv_sec = 2000000000;
    ts[1].tv_nsec = 5;
    show("utimensat with UTIME_OMIT for atime", (long)utimensat(AT_FDCWD, "file", ts, 0));
    stat("file", &st);
    printf("  atime %lld.%09ld, mtime %lld.%09ld\n", (long long)st.st_atim.tv_sec, st.st_atim.tv_nsec,
           (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    ts[0].tv_nsec = UTIME_NOW;
    ts[1].tv_nsec = UTIME_OMIT;
    lo = stamp("stamp1");
    show("utimensat with UTIME_NOW for atime", (long)utimensat(AT_FDCWD, "file", ts, 0));
    hi = stamp("stamp2");
    stat("file", &st);
    printf("  atime is now (between two new files' mtimes): %s, mtime kept: %lld.%09ld\n",
           ok(between(st.st_atim, lo, hi)), (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    lo = stamp("stamp1");
    show("utimensat(NULL): both now", (long)utimensat(AT_FDCWD, "file", NULL, 0));
    hi = stamp("stamp2");
    stat("file", &st);
    printf("  atime and mtime are now: %s\n", ok(between(st.st_atim, lo, hi) && between(st.st_mtim, lo, hi)));
    ts[0].tv_sec = ts[1].tv_sec = 1500000000;
    ts[0].tv_nsec = ts[1].tv_nsec = 0;
    show("utimensat(AT_SYMLINK_NOFOLLOW) on a link", (long)utimensat(AT_FDCWD, "link", ts, AT_SYMLINK_NOFOLLOW));
    lstat("link", &st);
    printf("  the link's mtime %lld\n", (long long)st.st_mtim.tv_sec);
    stat("file", &st);
    printf("  the file's mtime is not that: %s\n", ok(st.st_mtim.tv_sec != 1500000000));
    ts[1].tv_nsec = 1000000000;
    show("utimensat with tv_nsec 1000000000", (long)utimensat(AT_FDCWD, "file", ts, 0));
    show("utimensat of a missing file", (long)utimensat(AT_FDCWD, "missing", NULL, 0));
    fd = open("file", O_RDONLY);
    ts[0].tv_sec = ts[1].tv_sec = 1600000000;
    ts[0].tv_nsec = ts[1].tv_nsec = 0;
    show("futimens on a read-only descriptor", (long)futimens(fd, ts));
    fstat(fd, &st);
    printf("  mtime %lld\n", (long long)st.st_mtim.tv_sec);
    lo = stamp("stamp1");
    wfd = open("file", O_WRONLY | O_APPEND);
    write(wfd, "more", 4);
    close(wfd);
    hi = stamp("stamp2");
    stat("file", &st);
    printf("a write moves mtime to now: %s\n", ok(between(st.st_mtim, lo, hi)));
    ts[0].tv_sec = ts[1].tv_sec = 1700000000;
    utimensat(AT_FDCWD, "file", ts, 0);
    lo = stamp("stamp1");
    chmod("file", 0600);
    hi = stamp("stamp2");
    stat("file", &st);
    printf("chmod moves ctime to now: %s, and leaves mtime at %lld\n", ok(between(st.st_ctim, lo, hi)),
           (long long)st.st_mtim.tv_sec);
    chmod("file", 0644);
    close(fd);
}

static void syncing(void)
{
    int fd = open("file", O_RDWR), dfd = open("dir", O_RDONLY), p[2];

    show("fsync a file", (long)fsync(fd));
    show("fdatasync a file", (long)fdatasync(fd));
    show("fsync a directory", (long)fsync(dfd));
    show("fsync a closed descriptor", (long)fsync(99));
    pipe(p);
    show("fsync a pipe", (long)fsync(p[0]));
    sync();
    printf("sync returned\n");
    close(p[0]);
    close(p[1]);
    close(fd);
    close(dfd);
}

int main(void)
{
    stat_family();
    masks();
    modes();
    truncating();
    accessing();
    times();
    syncing();
    return 0;
}
