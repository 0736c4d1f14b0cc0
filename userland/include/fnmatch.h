/* <fnmatch.h>: shell wildcard patterns (*, ?, [...]) matched against
   strings, as glob(7) describes them. */
#ifndef _FNMATCH_H
#define _FNMATCH_H

#define FNM_PATHNAME (1 << 0)   /* '/' is matched only by '/' */
#define FNM_NOESCAPE (1 << 1)   /* '\' is an ordinary character */
#define FNM_PERIOD   (1 << 2)   /* a leading '.' is matched only by '.' */
#define FNM_FILE_NAME FNM_PATHNAME
#define FNM_LEADING_DIR (1 << 3) /* a match may end where a '/' follows */
#define FNM_CASEFOLD (1 << 4)   /* letters match either case */

#define FNM_NOMATCH 1

int fnmatch(const char *pattern, const char *string, int flags);

#endif
