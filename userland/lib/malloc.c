/* malloc(3) and friends: a first-fit allocator over the program break, with
   large requests given their own mappings, as glibc's malloc does.

   The heap is one run of chunks from heap_start to heap_top, grown with
   sbrk; the space from heap_top to the break is the "top", not yet cut into
   chunks.  Every chunk starts with a 16-byte header, so a chunk that starts
   on a 16-byte boundary hands out 16-byte-aligned memory.  Free chunks sit
   on one list and are merged with free neighbours at once, so no two free
   chunks are ever adjacent and a free chunk never touches the top.

   Requests of MMAP_THRESHOLD or more (128 KiB, glibc's default
   M_MMAP_THRESHOLD) get a private anonymous mapping each, which free()
   returns with munmap; so does any request the break cannot satisfy.

   One low-level lock guards the whole heap, so threads may allocate and
   free at the same time (glibc gives threads separate arenas instead). */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include "lowlevellock.h"

struct chunk {
	size_t prev_size;       /* size of the chunk just below; 0 for the first */
	size_t size;            /* size including this header, | CHUNK_* flags */
	struct chunk *next;     /* free-list links, used only while free */
	struct chunk *prev;
};

#define CHUNK_INUSE     1u
#define CHUNK_MMAPPED   2u
#define CHUNK_FLAGS     15u

#define HEADER          sizeof(struct chunk)
#define ALIGNMENT       16u
#define MIN_CHUNK       32u
#define PAGE            4096u
#define MMAP_THRESHOLD  (128u * 1024)
#define TOP_PAD         (128u * 1024)   /* extra asked of sbrk each time */
#define TRIM_THRESHOLD  (256u * 1024)   /* top size that makes free() shrink the break */

_Static_assert(sizeof(struct chunk) == ALIGNMENT, "header keeps 16-byte alignment");

static char *heap_start;        /* first chunk */
static char *heap_top;          /* end of the last chunk, start of the top */
static char *heap_end;          /* the program break */
static size_t top_prev_size;    /* size of the chunk just below heap_top */
static struct chunk free_list = { 0, 0, &free_list, &free_list };
static int malloc_lock;

static size_t chunk_size(const struct chunk *c)
{
	return c->size & ~(size_t)CHUNK_FLAGS;
}

static struct chunk *chunk_of(void *mem)
{
	return (struct chunk *)((char *)mem - HEADER);
}

static void *mem_of(struct chunk *c)
{
	return (char *)c + HEADER;
}

/* glibc's malloc_printerr: the message on standard error, then abort. */
__attribute__((__noreturn__))
static void malloc_printerr(const char *message)
{
	write(STDERR_FILENO, message, strlen(message));
	write(STDERR_FILENO, "\n", 1);
	abort();
}

static void list_insert(struct chunk *c)
{
	c->next = free_list.next;
	c->prev = &free_list;
	free_list.next->prev = c;
	free_list.next = c;
}

static void list_remove(struct chunk *c)
{
	c->prev->next = c->next;
	c->next->prev = c->prev;
}

/* Tells the chunk above c (or the top) how big c is now. */
static void set_next_prev_size(struct chunk *c)
{
	char *next = (char *)c + chunk_size(c);

	if (next < heap_top)
		((struct chunk *)next)->prev_size = chunk_size(c);
	else
		top_prev_size = chunk_size(c);
}

/* The chunk size for a request of n bytes, or 0 if n is absurdly large. */
static size_t request_size(size_t n)
{
	size_t size;

	if (n > SIZE_MAX - HEADER - PAGE)
		return 0;
	size = (n + HEADER + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1);
	return size < MIN_CHUNK ? MIN_CHUNK : size;
}

/* Moves the break up so the top holds at least min bytes.  If someone else
   moved the break since we last did, the heap would no longer be one run:
   give the new space back and let the caller fall back to mmap. */
static int grow_heap(size_t min)
{
	uintptr_t want, amount;
	char *old;

	if (heap_start == NULL) {
		char *start = sbrk(0);
		uintptr_t pad;

		if (start == (char *)-1)
			return -1;
		pad = -(uintptr_t)start & (ALIGNMENT - 1);
		if (pad != 0 && sbrk((intptr_t)pad) == (void *)-1)
			return -1;
		heap_start = heap_top = heap_end = start + pad;
	}
	want = (uintptr_t)heap_top + min + TOP_PAD;
	if (want < (uintptr_t)heap_top || want > UINTPTR_MAX - PAGE)
		return -1;
	want = (want + PAGE - 1) & ~(uintptr_t)(PAGE - 1);
	amount = want - (uintptr_t)heap_end;
	if (amount > (uintptr_t)INTPTR_MAX)
		return -1;
	old = sbrk((intptr_t)amount);
	if (old == (char *)-1)
		return -1;
	if (old != heap_end) {
		sbrk(-(intptr_t)amount);
		return -1;
	}
	heap_end = old + amount;
	return 0;
}

/* Gives memory back to the kernel once the top has grown large, keeping
   TOP_PAD of it for the next requests (glibc's systrim). */
static void trim_heap(void)
{
	uintptr_t keep;

	if ((size_t)(heap_end - heap_top) < TRIM_THRESHOLD || sbrk(0) != heap_end)
		return;
	keep = ((uintptr_t)heap_top + TOP_PAD + PAGE - 1) & ~(uintptr_t)(PAGE - 1);
	if (sbrk(-(intptr_t)((uintptr_t)heap_end - keep)) != (void *)-1)
		heap_end = (char *)keep;
}

static void *mmap_chunk(size_t size)
{
	struct chunk *c;

	size = (size + PAGE - 1) & ~(size_t)(PAGE - 1);
	c = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (c == MAP_FAILED) {
		errno = ENOMEM;
		return NULL;
	}
	c->prev_size = 0;
	c->size = size | CHUNK_MMAPPED | CHUNK_INUSE;
	return mem_of(c);
}

/* Frees chunk c (already out of use), merging it with a free chunk below,
   a free chunk above, or the top. */
static void release(struct chunk *c)
{
	size_t size = chunk_size(c);
	struct chunk *next = (struct chunk *)((char *)c + size);

	if ((char *)c != heap_start) {
		struct chunk *prev = (struct chunk *)((char *)c - c->prev_size);

		if (!(prev->size & CHUNK_INUSE)) {
			list_remove(prev);
			size += chunk_size(prev);
			c = prev;
		}
	}
	if ((char *)next == heap_top) {
		heap_top = (char *)c;
		top_prev_size = c->prev_size;
		return;
	}
	if (!(next->size & CHUNK_INUSE)) {
		list_remove(next);
		size += chunk_size(next);
	}
	c->size = size;
	set_next_prev_size(c);
	list_insert(c);
}

/* Cuts an in-use chunk down to size, freeing the tail if it can stand as a
   chunk of its own. */
static void shrink_chunk(struct chunk *c, size_t size)
{
	size_t old = chunk_size(c);
	struct chunk *tail;

	if (old - size < MIN_CHUNK)
		return;
	c->size = size | CHUNK_INUSE;
	tail = (struct chunk *)((char *)c + size);
	tail->prev_size = size;
	tail->size = (old - size) | CHUNK_INUSE;
	set_next_prev_size(tail);
	release(tail);
}

/* The chunk behind a pointer handed to free or realloc, after the checks
   glibc makes before trusting it. */
static struct chunk *checked_chunk(void *ptr, const char *who)
{
	struct chunk *c = chunk_of(ptr);

	if (((uintptr_t)ptr & (ALIGNMENT - 1)) != 0)
		malloc_printerr(who);
	if (c->size & CHUNK_MMAPPED) {
		if ((((uintptr_t)c | chunk_size(c)) & (PAGE - 1)) != 0)
			malloc_printerr(who);
		return c;
	}
	if ((char *)c < heap_start || (char *)c >= heap_top ||
	    chunk_size(c) < MIN_CHUNK || (size_t)(heap_top - (char *)c) < chunk_size(c))
		malloc_printerr(who);
	if (!(c->size & CHUNK_INUSE))
		malloc_printerr("double free or corruption (!prev)");
	return c;
}

static void *int_malloc(size_t n)
{
	size_t size = request_size(n);
	struct chunk *c;

	if (size == 0) {
		errno = ENOMEM;
		return NULL;
	}
	if (size >= MMAP_THRESHOLD)
		return mmap_chunk(size);

	for (c = free_list.next; c != &free_list; c = c->next) {
		if (chunk_size(c) >= size) {
			list_remove(c);
			c->size |= CHUNK_INUSE;
			shrink_chunk(c, size);
			return mem_of(c);
		}
	}

	if ((heap_start == NULL || (size_t)(heap_end - heap_top) < size) && grow_heap(size) < 0)
		return mmap_chunk(size);
	c = (struct chunk *)heap_top;
	c->prev_size = top_prev_size;
	c->size = size | CHUNK_INUSE;
	heap_top += size;
	top_prev_size = size;
	return mem_of(c);
}

static void int_free(void *ptr)
{
	struct chunk *c;

	if (ptr == NULL)
		return;
	c = checked_chunk(ptr, "free(): invalid pointer");
	if (c->size & CHUNK_MMAPPED) {
		munmap(c, chunk_size(c));
		return;
	}
	c->size &= ~(size_t)CHUNK_INUSE;
	release(c);
	trim_heap();
}

/* calloc(3) fails with ENOMEM when nmemb * size overflows. */
void *calloc(size_t nmemb, size_t size)
{
	size_t total;
	void *p;

	if (__builtin_mul_overflow(nmemb, size, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(total);
	if (p != NULL && !(chunk_of(p)->size & CHUNK_MMAPPED))
		memset(p, 0, total);
	return p;
}

/* realloc(3) grows in place into the top or a free neighbour when it can,
   shrinks in place, and otherwise moves.  realloc(p, 0) frees p and returns
   NULL, as glibc's does. */
static void *int_realloc(void *ptr, size_t n)
{
	size_t size, old;
	struct chunk *c, *next;
	void *moved;

	if (ptr == NULL)
		return int_malloc(n);
	if (n == 0) {
		int_free(ptr);
		return NULL;
	}
	c = checked_chunk(ptr, "realloc(): invalid pointer");
	size = request_size(n);
	if (size == 0) {
		errno = ENOMEM;
		return NULL;
	}
	old = chunk_size(c);

	if (!(c->size & CHUNK_MMAPPED)) {
		next = (struct chunk *)((char *)c + old);
		if (size <= old) {
			shrink_chunk(c, size);
			return ptr;
		}
		if ((char *)next == heap_top &&
		    ((size_t)(heap_end - heap_top) >= size - old || grow_heap(size - old) == 0)) {
			c->size = size | CHUNK_INUSE;
			heap_top = (char *)c + size;
			top_prev_size = size;
			return ptr;
		}
		if ((char *)next < heap_top && !(next->size & CHUNK_INUSE) &&
		    old + chunk_size(next) >= size) {
			list_remove(next);
			c->size = (old + chunk_size(next)) | CHUNK_INUSE;
			set_next_prev_size(c);
			shrink_chunk(c, size);
			return ptr;
		}
	} else if (size <= old && size > old / 2) {
		return ptr;
	}

	moved = int_malloc(n);
	if (moved == NULL)
		return NULL;
	memcpy(moved, ptr, (old - HEADER) < n ? old - HEADER : n);
	int_free(ptr);
	return moved;
}

void *malloc(size_t n)
{
	void *p;

	lll_lock(&malloc_lock, LLL_PRIVATE);
	p = int_malloc(n);
	lll_unlock(&malloc_lock, LLL_PRIVATE);
	return p;
}

void free(void *ptr)
{
	if (ptr == NULL)
		return;
	lll_lock(&malloc_lock, LLL_PRIVATE);
	int_free(ptr);
	lll_unlock(&malloc_lock, LLL_PRIVATE);
}

void *realloc(void *ptr, size_t n)
{
	void *p;

	lll_lock(&malloc_lock, LLL_PRIVATE);
	p = int_realloc(ptr, n);
	lll_unlock(&malloc_lock, LLL_PRIVATE);
	return p;
}

/* fork() holds the lock across the clone, so the child's heap is never
   caught half-changed by another thread (unistd.c). */
void __malloc_fork_lock_parent(void)
{
	lll_lock(&malloc_lock, LLL_PRIVATE);
}

void __malloc_fork_unlock_parent(void)
{
	lll_unlock(&malloc_lock, LLL_PRIVATE);
}

void __malloc_fork_unlock_child(void)
{
	malloc_lock = 0;
}
