/* <unistd.h>, <sys/wait.h> and uname(2): thin wrappers over i386 Linux
   system calls.  Where glibc picks one of several kernel calls for a
   function, the comment says which glibc picks and whether we follow it. */
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/auxv.h>
#include <sys/ioctl.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include "pthreadP.h"
#include "sysdep.h"

/* read, write, wait4, pause, nanosleep, poll, select, sigsuspend are
   cancellation points (CANCEL_POINT: pthread_cancel.c). */
ssize_t read(int fd, void *buf, size_t count)
{
	return __syscall_ret(CANCEL_POINT(__syscall3(SYS_read, fd, (long)buf, (long)count)));
}

ssize_t write(int fd, const void *buf, size_t count)
{
	return __syscall_ret(CANCEL_POINT(__syscall3(SYS_write, fd, (long)buf, (long)count)));
}

/* pread/pwrite with a 32-bit off_t go through pread64/pwrite64, which take
   the 64-bit offset as two words, low first (as glibc does on i386). */
ssize_t pread(int fd, void *buf, size_t count, off_t offset)
{
	return __syscall_ret(__syscall5(SYS_pread64, fd, (long)buf, (long)count,
	                                offset, offset < 0 ? -1 : 0));
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset)
{
	return __syscall_ret(__syscall5(SYS_pwrite64, fd, (long)buf, (long)count,
	                                offset, offset < 0 ? -1 : 0));
}

int close(int fd)
{
	return (int)__syscall_ret(__syscall1(SYS_close, fd));
}

/* glibc's lseek() on i386 is _llseek(fd, offset_high, offset_low, &result,
   whence), the 32-bit offset sign-extended, with EOVERFLOW for a result
   that does not fit in off_t. */
off64_t lseek64(int fd, off64_t offset, int whence)
{
	loff_t result;
	long r = __syscall5(SYS__llseek, fd, (long)(offset >> 32), (long)offset,
	                    (long)&result, whence);

	return __syscall_ret(r) < 0 ? -1 : result;
}

off_t lseek(int fd, off_t offset, int whence)
{
	off64_t result = lseek64(fd, offset, whence);

	if (result != (off_t)result) {
		errno = EOVERFLOW;
		return -1;
	}
	return (off_t)result;
}

int dup(int oldfd)
{
	return (int)__syscall_ret(__syscall1(SYS_dup, oldfd));
}

int dup2(int oldfd, int newfd)
{
	return (int)__syscall_ret(__syscall2(SYS_dup2, oldfd, newfd));
}

int dup3(int oldfd, int newfd, int flags)
{
	return (int)__syscall_ret(__syscall3(SYS_dup3, oldfd, newfd, flags));
}

/* glibc's pipe() is pipe2(pipefd, 0). */
int pipe(int pipefd[2])
{
	return pipe2(pipefd, 0);
}

int pipe2(int pipefd[2], int flags)
{
	return (int)__syscall_ret(__syscall2(SYS_pipe2, (long)pipefd, flags));
}

/* isatty(3) as glibc's: a file descriptor is a terminal if the terminal
   ioctl TCGETS succeeds on it.  The buffer is the kernel's struct termios. */
int isatty(int fd)
{
	struct {
		unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
		unsigned char c_line;
		unsigned char c_cc[19];
	} termios;

	return __syscall_ret(__syscall3(SYS_ioctl, fd, TCGETS, (long)&termios)) == 0;
}

int ftruncate(int fd, off_t length)
{
	return (int)__syscall_ret(__syscall2(SYS_ftruncate, fd, length));
}

int truncate(const char *path, off_t length)
{
	return (int)__syscall_ret(__syscall2(SYS_truncate, (long)path, length));
}

int fsync(int fd)
{
	return (int)__syscall_ret(__syscall1(SYS_fsync, fd));
}

int fdatasync(int fd)
{
	return (int)__syscall_ret(__syscall1(SYS_fdatasync, fd));
}

/* _exit(2) ends every thread of the process, as glibc's does with
   exit_group; exit is the fallback for a kernel without it. */
void _exit(int status)
{
	for (;;) {
		__syscall1(SYS_exit_group, status);
		__syscall1(SYS_exit, status);
	}
}

/* What fork() does around the clone for the rest of the library: a lock
   held by another thread at the moment of the fork would be held for ever
   in the child, where that thread does not exist.  So malloc's lock is
   taken before and released (parent) or reset (child) after, the stdio
   locks are reset in the child, and the thread bookkeeping starts afresh
   there (glibc's fork.c does the same).  These do-nothing versions stand in
   for those of malloc.c, stdio.c and pthread_create.c in a program that
   does not link them; when it does, their definitions replace these. */
__attribute__((__weak__)) void __malloc_fork_lock_parent(void)
{
}

__attribute__((__weak__)) void __malloc_fork_unlock_parent(void)
{
}

__attribute__((__weak__)) void __malloc_fork_unlock_child(void)
{
}

__attribute__((__weak__)) void __stdio_fork_child(void)
{
}

__attribute__((__weak__)) void __nptl_fork_child(void)
{
}

/* glibc's fork() is clone(CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID |
   SIGCHLD) with the calling thread's tid word as the child tid pointer:
   the kernel writes the child's tid into the child's copy of the word, so
   the thread descriptor is right in the child from its first instruction.
   i386 clone takes (flags, stack, parent_tid, tls, child_tid). */
pid_t fork(void)
{
	struct pthread *self = THREAD_SELF;
	long r;

	__malloc_fork_lock_parent();
	r = __syscall5(SYS_clone, CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD, 0, 0, 0,
	               (long)&self->tid);
	if (r == 0) {
		/* The kernel does not copy the robust list registration. */
		self->robust_head.list_op_pending = NULL;
		if (__nptl_set_robust_list_avail)
			__syscall2(SYS_set_robust_list, (long)&self->robust_head,
			           sizeof self->robust_head);
		__malloc_fork_unlock_child();
		__stdio_fork_child();
		__nptl_fork_child();
	} else {
		__malloc_fork_unlock_parent();
	}
	return (pid_t)__syscall_ret(r);
}

/* glibc's wait() and waitpid() are wait4() with no resource usage. */
pid_t wait4(pid_t pid, int *wstatus, int options, struct rusage *rusage)
{
	return (pid_t)__syscall_ret(CANCEL_POINT(__syscall4(SYS_wait4, pid, (long)wstatus, options,
	                                                    (long)rusage)));
}

pid_t waitpid(pid_t pid, int *wstatus, int options)
{
	return wait4(pid, wstatus, options, NULL);
}

pid_t wait(int *wstatus)
{
	return wait4(-1, wstatus, 0, NULL);
}

pid_t wait3(int *wstatus, int options, struct rusage *rusage)
{
	return wait4(-1, wstatus, options, rusage);
}

pid_t getpid(void)
{
	return (pid_t)__syscall0(SYS_getpid);
}

pid_t getppid(void)
{
	return (pid_t)__syscall0(SYS_getppid);
}

pid_t gettid(void)
{
	return (pid_t)__syscall0(SYS_gettid);
}

pid_t getpgid(pid_t pid)
{
	return (pid_t)__syscall_ret(__syscall1(SYS_getpgid, pid));
}

/* glibc's getpgrp() is the getpgrp system call on i386 (getpgid(0) only
   where the architecture lacks it). */
pid_t getpgrp(void)
{
	return (pid_t)__syscall0(SYS_getpgrp);
}

int setpgid(pid_t pid, pid_t pgid)
{
	return (int)__syscall_ret(__syscall2(SYS_setpgid, pid, pgid));
}

pid_t setsid(void)
{
	return (pid_t)__syscall_ret(__syscall0(SYS_setsid));
}

pid_t getsid(pid_t pid)
{
	return (pid_t)__syscall_ret(__syscall1(SYS_getsid, pid));
}

/* The user and group ids use the 32-bit-id calls, as glibc does on i386
   (the original ones, getuid 24 and friends, return 16-bit ids). */
uid_t getuid(void)
{
	return (uid_t)__syscall0(SYS_getuid32);
}

uid_t geteuid(void)
{
	return (uid_t)__syscall0(SYS_geteuid32);
}

gid_t getgid(void)
{
	return (gid_t)__syscall0(SYS_getgid32);
}

gid_t getegid(void)
{
	return (gid_t)__syscall0(SYS_getegid32);
}

int setuid(uid_t uid)
{
	return (int)__syscall_ret(__syscall1(SYS_setuid32, (long)uid));
}

int setgid(gid_t gid)
{
	return (int)__syscall_ret(__syscall1(SYS_setgid32, (long)gid));
}

/* The kernel's brk(2) returns the new break, or the old one when it refuses;
   glibc's brk() remembers it and turns a refusal into ENOMEM. */
static char *current_break;

int brk(void *addr)
{
	char *result = (char *)__syscall1(SYS_brk, (long)addr);

	current_break = result;
	if (result < (char *)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void *sbrk(intptr_t increment)
{
	char *old;

	if (current_break == NULL && brk(NULL) < 0)
		return (void *)-1;
	old = current_break;
	if (increment == 0)
		return old;
	if (increment > 0 ? (uintptr_t)old + (uintptr_t)increment < (uintptr_t)old
	                  : (uintptr_t)old < (uintptr_t)-increment) {
		errno = ENOMEM;
		return (void *)-1;
	}
	if (brk(old + increment) < 0)
		return (void *)-1;
	return old;
}

int chdir(const char *path)
{
	return (int)__syscall_ret(__syscall1(SYS_chdir, (long)path));
}

int fchdir(int fd)
{
	return (int)__syscall_ret(__syscall1(SYS_fchdir, fd));
}

/* getcwd(3): the system call returns the length including the NUL.  Like
   glibc, a NULL buf asks for a malloc'd copy (of at least size bytes). */
char *getcwd(char *buf, size_t size)
{
	char path[PATH_MAX];
	char *copy;
	long r;

	if (buf != NULL) {
		if (size == 0) {
			errno = EINVAL;
			return NULL;
		}
		r = __syscall2(SYS_getcwd, (long)buf, (long)size);
		return __syscall_ret(r) < 0 ? NULL : buf;
	}
	r = __syscall2(SYS_getcwd, (long)path, sizeof path);
	if (__syscall_ret(r) < 0)
		return NULL;
	if (size != 0 && (size_t)r > size) {
		errno = ERANGE;
		return NULL;
	}
	copy = malloc(size > (size_t)r ? size : (size_t)r);
	return copy != NULL ? memcpy(copy, path, (size_t)r) : NULL;
}

int access(const char *pathname, int mode)
{
	return (int)__syscall_ret(__syscall2(SYS_access, (long)pathname, mode));
}

int link(const char *oldpath, const char *newpath)
{
	return (int)__syscall_ret(__syscall2(SYS_link, (long)oldpath, (long)newpath));
}

int unlink(const char *pathname)
{
	return (int)__syscall_ret(__syscall1(SYS_unlink, (long)pathname));
}

int rmdir(const char *pathname)
{
	return (int)__syscall_ret(__syscall1(SYS_rmdir, (long)pathname));
}

int symlink(const char *target, const char *linkpath)
{
	return (int)__syscall_ret(__syscall2(SYS_symlink, (long)target, (long)linkpath));
}

ssize_t readlink(const char *restrict pathname, char *restrict buf, size_t bufsiz)
{
	return __syscall_ret(__syscall3(SYS_readlink, (long)pathname, (long)buf,
	                                (long)bufsiz));
}

int chroot(const char *path)
{
	return (int)__syscall_ret(__syscall1(SYS_chroot, (long)path));
}

void sync(void)
{
	__syscall0(SYS_sync);
}

/* sleep(3) through nanosleep(2); interrupted, it returns the seconds left,
   rounded to the nearest as glibc does. */
unsigned int sleep(unsigned int seconds)
{
	struct timespec ts;

	while (seconds > 0) {
		unsigned int chunk = seconds > INT_MAX ? INT_MAX : seconds;

		ts.tv_sec = (time_t)chunk;
		ts.tv_nsec = 0;
		seconds -= chunk;
		if (nanosleep(&ts, &ts) < 0)
			return seconds + (unsigned int)ts.tv_sec + (ts.tv_nsec >= 500000000L);
	}
	return 0;
}

int usleep(useconds_t usec)
{
	struct timespec ts = {
		.tv_sec = (time_t)(usec / 1000000),
		.tv_nsec = (long)(usec % 1000000) * 1000,
	};

	return nanosleep(&ts, NULL);
}

unsigned int alarm(unsigned int seconds)
{
	return (unsigned int)__syscall1(SYS_alarm, (long)seconds);
}

int pause(void)
{
	return (int)__syscall_ret(CANCEL_POINT(__syscall0(SYS_pause)));
}

/* The kernel tells the page size in the auxiliary vector (AT_PAGESZ). */
int getpagesize(void)
{
	int saved = errno;
	unsigned long pagesize = getauxval(AT_PAGESZ);

	errno = saved;
	return pagesize != 0 ? (int)pagesize : 4096;
}

int uname(struct utsname *buf)
{
	return (int)__syscall_ret(__syscall1(SYS_uname, (long)buf));
}

/* gethostname(3) as glibc's: the node name from uname(2); a buffer too
   small gets what fits and ENAMETOOLONG. */
int gethostname(char *name, size_t len)
{
	struct utsname u;
	size_t n;

	if (uname(&u) < 0)
		return -1;
	n = strlen(u.nodename) + 1;
	if (n > len) {
		memcpy(name, u.nodename, len);
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(name, u.nodename, n);
	return 0;
}

int sethostname(const char *name, size_t len)
{
	return (int)__syscall_ret(__syscall2(SYS_sethostname, (long)name, (long)len));
}
