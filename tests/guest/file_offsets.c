/*
 * file_offsets.c - who owns a file offset (fs/file_table.c, fs/read_write.c,
 * fs/open.c): the open file description, not the descriptor nor the process.
 *
 *   - after fork, parent and child write in turn through one descriptor
 *     (taking turns over two pipes): the records follow each other in the
 *     file, none overwritten, and the final offset is the parent's too
 *   - a child's lseek moves the parent's offset; a dup shares it
 *   - a second open() of the same file has an offset of its own
 *   - parent and child writing at once through one shared descriptor, and
 *     through two O_APPEND opens: every record arrives whole, none lost
 *   - O_APPEND: every write goes to the end whatever the offset (and after
 *     it the offset is the end), across fork, next to a non-appending open
 *     of the same file; lseek is allowed; pwrite appends too (a Linux bug
 *     that pwrite(2) documents); F_SETFL turns O_APPEND on and off
 *
 * Files are made in the current directory.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include "fs_helpers.h"

#define TURNS 5
#define RECORD 9            /* "parent 0\n", "child  0\n" */
#define BURST 300           /* records per writer when writing at once */

static void take_turns(void)
{
    int fd, to_child[2], to_parent[2], i, status, other;
    char token, record[RECORD + 1], buf[256];
    pid_t pid;
    ssize_t n;

    fd = open("shared.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || pipe(to_child) < 0 || pipe(to_parent) < 0) {
        printf("FAIL: open/pipe: errno=%s\n", errno_name(errno));
        exit(1);
    }
    pid = fork_flushed();
    if (pid == 0) {
        for (i = 0; i < TURNS; i++) {
            if (read(to_child[0], &token, 1) != 1)
                _exit(1);
            snprintf(record, sizeof record, "child  %d\n", i);
            if (write(fd, record, RECORD) != RECORD)
                _exit(2);
            write(to_parent[1], "c", 1);
        }
        _exit(0);
    }
    for (i = 0; i < TURNS; i++) {
        snprintf(record, sizeof record, "parent %d\n", i);
        if (write(fd, record, RECORD) != RECORD)
            printf("FAIL: write: errno=%s\n", errno_name(errno));
        write(to_child[1], "p", 1);
        if (read(to_parent[0], &token, 1) != 1)
            printf("FAIL: the child did not answer\n");
    }
    status = wait_for(pid);
    printf("turns: the child %s\n", ended(status));
    printf("turns: the parent's offset after both wrote: %ld\n", offset_of(fd));
    n = pread(fd, buf, sizeof buf - 1, 0);
    buf[n > 0 ? n : 0] = '\0';
    printf("turns: the file holds %ld bytes:\n%s", (long)n, buf);

    /* A second open has its own offset, starting at 0. */
    other = open("shared.txt", O_RDONLY);
    n = read(other, buf, RECORD);
    printf("second open: reads from the start: %s\n", ok(n == RECORD && memcmp(buf, "parent 0\n", RECORD) == 0));
    printf("second open: its offset %ld, the first descriptor's still %ld\n", offset_of(other), offset_of(fd));
    lseek(other, 0, SEEK_END);
    printf("second open: seeking it to the end leaves the first at %ld\n", offset_of(fd));
    close(other);

    /* A child's lseek is the parent's. */
    lseek(fd, 0, SEEK_SET);
    pid = fork_flushed();
    if (pid == 0)
        _exit(lseek(fd, 27, SEEK_SET) == 27 ? 0 : 1);
    status = wait_for(pid);
    printf("the child's lseek to 27 (%s): the parent's offset is %ld\n", ended(status), offset_of(fd));
    n = read(fd, buf, RECORD);
    buf[n > 0 ? n - 1 : 0] = '\0';
    printf("  and the parent reads from there: [%s]\n", buf);

    /* A dup shares the offset. */
    other = dup(fd);
    lseek(other, 9, SEEK_SET);
    printf("lseek through a dup to 9: the original's offset is %ld\n", offset_of(fd));
    n = read(fd, buf, 4);
    printf("a read of 4 through the original moves the dup to %ld\n", offset_of(other));
    close(other);
    close(fd);
    close(to_child[0]);
    close(to_child[1]);
    close(to_parent[0]);
    close(to_parent[1]);
}

/*
 * Counts the whole records of each writer in a file of RECORD-byte records:
 * "A 000123\n" or "B 000123\n"; every record must be one of them, and each
 * writer's numbers must come in order.
 */
static void count_records(const char *path, const char *what)
{
    int fd = open(path, O_RDONLY), count[2] = {0, 0}, bad = 0, next[2] = {0, 0};
    char rec[RECORD];
    ssize_t n;
    int w, num;

    while ((n = read_all(fd, rec, RECORD)) == RECORD) {
        w = rec[0] == 'A' ? 0 : rec[0] == 'B' ? 1 : -1;
        num = atoi(rec + 2);
        if (w < 0 || rec[1] != ' ' || rec[8] != '\n' || num != next[w]) {
            bad++;
            continue;
        }
        next[w]++;
        count[w]++;
    }
    close(fd);
    printf("%s: %d records from each writer? %d and %d, damaged or out of order: %d, leftover bytes: %ld\n",
           what, BURST, count[0], count[1], bad, (long)(n > 0 ? n : 0));
    printf("%s: file size %ld\n", what, file_size(path));
}

static void write_burst(int fd, char who)
{
    char rec[RECORD + 1];
    int i;

    for (i = 0; i < BURST; i++) {
        snprintf(rec, sizeof rec, "%c %06d\n", who, i);
        if (write(fd, rec, RECORD) != RECORD)
            _exit(1);
    }
}

static void at_once(void)
{
    int fd, status;
    pid_t pid;

    /* One open file, one offset, two processes writing without taking turns. */
    fd = open("at_once.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid = fork_flushed();
    if (pid == 0) {
        write_burst(fd, 'B');
        _exit(0);
    }
    write_burst(fd, 'A');
    status = wait_for(pid);
    printf("shared descriptor, both writing at once: the child %s, the offset %ld\n", ended(status), offset_of(fd));
    close(fd);
    count_records("at_once.txt", "shared descriptor");

    /* Two open files with O_APPEND, one in each process. */
    close(open("append_race.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644));
    pid = fork_flushed();
    if (pid == 0) {
        fd = open("append_race.txt", O_WRONLY | O_APPEND);
        write_burst(fd, 'B');
        _exit(0);
    }
    fd = open("append_race.txt", O_WRONLY | O_APPEND);
    write_burst(fd, 'A');
    status = wait_for(pid);
    printf("two O_APPEND opens writing at once: the child %s\n", ended(status));
    close(fd);
    count_records("append_race.txt", "two O_APPEND opens");
}

static void append(void)
{
    int fa, fb, status, flags;
    pid_t pid;
    long r;

    fa = open("append.txt", O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644);
    fb = open("append.txt", O_WRONLY);
    write(fb, "1234567890", 10);
    write(fa, "abc", 3);
    printf("O_APPEND after another open wrote 10 bytes: [%s], its offset %ld\n", file_text("append.txt"),
           offset_of(fa));
    write(fb, "XY", 2);
    printf("the non-appending open writes at its own offset 10: [%s]\n", file_text("append.txt"));
    r = lseek(fa, 2, SEEK_SET);
    printf("lseek on an O_APPEND descriptor: %s\n", res(r));
    write(fa, "!", 1);
    printf("  the next write still goes to the end: [%s], offset now %ld\n", file_text("append.txt"), offset_of(fa));
    r = pwrite(fa, "P", 1, 0);
    printf("pwrite at 0 on O_APPEND returns %s and appends: [%s], offset %ld\n", res(r), file_text("append.txt"),
           offset_of(fa));

    pid = fork_flushed();
    if (pid == 0) {
        lseek(fa, 0, SEEK_SET);
        _exit(write(fa, "<child>", 7) == 7 ? 0 : 1);
    }
    status = wait_for(pid);
    printf("the child writes through the inherited O_APPEND descriptor (%s): [%s]\n", ended(status),
           file_text("append.txt"));

    flags = fcntl(fa, F_GETFL);
    r = fcntl(fa, F_SETFL, flags & ~O_APPEND);
    lseek(fa, 0, SEEK_SET);
    write(fa, "#", 1);
    printf("F_SETFL without O_APPEND (%s): a write at offset 0: [%s]\n", res(r), file_text("append.txt"));
    r = fcntl(fb, F_SETFL, fcntl(fb, F_GETFL) | O_APPEND);
    lseek(fb, 0, SEEK_SET);
    write(fb, "$", 1);
    printf("F_SETFL with O_APPEND on the other (%s): a write at offset 0 appends: [%s]\n", res(r),
           file_text("append.txt"));
    close(fa);
    close(fb);
}

int main(void)
{
    take_turns();
    at_once();
    append();
    return 0;
}
