/* Files by name and by descriptor: <fcntl.h>, <sys/ioctl.h>, <sys/uio.h>,
   <sys/sendfile.h>, rename(2) and remove(3).  <sys/stat.h> is stat.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include "sysdep.h"

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

/* i386 still has the creat system call, and glibc uses it. */
int creat(const char *pathname, mode_t mode)
{
	return (int)__syscall_ret(__syscall2(SYS_creat, (long)pathname, (long)mode));
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

ssize_t readv(int fd, const struct iovec *iov, int iovcnt)
{
	return __syscall_ret(__syscall3(SYS_readv, fd, (long)iov, iovcnt));
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt)
{
	return __syscall_ret(__syscall3(SYS_writev, fd, (long)iov, iovcnt));
}

/* sendfile(2) with a 32-bit off_t is the original sendfile (187);
   sendfile64 (239) is for a 64-bit offset. */
ssize_t sendfile(int out_fd, int in_fd, off_t *offset, size_t count)
{
	return __syscall_ret(__syscall4(SYS_sendfile, out_fd, in_fd, (long)offset, (long)count));
}

ssize_t sendfile64(int out_fd, int in_fd, off64_t *offset, size_t count)
{
	return __syscall_ret(__syscall4(SYS_sendfile64, out_fd, in_fd, (long)offset,
	                                (long)count));
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
