/* <sys/sendfile.h>: copying between file descriptors inside the kernel. */
#ifndef _SYS_SENDFILE_H
#define _SYS_SENDFILE_H

#include <stddef.h>
#include <bits/types.h>

ssize_t sendfile(int out_fd, int in_fd, off_t *offset, size_t count);
ssize_t sendfile64(int out_fd, int in_fd, off64_t *offset, size_t count);

#endif
