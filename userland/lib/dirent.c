/* <dirent.h>: a directory stream is a descriptor opened with O_DIRECTORY
   and a buffer that getdents64(2) fills with several entries at a time;
   readdir hands them out one by one (glibc's dirent/ and
   sysdeps/unix/sysv/linux/ opendir.c, readdir64.c). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "lowlevellock.h"
#include "sysdep.h"

_Static_assert(__builtin_offsetof(struct dirent, d_reclen) == 16, "linux_dirent64 layout");
_Static_assert(__builtin_offsetof(struct dirent, d_name) == 19, "linux_dirent64 layout");

struct __dirstream {
	int fd;
	int lock;                       /* readdir on one stream from two threads */
	size_t allocation;              /* the size of data */
	size_t size;                    /* bytes of entries in data */
	size_t offset;                  /* the next entry to hand out */
	off64_t filepos;                /* telldir's answer */
	_Alignas(8) char data[];        /* entries as getdents64 wrote them */
};

/* glibc's buffer: st_blksize bytes but at least 4 * BUFSIZ (32 KiB) and
   at most 1 MiB. */
#define DEFAULT_ALLOCATION (4 * 8192)
#define MAX_ALLOCATION     (1024 * 1024)

static DIR *alloc_dir(int fd, const struct stat *st)
{
	size_t allocation = DEFAULT_ALLOCATION;
	DIR *dirp;

	if ((size_t)st->st_blksize > allocation)
		allocation = (size_t)st->st_blksize;
	if (allocation > MAX_ALLOCATION)
		allocation = MAX_ALLOCATION;
	dirp = malloc(sizeof(DIR) + allocation);
	if (dirp == NULL)
		return NULL;
	dirp->fd = fd;
	dirp->lock = 0;
	dirp->allocation = allocation;
	dirp->size = 0;
	dirp->offset = 0;
	dirp->filepos = 0;
	return dirp;
}

/* opendir(3): open with O_RDONLY | O_NONBLOCK | O_DIRECTORY |
   O_LARGEFILE | O_CLOEXEC, then check with fstat that it is a directory
   (O_DIRECTORY says so already, but glibc asks anyway: its buffer size
   comes from st_blksize). */
DIR *opendir(const char *name)
{
	struct stat st;
	DIR *dirp;
	int fd;

	if (name[0] == '\0') {
		errno = ENOENT;
		return NULL;
	}
	fd = openat(AT_FDCWD, name,
	            O_RDONLY | O_NONBLOCK | O_DIRECTORY | O_LARGEFILE | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0)
		goto fail;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		goto fail;
	}
	dirp = alloc_dir(fd, &st);
	if (dirp != NULL)
		return dirp;
fail:
	{
		int saved = errno;

		close(fd);
		errno = saved;
	}
	return NULL;
}

/* fdopendir(3): the descriptor must be a directory open for reading; it
   becomes close-on-exec, and closedir will close it. */
DIR *fdopendir(int fd)
{
	struct stat st;
	int flags;

	if (fstat(fd, &st) < 0)
		return NULL;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return NULL;
	}
	flags = fcntl(fd, F_GETFL);
	if (flags == -1)
		return NULL;
	if ((flags & O_PATH) == O_PATH || (flags & O_ACCMODE) == O_WRONLY) {
		errno = EINVAL;
		return NULL;
	}
	if (fcntl(fd, F_SETFD, FD_CLOEXEC) < 0)
		return NULL;
	return alloc_dir(fd, &st);
}

/* readdir(3): the next entry, refilling the buffer when it is used up;
   NULL at the end with errno as it was, or on an error with errno set.
   Entries with inode 0 (deleted) are skipped. */
struct dirent *readdir(DIR *dirp)
{
	struct dirent *dp;
	int saved = errno;

	lll_lock(&dirp->lock, LLL_PRIVATE);
	do {
		if (dirp->offset >= dirp->size) {
			long n = __syscall3(SYS_getdents64, dirp->fd, (long)dirp->data,
			                    (long)dirp->allocation);

			if (n <= 0) {
				/* ENOENT: the directory was removed under us,
				   which is just the end. */
				if (n == 0 || n == -ENOENT)
					errno = saved;
				else
					errno = (int)-n;
				lll_unlock(&dirp->lock, LLL_PRIVATE);
				return NULL;
			}
			dirp->size = (size_t)n;
			dirp->offset = 0;
		}
		dp = (struct dirent *)&dirp->data[dirp->offset];
		dirp->offset += dp->d_reclen;
		dirp->filepos = dp->d_off;
	} while (dp->d_ino == 0);
	lll_unlock(&dirp->lock, LLL_PRIVATE);
	return dp;
}

struct dirent *readdir64(DIR *dirp)
{
	return readdir(dirp);
}

int closedir(DIR *dirp)
{
	int fd;

	if (dirp == NULL) {
		errno = EINVAL;
		return -1;
	}
	fd = dirp->fd;
	free(dirp);
	return close(fd);
}

void rewinddir(DIR *dirp)
{
	lll_lock(&dirp->lock, LLL_PRIVATE);
	lseek64(dirp->fd, 0, SEEK_SET);
	dirp->filepos = 0;
	dirp->offset = 0;
	dirp->size = 0;
	lll_unlock(&dirp->lock, LLL_PRIVATE);
}

long telldir(DIR *dirp)
{
	return (long)dirp->filepos;
}

void seekdir(DIR *dirp, long loc)
{
	lll_lock(&dirp->lock, LLL_PRIVATE);
	lseek64(dirp->fd, loc, SEEK_SET);
	dirp->filepos = loc;
	dirp->offset = 0;
	dirp->size = 0;
	lll_unlock(&dirp->lock, LLL_PRIVATE);
}

int dirfd(DIR *dirp)
{
	return dirp->fd;
}

/* scandir(3): the entries filter accepts, each in its own malloc'd copy,
   sorted with compar (if given) by qsort. */
int scandir(const char *restrict dir, struct dirent ***restrict namelist,
            int (*filter)(const struct dirent *),
            int (*compar)(const struct dirent **, const struct dirent **))
{
	struct dirent **list = NULL, *d;
	size_t count = 0, room = 0;
	int saved = errno;
	DIR *dirp = opendir(dir);

	if (dirp == NULL)
		return -1;
	errno = 0;
	while ((d = readdir(dirp)) != NULL) {
		struct dirent *copy;
		size_t size;

		if (filter != NULL && !filter(d)) {
			errno = 0;
			continue;
		}
		if (count == room) {
			struct dirent **bigger;

			room = room == 0 ? 10 : 2 * room;
			bigger = realloc(list, room * sizeof *list);
			if (bigger == NULL)
				break;
			list = bigger;
		}
		size = offsetof(struct dirent, d_name) + strlen(d->d_name) + 1;
		copy = malloc(size);
		if (copy == NULL)
			break;
		memcpy(copy, d, size);
		list[count++] = copy;
		errno = 0;
	}
	if (errno != 0) {
		int error = errno;

		while (count > 0)
			free(list[--count]);
		free(list);
		closedir(dirp);
		errno = error;
		return -1;
	}
	closedir(dirp);
	errno = saved;
	if (compar != NULL)
		qsort(list, count, sizeof *list,
		      (int (*)(const void *, const void *))compar);
	*namelist = list;
	return (int)count;
}

/* In the "C" locale strcoll is strcmp. */
int alphasort(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}
