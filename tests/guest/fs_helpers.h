/*
 * fs_helpers.h - small helpers shared by the file system tests (issue 5:
 * the VFS, descriptors, pipes, /proc): a system call's result in words,
 * making a file with given contents, reading a small file back whole.
 *
 * The programs run in an empty directory of their own (the test harness
 * makes a new one for every run) and create their files relative to the
 * current directory. They never print the directory itself, an inode
 * number, a device number of the test's file system, or a time.
 */
#ifndef MINIKERNEL_TESTS_FS_HELPERS_H
#define MINIKERNEL_TESTS_FS_HELPERS_H

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "proc_helpers.h"

/*
 * A system call's result as text: the number it returned, or the name of
 * errno when it returned -1. Four rotating buffers, so one printf may use
 * it up to four times.
 */
static inline const char *res(long r)
{
    static char text[4][24];
    static int next;
    char *t;

    if (r == -1)
        return errno_name(errno);
    t = text[next++ & 3];
    snprintf(t, sizeof text[0], "%ld", r);
    return t;
}

/* "what: RESULT" on a line of its own. */
static inline void show(const char *what, long r)
{
    printf("%s: %s\n", what, res(r));
}

/* Creates (or truncates) path with mode 0644 and the given contents; 0, or -1 and a FAIL line. */
static inline int make_file(const char *path, const char *contents)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

    if (fd < 0 || write_all(fd, contents, strlen(contents)) < 0) {
        printf("FAIL: make_file %s: errno=%s\n", path, errno_name(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    close(fd);
    return 0;
}

/*
 * The contents of a small file as a string (at most 4095 bytes), or
 * "<ERRNO>" when it cannot be opened. Two rotating buffers.
 */
static inline const char *file_text(const char *path)
{
    static char text[2][4096];
    static int next;
    char *t = text[next++ & 1];
    ssize_t n;
    int fd = open(path, O_RDONLY);

    if (fd < 0) {
        snprintf(t, sizeof text[0], "<%s>", errno_name(errno));
        return t;
    }
    n = read_all(fd, t, sizeof text[0] - 1);
    close(fd);
    t[n > 0 ? n : 0] = '\0';
    return t;
}

/* A file's size from stat, or -1 (errno set). */
static inline long file_size(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* The permission bits (and set-id, sticky) of a path, from stat; -1 when stat fails. */
static inline int mode_of(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
}

/* A file's offset, without moving it. */
static inline long offset_of(int fd)
{
    return (long)lseek(fd, 0, SEEK_CUR);
}

#endif
