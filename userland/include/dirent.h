/* <dirent.h>: reading directories (getdents64(2)).

   struct dirent has the layout of the kernel's struct linux_dirent64, which
   is also glibc's struct dirent64: a 64-bit inode number and offset, so no
   entry is ever refused with EOVERFLOW, and readdir hands out entries
   straight from the buffer getdents64 filled. */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <stddef.h>
#include <bits/types.h>

struct dirent {
	ino64_t d_ino;                  /* inode number; 0 for a deleted entry */
	off64_t d_off;                  /* the directory position after this entry */
	unsigned short d_reclen;        /* the size of this record */
	unsigned char d_type;           /* DT_* below, or DT_UNKNOWN */
	char d_name[256];               /* the name, NUL-terminated */
};

#define dirent64 dirent

/* d_type: the file type bits of st_mode, shifted right by 12 */
#define DT_UNKNOWN 0
#define DT_FIFO    1
#define DT_CHR     2
#define DT_DIR     4
#define DT_BLK     6
#define DT_REG     8
#define DT_LNK     10
#define DT_SOCK    12
#define DT_WHT     14

#define IFTODT(mode)    (((mode) & 0170000) >> 12)
#define DTTOIF(dirtype) ((dirtype) << 12)

typedef struct __dirstream DIR;

DIR *opendir(const char *name);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *dirp);
struct dirent *readdir64(DIR *dirp);
int closedir(DIR *dirp);
void rewinddir(DIR *dirp);
long telldir(DIR *dirp);
void seekdir(DIR *dirp, long loc);
int dirfd(DIR *dirp);

int scandir(const char *restrict dirp, struct dirent ***restrict namelist,
            int (*filter)(const struct dirent *),
            int (*compar)(const struct dirent **, const struct dirent **));
int alphasort(const struct dirent **a, const struct dirent **b);

#endif
