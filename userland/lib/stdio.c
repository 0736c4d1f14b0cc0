/* <stdio.h> streams, buffered the way glibc's libio buffers them, so that a
   program's output reaches the file descriptor in the same pieces and at the
   same moments as under glibc on Linux:

     - stderr is unbuffered: each call is one write(2);
     - any other stream decides at its first read or write
       (_IO_file_doallocate): line buffered if fstat says it is a character
       device and isatty() agrees, fully buffered otherwise, with a buffer of
       st_blksize bytes when that is smaller than BUFSIZ;
     - output is written when the buffer is full, at a newline on a line
       buffered stream, on fflush and at exit(), never by _exit();
     - reading a line-buffered or unbuffered stream first flushes stdout if
       stdout is line buffered.

   The functions below carry the names of the glibc routines they mirror
   (libio/fileops.c, genops.c, iogetline.c).

   Each stream has a lock, recursive like glibc's _IO_lock_t, which every
   public function holds for its whole work: two threads' printf calls
   never mix their output within a line.  flockfile(3) holds it across
   several calls; the *_unlocked functions leave it to the caller. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "libioP.h"
#include "printf.h"
#include "sysdep.h"

static unsigned char stdin_storage[BUFSIZ];
static unsigned char stdout_storage[BUFSIZ];
static unsigned char stderr_storage[BUFSIZ];

static FILE stdin_file = { .flags = _IO_NO_WRITES, .fd = 0, .storage = stdin_storage };
static FILE stdout_file = { .flags = _IO_NO_READS, .fd = 1, .storage = stdout_storage,
                            .chain = &stdin_file };
static FILE stderr_file = { .flags = _IO_NO_READS | _IO_UNBUFFERED, .fd = 2,
                            .storage = stderr_storage, .chain = &stdout_file };

FILE *__stdio_list_all = &stderr_file;
int __stdio_list_lock;

FILE *stdin = &stdin_file;
FILE *stdout = &stdout_file;
FILE *stderr = &stderr_file;

void flockfile(FILE *stream)
{
	lock_stream(stream);
}

void funlockfile(FILE *stream)
{
	unlock_stream(stream);
}

int ftrylockfile(FILE *stream)
{
	struct pthread *self = THREAD_SELF;

	if (__atomic_load_n(&stream->lock_owner, __ATOMIC_RELAXED) != self) {
		if (lll_trylock(&stream->lock) != 0)
			return -1;
		__atomic_store_n(&stream->lock_owner, self, __ATOMIC_RELAXED);
	}
	stream->lock_count++;
	return 0;
}

/* In the child of fork(): a stream (or the list) held by a thread that
   was not copied would stay locked for ever. */
void __stdio_fork_child(void)
{
	struct pthread *self = THREAD_SELF;
	FILE *f;

	__stdio_list_lock = 0;
	for (f = __stdio_list_all; f != NULL; f = f->chain) {
		if (f->lock_owner != self) {
			f->lock = 0;
			f->lock_count = 0;
			f->lock_owner = NULL;
		}
	}
}

/* Linux's pseudo-terminal slaves (majors 136-143), which glibc's DEV_TTY_P
   recognises from fstat alone, without asking isatty. */
static int dev_tty_p(const struct stat *st)
{
	unsigned int major = (unsigned int)(st->st_rdev >> 8) & 0xfff;

	return major >= 136 && major <= 143;
}

/* _IO_file_doallocate and _IO_doallocbuf: give the stream its buffer and,
   for a terminal, line buffering.  If fstat fails (a kernel without
   statx or fstatat64), glibc would settle for full buffering; we still ask isatty so a
   console stays interactive.  errno is left as it was. */
void __stdio_doallocbuf(FILE *f)
{
	int saved = errno;
	size_t size = BUFSIZ;
	struct stat st;

	if (f->flags & _IO_UNBUFFERED) {
		f->buf = f->shortbuf;
		f->size = 1;
		return;
	}
	if (fstat(f->fd, &st) == 0) {
		if (S_ISCHR(st.st_mode) && (dev_tty_p(&st) || isatty(f->fd)))
			f->flags |= _IO_LINE_BUF;
		if (st.st_blksize > 0 && st.st_blksize < BUFSIZ)
			size = (size_t)st.st_blksize;
	} else if (isatty(f->fd)) {
		f->flags |= _IO_LINE_BUF;
	}
	f->buf = f->storage;
	f->size = size;
	errno = saved;
}

/* _IO_new_file_write: write all of data, or stop at the first error. */
static size_t file_write(FILE *f, const unsigned char *data, size_t n)
{
	size_t done = 0;

	while (done < n) {
		ssize_t r = write(f->fd, data + done, n - done);

		if (r <= 0) {
			f->flags |= _IO_ERR_SEEN;
			break;
		}
		done += (size_t)r;
	}
	return done;
}

/* glibc's new_do_write: write data (pending output, or the caller's bytes
   going around the buffer), then leave the buffer empty, even after an
   error.  Only a fully buffered stream may then be filled by plain copying. */
static size_t new_do_write(FILE *f, const unsigned char *data, size_t n)
{
	size_t count = file_write(f, data, n);

	f->wpos = 0;
	f->wend = (f->flags & (_IO_LINE_BUF | _IO_UNBUFFERED)) ? 0 : f->size;
	return count;
}

/* _IO_do_write of the pending output; nothing pending changes nothing. */
int __stdio_do_flush(FILE *f)
{
	size_t pending = f->wpos;

	if (pending == 0)
		return 0;
	return new_do_write(f, f->buf, pending) == pending ? 0 : EOF;
}

/* _IO_new_file_overflow: make room for ch and store it (or, for EOF, just
   write what is pending), writing out as the buffering mode demands. */
static int file_overflow(FILE *f, int ch)
{
	if (f->flags & _IO_NO_WRITES) {
		f->flags |= _IO_ERR_SEEN;
		errno = EBADF;
		return EOF;
	}
	if (!(f->flags & _IO_CURRENTLY_PUTTING) || f->buf == NULL) {
		/* Entering output mode (first write, or after a read): unread
		   input is given back to the file, so that the output goes
		   where the reader had got to, and the whole buffer is for
		   output. */
		if (f->buf == NULL)
			__stdio_doallocbuf(f);
		if (f->rpos < f->rend)
			lseek64(f->fd, -(off64_t)(f->rend - f->rpos), SEEK_CUR);
		f->rpos = f->rend = 0;
		f->wpos = 0;
		f->wend = (f->flags & (_IO_LINE_BUF | _IO_UNBUFFERED)) ? 0 : f->size;
		f->flags |= _IO_CURRENTLY_PUTTING;
	}
	if (ch == EOF)
		return __stdio_do_flush(f);
	if (f->wpos == f->size && __stdio_do_flush(f) == EOF)
		return EOF;
	f->buf[f->wpos++] = (unsigned char)ch;
	if ((f->flags & _IO_UNBUFFERED) || ((f->flags & _IO_LINE_BUF) && ch == '\n'))
		if (__stdio_do_flush(f) == EOF)
			return EOF;
	return (unsigned char)ch;
}

/* Room for plain copying, glibc's _IO_write_end - _IO_write_ptr.  A
   line-buffered or unbuffered stream has none, so every byte goes through
   file_overflow; neither has a stream that was just given a buffer by
   setvbuf, until its first write. */
static size_t write_room(const FILE *f)
{
	return f->wend > f->wpos ? f->wend - f->wpos : 0;
}

/* _IO_default_xsputn: copy what fits, then byte by byte through overflow. */
static size_t default_xsputn(FILE *f, const unsigned char *s, size_t n)
{
	size_t more = n;

	for (;;) {
		size_t count = write_room(f);

		if (count > 0) {
			if (count > more)
				count = more;
			memcpy(f->buf + f->wpos, s, count);
			f->wpos += count;
			s += count;
			more -= count;
		}
		if (more == 0 || file_overflow(f, *s++) == EOF)
			break;
		more--;
	}
	return n - more;
}

/* _IO_new_file_xsputn: the path of every multi-byte write (fwrite, fputs,
   each piece of printf).  Fill the buffer (up to the last newline, if line
   buffered), flush it if anything is left over, write whole blocks of the
   rest straight from the caller's memory, and buffer the remainder. */
static size_t file_xsputn(FILE *f, const void *data, size_t n)
{
	const unsigned char *s = data;
	size_t to_do = n, count = 0;
	int must_flush = 0;

	if (n == 0)
		return 0;
	if (f->flags & _IO_NO_WRITES) {
		f->flags |= _IO_ERR_SEEN;
		errno = EBADF;
		return 0;
	}
	if ((f->flags & _IO_LINE_BUF) && (f->flags & _IO_CURRENTLY_PUTTING)) {
		count = f->size - f->wpos;
		if (count >= n) {
			const unsigned char *p;

			for (p = s + n; p > s;) {
				if (*--p == '\n') {
					count = (size_t)(p - s) + 1;
					must_flush = 1;
					break;
				}
			}
		}
	} else {
		count = write_room(f);
	}

	if (count > 0) {
		if (count > to_do)
			count = to_do;
		memcpy(f->buf + f->wpos, s, count);
		f->wpos += count;
		s += count;
		to_do -= count;
	}
	if (to_do + (size_t)must_flush > 0) {
		size_t block, do_write;

		if (file_overflow(f, EOF) == EOF)
			return n - to_do;
		block = f->size;
		do_write = to_do - (block >= 128 ? to_do % block : 0);
		if (do_write > 0) {
			count = new_do_write(f, s, do_write);
			to_do -= count;
			if (count < do_write)
				return n - to_do;
		}
		if (to_do > 0)
			to_do -= default_xsputn(f, s + do_write, to_do);
	}
	return n - to_do;
}

int fputc_unlocked(int c, FILE *stream)
{
	if (write_room(stream) > 0) {
		stream->buf[stream->wpos++] = (unsigned char)c;
		return (unsigned char)c;
	}
	return file_overflow(stream, (unsigned char)c);
}

int fputc(int c, FILE *stream)
{
	int r;

	lock_stream(stream);
	r = fputc_unlocked(c, stream);
	unlock_stream(stream);
	return r;
}

int putc(int c, FILE *stream)
{
	return fputc(c, stream);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int putc_unlocked(int c, FILE *stream)
{
	return fputc_unlocked(c, stream);
}

int putchar_unlocked(int c)
{
	return fputc_unlocked(c, stdout);
}

int fputs(const char *restrict s, FILE *restrict stream)
{
	size_t len = strlen(s);
	int r;

	lock_stream(stream);
	r = file_xsputn(stream, s, len) == len ? 1 : EOF;
	unlock_stream(stream);
	return r;
}

/* puts(3): the string, then the newline as a separate character, which on a
   line-buffered stream is what writes the line (glibc's _IO_puts). */
int puts(const char *s)
{
	size_t len = strlen(s);
	int r = EOF;

	lock_stream(stdout);
	if (file_xsputn(stdout, s, len) == len && fputc_unlocked('\n', stdout) != EOF)
		r = len + 1 > INT_MAX ? INT_MAX : (int)(len + 1);
	unlock_stream(stdout);
	return r;
}

size_t fwrite(const void *restrict ptr, size_t size, size_t nmemb, FILE *restrict stream)
{
	size_t request, written;

	if (size == 0 || nmemb == 0)
		return 0;
	if (__builtin_mul_overflow(size, nmemb, &request)) {
		stream->flags |= _IO_ERR_SEEN;
		errno = EOVERFLOW;
		return 0;
	}
	lock_stream(stream);
	written = file_xsputn(stream, ptr, request);
	unlock_stream(stream);
	return written == request ? nmemb : written / size;
}

/* _IO_new_file_sync: write pending output; give unread input back to the
   file by seeking over it, which a pipe or terminal cannot do (ESPIPE is
   not an error here). */
int __stdio_sync(FILE *f)
{
	int r = 0;

	if (f->wpos > 0 && __stdio_do_flush(f) == EOF)
		r = EOF;
	if (f->rpos < f->rend) {
		off64_t delta = -(off64_t)(f->rend - f->rpos);

		if (lseek64(f->fd, delta, SEEK_CUR) != -1)
			f->rend = f->rpos;
		else if (errno != ESPIPE)
			r = EOF;
	}
	return r;
}

/* Write out what every stream holds, in the order of the list, each
   under its lock or, at exit, without (glibc's _IO_flush_all). */
static int flush_all(int locking)
{
	FILE *f;
	int r = 0;

	if (locking)
		lll_lock(&__stdio_list_lock, LLL_PRIVATE);
	for (f = __stdio_list_all; f != NULL; f = f->chain) {
		if (locking)
			lock_stream(f);
		if (f->wpos > 0 && __stdio_do_flush(f) == EOF)
			r = EOF;
		if (locking)
			unlock_stream(f);
	}
	if (locking)
		lll_unlock(&__stdio_list_lock, LLL_PRIVATE);
	return r;
}

int fflush(FILE *stream)
{
	int r;

	if (stream == NULL)
		return flush_all(1);
	lock_stream(stream);
	r = __stdio_sync(stream);
	unlock_stream(stream);
	return r;
}

/* exit() calls this (glibc's _IO_cleanup): flush every stream.  Without
   taking the locks, as glibc: another thread may be stopped holding one,
   and the process is ending anyway. */
void _IO_cleanup(void)
{
	flush_all(0);
}

/* _IO_switch_to_get_mode: before reading, write out pending output and
   leave output mode. */
static int switch_to_get_mode(FILE *f)
{
	if (f->flags & _IO_CURRENTLY_PUTTING) {
		if (f->wpos > 0 && file_overflow(f, EOF) == EOF)
			return EOF;
		f->rpos = f->rend = 0;
		f->wpos = f->wend = 0;
		f->flags &= ~_IO_CURRENTLY_PUTTING;
	}
	return 0;
}

/* __underflow and _IO_new_file_underflow: refill the buffer and return the
   next byte without consuming it.  EOF is sticky, as C99 requires. */
int __stdio_underflow(FILE *f)
{
	ssize_t count;

	if (switch_to_get_mode(f) == EOF)
		return EOF;
	if (f->flags & _IO_EOF_SEEN)
		return EOF;
	if (f->flags & _IO_NO_READS) {
		f->flags |= _IO_ERR_SEEN;
		errno = EBADF;
		return EOF;
	}
	if (f->rpos < f->rend)
		return f->buf[f->rpos];
	if (f->buf == NULL)
		__stdio_doallocbuf(f);
	if (f->flags & (_IO_LINE_BUF | _IO_UNBUFFERED)) {
		lock_stream(stdout);
		if ((stdout->flags & (_IO_NO_WRITES | _IO_LINE_BUF)) == _IO_LINE_BUF)
			file_overflow(stdout, EOF);
		unlock_stream(stdout);
	}

	f->rpos = f->rend = 0;
	count = read(f->fd, f->buf, f->size);
	if (count <= 0) {
		f->flags |= count == 0 ? _IO_EOF_SEEN : _IO_ERR_SEEN;
		return EOF;
	}
	f->rend = (size_t)count;
	return f->buf[0];
}

int fgetc_unlocked(FILE *stream)
{
	if (stream->rpos < stream->rend)
		return stream->buf[stream->rpos++];
	if (__stdio_underflow(stream) == EOF)
		return EOF;
	return stream->buf[stream->rpos++];
}

int fgetc(FILE *stream)
{
	int r;

	lock_stream(stream);
	r = fgetc_unlocked(stream);
	unlock_stream(stream);
	return r;
}

int getc(FILE *stream)
{
	return fgetc(stream);
}

int getchar(void)
{
	return fgetc(stdin);
}

int getc_unlocked(FILE *stream)
{
	return fgetc_unlocked(stream);
}

int getchar_unlocked(void)
{
	return fgetc_unlocked(stdin);
}

/* ungetc(3): push c back into the buffer; one byte of push-back is always
   possible, more only while there is room. */
static int ungetc_unlocked(int c, FILE *stream)
{
	if (c == EOF || (stream->flags & _IO_NO_READS))
		return EOF;
	if (stream->buf == NULL)
		__stdio_doallocbuf(stream);
	if (stream->rpos == 0) {
		if (stream->rend >= stream->size)
			return EOF;
		memmove(stream->buf + 1, stream->buf, stream->rend);
		stream->rend++;
		stream->rpos = 1;
	}
	stream->buf[--stream->rpos] = (unsigned char)c;
	stream->flags &= ~_IO_EOF_SEEN;
	return (unsigned char)c;
}

int ungetc(int c, FILE *stream)
{
	int r;

	lock_stream(stream);
	r = ungetc_unlocked(c, stream);
	unlock_stream(stream);
	return r;
}

/* fgets(3), as glibc's _IO_fgets over _IO_getline: copy up to and
   including a newline, at most size - 1 bytes.  NULL if nothing was read,
   or if a read error happened during this call. */
static char *fgets_unlocked(char *restrict s, int size, FILE *restrict stream)
{
	int old_error = stream->flags & _IO_ERR_SEEN;
	size_t n, count = 0;
	char *result = s;

	if (size <= 0)
		return NULL;
	if (size == 1) {
		s[0] = '\0';
		return s;
	}
	stream->flags &= ~_IO_ERR_SEEN;
	n = (size_t)size - 1;
	while (n > 0) {
		size_t len = stream->rend - stream->rpos;
		const unsigned char *nl;

		if (len == 0) {
			int c = __stdio_underflow(stream);

			if (c == EOF)
				break;
			stream->rpos++;
			s[count++] = (char)c;
			n--;
			if (c == '\n')
				break;
			continue;
		}
		if (len > n)
			len = n;
		nl = memchr(stream->buf + stream->rpos, '\n', len);
		if (nl != NULL)
			len = (size_t)(nl - (stream->buf + stream->rpos)) + 1;
		memcpy(s + count, stream->buf + stream->rpos, len);
		stream->rpos += len;
		count += len;
		n -= len;
		if (nl != NULL)
			break;
	}
	if (count == 0 || ((stream->flags & _IO_ERR_SEEN) && errno != EAGAIN))
		result = NULL;
	else
		s[count] = '\0';
	stream->flags |= old_error;
	return result;
}

char *fgets(char *restrict s, int size, FILE *restrict stream)
{
	char *r;

	lock_stream(stream);
	r = fgets_unlocked(s, size, stream);
	unlock_stream(stream);
	return r;
}

/* fread(3), as glibc's _IO_file_xsgetn: serve from the buffer; refill it
   for a request smaller than the buffer, otherwise read whole blocks
   straight into the caller's memory. */
static size_t fread_unlocked(void *restrict ptr, size_t size, size_t nmemb,
                             FILE *restrict stream)
{
	unsigned char *s = ptr;
	size_t request, want;

	if (size == 0 || nmemb == 0)
		return 0;
	if (__builtin_mul_overflow(size, nmemb, &request)) {
		stream->flags |= _IO_ERR_SEEN;
		errno = EOVERFLOW;
		return 0;
	}
	if (stream->buf == NULL)
		__stdio_doallocbuf(stream);
	want = request;
	while (want > 0) {
		size_t have = stream->rend - stream->rpos;
		size_t count;
		ssize_t r;

		if (want <= have) {
			memcpy(s, stream->buf + stream->rpos, want);
			stream->rpos += want;
			want = 0;
			break;
		}
		if (have > 0) {
			memcpy(s, stream->buf + stream->rpos, have);
			s += have;
			want -= have;
			stream->rpos += have;
		}
		if (want < stream->size) {
			if (__stdio_underflow(stream) == EOF)
				break;
			continue;
		}
		if (stream->flags & _IO_NO_READS) {
			stream->flags |= _IO_ERR_SEEN;
			errno = EBADF;
			break;
		}
		stream->rpos = stream->rend = 0;
		count = want;
		if (stream->size >= 128)
			count -= want % stream->size;
		r = read(stream->fd, s, count);
		if (r <= 0) {
			stream->flags |= r == 0 ? _IO_EOF_SEEN : _IO_ERR_SEEN;
			break;
		}
		s += r;
		want -= (size_t)r;
	}
	return (request - want) / size;
}

size_t fread(void *restrict ptr, size_t size, size_t nmemb, FILE *restrict stream)
{
	size_t r;

	lock_stream(stream);
	r = fread_unlocked(ptr, size, nmemb, stream);
	unlock_stream(stream);
	return r;
}

/* setvbuf(3) as glibc's _IO_setvbuf.  A NULL buf for _IOFBF or _IOLBF only
   changes the mode, keeping the buffer the stream has (or will choose). */
static int setvbuf_unlocked(FILE *restrict stream, char *restrict buf, int mode, size_t size)
{
	switch (mode) {
	case _IOFBF:
		stream->flags &= ~(_IO_LINE_BUF | _IO_UNBUFFERED);
		if (buf == NULL) {
			if (stream->buf == NULL) {
				__stdio_doallocbuf(stream);
				stream->flags &= ~_IO_LINE_BUF;
			}
			return 0;
		}
		break;
	case _IOLBF:
		stream->flags &= ~_IO_UNBUFFERED;
		stream->flags |= _IO_LINE_BUF;
		if (buf == NULL)
			return 0;
		break;
	case _IONBF:
		stream->flags &= ~_IO_LINE_BUF;
		stream->flags |= _IO_UNBUFFERED;
		buf = NULL;
		size = 0;
		break;
	default:
		errno = EINVAL;
		return EOF;
	}
	/* _IO_default_setbuf: sync, then take the new buffer (none means
	   unbuffered). */
	if (__stdio_sync(stream) == EOF)
		return EOF;
	stream->wpos = stream->wend = stream->rpos = stream->rend = 0;
	if (buf == NULL || size == 0) {
		stream->flags |= _IO_UNBUFFERED;
		stream->buf = stream->shortbuf;
		stream->size = 1;
	} else {
		stream->flags &= ~_IO_UNBUFFERED;
		stream->buf = (unsigned char *)buf;
		stream->size = size;
	}
	return 0;
}

int setvbuf(FILE *restrict stream, char *restrict buf, int mode, size_t size)
{
	int r;

	lock_stream(stream);
	r = setvbuf_unlocked(stream, buf, mode, size);
	unlock_stream(stream);
	return r;
}

void setbuf(FILE *restrict stream, char *restrict buf)
{
	setvbuf(stream, buf, buf != NULL ? _IOFBF : _IONBF, BUFSIZ);
}

int fileno(FILE *stream)
{
	return stream->fd;
}

int feof_unlocked(FILE *stream)
{
	return (stream->flags & _IO_EOF_SEEN) != 0;
}

int ferror_unlocked(FILE *stream)
{
	return (stream->flags & _IO_ERR_SEEN) != 0;
}

void clearerr_unlocked(FILE *stream)
{
	stream->flags &= ~(_IO_EOF_SEEN | _IO_ERR_SEEN);
}

int feof(FILE *stream)
{
	int r;

	lock_stream(stream);
	r = feof_unlocked(stream);
	unlock_stream(stream);
	return r;
}

int ferror(FILE *stream)
{
	int r;

	lock_stream(stream);
	r = ferror_unlocked(stream);
	unlock_stream(stream);
	return r;
}

void clearerr(FILE *stream)
{
	lock_stream(stream);
	clearerr_unlocked(stream);
	unlock_stream(stream);
}

/* printf's sink into a stream: each piece goes through file_xsputn. */
struct file_sink {
	struct __printf_sink sink;
	FILE *f;
};

static void file_put(struct __printf_sink *sink, const char *s, size_t n)
{
	struct file_sink *fs = (struct file_sink *)sink;

	if (file_xsputn(fs->f, s, n) != n)
		sink->error = 1;
}

/* An unbuffered stream gets glibc's buffered_vfprintf treatment: format
   into a BUFSIZ helper buffer and hand it over in one piece, so one
   fprintf(stderr, ...) is one write. */
struct helper_sink {
	struct __printf_sink sink;
	FILE *f;
	size_t used;
	char buf[BUFSIZ];
};

static void helper_flush(struct helper_sink *hs)
{
	if (hs->used > 0 && file_xsputn(hs->f, hs->buf, hs->used) != hs->used)
		hs->sink.error = 1;
	hs->used = 0;
}

static void helper_put(struct __printf_sink *sink, const char *s, size_t n)
{
	struct helper_sink *hs = (struct helper_sink *)sink;

	while (n > 0) {
		size_t k = sizeof hs->buf - hs->used;

		if (k > n)
			k = n;
		memcpy(hs->buf + hs->used, s, k);
		hs->used += k;
		s += k;
		n -= k;
		if (hs->used == sizeof hs->buf)
			helper_flush(hs);
	}
}

static int vfprintf_unlocked(FILE *restrict stream, const char *restrict format, va_list ap)
{
	if (stream->flags & _IO_NO_WRITES) {
		stream->flags |= _IO_ERR_SEEN;
		errno = EBADF;
		return -1;
	}
	if (stream->flags & _IO_UNBUFFERED) {
		struct helper_sink hs;
		int r;

		hs.sink.put = helper_put;
		hs.f = stream;
		hs.used = 0;
		r = __vprintf_core(&hs.sink, format, ap);
		helper_flush(&hs);
		return hs.sink.error ? -1 : r;
	} else {
		struct file_sink fs = { { file_put, 0, 0 }, stream };

		return __vprintf_core(&fs.sink, format, ap);
	}
}

int vfprintf(FILE *restrict stream, const char *restrict format, va_list ap)
{
	int r;

	lock_stream(stream);
	r = vfprintf_unlocked(stream, format, ap);
	unlock_stream(stream);
	return r;
}

int vprintf(const char *restrict format, va_list ap)
{
	return vfprintf(stdout, format, ap);
}

int fprintf(FILE *restrict stream, const char *restrict format, ...)
{
	va_list ap;
	int r;

	va_start(ap, format);
	r = vfprintf(stream, format, ap);
	va_end(ap);
	return r;
}

int printf(const char *restrict format, ...)
{
	va_list ap;
	int r;

	va_start(ap, format);
	r = vfprintf(stdout, format, ap);
	va_end(ap);
	return r;
}

/* vdprintf(3): glibc prints through a temporary stream on fd, buffered like
   any other (so line buffered on a terminal), and flushes it at the end. */
int vdprintf(int fd, const char *restrict format, va_list ap)
{
	unsigned char storage[BUFSIZ];
	FILE f = { .flags = _IO_NO_READS, .fd = fd, .storage = storage };
	int r = vfprintf(&f, format, ap);

	if (__stdio_do_flush(&f) == EOF)
		r = EOF;
	return r;
}

int dprintf(int fd, const char *restrict format, ...)
{
	va_list ap;
	int r;

	va_start(ap, format);
	r = vdprintf(fd, format, ap);
	va_end(ap);
	return r;
}

/* perror(3): "s: message\n", or just the message when s is NULL or empty,
   in one write to stderr. */
void perror(const char *s)
{
	const char *message = strerror(errno);

	if (s == NULL || *s == '\0')
		fprintf(stderr, "%s\n", message);
	else
		fprintf(stderr, "%s: %s\n", s, message);
}
