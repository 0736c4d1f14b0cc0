/* <limits.h>: gcc's own limits.h gives the C limits (CHAR_BIT, INT_MAX,
   LLONG_MAX, ...); defining _LIBC_LIMITS_H_ first stops it from looking for a
   system limits.h, as glibc's header does.  The POSIX limits below are
   Linux's (include/uapi/linux/limits.h) and glibc's. */
#ifndef _LIBC_LIMITS_H_
#define _LIBC_LIMITS_H_

#include_next <limits.h>

#define NGROUPS_MAX     65536
#define ARG_MAX         131072
#define LINK_MAX        127
#define MAX_CANON       255
#define MAX_INPUT       255
#define NAME_MAX        255
#define PATH_MAX        4096
#define PIPE_BUF        4096
#define IOV_MAX         1024
#define SSIZE_MAX       INT_MAX
#define PAGESIZE        4096
#define PAGE_SIZE       PAGESIZE

/* Threads, glibc's i386 values (sysdeps/unix/sysv/linux/bits/local_lim.h). */
#define PTHREAD_KEYS_MAX                1024
#define PTHREAD_DESTRUCTOR_ITERATIONS   4
#define PTHREAD_STACK_MIN               16384
#define SEM_VALUE_MAX                   2147483647

#endif
