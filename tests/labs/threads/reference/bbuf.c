/* Threads lab, reference solution: a bounded buffer of 8 slots shared by 2
   producers and 2 consumers. Each producer puts the numbers 1..ITEMS; the
   consumers take until they have taken 2 * ITEMS between them. Every item
   must arrive exactly once: the sum tells. put() and get() hold the mutex
   while they touch the buffer and wait on a condition variable when it is
   full or empty. */
#include <pthread.h>
#include <stdio.h>

#define SLOTS 8
#define ITEMS 5000
#define PRODUCERS 2
#define CONSUMERS 2

static int buf[SLOTS];
static int in, out, count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER, not_empty = PTHREAD_COND_INITIALIZER;
static long taken_total;
static int taken_count;

static void put(int item)
{
	pthread_mutex_lock(&lock);
	while (count == SLOTS)
		pthread_cond_wait(&not_full, &lock);
	buf[in] = item;
	in = (in + 1) % SLOTS;
	count++;
	pthread_cond_signal(&not_empty);
	pthread_mutex_unlock(&lock);
}

/* Returns 0 once all items have been taken. */
static int get(int *item)
{
	pthread_mutex_lock(&lock);
	while (count == 0 && taken_count < PRODUCERS * ITEMS)
		pthread_cond_wait(&not_empty, &lock);
	if (taken_count == PRODUCERS * ITEMS) {
		pthread_cond_broadcast(&not_empty);
		pthread_mutex_unlock(&lock);
		return 0;
	}
	*item = buf[out];
	out = (out + 1) % SLOTS;
	count--;
	taken_count++;
	taken_total += *item;
	pthread_cond_signal(&not_full);
	pthread_mutex_unlock(&lock);
	return 1;
}

static void *producer(void *arg)
{
	(void)arg;
	for (int i = 1; i <= ITEMS; i++)
		put(i);
	return NULL;
}

static void *consumer(void *arg)
{
	int item;

	(void)arg;
	while (get(&item))
		;
	return NULL;
}

int main(void)
{
	pthread_t p[PRODUCERS], c[CONSUMERS];
	int i;

	for (i = 0; i < CONSUMERS; i++)
		pthread_create(&c[i], NULL, consumer, NULL);
	for (i = 0; i < PRODUCERS; i++)
		pthread_create(&p[i], NULL, producer, NULL);
	for (i = 0; i < PRODUCERS; i++)
		pthread_join(p[i], NULL);
	for (i = 0; i < CONSUMERS; i++)
		pthread_join(c[i], NULL);
	printf("taken %d items, sum %ld\n", taken_count, taken_total);
	return 0;
}
