/* <sys/types.h>: the POSIX scalar types (see <bits/types.h>). */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <bits/types.h>

#endif
