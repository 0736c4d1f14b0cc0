/* <sys/uio.h>: scatter-gather I/O, readv(2) and writev(2). */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <stddef.h>
#include <bits/types.h>

struct iovec {
	void *iov_base;         /* start of a piece */
	size_t iov_len;         /* its length */
};

#define UIO_MAXIOV 1024

ssize_t readv(int fd, const struct iovec *iov, int iovcnt);
ssize_t writev(int fd, const struct iovec *iov, int iovcnt);

#endif
