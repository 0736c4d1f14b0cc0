/* Streams on named files and descriptors: fopen(3), fdopen(3),
   freopen(3), fclose(3), the position (fseek(3), ftell(3), rewind(3)) and
   getline(3), after glibc's libio (iofopen.c, iofdopen.c, freopen.c,
   iofclose.c, fileops.c, iogetdelim.c).  The buffering itself is stdio.c's. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "libioP.h"

/* The mode string: r, w or a, then any of + (read and write), x
   (O_EXCL), e (O_CLOEXEC); b, and the rest glibc knows (m, c, t), change
   nothing here, and ",ccs=" ends it.  Gives the open flags and the
   stream's _IO_* flags; -1 and EINVAL for a mode glibc refuses. */
static int parse_mode(const char *mode, int *oflags, int *sflags)
{
	int o, f;

	switch (*mode) {
	case 'r':
		o = O_RDONLY;
		f = _IO_NO_WRITES;
		break;
	case 'w':
		o = O_WRONLY | O_CREAT | O_TRUNC;
		f = _IO_NO_READS;
		break;
	case 'a':
		o = O_WRONLY | O_CREAT | O_APPEND;
		f = _IO_NO_READS | _IO_IS_APPENDING;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	for (mode++; *mode != '\0' && *mode != ','; mode++) {
		switch (*mode) {
		case '+':
			o = (o & ~O_ACCMODE) | O_RDWR;
			f &= ~(_IO_NO_READS | _IO_NO_WRITES);
			break;
		case 'x':
			o |= O_EXCL;
			break;
		case 'e':
			o |= O_CLOEXEC;
			break;
		default:
			break;
		}
	}
	*oflags = o;
	*sflags = f;
	return 0;
}

/* A new stream, with BUFSIZ bytes of buffer after it, put at the head of
   the list of all streams. */
static FILE *new_stream(int fd, int sflags)
{
	FILE *f = malloc(sizeof(FILE) + BUFSIZ);

	if (f == NULL)
		return NULL;
	memset(f, 0, sizeof *f);
	f->fd = fd;
	f->flags = sflags;
	f->storage = (unsigned char *)(f + 1);
	lll_lock(&__stdio_list_lock, LLL_PRIVATE);
	f->chain = __stdio_list_all;
	__stdio_list_all = f;
	lll_unlock(&__stdio_list_lock, LLL_PRIVATE);
	return f;
}

static void unlink_stream(FILE *f)
{
	FILE **p;

	lll_lock(&__stdio_list_lock, LLL_PRIVATE);
	for (p = &__stdio_list_all; *p != NULL; p = &(*p)->chain) {
		if (*p == f) {
			*p = f->chain;
			break;
		}
	}
	lll_unlock(&__stdio_list_lock, LLL_PRIVATE);
}

/* After opening, an "a" stream that cannot read starts at the end of the
   file, as glibc's _IO_file_open leaves it (a pipe cannot seek, which is
   no error). */
static int start_appending(FILE *f)
{
	if ((f->flags & (_IO_IS_APPENDING | _IO_NO_READS)) != (_IO_IS_APPENDING | _IO_NO_READS))
		return 0;
	if (f->buf == NULL)
		__stdio_doallocbuf(f);
	if (lseek64(f->fd, 0, SEEK_END) < 0 && errno != ESPIPE)
		return -1;
	return 0;
}

/* fopen(3): files are created with mode 0666, less the umask. */
FILE *fopen(const char *restrict pathname, const char *restrict mode)
{
	int oflags, sflags, fd;
	FILE *f;

	if (parse_mode(mode, &oflags, &sflags) < 0)
		return NULL;
	fd = openat(AT_FDCWD, pathname, oflags, 0666);
	if (fd < 0)
		return NULL;
	f = new_stream(fd, sflags);
	if (f == NULL || start_appending(f) < 0) {
		int saved = errno;

		if (f != NULL) {
			unlink_stream(f);
			free(f);
		}
		close(fd);
		errno = saved;
		return NULL;
	}
	return f;
}

/* fdopen(3): the descriptor must allow what the mode asks (EINVAL
   otherwise); "a" turns on O_APPEND if it is off. */
FILE *fdopen(int fd, const char *mode)
{
	int oflags, sflags, fdflags;

	if (parse_mode(mode, &oflags, &sflags) < 0)
		return NULL;
	fdflags = fcntl(fd, F_GETFL);
	if (fdflags == -1)
		return NULL;
	if (((fdflags & O_ACCMODE) == O_RDONLY && !(sflags & _IO_NO_WRITES))
	    || ((fdflags & O_ACCMODE) == O_WRONLY && !(sflags & _IO_NO_READS))) {
		errno = EINVAL;
		return NULL;
	}
	if ((oflags & O_APPEND) && !(fdflags & O_APPEND)
	    && fcntl(fd, F_SETFL, fdflags | O_APPEND) == -1)
		return NULL;
	if ((oflags & O_CLOEXEC) && fcntl(fd, F_SETFD, FD_CLOEXEC) == -1)
		return NULL;
	return new_stream(fd, sflags);
}

/* Write what is pending and close the descriptor: glibc's
   _IO_new_file_close_it, which does not give unread input back. */
static int close_it(FILE *f)
{
	int r = 0;

	if (f->fd < 0)
		return EOF;
	if (!(f->flags & _IO_NO_WRITES) && (f->flags & _IO_CURRENTLY_PUTTING)
	    && __stdio_do_flush(f) == EOF)
		r = EOF;
	if (close(f->fd) < 0)
		r = EOF;
	f->fd = -1;
	f->buf = NULL;
	f->size = f->wpos = f->wend = f->rpos = f->rend = 0;
	return r;
}

static int is_standard(const FILE *f)
{
	return f == stdin || f == stdout || f == stderr;
}

/* fclose(3): the standard streams stay allocated, closed. */
int fclose(FILE *stream)
{
	int r;

	lock_stream(stream);
	r = close_it(stream);
	unlock_stream(stream);
	if (!is_standard(stream)) {
		unlink_stream(stream);
		free(stream);
	}
	return r;
}

/* freopen(3): the same FILE on a new file, on the same descriptor number
   (glibc moves it there with dup3); a NULL name reopens the stream's own
   file through /proc/self/fd, as glibc does. */
FILE *freopen(const char *restrict pathname, const char *restrict mode, FILE *restrict stream)
{
	char self[32];
	int oflags, sflags, fd, oldfd;

	if (parse_mode(mode, &oflags, &sflags) < 0)
		return NULL;
	lock_stream(stream);
	oldfd = stream->fd;
	if (pathname == NULL) {
		snprintf(self, sizeof self, "/proc/self/fd/%d", oldfd);
		pathname = self;
		__stdio_sync(stream);
		fd = openat(AT_FDCWD, pathname, oflags & ~(O_CREAT | O_EXCL | O_TRUNC), 0666);
		close_it(stream);
	} else {
		close_it(stream);
		fd = openat(AT_FDCWD, pathname, oflags, 0666);
	}
	if (fd >= 0 && oldfd >= 0 && fd != oldfd) {
		if (dup3(fd, oldfd, oflags & O_CLOEXEC) < 0) {
			close(fd);
			fd = -1;
		} else {
			close(fd);
			fd = oldfd;
		}
	}
	stream->flags = (stream->flags & _IO_UNBUFFERED) | sflags;
	stream->fd = fd;
	if (fd < 0 || start_appending(stream) < 0) {
		unlock_stream(stream);
		if (!is_standard(stream)) {
			int saved = errno;

			unlink_stream(stream);
			free(stream);
			errno = saved;
		}
		return NULL;
	}
	unlock_stream(stream);
	return stream;
}

/* fseeko(3): write what is pending, forget what was read ahead, move the
   descriptor and clear the end-of-file mark.  (glibc may keep the buffer
   when the new position lies inside it; the result is the same.) */
int fseeko64(FILE *stream, off64_t offset, int whence)
{
	off64_t r;

	if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) {
		errno = EINVAL;
		return -1;
	}
	lock_stream(stream);
	if (stream->buf == NULL)
		__stdio_doallocbuf(stream);
	if (stream->wpos > 0 && __stdio_do_flush(stream) == EOF) {
		unlock_stream(stream);
		return -1;
	}
	/* The reader's position is behind the descriptor's by what is
	   unread. */
	if (whence == SEEK_CUR)
		offset -= (off64_t)(stream->rend - stream->rpos);
	r = lseek64(stream->fd, offset, whence);
	if (r >= 0) {
		stream->rpos = stream->rend = 0;
		stream->flags &= ~_IO_EOF_SEEN;
	}
	unlock_stream(stream);
	return r < 0 ? -1 : 0;
}

int fseeko(FILE *stream, off_t offset, int whence)
{
	return fseeko64(stream, offset, whence);
}

int fseek(FILE *stream, long offset, int whence)
{
	return fseeko64(stream, offset, whence);
}

/* ftello(3): the descriptor's offset, less what was read ahead, plus
   what is waiting to be written.  Output waiting on an "a" stream goes to
   the end of the file, so that is where it counts from. */
off64_t ftello64(FILE *stream)
{
	int putting, appending;
	off64_t pos;

	lock_stream(stream);
	putting = (stream->flags & _IO_CURRENTLY_PUTTING) != 0;
	appending = (stream->flags & _IO_IS_APPENDING) != 0;
	pos = lseek64(stream->fd, 0, putting && appending ? SEEK_END : SEEK_CUR);
	if (pos >= 0) {
		if (putting)
			pos += (off64_t)stream->wpos;
		else
			pos -= (off64_t)(stream->rend - stream->rpos);
	}
	unlock_stream(stream);
	return pos;
}

off_t ftello(FILE *stream)
{
	off64_t pos = ftello64(stream);

	if (pos != (off_t)pos) {
		errno = EOVERFLOW;
		return -1;
	}
	return (off_t)pos;
}

long ftell(FILE *stream)
{
	return ftello(stream);
}

void rewind(FILE *stream)
{
	fseeko64(stream, 0, SEEK_SET);
	clearerr(stream);
}

/* getdelim(3) as glibc's _IO_getdelim: a buffer of 120 bytes to start
   with; then, a buffered piece at a time (up to the delimiter), room for
   what is there, at least doubling.  The count of bytes read, or -1 at
   end of file (or on an error) before any. */
ssize_t getdelim(char **restrict lineptr, size_t *restrict n, int delim, FILE *restrict stream)
{
	size_t len, cur_len = 0;
	ssize_t result = -1;

	if (lineptr == NULL || n == NULL) {
		errno = EINVAL;
		return -1;
	}
	lock_stream(stream);
	if (*lineptr == NULL || *n == 0) {
		*n = 120;
		*lineptr = malloc(*n);
		if (*lineptr == NULL) {
			stream->flags |= _IO_ERR_SEEN;
			goto out;
		}
	}
	if (stream->rpos >= stream->rend && __stdio_underflow(stream) == EOF)
		goto out;
	for (;;) {
		const unsigned char *start = stream->buf + stream->rpos;
		const unsigned char *t;
		size_t needed;

		len = stream->rend - stream->rpos;
		t = memchr(start, delim, len);
		if (t != NULL)
			len = (size_t)(t - start) + 1;
		needed = cur_len + len + 1;
		if (needed > *n) {
			char *p;

			if (needed < 2 * *n)
				needed = 2 * *n;
			p = realloc(*lineptr, needed);
			if (p == NULL) {
				stream->flags |= _IO_ERR_SEEN;
				goto out;
			}
			*lineptr = p;
			*n = needed;
		}
		memcpy(*lineptr + cur_len, start, len);
		stream->rpos += len;
		cur_len += len;
		if (t != NULL || __stdio_underflow(stream) == EOF)
			break;
	}
	(*lineptr)[cur_len] = '\0';
	result = (ssize_t)cur_len;
out:
	unlock_stream(stream);
	return result;
}

ssize_t getline(char **restrict lineptr, size_t *restrict n, FILE *restrict stream)
{
	return getdelim(lineptr, n, '\n', stream);
}
