/* struct timespec and struct timeval with i386's 32-bit time_t, the layout
   the 32-bit system calls (clock_gettime 265, nanosleep 162) read and write. */
#ifndef _BITS_TIME_H
#define _BITS_TIME_H

#include <bits/types.h>

struct timespec {
	time_t tv_sec;          /* seconds */
	long tv_nsec;           /* nanoseconds, 0..999999999 */
};

struct timeval {
	time_t tv_sec;          /* seconds */
	suseconds_t tv_usec;    /* microseconds, 0..999999 */
};

#endif
