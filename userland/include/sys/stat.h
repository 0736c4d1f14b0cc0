/* <sys/stat.h>: file status.  struct stat has the layout of Linux's i386
   struct stat64 (arch/x86/include/uapi/asm/stat.h), which is also glibc's
   struct stat64, so no file is too large or has too high an inode number
   for it.  stat() and friends ask the kernel with statx, as glibc 2.36
   does, and fall back to fstatat64 on a kernel without statx. */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <bits/types.h>
#include <bits/time.h>

struct stat {
	dev_t st_dev;                   /* device holding the file */
	unsigned int __pad0;
	unsigned long __st_ino;         /* low 32 bits of st_ino */
	mode_t st_mode;                 /* type and permissions */
	nlink_t st_nlink;               /* hard links */
	uid_t st_uid;                   /* owner */
	gid_t st_gid;                   /* group */
	dev_t st_rdev;                  /* device, for a device file */
	unsigned int __pad3;
	long long st_size;              /* size in bytes */
	blksize_t st_blksize;           /* preferred I/O size */
	long long st_blocks;            /* 512-byte blocks allocated */
	struct timespec st_atim;        /* last access */
	struct timespec st_mtim;        /* last modification */
	struct timespec st_ctim;        /* last status change */
	unsigned long long st_ino;      /* inode number */
};

#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec

#define S_IFMT   0170000
#define S_IFSOCK 0140000
#define S_IFLNK  0120000
#define S_IFREG  0100000
#define S_IFBLK  0060000
#define S_IFDIR  0040000
#define S_IFCHR  0020000
#define S_IFIFO  0010000
#define S_ISUID  04000
#define S_ISGID  02000
#define S_ISVTX  01000

#define S_ISLNK(m)  (((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m)  (((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)  (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)  (((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)  (((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)

#define S_IRWXU 0700
#define S_IRUSR 0400
#define S_IWUSR 0200
#define S_IXUSR 0100
#define S_IRWXG 070
#define S_IRGRP 040
#define S_IWGRP 020
#define S_IXGRP 010
#define S_IRWXO 07
#define S_IROTH 04
#define S_IWOTH 02
#define S_IXOTH 01

/* utimensat's special tv_nsec values */
#define UTIME_NOW  ((1L << 30) - 1L)    /* the current time */
#define UTIME_OMIT ((1L << 30) - 2L)    /* leave this time as it is */

int stat(const char *restrict pathname, struct stat *restrict statbuf);
int fstat(int fd, struct stat *statbuf);
int lstat(const char *restrict pathname, struct stat *restrict statbuf);
int fstatat(int dirfd, const char *restrict pathname, struct stat *restrict statbuf,
            int flags);
int mkdir(const char *pathname, mode_t mode);
int mkdirat(int dirfd, const char *pathname, mode_t mode);
int mknod(const char *pathname, mode_t mode, dev_t dev);
int mknodat(int dirfd, const char *pathname, mode_t mode, dev_t dev);
int mkfifo(const char *pathname, mode_t mode);
int mkfifoat(int dirfd, const char *pathname, mode_t mode);
int chmod(const char *pathname, mode_t mode);
int fchmod(int fd, mode_t mode);
int fchmodat(int dirfd, const char *pathname, mode_t mode, int flags);
mode_t umask(mode_t mask);
int utimensat(int dirfd, const char *pathname, const struct timespec times[2], int flags);
int futimens(int fd, const struct timespec times[2]);

#endif
