/* malloc_check: a stress test of malloc, calloc, realloc and free.  Slots
   hold blocks of random sizes, from a few bytes to well past the 128 KiB
   mmap threshold; each block is filled with a pattern derived from its seed,
   and every block is verified before it is freed or resized, so any overlap
   or corruption is caught.  Prints only what does not depend on the
   allocator, so `make check` can also compare it with glibc's run. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 512
#define ROUNDS 200000

struct block {
	unsigned char *p;
	size_t size;
	uint32_t seed;
};

static struct block blocks[SLOTS];
static uint32_t lcg_state = 12345;

static uint32_t lcg(void)
{
	lcg_state = lcg_state * 1103515245u + 12345u;
	return lcg_state >> 8;
}

static size_t random_size(void)
{
	uint32_t r = lcg() % 1000;

	if (r < 600)
		return lcg() % 64;
	if (r < 900)
		return lcg() % 4096;
	if (r < 990)
		return lcg() % 65536;
	return 100000 + lcg() % 300000;
}

static unsigned char pattern(uint32_t seed, size_t i)
{
	return (unsigned char)((seed + i * 2654435761u) >> 13);
}

static void fill(struct block *b, size_t from)
{
	size_t i;

	for (i = from; i < b->size; i++)
		b->p[i] = pattern(b->seed, i);
}

static void fail(const char *what, size_t slot)
{
	printf("malloc_check: FAILED: %s (slot %zu)\n", what, slot);
	exit(1);
}

static void verify(struct block *b, size_t n, size_t slot)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (b->p[i] != pattern(b->seed, i))
			fail("block contents changed", slot);
}

static void check_alignment(const void *p, size_t slot)
{
	if (((uintptr_t)p & 15) != 0)
		fail("result not 16-byte aligned", slot);
}

int main(void)
{
	unsigned long mallocs = 0, callocs = 0, reallocs = 0, frees = 0;
	size_t i, j;
	void *p;

	for (i = 0; i < ROUNDS; i++) {
		size_t slot = lcg() % SLOTS;
		struct block *b = &blocks[slot];
		uint32_t op = lcg() % 10;

		if (b->p == NULL) {
			b->size = random_size();
			b->seed = lcg();
			if (op < 2) {
				b->p = calloc(1, b->size);
				callocs++;
				if (b->p == NULL)
					fail("calloc returned NULL", slot);
				for (j = 0; j < b->size; j++)
					if (b->p[j] != 0)
						fail("calloc memory not zero", slot);
			} else {
				b->p = malloc(b->size);
				mallocs++;
				if (b->p == NULL)
					fail("malloc returned NULL", slot);
			}
			check_alignment(b->p, slot);
			fill(b, 0);
		} else if (op < 4) {
			size_t new_size = random_size() + 1;
			size_t keep = new_size < b->size ? new_size : b->size;

			verify(b, b->size, slot);
			p = realloc(b->p, new_size);
			reallocs++;
			if (p == NULL)
				fail("realloc returned NULL", slot);
			check_alignment(p, slot);
			b->p = p;
			verify(b, keep, slot);
			b->size = new_size;
			fill(b, keep);
		} else {
			verify(b, b->size, slot);
			free(b->p);
			frees++;
			b->p = NULL;
		}
	}
	for (i = 0; i < SLOTS; i++) {
		if (blocks[i].p != NULL) {
			verify(&blocks[i], blocks[i].size, i);
			free(blocks[i].p);
			frees++;
		}
	}

	/* The edges. */
	errno = 0;
	p = calloc(SIZE_MAX / 2, 4);
	printf("calloc overflow: %s, errno %s\n", p == NULL ? "NULL" : "not NULL",
	       errno == ENOMEM ? "ENOMEM" : "other");
	errno = 0;
	p = malloc(SIZE_MAX);
	printf("malloc(SIZE_MAX): %s, errno %s\n", p == NULL ? "NULL" : "not NULL",
	       errno == ENOMEM ? "ENOMEM" : "other");
	p = malloc(0);
	printf("malloc(0): %s\n", p != NULL ? "a pointer" : "NULL");
	free(p);
	free(NULL);
	p = realloc(NULL, 100);
	printf("realloc(NULL, 100): %s\n", p != NULL ? "a pointer" : "NULL");
	p = realloc(p, 0);
	printf("realloc(p, 0): %s\n", p != NULL ? "a pointer" : "NULL");

	/* Many small blocks freed in an order that makes every kind of merge. */
	{
		static void *small[4096];

		for (i = 0; i < 4096; i++)
			small[i] = malloc(16 + i % 200);
		for (i = 0; i < 4096; i += 2)
			free(small[i]);
		for (i = 4095; i < 4096; i -= 2)
			free(small[i]);
		p = malloc(1 << 20);
		memset(p, 0xaa, 1 << 20);
		free(p);
	}

	printf("malloc_check: %lu malloc, %lu calloc, %lu realloc, %lu free: OK\n",
	       mallocs, callocs, reallocs, frees);
	return 0;
}
