/* The POSIX scalar types, with the sizes glibc gives them on i386 without
   _FILE_OFFSET_BITS=64 or _TIME_BITS=64: off_t and time_t are 32 bits, as the
   classic i386 system calls (lseek, time, clock_gettime 265) expect. */
#ifndef _BITS_TYPES_H
#define _BITS_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef int ssize_t;
typedef long off_t;
typedef long long off64_t;
typedef long long loff_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int id_t;
typedef unsigned int mode_t;
typedef unsigned long long dev_t;
typedef unsigned long ino_t;
typedef unsigned long long ino64_t;
typedef unsigned int nlink_t;
typedef long blksize_t;
typedef long blkcnt_t;
typedef long long blkcnt64_t;
typedef long time_t;
typedef long suseconds_t;
typedef unsigned int useconds_t;
typedef int clockid_t;
typedef long clock_t;
typedef int key_t;
typedef char *caddr_t;

#endif
