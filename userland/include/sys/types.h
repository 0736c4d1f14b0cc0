/* <sys/types.h>: the POSIX scalar types (see <bits/types.h>) and, as in
   glibc, the thread types (see <bits/pthreadtypes.h>). */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <bits/types.h>
#include <bits/pthreadtypes.h>

#endif
