/* Files by name and by descriptor: <fcntl.h>, <sys/stat.h>, <sys/ioctl.h>,
   rename(2) and remove(3). */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include "sysdep.h"

_Static_assert(sizeof(struct stat) == 96, "struct stat must match the kernel's stat64");
_Static_assert(__builtin_offsetof(struct stat, st_size) == 44, "st_size offset");
_Static_assert(__builtin_offsetof(struct stat, st_blksize) == 52, "st_blksize offset");
_Static_assert(__builtin_offsetof(struct stat, st_ino) == 88, "st_ino offset");

/* The mode argument is there only when the flags create a file (glibc's
   __OPEN_NEEDS_MODE). */
static mode_t open_mode(int flags, va_list ap)
{
	if ((flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE)
		return va_arg(ap, mode_t);
	return 0;
}

/* glibc's open() is openat(AT_FDCWD, ...) on every architecture. */
int open(const char *pathname, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = open_mode(flags, ap);
	va_end(ap);
	return openat(AT_FDCWD, pathname, flags, mode);
}

int openat(int dirfd, const char *pathname, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = open_mode(flags, ap);
	va_end(ap);
	return (int)__syscall_ret(__syscall4(SYS_openat, dirfd, (long)pathname, flags,
	                                     (long)mode));
}

int creat(const char *pathname, mode_t mode)
{
	return open(pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

/* glibc's fcntl() on i386 is fcntl64, and always passes the third word. */
int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	return (int)__syscall_ret(__syscall3(SYS_fcntl64, fd, cmd, arg));
}

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	long arg;

	va_start(ap, request);
	arg = va_arg(ap, long);
	va_end(ap);
	return (int)__syscall_ret(__syscall3(SYS_ioctl, fd, (long)request, arg));
}

int stat(const char *restrict pathname, struct stat *restrict statbuf)
{
	return (int)__syscall_ret(__syscall2(SYS_stat64, (long)pathname, (long)statbuf));
}

int lstat(const char *restrict pathname, struct stat *restrict statbuf)
{
	return (int)__syscall_ret(__syscall2(SYS_lstat64, (long)pathname, (long)statbuf));
}

int fstat(int fd, struct stat *statbuf)
{
	return (int)__syscall_ret(__syscall2(SYS_fstat64, fd, (long)statbuf));
}

int mkdir(const char *pathname, mode_t mode)
{
	return (int)__syscall_ret(__syscall2(SYS_mkdir, (long)pathname, (long)mode));
}

int chmod(const char *pathname, mode_t mode)
{
	return (int)__syscall_ret(__syscall2(SYS_chmod, (long)pathname, (long)mode));
}

mode_t umask(mode_t mask)
{
	return (mode_t)__syscall1(SYS_umask, (long)mask);
}

int rename(const char *oldpath, const char *newpath)
{
	return (int)__syscall_ret(__syscall2(SYS_rename, (long)oldpath, (long)newpath));
}

/* remove(3): unlink a file, or rmdir a directory (glibc's sysdeps/posix
   remove.c tries unlink first). */
int remove(const char *pathname)
{
	int saved = errno;

	if (unlink(pathname) == 0)
		return 0;
	if (errno == EISDIR && rmdir(pathname) == 0) {
		errno = saved;
		return 0;
	}
	return -1;
}
