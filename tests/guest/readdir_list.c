/*
 * readdir_list.c - reading directories (fs/readdir.c, getdents64):
 *
 *   - opendir/readdir list every entry once, with "." and "..", and the
 *     d_type of files, directories and symbolic links (the names are
 *     sorted before printing: the order is the file system's)
 *   - an empty directory has just "." and ".."
 *   - 300 entries with long names need several getdents64 calls; each is
 *     listed once; rewinddir lists them again; after an unlink the name is
 *     gone from a new listing
 *   - getdents64 itself: the record layout (d_reclen a multiple of 8 that
 *     holds the name and its NUL), a buffer too small for one entry
 *     (EINVAL), a file (ENOTDIR), a bad descriptor (EBADF), 0 at the end;
 *     lseek(fd, 0, SEEK_SET) starts over
 *
 * Files are made in the current directory.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdlib.h>
#include "fs_helpers.h"

#define MANY 300

struct linux_dirent64_view {
    unsigned long long d_ino;
    long long d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static const char *type_name(int t)
{
    switch (t) {
    case DT_REG: return "file";
    case DT_DIR: return "directory";
    case DT_LNK: return "symlink";
    case DT_FIFO: return "fifo";
    case DT_CHR: return "character device";
    case DT_UNKNOWN: return "unknown";
    default: return "?";
    }
}

/* Lists a directory with readdir, sorted: "name (type)" per entry. */
static void list(const char *path)
{
    char *names[64];
    struct dirent *e;
    int n = 0, i;
    DIR *d = opendir(path);

    if (d == NULL) {
        printf("opendir %s: %s\n", path, errno_name(errno));
        return;
    }
    while ((e = readdir(d)) != NULL && n < 64) {
        names[n] = malloc(strlen(e->d_name) + 32);
        sprintf(names[n], "%s (%s)", e->d_name, type_name(e->d_type));
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof names[0], by_name);
    printf("%s has %d entries:", path, n);
    for (i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

static void many_name(char *buf, size_t size, int i)
{
    snprintf(buf, size, "entry-%03d-%s", i,
             "with-a-long-name-so-that-the-listing-takes-more-than-one-getdents64-call-of-32-KiB-xxxxxxxxxxxxx");
}

/* Counts the entries of "many" with readdir; seen[i] counts each entry-i. */
static int count_many(DIR *d, int *seen, int *others)
{
    struct dirent *e;
    int n = 0;

    memset(seen, 0, MANY * sizeof *seen);
    *others = 0;
    while ((e = readdir(d)) != NULL) {
        n++;
        if (strncmp(e->d_name, "entry-", 6) == 0)
            seen[atoi(e->d_name + 6)]++;
        else
            (*others)++;
    }
    return n;
}

static int each_once(const int *seen, int skip)
{
    int i;

    for (i = 0; i < MANY; i++)
        if (seen[i] != (i == skip ? 0 : 1))
            return 0;
    return 1;
}

static void many(void)
{
    char name[200], path[220];
    int seen[MANY], others, n, i;
    DIR *d;

    mkdir("many", 0755);
    for (i = 0; i < MANY; i++) {
        many_name(name, sizeof name, i);
        snprintf(path, sizeof path, "many/%s", name);
        close(open(path, O_WRONLY | O_CREAT, 0644));
    }
    d = opendir("many");
    n = count_many(d, seen, &others);
    printf("a directory of %d files: %d entries, %d of them . and .., each file once: %s\n", MANY, n, others,
           ok(each_once(seen, -1)));
    rewinddir(d);
    n = count_many(d, seen, &others);
    printf("after rewinddir: %d entries, each file once: %s\n", n, ok(each_once(seen, -1)));
    closedir(d);
    many_name(name, sizeof name, 123);
    snprintf(path, sizeof path, "many/%s", name);
    unlink(path);
    d = opendir("many");
    n = count_many(d, seen, &others);
    printf("after unlinking entry 123: %d entries, every other file once: %s\n", n, ok(each_once(seen, 123)));
    closedir(d);
}

static void raw(void)
{
    static char buf[4096];
    struct linux_dirent64_view *e;
    int fd = open("listing", O_RDONLY | O_DIRECTORY), ffd, calls = 0, entries = 0, layout = 1, pos;
    long n, total = 0;

    while ((n = syscall(SYS_getdents64, fd, buf, 64)) > 0) {
        calls++;
        for (pos = 0; pos < n; pos += e->d_reclen) {
            e = (struct linux_dirent64_view *)(buf + pos);
            entries++;
            if (e->d_reclen % 8 != 0 || e->d_reclen < 19 + strlen(e->d_name) + 1)
                layout = 0;
        }
        total += n;
    }
    printf("getdents64 with a 64-byte buffer: %d calls, %d entries, then %s\n", calls, entries, res(n));
    printf("  every d_reclen a multiple of 8 holding the name and its NUL: %s\n", ok(layout));
    show("getdents64 again at the end", syscall(SYS_getdents64, fd, buf, sizeof buf));
    show("lseek(0, SEEK_SET) on the directory", (long)lseek(fd, 0, SEEK_SET));
    n = syscall(SYS_getdents64, fd, buf, sizeof buf);
    printf("getdents64 with 4096 bytes after that: the same bytes as before: %s\n", ok(n == total));
    lseek(fd, 0, SEEK_SET);
    show("getdents64 with a 10-byte buffer", syscall(SYS_getdents64, fd, buf, 10));
    show("getdents64 with a 0-byte buffer", syscall(SYS_getdents64, fd, buf, 0));
    ffd = open("listing/file", O_RDONLY);
    show("getdents64 of a file", syscall(SYS_getdents64, ffd, buf, sizeof buf));
    show("getdents64 of a bad descriptor", syscall(SYS_getdents64, 99, buf, sizeof buf));
    show("read() of a directory", (long)read(fd, buf, sizeof buf));
    close(ffd);
    close(fd);
}

int main(void)
{
    mkdir("listing", 0755);
    make_file("listing/file", "x");
    make_file("listing/.hidden", "x");
    mkdir("listing/subdir", 0755);
    symlink("file", "listing/link");
    symlink("nowhere", "listing/dangling");
    mkdir("empty", 0755);
    list("listing");
    list("empty");
    list("listing/subdir");
    unlink("listing/link");
    list("listing");
    show("opendir of a file", opendir("listing/file") == NULL ? -1 : 0);
    show("opendir of a missing directory", opendir("missing") == NULL ? -1 : 0);
    many();
    raw();
    return 0;
}
