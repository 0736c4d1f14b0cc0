/*
 * dev_files.c - the memory character devices and terminal ioctls on
 * things that are not terminals (drivers/char/mem.c, drivers/tty):
 *
 *   /dev/null   reads end of file at once, swallows every write whole;
 *               lseek always gives 0
 *   /dev/zero   reads zeros, of any length; writes are swallowed; a private
 *               mapping of it is zero-filled memory
 *   /dev/full   writes fail with ENOSPC; reads give zeros
 *   all three   are character devices 1:3, 1:5, 1:7; O_CREAT | O_EXCL on
 *               them is EEXIST, O_TRUNC is ignored
 *   isatty      0 with ENOTTY on /dev/null, a file, a pipe; EBADF on a bad
 *               descriptor
 *   ioctl       TCGETS on a file, a pipe, /dev/null: ENOTTY; FIONREAD on a
 *               file gives the bytes left to read
 */
#define _GNU_SOURCE
#include <sys/ioctl.h>
#include <sys/mman.h>
#include "fs_helpers.h"

#ifndef TCGETS
#define TCGETS 0x5401
#endif
#ifndef FIONREAD
#define FIONREAD 0x541B
#endif

static int all_zero(const unsigned char *p, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (p[i] != 0)
            return 0;
    return 1;
}

static void device(const char *path)
{
    struct stat st;
    int r = stat(path, &st);

    if (r != 0) {
        printf("stat %s: %s\n", path, errno_name(errno));
        return;
    }
    printf("stat %s: character device %s, %u:%u\n", path, ok(S_ISCHR(st.st_mode)),
           (unsigned)(st.st_rdev >> 8) & 0xfff, (unsigned)((st.st_rdev & 0xff) | ((st.st_rdev >> 12) & 0xfff00)));
}

static void null_dev(void)
{
    static unsigned char big[100000];
    int fd = open("/dev/null", O_RDWR);
    char c;

    device("/dev/null");
    show("read /dev/null", (long)read(fd, &c, 1));
    show("write 100000 bytes to /dev/null", (long)write(fd, big, sizeof big));
    show("lseek(/dev/null, 100, SEEK_SET)", (long)lseek(fd, 100, SEEK_SET));
    show("lseek(/dev/null, 0, SEEK_END)", (long)lseek(fd, 0, SEEK_END));
    show("pread /dev/null at 5", (long)pread(fd, &c, 1, 5));
    close(fd);
    fd = open("/dev/null", O_WRONLY | O_TRUNC);
    printf("open /dev/null with O_TRUNC: %s\n", fd >= 0 ? "OK" : errno_name(errno));
    close(fd);
    fd = open("/dev/null", O_WRONLY | O_CREAT | O_EXCL, 0644);
    printf("open /dev/null with O_CREAT | O_EXCL: %s\n", fd >= 0 ? "FAIL (opened)" : errno_name(errno));
    fd = open("/dev/null", O_WRONLY | O_CREAT, 0644);
    printf("open /dev/null with O_CREAT: %s\n", fd >= 0 ? "OK" : errno_name(errno));
    close(fd);
}

static void zero_dev(void)
{
    static unsigned char buf[70000];
    unsigned char *map;
    int fd = open("/dev/zero", O_RDWR);

    device("/dev/zero");
    memset(buf, 0xaa, sizeof buf);
    show("read 70000 bytes of /dev/zero", (long)read(fd, buf, sizeof buf));
    printf("  all zero: %s\n", ok(all_zero(buf, sizeof buf)));
    show("write 10 bytes to /dev/zero", (long)write(fd, "0123456789", 10));
    map = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
        printf("mmap of /dev/zero: %s\n", errno_name(errno));
    } else {
        printf("mmap of /dev/zero: zeros %s\n", ok(all_zero(map, 8192)));
        map[100] = 7;
        printf("  and writable: %s\n", ok(map[100] == 7));
        munmap(map, 8192);
    }
    close(fd);
}

static void full_dev(void)
{
    unsigned char buf[64];
    int fd = open("/dev/full", O_RDWR);

    device("/dev/full");
    show("write 1 byte to /dev/full", (long)write(fd, "x", 1));
    memset(buf, 0xaa, sizeof buf);
    show("read 64 bytes of /dev/full", (long)read(fd, buf, sizeof buf));
    printf("  all zero: %s\n", ok(all_zero(buf, sizeof buf)));
    close(fd);
}

static void show_isatty(const char *what, int fd)
{
    int r;

    errno = 0;
    r = isatty(fd);
    printf("isatty(%s): %d, errno %s\n", what, r, errno_name(errno));
}

static void not_terminals(void)
{
    int null = open("/dev/null", O_RDWR), file, p[2], avail = -1;
    long r;
    unsigned char termios[64];

    make_file("plain.txt", "0123456789");
    file = open("plain.txt", O_RDONLY);
    pipe(p);
    show_isatty("/dev/null", null);
    show_isatty("a file", file);
    show_isatty("a pipe", p[0]);
    show_isatty("a closed descriptor", 99);
    show("ioctl(TCGETS) on a file", (long)ioctl(file, TCGETS, termios));
    show("ioctl(TCGETS) on a pipe", (long)ioctl(p[1], TCGETS, termios));
    show("ioctl(TCGETS) on /dev/null", (long)ioctl(null, TCGETS, termios));
    show("ioctl(TCGETS) on a closed descriptor", (long)ioctl(99, TCGETS, termios));
    show("ioctl(0x1234) on a file", (long)ioctl(file, 0x1234, termios));
    lseek(file, 3, SEEK_SET);
    r = ioctl(file, FIONREAD, &avail);
    printf("ioctl(FIONREAD) on a file at offset 3 of 10: %s, %d\n", res(r), avail);
    close(null);
    close(file);
    close(p[0]);
    close(p[1]);
}

int main(void)
{
    null_dev();
    zero_dev();
    full_dev();
    not_terminals();
    return 0;
}
