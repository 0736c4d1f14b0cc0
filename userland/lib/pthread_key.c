/* Thread-specific data, pthread_key_*(3), as glibc's nptl/pthread_key_*.c.

   A key is an index into one process-wide table of PTHREAD_KEYS_MAX slots.
   Each thread keeps its values in its descriptor, in blocks of 32: the
   first block is part of the descriptor, the others are allocated the
   first time a value is stored in them and freed when the thread exits.
   A slot's sequence number is odd while the key exists and moves on when
   it is deleted; every value remembers the number it was stored under, so
   a value left behind by a deleted key is never returned for a new key
   that reuses the slot. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "pthreadP.h"

struct pthread_key_struct {
	uintptr_t seq;                  /* odd: in use */
	void (*destr)(void *);          /* run at thread exit on a non-NULL value */
};

static struct pthread_key_struct keys[PTHREAD_KEYS_MAX];

#define KEY_UNUSED(seq)   (((seq) & 1) == 0)
#define KEY_USABLE(seq)   ((uintptr_t)(seq) < (uintptr_t)((seq) + 2))

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
	size_t i;

	for (i = 0; i < PTHREAD_KEYS_MAX; i++) {
		uintptr_t seq = __atomic_load_n(&keys[i].seq, __ATOMIC_RELAXED);

		if (KEY_UNUSED(seq) && KEY_USABLE(seq) &&
		    __atomic_compare_exchange_n(&keys[i].seq, &seq, seq + 1, 0, __ATOMIC_ACQ_REL,
		                                __ATOMIC_RELAXED)) {
			keys[i].destr = destructor;
			*key = (pthread_key_t)i;
			return 0;
		}
	}
	return EAGAIN;
}

/* No destructor runs: the values are simply forgotten. */
int pthread_key_delete(pthread_key_t key)
{
	uintptr_t seq;

	if (key >= PTHREAD_KEYS_MAX)
		return EINVAL;
	seq = __atomic_load_n(&keys[key].seq, __ATOMIC_RELAXED);
	if (KEY_UNUSED(seq) ||
	    !__atomic_compare_exchange_n(&keys[key].seq, &seq, seq + 1, 0, __ATOMIC_ACQ_REL,
	                                 __ATOMIC_RELAXED))
		return EINVAL;
	return 0;
}

void *pthread_getspecific(pthread_key_t key)
{
	struct pthread_key_data *block, *data;

	if (key >= PTHREAD_KEYS_MAX)
		return NULL;
	block = THREAD_SELF->specific[key / PTHREAD_KEY_2NDLEVEL_SIZE];
	if (block == NULL)
		return NULL;
	data = &block[key % PTHREAD_KEY_2NDLEVEL_SIZE];
	if (data->data != NULL && data->seq != __atomic_load_n(&keys[key].seq, __ATOMIC_RELAXED))
		data->data = NULL;
	return data->data;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
	struct pthread *self = THREAD_SELF;
	struct pthread_key_data **block;
	uintptr_t seq;

	if (key >= PTHREAD_KEYS_MAX)
		return EINVAL;
	seq = __atomic_load_n(&keys[key].seq, __ATOMIC_RELAXED);
	if (KEY_UNUSED(seq))
		return EINVAL;
	block = &self->specific[key / PTHREAD_KEY_2NDLEVEL_SIZE];
	if (*block == NULL) {
		if (value == NULL)
			return 0;       /* it reads as NULL already */
		*block = calloc(PTHREAD_KEY_2NDLEVEL_SIZE, sizeof **block);
		if (*block == NULL)
			return ENOMEM;
	}
	(*block)[key % PTHREAD_KEY_2NDLEVEL_SIZE].seq = seq;
	(*block)[key % PTHREAD_KEY_2NDLEVEL_SIZE].data = (void *)value;
	if (value != NULL)
		self->specific_used = 1;
	return 0;
}

/* At thread exit (not at exit(3)): each non-NULL value of a live key is
   set to NULL and passed to the key's destructor.  A destructor may store
   new values; POSIX asks for up to PTHREAD_DESTRUCTOR_ITERATIONS rounds.
   Then the allocated blocks go back to malloc. */
void __nptl_deallocate_tsd(void)
{
	struct pthread *self = THREAD_SELF;
	int round = 0;
	size_t i;

	while (self->specific_used && round++ < PTHREAD_DESTRUCTOR_ITERATIONS) {
		self->specific_used = 0;
		for (i = 0; i < PTHREAD_KEYS_MAX; i++) {
			struct pthread_key_data *block = self->specific[i / PTHREAD_KEY_2NDLEVEL_SIZE];
			struct pthread_key_data *data;
			uintptr_t seq;
			void *value;

			if (block == NULL) {
				i += PTHREAD_KEY_2NDLEVEL_SIZE - 1;
				continue;
			}
			data = &block[i % PTHREAD_KEY_2NDLEVEL_SIZE];
			value = data->data;
			if (value == NULL)
				continue;
			data->data = NULL;
			seq = __atomic_load_n(&keys[i].seq, __ATOMIC_RELAXED);
			if (!KEY_UNUSED(seq) && seq == data->seq && keys[i].destr != NULL)
				keys[i].destr(value);
		}
	}
	memset(self->specific_1stblock, 0, sizeof self->specific_1stblock);
	for (i = 1; i < PTHREAD_KEY_1STLEVEL_SIZE; i++) {
		free(self->specific[i]);
		self->specific[i] = NULL;
	}
	self->specific_used = 0;
}
