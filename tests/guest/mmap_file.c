/*
 * mmap_file.c - mappings of files (mm/mmap.c, mm/filemap.c, mm/msync.c):
 *
 *   MAP_PRIVATE  reads what read() reads; a write to it is the mapping's
 *                own (read() and a second mapping do not see it); a page
 *                not yet written follows later write()s to the file (one
 *                page cache); a written page does not
 *   MAP_SHARED   a write is seen by read(), by a second MAP_SHARED mapping,
 *                by a child's mapping inherited over fork (and the child's
 *                writes by the parent), and is in the file after munmap
 *                and close (read back through a new open); write() is seen
 *                in the mapping; msync(MS_SYNC) returns 0
 *   end of file  the rest of the last page reads as zeros; a write there
 *                does not grow the file (what becomes of it when the file
 *                grows is the file system's business: not printed); after
 *                ftruncate grows the file the pages beyond the old end are
 *                usable (the mapping itself may extend past the end: only
 *                touching pages wholly beyond it faults, not tested here)
 *   the mapping  outlives close() and unlink()
 *   errors       an offset not a multiple of the page: EINVAL; length 0:
 *                EINVAL; PROT_READ of a write-only descriptor: EACCES;
 *                MAP_SHARED | PROT_WRITE of a read-only one: EACCES (but
 *                MAP_PRIVATE | PROT_WRITE is fine); mprotect(PROT_WRITE)
 *                of a shared read-only mapping of it: EACCES; a pipe or a
 *                directory: ENODEV; a bad descriptor: EBADF
 *
 * Files are made in the current directory.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <sys/mman.h>
#include "fs_helpers.h"

#define PAGE 4096

static const char *mm_res(void *p)
{
    return p == MAP_FAILED ? errno_name(errno) : "mapped";
}

static int make(const char *path, size_t size, char fill)
{
    static char buf[4 * PAGE];
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    size_t i;

    for (i = 0; i < size && i < sizeof buf; i++)
        buf[i] = (char)(fill + i % 23);
    write_all(fd, buf, size);
    return fd;
}

static char byte_at(int fd, off_t off)
{
    char c = '?';

    pread(fd, &c, 1, off);
    return c;
}

static void private_maps(void)
{
    char buf[2 * PAGE], *a, *b;
    int fd = make("private.bin", 2 * PAGE, 'a');

    a = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    b = mmap(NULL, 2 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
    if (a == MAP_FAILED || b == MAP_FAILED) {
        printf("FAIL: mmap MAP_PRIVATE: errno=%s\n", errno_name(errno));
        close(fd);
        return;
    }
    pread(fd, buf, sizeof buf, 0);
    printf("MAP_PRIVATE reads what read() reads: %s\n", ok(memcmp(a, buf, sizeof buf) == 0));
    a[10] = '#';
    printf("a write to it: the mapping has '%c', read() '%c', a second mapping '%c'\n", a[10], byte_at(fd, 10), b[10]);
    pwrite(fd, "W", 1, 10);
    pwrite(fd, "X", 1, PAGE + 10);
    printf("write() to the file after that: the written page keeps '%c'; the untouched page shows '%c',"
           " the other mapping '%c' and '%c'\n", a[10], a[PAGE + 10], b[10], b[PAGE + 10]);
    munmap(a, 2 * PAGE);
    munmap(b, 2 * PAGE);
    close(fd);
}

static void shared_maps(void)
{
    char *a, *b, *c;
    int fd = make("shared.bin", 2 * PAGE, 'A'), status;
    pid_t pid;

    a = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    b = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    c = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, PAGE);
    if (a == MAP_FAILED || b == MAP_FAILED || c == MAP_FAILED) {
        printf("FAIL: mmap MAP_SHARED: errno=%s\n", errno_name(errno));
        close(fd);
        return;
    }
    a[5] = '1';
    printf("MAP_SHARED write: read() sees '%c', a second MAP_SHARED mapping '%c'\n", byte_at(fd, 5), b[5]);
    a[PAGE + 1] = '2';
    printf("  and a MAP_PRIVATE mapping of that page not yet written '%c'\n", c[1]);
    pwrite(fd, "3", 1, 6);
    printf("write() is seen in the shared mapping: '%c'\n", a[6]);
    show("msync(MS_SYNC)", (long)msync(a, 2 * PAGE, MS_SYNC));
    show("msync(MS_ASYNC) of one page", (long)msync(a, PAGE, MS_ASYNC));
    show("msync of an unaligned address", (long)msync(a + 1, PAGE, MS_SYNC));

    pid = fork_flushed();
    if (pid == 0) {
        a[7] = 'c';
        _exit(a[5] == '1' ? 0 : 1);
    }
    status = wait_for(pid);
    printf("a child %s; its write through the inherited mapping: parent's mapping '%c', read() '%c'\n",
           ended(status), a[7], byte_at(fd, 7));

    a[8] = 'u';
    munmap(a, 2 * PAGE);
    munmap(b, 2 * PAGE);
    munmap(c, PAGE);
    close(fd);
    printf("after munmap and close, a new open reads [%.9s]\n", file_text("shared.bin"));
}

static void end_of_file(void)
{
    char *a;
    int fd = make("short.bin", 5000, 'a'), zeros = 1, i;

    a = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    printf("mapping 3 pages of a 5000-byte file: %s\n", mm_res(a));
    if (a == MAP_FAILED)
        return;
    for (i = 5000; i < 2 * PAGE; i++)
        if (a[i] != 0)
            zeros = 0;
    printf("  bytes 5000..8191 of the last page read as zeros: %s\n", ok(zeros));
    a[6000] = 'z';
    show("  a write at 6000 leaves the size at", file_size("short.bin"));
    show("ftruncate to 3 pages", (long)ftruncate(fd, 3 * PAGE));
    a[3 * PAGE - 1] = 'e';
    printf("  the third page is usable: the last byte through read(): '%c'\n", byte_at(fd, 3 * PAGE - 1));
    close(fd);
    unlink("short.bin");
    a[0] = 'Z';
    printf("after close and unlink the mapping still works: '%c'\n", a[0]);
    munmap(a, 3 * PAGE);
}

static void errors(void)
{
    int rw = make("err.bin", 2 * PAGE, 'e'), ro = open("err.bin", O_RDONLY), wo = open("err.bin", O_WRONLY);
    int p[2], dir = open(".", O_RDONLY);
    void *m;

    pipe(p);
    printf("offset 100: %s\n", mm_res(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, rw, 100)));
    printf("length 0: %s\n", mm_res(mmap(NULL, 0, PROT_READ, MAP_PRIVATE, rw, 0)));
    printf("PROT_READ of a write-only descriptor, MAP_SHARED: %s\n", mm_res(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, wo, 0)));
    printf("PROT_READ of a write-only descriptor, MAP_PRIVATE: %s\n",
           mm_res(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, wo, 0)));
    printf("MAP_SHARED | PROT_WRITE of a read-only descriptor: %s\n",
           mm_res(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0)));
    m = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
    printf("MAP_PRIVATE | PROT_WRITE of a read-only descriptor: %s\n", mm_res(m));
    if (m != MAP_FAILED)
        munmap(m, PAGE);
    m = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, ro, 0);
    printf("MAP_SHARED | PROT_READ of a read-only descriptor: %s\n", mm_res(m));
    if (m != MAP_FAILED) {
        show("  mprotect(PROT_READ | PROT_WRITE) of it", (long)mprotect(m, PAGE, PROT_READ | PROT_WRITE));
        munmap(m, PAGE);
    }
    printf("a pipe: %s\n", mm_res(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, p[0], 0)));
    printf("a directory: %s\n", mm_res(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, dir, 0)));
    printf("a closed descriptor: %s\n", mm_res(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 99, 0)));
    m = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, rw, 16 * PAGE);
    printf("an offset beyond the end of the file (not touched): %s\n", mm_res(m));
    if (m != MAP_FAILED)
        munmap(m, PAGE);
    close(rw);
    close(ro);
    close(wo);
    close(dir);
    close(p[0]);
    close(p[1]);
}

int main(void)
{
    private_maps();
    shared_maps();
    end_of_file();
    errors();
    return 0;
}
