/*
 * proc_maps.c - /proc/self/maps (fs/proc/task_mmu.c show_map_vma): one
 * line per mapping, "start-end perms offset major:minor inode path", in
 * address order, with Linux's exact layout (8 hex digits for addresses and
 * the offset, 2 for the device numbers, the path after spaces that pad to
 * column 74 as an x86-64 kernel prints it for i386 programs). Checked
 * without printing an address or inode:
 *
 *   - every line parses and prints back identically; lines are sorted and
 *     do not overlap
 *   - the program's own mappings (the path of /proc/self/exe): their
 *     permissions in order, offsets, inode equal to the program's
 *   - [stack] is rw-p, [heap] appears once the break has moved
 *   - an anonymous mmap is one line "rw-p 00000000 00:00 0" with no path;
 *     an mprotect of its middle page splits it in three; munmap removes it
 *   - a file mapped MAP_PRIVATE at offset 4096 and MAP_SHARED: the file's
 *     path, device and inode, offset 00001000, "r--p" and "rw-s"
 *
 * Files are made in the current directory.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <stdlib.h>
#include <sys/mman.h>
#include "fs_helpers.h"

#define MAX_LINES 256

struct map_line {
    unsigned long start, end, offset, inode;
    unsigned major, minor;
    char perms[5];
    char path[PATH_MAX];
    int path_column;     /* where the path starts in the line, or 0 */
};

static struct map_line lines[MAX_LINES];
static int nlines, format_ok, sorted_ok;
static char maps[65536];

/* Parses a number in the base up to the separator; the position after the separator, or NULL. */
static char *number(char *p, int base, char sep, unsigned long *value)
{
    char *end;

    *value = strtoul(p, &end, base);
    if (end == p || *end != sep)
        return NULL;
    return end + 1;
}

/*
 * "start-end perms offset major:minor inode" and the spaces before a path:
 * the offset of the path (or of the end of the line), or -1.
 */
static int parse(char *line, struct map_line *m)
{
    unsigned long major_, minor_;
    char *p = line;

    if ((p = number(p, 16, '-', &m->start)) == NULL || (p = number(p, 16, ' ', &m->end)) == NULL)
        return -1;
    memcpy(m->perms, p, 4);
    m->perms[4] = '\0';
    if (p[4] != ' ')
        return -1;
    p += 5;
    if ((p = number(p, 16, ' ', &m->offset)) == NULL || (p = number(p, 16, ':', &major_)) == NULL
        || (p = number(p, 16, ' ', &minor_)) == NULL || (p = number(p, 10, ' ', &m->inode)) == NULL)
        return -1;
    m->major = (unsigned)major_;
    m->minor = (unsigned)minor_;
    while (*p == ' ')
        p++;
    return (int)(p - line);
}

/* The device numbers of a stat's st_dev (glibc's gnu_dev_major/minor). */
static unsigned dev_major(unsigned long long dev)
{
    return (unsigned)(((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffull));
}

static unsigned dev_minor(unsigned long long dev)
{
    return (unsigned)((dev & 0xff) | ((dev >> 12) & ~0xffull));
}

static void read_maps(void)
{
    int fd = open("/proc/self/maps", O_RDONLY), i;
    char *line, *next, again[PATH_MAX + 128];
    ssize_t n;
    struct map_line *m;
    int consumed;

    n = fd < 0 ? -1 : read_all(fd, maps, sizeof maps - 1);
    close(fd);
    maps[n > 0 ? n : 0] = '\0';
    nlines = 0;
    format_ok = 1;
    sorted_ok = 1;
    for (line = maps; *line && nlines < MAX_LINES; line = next) {
        next = strchr(line, '\n');
        if (next == NULL) {
            format_ok = 0;
            break;
        }
        *next++ = '\0';
        m = &lines[nlines++];
        memset(m, 0, sizeof *m);
        consumed = parse(line, m);
        if (consumed < 0) {
            format_ok = 0;
            continue;
        }
        if (line[consumed] != '\0') {
            m->path_column = consumed;
            snprintf(m->path, sizeof m->path, "%s", line + consumed);
        }
        /* Print it back the way Linux does and compare. */
        n = snprintf(again, sizeof again, "%08lx-%08lx %s %08lx %02x:%02x %lu ", m->start, m->end, m->perms,
                     m->offset, m->major, m->minor, m->inode);
        if (m->path[0]) {
            while (n < 73)
                again[n++] = ' ';
            snprintf(again + n, sizeof again - n, "%s", m->path);
        } else {
            again[n] = '\0';
        }
        if (strcmp(again, line) != 0)
            format_ok = 0;
    }
    for (i = 1; i < nlines; i++)
        if (lines[i].start < lines[i - 1].end || lines[i].start >= lines[i].end)
            sorted_ok = 0;
}

static struct map_line *find(unsigned long addr)
{
    int i;

    for (i = 0; i < nlines; i++)
        if (addr >= lines[i].start && addr < lines[i].end)
            return &lines[i];
    return NULL;
}

static int count_path(const char *path)
{
    int i, n = 0;

    for (i = 0; i < nlines; i++)
        if (strcmp(lines[i].path, path) == 0)
            n++;
    return n;
}

static void overall(void)
{
    char exe[PATH_MAX], perms[256] = "", offsets[256] = "";
    struct stat st;
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    int i, inode_ok = 1, stack = -1;

    exe[n > 0 ? n : 0] = '\0';
    stat(exe, &st);
    read_maps();
    printf("every line has Linux's format (printed back identically): %s\n", ok(format_ok && nlines > 0));
    printf("lines sorted by address, none overlapping: %s\n", ok(sorted_ok));
    for (i = 0; i < nlines; i++) {
        if (strcmp(lines[i].path, exe) == 0) {
            snprintf(perms + strlen(perms), sizeof perms - strlen(perms), " %s", lines[i].perms);
            snprintf(offsets + strlen(offsets), sizeof offsets - strlen(offsets), " %lx", lines[i].offset);
            if (lines[i].inode != (unsigned long)st.st_ino)
                inode_ok = 0;
        }
        if (strcmp(lines[i].path, "[stack]") == 0)
            stack = i;
    }
    printf("the program's mappings:%s\n", perms);
    printf("  their offsets:%s\n", offsets);
    printf("  their inode is the program's: %s\n", ok(inode_ok));
    printf("[stack]: %s\n", stack >= 0 ? lines[stack].perms : "missing");
    if (stack >= 0)
        printf("  holds a local variable: %s, the last mapping below 0xc0000000 or so: %s\n",
               ok(find((unsigned long)&stack) == &lines[stack]),
               ok(stack == nlines - 1 || strcmp(lines[stack + 1].path, "[vvar]") == 0
                  || strcmp(lines[stack + 1].path, "[vdso]") == 0 || lines[stack + 1].start >= 0xc0000000ul));
}

static void heap(void)
{
    char *p = sbrk(0);
    struct map_line *m;

    sbrk(8192);
    p[100] = 1;
    read_maps();
    m = find((unsigned long)p);
    printf("after sbrk(8192): the new memory is [heap]: %s, %s, offset %lx, inode %lu\n",
           ok(m && strcmp(m->path, "[heap]") == 0), m ? m->perms : "-", m ? m->offset : 0, m ? m->inode : 0);
    printf("  one [heap] line: %s\n", ok(count_path("[heap]") == 1));
}

static void anonymous(void)
{
    char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    struct map_line *m;
    int i;

    read_maps();
    m = find((unsigned long)p);
    printf("an anonymous mmap of 3 pages: one line exactly: %s, \"%s %08lx %02x:%02x %lu\", no path: %s\n",
           ok(m && m->start == (unsigned long)p && m->end == (unsigned long)p + 3 * 4096), m ? m->perms : "-",
           m ? m->offset : 0, m ? m->major : 0, m ? m->minor : 0, m ? m->inode : 0, ok(m && m->path[0] == '\0'));
    mprotect(p + 4096, 4096, PROT_READ);
    read_maps();
    printf("after mprotect(PROT_READ) of the middle page:");
    for (i = 0; i < 3; i++) {
        m = find((unsigned long)p + i * 4096);
        printf(" %s%s", m ? m->perms : "-", m && m->start == (unsigned long)p + i * 4096
               && m->end == (unsigned long)p + (i + 1) * 4096 ? "" : "(not one page)");
    }
    printf("\n");
    mprotect(p + 4096, 4096, PROT_READ | PROT_WRITE);
    read_maps();
    m = find((unsigned long)p);
    printf("after mprotect back: one line again: %s\n",
           ok(m && m->start == (unsigned long)p && m->end == (unsigned long)p + 3 * 4096));
    munmap(p, 3 * 4096);
    read_maps();
    printf("after munmap: no line: %s\n", ok(find((unsigned long)p) == NULL && find((unsigned long)p + 8191) == NULL));
}

static void files(void)
{
    static char page[4096 * 3];
    char cwd[PATH_MAX], path[PATH_MAX + 16];
    struct stat st;
    struct map_line *m;
    char *priv, *shared;
    int fd;

    memset(page, 'm', sizeof page);
    fd = open("mapped.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write_all(fd, page, sizeof page);
    fstat(fd, &st);
    getcwd(cwd, sizeof cwd);
    snprintf(path, sizeof path, "%s/mapped.bin", cwd);
    priv = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE, fd, 4096);
    shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    read_maps();
    m = find((unsigned long)priv);
    printf("MAP_PRIVATE of the file at 4096: %s %08lx, the file's path: %s, device: %s, inode: %s, 2 pages: %s\n",
           m ? m->perms : "-", m ? m->offset : 0, ok(m && strcmp(m->path, path) == 0),
           ok(m && m->major == dev_major(st.st_dev) && m->minor == dev_minor(st.st_dev)),
           ok(m && m->inode == (unsigned long)st.st_ino), ok(m && m->end - m->start == 8192));
    m = find((unsigned long)shared);
    printf("MAP_SHARED of the file at 0: %s %08lx, the file's path: %s\n", m ? m->perms : "-", m ? m->offset : 0,
           ok(m && strcmp(m->path, path) == 0));
    close(fd);
    unlink("mapped.bin");
    read_maps();
    m = find((unsigned long)shared);
    snprintf(path + strlen(path), sizeof path - strlen(path), " (deleted)");
    printf("after close and unlink: the mapping stays, its path ends in \" (deleted)\": %s\n",
           ok(m && strcmp(m->path, path) == 0));
    munmap(priv, 8192);
    munmap(shared, 4096);
}

int main(void)
{
    overall();
    heap();
    anonymous();
    files();
    return 0;
}
