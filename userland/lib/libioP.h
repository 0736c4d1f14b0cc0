/* Private to the library: the stream structure, shared by stdio.c (the
   buffering, the standard streams) and fopen.c (streams on named files and
   descriptors, seeking, closing).  glibc's libio/libioP.h in miniature. */
#ifndef _LIB_LIBIOP_H
#define _LIB_LIBIOP_H

#include <stddef.h>
#include <stdio.h>
#include "lowlevellock.h"
#include "pthreadP.h"

/* Stream state bits, glibc's names and values (libio/libio.h). */
#define _IO_UNBUFFERED  0x0002
#define _IO_NO_READS    0x0004  /* an output-only stream */
#define _IO_NO_WRITES   0x0008  /* an input-only stream */
#define _IO_EOF_SEEN    0x0010
#define _IO_ERR_SEEN    0x0020
#define _IO_LINE_BUF    0x0200
#define _IO_CURRENTLY_PUTTING 0x0800    /* the buffer holds output, not input */
#define _IO_IS_APPENDING 0x1000 /* opened with "a": O_APPEND */

struct _IO_FILE {
	int flags;                      /* _IO_* bits above */
	int fd;                         /* the file descriptor underneath, -1 once closed */
	unsigned char *buf;             /* the buffer; NULL until the first I/O */
	size_t size;                    /* its size */
	size_t wpos;                    /* output waiting in buf[0..wpos) */
	size_t wend;                    /* plain copying may fill buf up to here */
	size_t rpos;                    /* unread input is buf[rpos..rend) */
	size_t rend;
	unsigned char *storage;         /* BUFSIZ bytes for the buffer we choose */
	unsigned char shortbuf[1];      /* the buffer of an unbuffered stream */
	int lock;                       /* low-level lock word (lowlevellock.h) */
	int lock_count;                 /* how many times its holder has taken it */
	struct pthread *lock_owner;     /* the holding thread, or NULL */
	struct _IO_FILE *chain;         /* the next stream on the list of all */
};

/* Every open stream, newest first, then stderr, stdout and stdin, as
   glibc's _IO_list_all: fflush(NULL) and exit() flush them in this order.
   The list has its own lock. */
extern FILE *__stdio_list_all;
extern int __stdio_list_lock;

/* _IO_acquire_lock and _IO_release_lock.  Only the holder can find its
   own descriptor in lock_owner, so the unlocked read is safe. */
static inline void lock_stream(FILE *f)
{
	struct pthread *self = THREAD_SELF;

	if (__atomic_load_n(&f->lock_owner, __ATOMIC_RELAXED) != self) {
		lll_lock(&f->lock, LLL_PRIVATE);
		__atomic_store_n(&f->lock_owner, self, __ATOMIC_RELAXED);
	}
	f->lock_count++;
}

static inline void unlock_stream(FILE *f)
{
	if (--f->lock_count == 0) {
		__atomic_store_n(&f->lock_owner, NULL, __ATOMIC_RELAXED);
		lll_unlock(&f->lock, LLL_PRIVATE);
	}
}

/* stdio.c: give the stream its buffer (and line buffering on a terminal);
   refill it (glibc's __underflow: the next byte, not consumed, or EOF);
   write pending output (0 or EOF); write pending output and hand unread
   input back to the file (glibc's _IO_new_file_sync). */
void __stdio_doallocbuf(FILE *f);
int __stdio_underflow(FILE *f);
int __stdio_do_flush(FILE *f);
int __stdio_sync(FILE *f);

#endif
