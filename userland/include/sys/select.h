/* <sys/select.h>: waiting for file descriptors, select(2) and pselect(2),
   with glibc's fd_set of 1024 descriptors. */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <signal.h>
#include <bits/types.h>
#include <bits/time.h>

#define FD_SETSIZE 1024
#define __NFDBITS  (8 * (int)sizeof(long))

typedef struct {
	long fds_bits[FD_SETSIZE / __NFDBITS];
} fd_set;

#define FD_ZERO(set)      __builtin_memset((set), 0, sizeof(fd_set))
#define FD_SET(fd, set)   ((void)((set)->fds_bits[(fd) / __NFDBITS] \
                                  |= (long)(1UL << ((fd) % __NFDBITS))))
#define FD_CLR(fd, set)   ((void)((set)->fds_bits[(fd) / __NFDBITS] \
                                  &= ~(long)(1UL << ((fd) % __NFDBITS))))
#define FD_ISSET(fd, set) (((set)->fds_bits[(fd) / __NFDBITS] \
                            & (long)(1UL << ((fd) % __NFDBITS))) != 0)

int select(int nfds, fd_set *restrict readfds, fd_set *restrict writefds,
           fd_set *restrict exceptfds, struct timeval *restrict timeout);
int pselect(int nfds, fd_set *restrict readfds, fd_set *restrict writefds,
            fd_set *restrict exceptfds, const struct timespec *restrict timeout,
            const sigset_t *restrict sigmask);

#endif
