/*
 * malloc_stress.c - a seeded random walk of malloc/calloc/realloc/free with
 * sizes from 1 byte to 1 MiB, so the allocator uses both brk (small blocks)
 * and mmap (glibc switches at 128 KiB). Every block carries a pattern derived
 * from its slot and generation; it is checked before every realloc and free.
 *
 *   malloc_stress            the walk; prints a checksum that depends only on the seed
 *   malloc_stress addresses  also prints where blocks landed (for determinism
 *                            tests under minikernel; differs between native runs)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 64
#define STEPS 3000

static uint32_t rng = 20240601u;

/* Numerical Recipes' LCG: the same sequence under every libc and kernel. */
static uint32_t next(void)
{
    rng = rng * 1664525u + 1013904223u;
    return rng >> 8;
}

static size_t random_size(void)
{
    uint32_t r = next() % 100;

    if (r < 70)
        return 1 + next() % 256;
    if (r < 90)
        return 257 + next() % (16 * 1024);
    if (r < 98)
        return 16 * 1024 + next() % (256 * 1024);
    return 256 * 1024 + next() % (768 * 1024 + 1);
}

struct block {
    unsigned char *p;
    size_t size;
    unsigned char seed;
};

static struct block slots[SLOTS];
static int failures;
static unsigned long checksum;

static void fill(struct block *b, size_t from)
{
    size_t i;

    for (i = from; i < b->size; i++)
        b->p[i] = (unsigned char)(b->seed + i * 7);
}

/* Checks the first n bytes and folds them into the checksum. */
static void verify(const struct block *b, size_t n, const char *what)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (b->p[i] != (unsigned char)(b->seed + i * 7)) {
            printf("FAIL: %s: byte %lu of a %lu-byte block is %u\n", what, (unsigned long)i,
                   (unsigned long)b->size, b->p[i]);
            failures++;
            return;
        }
    }
    checksum = checksum * 31 + n + (n ? b->p[n - 1] : 0);
}

int main(int argc, char **argv)
{
    int show_addresses = argc > 1 && strcmp(argv[1], "addresses") == 0;
    int step, i, mallocs = 0, callocs = 0, reallocs = 0, frees = 0, misaligned = 0;
    size_t peak = 0, live = 0;

    for (step = 0; step < STEPS && failures == 0; step++) {
        struct block *b = &slots[next() % SLOTS];
        uint32_t op = next() % 10;

        if (b->p == NULL) {
            b->size = random_size();
            b->seed = (unsigned char)step;
            if (op < 7) {
                b->p = malloc(b->size);
                mallocs++;
            } else {
                b->p = calloc(b->size, 1);
                callocs++;
                for (i = 0; b->p && (size_t)i < b->size; i++)
                    if (b->p[i] != 0) {
                        printf("FAIL: calloc returned non-zero memory\n");
                        failures++;
                        break;
                    }
            }
            if (b->p == NULL) {
                printf("FAIL: allocation of %lu bytes returned NULL\n", (unsigned long)b->size);
                return 1;
            }
            if (show_addresses && mallocs + callocs <= 8)
                printf("block %d at %p\n", mallocs + callocs, (void *)b->p);
            misaligned += ((uintptr_t)b->p & 7) != 0;
            fill(b, 0);
            live += b->size;
        } else if (op < 4) {
            size_t old = b->size, keep;
            unsigned char *p;

            b->size = random_size();
            keep = old < b->size ? old : b->size;
            p = realloc(b->p, b->size);
            if (p == NULL) {
                printf("FAIL: realloc to %lu bytes returned NULL\n", (unsigned long)b->size);
                return 1;
            }
            b->p = p;
            misaligned += ((uintptr_t)p & 7) != 0;
            verify(b, keep, "realloc kept");
            fill(b, keep);
            live = live - old + b->size;
            reallocs++;
        } else {
            verify(b, b->size, "before free");
            free(b->p);
            b->p = NULL;
            live -= b->size;
            frees++;
        }
        if (live > peak)
            peak = live;
    }
    for (i = 0; i < SLOTS; i++)
        if (slots[i].p) {
            verify(&slots[i], slots[i].size, "at the end");
            free(slots[i].p);
            frees++;
        }

    printf("mallocs: %d callocs: %d reallocs: %d frees: %d\n", mallocs, callocs, reallocs, frees);
    printf("peak live bytes: %lu\n", (unsigned long)peak);
    printf("aligned to 8: %s\n", misaligned ? "FAIL" : "OK");
    printf("checksum: %08lx\n", checksum);
    printf("malloc: %s\n", failures ? "FAIL" : "OK");
    return failures != 0;
}
