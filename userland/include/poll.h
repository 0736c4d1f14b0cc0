/* <poll.h>: waiting for file descriptors, poll(2) and ppoll(2). */
#ifndef _POLL_H
#define _POLL_H

#include <signal.h>
#include <bits/time.h>

#define POLLIN     0x001        /* there is data to read */
#define POLLPRI    0x002        /* urgent data */
#define POLLOUT    0x004        /* writing will not block */
#define POLLERR    0x008        /* error (revents only) */
#define POLLHUP    0x010        /* hung up (revents only) */
#define POLLNVAL   0x020        /* not an open descriptor (revents only) */
#define POLLRDNORM 0x040
#define POLLRDBAND 0x080
#define POLLWRNORM 0x100
#define POLLWRBAND 0x200
#define POLLMSG    0x400
#define POLLRDHUP  0x2000

typedef unsigned long nfds_t;

struct pollfd {
	int fd;                 /* the descriptor; negative ones are skipped */
	short events;           /* what to wait for */
	short revents;          /* what happened */
};

int poll(struct pollfd *fds, nfds_t nfds, int timeout);
int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *tmo_p,
          const sigset_t *sigmask);

#endif
