/* <sys/stat.h>: file status and attributes.

   glibc 2.36 on i386 asks for a file's status with statx(2), which has
   64-bit times, then copies it into the caller's structure, refusing
   (EOVERFLOW) times that do not fit its 32-bit time_t.  On a kernel
   without statx (ENOSYS) it uses fstatat64(2), whose struct stat64 is our
   struct stat.  fstat(fd) is statx(fd, "", AT_EMPTY_PATH), and every call
   adds AT_NO_AUTOMOUNT, as glibc's. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include "sysdep.h"

_Static_assert(sizeof(struct stat) == 96, "struct stat must match the kernel's stat64");
_Static_assert(__builtin_offsetof(struct stat, st_size) == 44, "st_size offset");
_Static_assert(__builtin_offsetof(struct stat, st_blksize) == 52, "st_blksize offset");
_Static_assert(__builtin_offsetof(struct stat, st_ino) == 88, "st_ino offset");

#define AT_NO_AUTOMOUNT   0x800
#define STATX_BASIC_STATS 0x7ff

/* include/uapi/linux/stat.h: 256 bytes on every architecture. */
struct statx_timestamp {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t __reserved;
};

struct statx {
	uint32_t stx_mask;
	uint32_t stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink;
	uint32_t stx_uid;
	uint32_t stx_gid;
	uint16_t stx_mode;
	uint16_t __spare0;
	uint64_t stx_ino;
	uint64_t stx_size;
	uint64_t stx_blocks;
	uint64_t stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	uint32_t stx_rdev_major, stx_rdev_minor;
	uint32_t stx_dev_major, stx_dev_minor;
	uint64_t __spare2[14];
};

_Static_assert(sizeof(struct statx) == 256, "struct statx is 256 bytes");

/* glibc's makedev: 12 bits of major and 20 of minor in the low 32 bits,
   the rest of each above. */
static dev_t make_dev(uint32_t major, uint32_t minor)
{
	return ((dev_t)(major & 0x00000fffu) << 8) | ((dev_t)(major & 0xfffff000u) << 32)
	       | (dev_t)(minor & 0x000000ffu) | ((dev_t)(minor & 0xffffff00u) << 12);
}

static int time_fits(const struct statx_timestamp *t)
{
	return t->tv_sec == (time_t)t->tv_sec;
}

static void copy_time(struct timespec *ts, const struct statx_timestamp *t)
{
	ts->tv_sec = (time_t)t->tv_sec;
	ts->tv_nsec = (long)t->tv_nsec;
}

/* glibc's __fstatat64_time64 followed by __cp_stat64_t64_stat64. */
int fstatat(int dirfd, const char *restrict pathname, struct stat *restrict statbuf, int flags)
{
	struct statx stx;
	long r;

	r = __syscall5(SYS_statx, dirfd, (long)pathname, AT_NO_AUTOMOUNT | flags,
	               STATX_BASIC_STATS, (long)&stx);
	if (r == -ENOSYS)
		return (int)__syscall_ret(__syscall4(SYS_fstatat64, dirfd, (long)pathname,
		                                     (long)statbuf, flags));
	if (__syscall_ret(r) < 0)
		return -1;
	if (!time_fits(&stx.stx_atime) || !time_fits(&stx.stx_mtime)
	    || !time_fits(&stx.stx_ctime)) {
		errno = EOVERFLOW;
		return -1;
	}
	memset(statbuf, 0, sizeof *statbuf);
	statbuf->st_dev = make_dev(stx.stx_dev_major, stx.stx_dev_minor);
	statbuf->__st_ino = (unsigned long)stx.stx_ino;
	statbuf->st_ino = stx.stx_ino;
	statbuf->st_mode = stx.stx_mode;
	statbuf->st_nlink = stx.stx_nlink;
	statbuf->st_uid = stx.stx_uid;
	statbuf->st_gid = stx.stx_gid;
	statbuf->st_rdev = make_dev(stx.stx_rdev_major, stx.stx_rdev_minor);
	statbuf->st_size = (long long)stx.stx_size;
	statbuf->st_blksize = (blksize_t)stx.stx_blksize;
	statbuf->st_blocks = (long long)stx.stx_blocks;
	copy_time(&statbuf->st_atim, &stx.stx_atime);
	copy_time(&statbuf->st_mtim, &stx.stx_mtime);
	copy_time(&statbuf->st_ctim, &stx.stx_ctime);
	return 0;
}

int stat(const char *restrict pathname, struct stat *restrict statbuf)
{
	return fstatat(AT_FDCWD, pathname, statbuf, 0);
}

int lstat(const char *restrict pathname, struct stat *restrict statbuf)
{
	return fstatat(AT_FDCWD, pathname, statbuf, AT_SYMLINK_NOFOLLOW);
}

/* A negative fd is refused here: with AT_EMPTY_PATH, AT_FDCWD (-100) would
   describe the current directory instead of failing. */
int fstat(int fd, struct stat *statbuf)
{
	if (fd < 0) {
		errno = EBADF;
		return -1;
	}
	return fstatat(fd, "", statbuf, AT_EMPTY_PATH);
}

int mkdir(const char *pathname, mode_t mode)
{
	return (int)__syscall_ret(__syscall2(SYS_mkdir, (long)pathname, (long)mode));
}

int mkdirat(int dirfd, const char *pathname, mode_t mode)
{
	return (int)__syscall_ret(__syscall3(SYS_mkdirat, dirfd, (long)pathname, (long)mode));
}

/* The system call takes the device number in 32 bits (the kernel's
   new_decode_dev); one that does not fit is EINVAL, as in glibc. */
int mknodat(int dirfd, const char *pathname, mode_t mode, dev_t dev)
{
	if ((unsigned long)dev != dev) {
		errno = EINVAL;
		return -1;
	}
	return (int)__syscall_ret(__syscall4(SYS_mknodat, dirfd, (long)pathname, (long)mode, (long)dev));
}

int mknod(const char *pathname, mode_t mode, dev_t dev)
{
	return mknodat(AT_FDCWD, pathname, mode, dev);
}

int mkfifo(const char *pathname, mode_t mode)
{
	return mknodat(AT_FDCWD, pathname, S_IFIFO | mode, 0);
}

int mkfifoat(int dirfd, const char *pathname, mode_t mode)
{
	return mknodat(dirfd, pathname, S_IFIFO | mode, 0);
}

int chmod(const char *pathname, mode_t mode)
{
	return (int)__syscall_ret(__syscall2(SYS_chmod, (long)pathname, (long)mode));
}

int fchmod(int fd, mode_t mode)
{
	return (int)__syscall_ret(__syscall2(SYS_fchmod, fd, (long)mode));
}

/* The fchmodat system call has no flags argument.  glibc emulates
   AT_SYMLINK_NOFOLLOW through an O_PATH descriptor, which ends in
   EOPNOTSUPP for a symbolic link; we give that answer for every file. */
int fchmodat(int dirfd, const char *pathname, mode_t mode, int flags)
{
	if (flags & ~AT_SYMLINK_NOFOLLOW) {
		errno = EINVAL;
		return -1;
	}
	if (flags != 0) {
		errno = EOPNOTSUPP;
		return -1;
	}
	return (int)__syscall_ret(__syscall3(SYS_fchmodat, dirfd, (long)pathname, (long)mode));
}

mode_t umask(mode_t mask)
{
	return (mode_t)__syscall1(SYS_umask, (long)mask);
}

/* utimensat(2): glibc refuses a NULL path, which the system call would
   take to mean dirfd itself; futimens(3) is that meaning. */
int utimensat(int dirfd, const char *pathname, const struct timespec times[2], int flags)
{
	if (pathname == NULL) {
		errno = EINVAL;
		return -1;
	}
	return (int)__syscall_ret(__syscall4(SYS_utimensat, dirfd, (long)pathname,
	                                     (long)times, flags));
}

int futimens(int fd, const struct timespec times[2])
{
	if (fd < 0) {
		errno = EBADF;
		return -1;
	}
	return (int)__syscall_ret(__syscall4(SYS_utimensat, fd, 0, (long)times, 0));
}
