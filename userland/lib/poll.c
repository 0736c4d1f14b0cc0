/* <poll.h> and <sys/select.h>.  glibc 2.36 on i386 makes select(2) out
   of pselect6 (308): the timeval becomes a timespec, normalized as the old
   select calls did, and the time left is copied back, as Linux's select
   reports it. */
#include <errno.h>
#include <poll.h>
#include <sys/select.h>
#include "pthreadP.h"
#include "sysdep.h"

#define KERNEL_SIGSET_SIZE (_NSIG / 8)

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
	return (int)__syscall_ret(CANCEL_POINT(__syscall3(SYS_poll, (long)fds, (long)nfds, timeout)));
}

int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *tmo_p,
          const sigset_t *sigmask)
{
	return (int)__syscall_ret(__syscall5(SYS_ppoll, (long)fds, (long)nfds, (long)tmo_p,
	                                     (long)sigmask, KERNEL_SIGSET_SIZE));
}

int select(int nfds, fd_set *restrict readfds, fd_set *restrict writefds,
           fd_set *restrict exceptfds, struct timeval *restrict timeout)
{
	struct timespec ts;
	long r;

	if (timeout != NULL) {
		if (timeout->tv_sec < 0 || timeout->tv_usec < 0) {
			errno = EINVAL;
			return -1;
		}
		ts.tv_sec = timeout->tv_sec + timeout->tv_usec / 1000000;
		ts.tv_nsec = (timeout->tv_usec % 1000000) * 1000;
		if (ts.tv_sec < timeout->tv_sec) {     /* overflow: as good as for ever */
			ts.tv_sec = 0x7fffffff;
			ts.tv_nsec = 999999999;
		}
	}
	r = __syscall6(SYS_pselect6, nfds, (long)readfds, (long)writefds, (long)exceptfds,
	               timeout != NULL ? (long)&ts : 0, 0);
	if (timeout != NULL) {
		timeout->tv_sec = ts.tv_sec;
		timeout->tv_usec = ts.tv_nsec / 1000;
	}
	return (int)__syscall_ret(r);
}

/* pselect's sixth argument is the kernel's pair (mask, its size). */
int pselect(int nfds, fd_set *restrict readfds, fd_set *restrict writefds,
            fd_set *restrict exceptfds, const struct timespec *restrict timeout,
            const sigset_t *restrict sigmask)
{
	struct timespec ts;
	struct {
		const sigset_t *ss;
		size_t ss_len;
	} data = { sigmask, KERNEL_SIGSET_SIZE };

	/* The kernel writes the time left; pselect's caller keeps theirs. */
	if (timeout != NULL)
		ts = *timeout;
	return (int)__syscall_ret(__syscall6(SYS_pselect6, nfds, (long)readfds, (long)writefds,
	                                     (long)exceptfds, timeout != NULL ? (long)&ts : 0,
	                                     (long)&data));
}
