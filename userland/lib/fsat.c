/* Names relative to a directory descriptor (the *at calls of <unistd.h>
   and <stdio.h>), and file owners: glibc on i386 uses the *32 owner calls,
   whose ids are 32 bits wide (chown 182 and friends take 16-bit ids). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/stat.h>
#include "sysdep.h"

int unlinkat(int dirfd, const char *pathname, int flags)
{
	return (int)__syscall_ret(__syscall3(SYS_unlinkat, dirfd, (long)pathname, flags));
}

int renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath)
{
	return (int)__syscall_ret(__syscall4(SYS_renameat, olddirfd, (long)oldpath, newdirfd,
	                                     (long)newpath));
}

int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags)
{
	return (int)__syscall_ret(__syscall5(SYS_linkat, olddirfd, (long)oldpath, newdirfd,
	                                     (long)newpath, flags));
}

int symlinkat(const char *target, int newdirfd, const char *linkpath)
{
	return (int)__syscall_ret(__syscall3(SYS_symlinkat, (long)target, newdirfd,
	                                     (long)linkpath));
}

ssize_t readlinkat(int dirfd, const char *restrict pathname, char *restrict buf, size_t bufsiz)
{
	return __syscall_ret(__syscall4(SYS_readlinkat, dirfd, (long)pathname, (long)buf,
	                                (long)bufsiz));
}

/* faccessat(2) as glibc 2.36's: faccessat2 (Linux 5.8), which takes flags.
   On an older kernel, the flag-less faccessat when the flags ask nothing
   it cannot do; otherwise the check is made here from the file's mode,
   as glibc does it (supplementary groups aside). */
int faccessat(int dirfd, const char *pathname, int mode, int flags)
{
	struct stat st;
	unsigned int granted;
	uid_t uid;
	long r;

	r = __syscall4(SYS_faccessat2, dirfd, (long)pathname, mode, flags);
	if (r != -ENOSYS)
		return (int)__syscall_ret(r);
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EACCESS)) {
		errno = EINVAL;
		return -1;
	}
	if ((flags & AT_SYMLINK_NOFOLLOW) == 0 && ((flags & AT_EACCESS) == 0
	    || (getuid() == geteuid() && getgid() == getegid())))
		return (int)__syscall_ret(__syscall3(SYS_faccessat, dirfd, (long)pathname, mode));

	if (fstatat(dirfd, pathname, &st, flags & AT_SYMLINK_NOFOLLOW) < 0)
		return -1;
	mode &= X_OK | W_OK | R_OK;
	if (mode == F_OK)
		return 0;
	uid = (flags & AT_EACCESS) ? geteuid() : getuid();
	/* Root may read and write anything, and execute what anyone may. */
	if (uid == 0 && ((mode & X_OK) == 0 || (st.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH))))
		return 0;
	if (st.st_uid == uid)
		granted = (st.st_mode & S_IRWXU) >> 6;
	else if (st.st_gid == ((flags & AT_EACCESS) ? getegid() : getgid()))
		granted = (st.st_mode & S_IRWXG) >> 3;
	else
		granted = st.st_mode & S_IRWXO;
	if (((unsigned int)mode & granted) == (unsigned int)mode)
		return 0;
	errno = EACCES;
	return -1;
}

int chown(const char *pathname, uid_t owner, gid_t group)
{
	return (int)__syscall_ret(__syscall3(SYS_chown32, (long)pathname, (long)owner,
	                                     (long)group));
}

int fchown(int fd, uid_t owner, gid_t group)
{
	return (int)__syscall_ret(__syscall3(SYS_fchown32, fd, (long)owner, (long)group));
}

int lchown(const char *pathname, uid_t owner, gid_t group)
{
	return (int)__syscall_ret(__syscall3(SYS_lchown32, (long)pathname, (long)owner,
	                                     (long)group));
}

int fchownat(int dirfd, const char *pathname, uid_t owner, gid_t group, int flags)
{
	return (int)__syscall_ret(__syscall5(SYS_fchownat, dirfd, (long)pathname, (long)owner,
	                                     (long)group, flags));
}
