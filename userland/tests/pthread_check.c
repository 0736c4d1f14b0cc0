/* pthread_check: POSIX threads as glibc gives them.  Creation and join with
   return values, pthread_exit from nested calls, detached threads, thread
   attributes, mutexes (normal, recursive, errorcheck, timed, robust),
   condition variables, pthread_once, thread-specific data with
   destructors, semaphores, barriers, read-write and spin locks, and the
   identity calls (pthread_self, gettid).  Threads only record what they
   see; main prints it after joining them, so the output is the same
   whatever the interleaving.  `make check` compares this library's build
   with glibc's. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

#define NTHREADS 8
#define NINCREMENTS 10000

static void check(const char *what, int ok)
{
	printf("%s: %s\n", what, ok ? "ok" : "FAILED");
}

/* An absolute CLOCK_REALTIME time ms milliseconds from now. */
static struct timespec in_ms(long ms)
{
	struct timespec t;

	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_nsec += ms * 1000000;
	t.tv_sec += t.tv_nsec / 1000000000;
	t.tv_nsec %= 1000000000;
	return t;
}

/* Creation and join. */
static void *times_ten(void *arg)
{
	return (void *)((long)arg * 10);
}

static void check_create_join(void)
{
	pthread_t t[4];
	void *ret;
	long i;

	for (i = 0; i < 4; i++)
		printf("create %ld: %d\n", i, pthread_create(&t[i], NULL, times_ten, (void *)(i + 1)));
	for (i = 3; i >= 0; i--) {
		int r = pthread_join(t[i], &ret);

		printf("join %ld: %d, returned %ld\n", i, r, (long)ret);
	}
	/* 200 threads one after the other: stacks are given back. */
	for (i = 0; i < 200; i++) {
		pthread_t th;

		if (pthread_create(&th, NULL, times_ten, (void *)i) != 0 ||
		    pthread_join(th, &ret) != 0 || (long)ret != i * 10)
			break;
	}
	printf("200 threads in sequence: %ld\n", i);
}

/* pthread_exit from inside nested calls; nothing after it runs. */
static int after_exit;

static void deepest(int depth)
{
	if (depth < 0)
		return;
	if (depth == 0)
		pthread_exit((void *)99L);
	deepest(depth - 1);
	after_exit = 1;
}

static void *nested_exit(void *arg)
{
	(void)arg;
	deepest(5);
	after_exit = 2;
	return (void *)1L;
}

static void check_nested_exit(void)
{
	pthread_t t;
	void *ret = NULL;

	pthread_create(&t, NULL, nested_exit, NULL);
	pthread_join(t, &ret);
	printf("pthread_exit from depth 5: returned %ld, code after it ran: %d\n", (long)ret,
	       after_exit);
}

/* Identity: the pid is shared, the tid is not. */
static pid_t seen_pid, seen_tid;
static pthread_t seen_self;

static void *identity(void *arg)
{
	(void)arg;
	seen_pid = getpid();
	seen_tid = gettid();
	seen_self = pthread_self();
	return NULL;
}

static void check_identity(void)
{
	pthread_t t;

	printf("main: gettid() == getpid(): %d\n", gettid() == getpid());
	pthread_create(&t, NULL, identity, NULL);
	pthread_join(t, NULL);
	printf("thread: getpid() == main's: %d\n", seen_pid == getpid());
	printf("thread: gettid() != getpid(): %d\n", seen_tid != seen_pid);
	printf("thread: tid > 0: %d\n", seen_tid > 0);
	printf("pthread_self() in thread equals handle: %d\n", pthread_equal(seen_self, t) != 0);
	printf("pthread_self() in main differs: %d\n", pthread_equal(pthread_self(), t) == 0);
	printf("join self: %s\n", strerror(pthread_join(pthread_self(), NULL)));
}

/* 8 threads x 10,000 increments under one mutex. */
static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *increment(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < NINCREMENTS; i++) {
		pthread_mutex_lock(&counter_lock);
		counter++;
		pthread_mutex_unlock(&counter_lock);
	}
	return NULL;
}

static void check_mutex_counter(void)
{
	pthread_t t[NTHREADS];
	int i;

	for (i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, increment, NULL);
	for (i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	printf("%d threads x %d increments: %ld\n", NTHREADS, NINCREMENTS, counter);
}

/* Mutex types, each call's result by name. */
static pthread_mutex_t shared_mutex;
static int other_results[3];

/* Another thread's view of a mutex main holds.  Unlocking a NORMAL mutex
   one does not hold is undefined, so that is tried on the others only. */
static void *other_thread_tries(void *arg)
{
	struct timespec t;

	other_results[0] = pthread_mutex_trylock(&shared_mutex);
	if (arg != NULL)
		other_results[1] = pthread_mutex_unlock(&shared_mutex);
	t = in_ms(30);
	other_results[2] = pthread_mutex_timedlock(&shared_mutex, &t);
	return NULL;
}

/* Prints the results of calls made in order, by name. */
static void print_results(const char *what, const char *const names[], const int results[],
                          int n)
{
	int i;

	printf("%s:", what);
	for (i = 0; i < n; i++)
		printf("%s %s %s", i > 0 ? "," : "", names[i],
		       results[i] == 0 ? "0" : strerror(results[i]));
	printf("\n");
}

static void check_mutex_types(void)
{
	static const char *const names[] = { "normal", "recursive", "errorcheck" };
	static const int types[] = { PTHREAD_MUTEX_NORMAL, PTHREAD_MUTEX_RECURSIVE,
	                             PTHREAD_MUTEX_ERRORCHECK };
	pthread_mutexattr_t attr;
	pthread_t t;
	int i, type;

	for (i = 0; i < 3; i++) {
		pthread_mutexattr_init(&attr);
		pthread_mutexattr_settype(&attr, types[i]);
		pthread_mutexattr_gettype(&attr, &type);
		pthread_mutex_init(&shared_mutex, &attr);
		pthread_mutexattr_destroy(&attr);
		printf("%s: type %d", names[i], type);
		printf(", lock %s", strerror(pthread_mutex_lock(&shared_mutex)));
		if (types[i] != PTHREAD_MUTEX_NORMAL)
			printf(", relock %s", strerror(pthread_mutex_lock(&shared_mutex)));
		printf(", trylock %s", strerror(pthread_mutex_trylock(&shared_mutex)));
		printf(", destroy while held %s\n", strerror(pthread_mutex_destroy(&shared_mutex)));
		pthread_create(&t, NULL, other_thread_tries,
		               types[i] == PTHREAD_MUTEX_NORMAL ? NULL : &t);
		pthread_join(t, NULL);
		printf("  other thread: trylock %s, unlock %s, timedlock %s\n",
		       strerror(other_results[0]),
		       types[i] == PTHREAD_MUTEX_NORMAL ? "(not tried)" : strerror(other_results[1]),
		       strerror(other_results[2]));
		if (types[i] == PTHREAD_MUTEX_NORMAL)
			continue;
		printf("  unlocks:");
		while ((type = pthread_mutex_unlock(&shared_mutex)) == 0)
			printf(" ok");
		printf(" then %s\n", strerror(type));
		printf("  destroy %s\n", strerror(pthread_mutex_destroy(&shared_mutex)));
	}
	{
		static const char *const rnames[] = { "lock", "lock", "unlock", "unlock", "unlock" };
		pthread_mutex_t m = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
		pthread_mutex_t e = PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP;
		int r[5];

		r[0] = pthread_mutex_lock(&m);
		r[1] = pthread_mutex_lock(&m);
		r[2] = pthread_mutex_unlock(&m);
		r[3] = pthread_mutex_unlock(&m);
		r[4] = pthread_mutex_unlock(&m);
		print_results("static recursive", rnames, r, 5);
		r[0] = pthread_mutex_lock(&e);
		r[1] = pthread_mutex_lock(&e);
		r[2] = pthread_mutex_unlock(&e);
		r[3] = pthread_mutex_unlock(&e);
		print_results("static errorcheck", rnames, r, 4);
	}
	pthread_mutexattr_init(&attr);
	printf("settype 99: %s\n", strerror(pthread_mutexattr_settype(&attr, 99)));
	pthread_mutexattr_destroy(&attr);
}

/* Robust mutexes: the owner dies holding them. */
static pthread_mutex_t robust;
static sem_t robust_locked;
static int waiter_result;

static void *lock_and_die(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&robust);
	sem_post(&robust_locked);
	usleep(30000);
	return NULL;                    /* exits still holding it */
}

static void *robust_waiter(void *arg)
{
	(void)arg;
	waiter_result = pthread_mutex_lock(&robust);
	if (waiter_result == EOWNERDEAD) {
		pthread_mutex_consistent(&robust);
		pthread_mutex_unlock(&robust);
	}
	return NULL;
}

static void check_robust(void)
{
	pthread_mutexattr_t attr;
	pthread_t t, w;
	void *head;
	size_t len;
	int r;

	/* qemu-user cannot follow a dead thread's robust list (it answers
	   ENOSYS), and a locker would then wait for ever. */
	if (syscall(SYS_get_robust_list, 0, &head, &len) != 0) {
		printf("robust mutexes: skipped, get_robust_list: %s\n", strerror(errno));
		return;
	}
	pthread_mutexattr_init(&attr);
	pthread_mutexattr_getrobust(&attr, &r);
	printf("robust default: %d\n", r);
	pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
	pthread_mutexattr_getrobust(&attr, &r);
	printf("robust set: %d\n", r);
	pthread_mutex_init(&robust, &attr);
	sem_init(&robust_locked, 0, 0);

	/* The owner dies; the next locker hears of it, repairs, goes on. */
	pthread_create(&t, NULL, lock_and_die, NULL);
	sem_wait(&robust_locked);
	pthread_join(t, NULL);
	r = pthread_mutex_lock(&robust);
	printf("lock after owner died: %s\n", strerror(r));
	printf("consistent: %d\n", pthread_mutex_consistent(&robust));
	printf("consistent again: %s\n", strerror(pthread_mutex_consistent(&robust)));
	printf("unlock: %d", pthread_mutex_unlock(&robust));
	printf(", lock: %d", pthread_mutex_lock(&robust));
	printf(", unlock: %d\n", pthread_mutex_unlock(&robust));

	/* A thread asleep in pthread_mutex_lock is woken by the kernel. */
	pthread_create(&t, NULL, lock_and_die, NULL);
	sem_wait(&robust_locked);
	pthread_create(&w, NULL, robust_waiter, NULL);
	pthread_join(t, NULL);
	pthread_join(w, NULL);
	printf("waiter when owner died: %s\n", strerror(waiter_result));
	printf("trylock after repair: %d", pthread_mutex_trylock(&robust));
	printf(", unlock %d\n", pthread_mutex_unlock(&robust));

	/* Not made consistent: unusable for ever. */
	pthread_create(&t, NULL, lock_and_die, NULL);
	sem_wait(&robust_locked);
	pthread_join(t, NULL);
	printf("lock: %s\n", strerror(pthread_mutex_lock(&robust)));
	printf("unlock without consistent: %d\n", pthread_mutex_unlock(&robust));
	printf("lock: %s\n", strerror(pthread_mutex_lock(&robust)));
	printf("trylock: %s\n", strerror(pthread_mutex_trylock(&robust)));

	/* A robust errorcheck mutex still checks. */
	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&robust, &attr);
	{
		static const char *const rnames[] = { "lock", "relock", "unlock", "unlock" };
		int res[4];

		res[0] = pthread_mutex_lock(&robust);
		res[1] = pthread_mutex_lock(&robust);
		res[2] = pthread_mutex_unlock(&robust);
		res[3] = pthread_mutex_unlock(&robust);
		print_results("robust errorcheck", rnames, res, 4);
	}
	pthread_mutexattr_destroy(&attr);
	sem_destroy(&robust_locked);
}

/* Condition variables: a bounded buffer, 2 producers and 2 consumers. */
#define BUFFER 4
#define ITEMS 2000

static pthread_mutex_t buf_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static int buffer[BUFFER], buf_count, buf_in, buf_out, producers_left = 2;
static long consumed_sum[2], consumed_count[2];

static void *producer(void *arg)
{
	long base = (long)arg;
	int i;

	for (i = 1; i <= ITEMS; i++) {
		pthread_mutex_lock(&buf_lock);
		while (buf_count == BUFFER)
			pthread_cond_wait(&not_full, &buf_lock);
		buffer[buf_in] = (int)(base + i);
		buf_in = (buf_in + 1) % BUFFER;
		buf_count++;
		pthread_cond_signal(&not_empty);
		pthread_mutex_unlock(&buf_lock);
	}
	pthread_mutex_lock(&buf_lock);
	producers_left--;
	pthread_cond_broadcast(&not_empty);
	pthread_mutex_unlock(&buf_lock);
	return NULL;
}

static void *consumer(void *arg)
{
	long me = (long)arg;

	for (;;) {
		pthread_mutex_lock(&buf_lock);
		while (buf_count == 0 && producers_left > 0)
			pthread_cond_wait(&not_empty, &buf_lock);
		if (buf_count == 0) {
			pthread_mutex_unlock(&buf_lock);
			return NULL;
		}
		consumed_sum[me] += buffer[buf_out];
		consumed_count[me]++;
		buf_out = (buf_out + 1) % BUFFER;
		buf_count--;
		pthread_cond_signal(&not_full);
		pthread_mutex_unlock(&buf_lock);
	}
}

static pthread_mutex_t gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate = PTHREAD_COND_INITIALIZER;
static int gate_open, gate_waiting, gate_passed;

static void *wait_at_gate(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&gate_lock);
	gate_waiting++;
	while (!gate_open)
		pthread_cond_wait(&gate, &gate_lock);
	gate_passed++;
	pthread_mutex_unlock(&gate_lock);
	return NULL;
}

static void check_cond(void)
{
	pthread_t p[2], c[2], g[5];
	pthread_condattr_t attr;
	pthread_cond_t cond;
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	struct timespec t;
	clockid_t clock;
	long expected = 0;
	int i, r;

	for (i = 0; i < 2; i++) {
		pthread_create(&c[i], NULL, consumer, (void *)(long)i);
		pthread_create(&p[i], NULL, producer, (void *)(long)(i * 100000));
	}
	for (i = 0; i < 2; i++) {
		pthread_join(p[i], NULL);
		pthread_join(c[i], NULL);
	}
	for (i = 1; i <= ITEMS; i++)
		expected += i + (i + 100000);
	printf("producer/consumer: %ld items, sum %s\n", consumed_count[0] + consumed_count[1],
	       consumed_sum[0] + consumed_sum[1] == expected ? "right" : "WRONG");

	/* Broadcast wakes every waiter; destroy right after is safe. */
	for (i = 0; i < 5; i++)
		pthread_create(&g[i], NULL, wait_at_gate, NULL);
	for (;;) {
		pthread_mutex_lock(&gate_lock);
		r = gate_waiting;
		pthread_mutex_unlock(&gate_lock);
		if (r == 5)
			break;
		usleep(1000);
	}
	pthread_mutex_lock(&gate_lock);
	gate_open = 1;
	pthread_cond_broadcast(&gate);
	pthread_mutex_unlock(&gate_lock);
	printf("destroy after broadcast: %d\n", pthread_cond_destroy(&gate));
	for (i = 0; i < 5; i++)
		pthread_join(g[i], NULL);
	printf("passed the gate: %d\n", gate_passed);

	/* Timed waits: nobody signals. */
	pthread_cond_init(&cond, NULL);
	pthread_mutex_lock(&m);
	t = in_ms(20);
	printf("timedwait, no signal: %s\n", strerror(pthread_cond_timedwait(&cond, &m, &t)));
	t.tv_nsec = 1000000000;
	printf("timedwait, bad nsec: %s\n", strerror(pthread_cond_timedwait(&cond, &m, &t)));
	t.tv_sec = 0;
	t.tv_nsec = 0;
	printf("timedwait, in the past: %s\n", strerror(pthread_cond_timedwait(&cond, &m, &t)));
	printf("mutex still held after timeout: %s\n", strerror(pthread_mutex_trylock(&m)));
	pthread_mutex_unlock(&m);
	pthread_cond_destroy(&cond);

	pthread_condattr_init(&attr);
	pthread_condattr_getclock(&attr, &clock);
	printf("condattr clock default: %d\n", (int)clock);
	printf("setclock cputime: %s\n",
	       strerror(pthread_condattr_setclock(&attr, CLOCK_PROCESS_CPUTIME_ID)));
	printf("setclock monotonic: %d\n", pthread_condattr_setclock(&attr, CLOCK_MONOTONIC));
	pthread_condattr_getclock(&attr, &clock);
	printf("condattr clock now: %d\n", (int)clock);
	pthread_cond_init(&cond, &attr);
	clock_gettime(CLOCK_MONOTONIC, &t);
	t.tv_nsec += 20000000;
	if (t.tv_nsec >= 1000000000) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&m);
	printf("monotonic timedwait: %s\n", strerror(pthread_cond_timedwait(&cond, &m, &t)));
	pthread_mutex_unlock(&m);
	pthread_cond_destroy(&cond);
	pthread_condattr_destroy(&attr);
}

/* pthread_once: one run however many threads race for it. */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_runs;

static void init_once(void)
{
	usleep(10000);
	once_runs++;
}

static void *call_once(void *arg)
{
	(void)arg;
	pthread_once(&once, init_once);
	return (void *)(long)once_runs;
}

static void check_once(void)
{
	pthread_t t[NTHREADS];
	int i, all_saw_one = 1;
	void *ret;

	for (i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, call_once, NULL);
	for (i = 0; i < NTHREADS; i++) {
		pthread_join(t[i], &ret);
		all_saw_one &= (long)ret == 1;
	}
	pthread_once(&once, init_once);
	printf("pthread_once: ran %d time(s), every caller saw it done: %d\n", once_runs,
	       all_saw_one);
}

/* Thread-specific data and destructors. */
static pthread_key_t key, key2;
static int destructor_calls;
static long destructor_sum;
static pthread_mutex_t destructor_lock = PTHREAD_MUTEX_INITIALIZER;

static void destroy_value(void *value)
{
	pthread_mutex_lock(&destructor_lock);
	destructor_calls++;
	destructor_sum += (long)value;
	pthread_mutex_unlock(&destructor_lock);
}

/* Stores a new value the first two times: POSIX runs more rounds. */
static void destroy_and_renew(void *value)
{
	destroy_value(value);
	if ((long)value < 1002)
		pthread_setspecific(key2, (void *)((long)value + 1));
}

static void *use_keys(void *arg)
{
	long n = (long)arg;
	int same;

	same = pthread_getspecific(key) == NULL;
	pthread_setspecific(key, (void *)n);
	pthread_setspecific(key2, (void *)1000L);
	same &= pthread_getspecific(key) == (void *)n;
	return (void *)(long)same;
}

static pthread_key_t many[40];

static void *use_last_key(void *arg)
{
	(void)arg;
	pthread_setspecific(many[39], (void *)500L);
	pthread_setspecific(many[38], NULL);
	return (void *)(long)(pthread_getspecific(many[39]) == (void *)500L &&
	                      pthread_getspecific(many[38]) == NULL);
}

static void check_keys(void)
{
	pthread_t t[4];
	void *ret;
	int i, ok = 1;

	printf("key_create: %d", pthread_key_create(&key, destroy_value));
	printf(" %d\n", pthread_key_create(&key2, destroy_and_renew));
	pthread_setspecific(key, (void *)7L);
	for (i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, use_keys, (void *)(long)(i + 1));
	for (i = 0; i < 4; i++) {
		pthread_join(t[i], &ret);
		ok &= (long)ret == 1;
	}
	printf("threads saw only their own values: %d\n", ok);
	printf("main's value kept: %ld\n", (long)pthread_getspecific(key));
	printf("destructor calls: %d, sum of values: %ld\n", destructor_calls, destructor_sum);
	printf("key_delete: %d", pthread_key_delete(key));
	printf(", again: %s\n", strerror(pthread_key_delete(key)));
	printf("getspecific after delete: %p\n", pthread_getspecific(key));
	printf("setspecific after delete: %s\n", strerror(pthread_setspecific(key, (void *)1L)));
	pthread_key_create(&key, NULL);
	printf("new key, old value not seen: %d\n", pthread_getspecific(key) == NULL);
	pthread_key_delete(key);
	pthread_key_delete(key2);

	/* Keys past the first 32 live in blocks allocated on demand. */
	for (i = 0; i < 40; i++)
		if (pthread_key_create(&many[i], i == 39 ? destroy_value : NULL) != 0)
			break;
	printf("40 more keys: %d\n", i);
	destructor_calls = 0;
	destructor_sum = 0;
	pthread_create(&t[0], NULL, use_last_key, NULL);
	pthread_join(t[0], &ret);
	printf("key 40: thread read back its value %d, destructor calls %d, sum %ld\n",
	       (int)(long)ret, destructor_calls, destructor_sum);
	for (i = 0; i < 40; i++)
		pthread_key_delete(many[i]);
	{
		pthread_key_t k;
		int n = 0;

		while (pthread_key_create(&k, NULL) == 0)
			n++;
		printf("keys until EAGAIN: at most PTHREAD_KEYS_MAX (%d): %d\n", PTHREAD_KEYS_MAX,
		       n <= PTHREAD_KEYS_MAX && n > PTHREAD_KEYS_MAX - 16);
	}
}

/* Semaphores. */
static sem_t items;

static void *post_five(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < 5; i++) {
		usleep(1000);
		sem_post(&items);
	}
	return NULL;
}

static void check_semaphores(void)
{
	struct timespec t;
	pthread_t th;
	int i, value, r;

	printf("sem_init: %d\n", sem_init(&items, 0, 0));
	pthread_create(&th, NULL, post_five, NULL);
	for (i = 0; i < 5; i++)
		sem_wait(&items);
	pthread_join(th, NULL);
	sem_getvalue(&items, &value);
	printf("waited for 5 posts, value now %d\n", value);
	errno = 0;
	r = sem_trywait(&items);
	printf("trywait at 0: %d %s\n", r, strerror(errno));
	sem_post(&items);
	sem_post(&items);
	sem_getvalue(&items, &value);
	printf("after 2 posts: %d", value);
	printf(", trywait %d\n", sem_trywait(&items));
	t = in_ms(20);
	printf("timedwait with one left: %d\n", sem_timedwait(&items, &t));
	errno = 0;
	r = sem_timedwait(&items, &t);
	printf("timedwait at 0: %d %s\n", r, strerror(errno));
	t.tv_nsec = -1;
	errno = 0;
	r = sem_timedwait(&items, &t);
	printf("timedwait bad nsec: %d %s\n", r, strerror(errno));
	errno = 0;
	r = sem_init(&items, 0, (unsigned int)SEM_VALUE_MAX + 1);
	printf("sem_init above SEM_VALUE_MAX: %d %s\n", r, strerror(errno));
	sem_init(&items, 0, SEM_VALUE_MAX);
	errno = 0;
	r = sem_post(&items);
	printf("post at SEM_VALUE_MAX: %d %s\n", r, strerror(errno));
	printf("sem_destroy: %d\n", sem_destroy(&items));
}

/* Detached threads. */
static sem_t detached_done;

static void *detached_worker(void *arg)
{
	(void)arg;
	sem_post(&detached_done);
	return NULL;
}

static void *sleepy(void *arg)
{
	usleep(20000);
	return arg;
}

static void check_detached(void)
{
	pthread_attr_t attr;
	pthread_t t;
	int i, state;
	void *ret;

	sem_init(&detached_done, 0, 0);
	pthread_attr_init(&attr);
	pthread_attr_getdetachstate(&attr, &state);
	printf("detachstate default: %d\n", state);
	printf("setdetachstate 5: %s\n", strerror(pthread_attr_setdetachstate(&attr, 5)));
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_getdetachstate(&attr, &state);
	printf("detachstate set: %d\n", state);
	for (i = 0; i < 50; i++) {
		if (pthread_create(&t, &attr, detached_worker, NULL) != 0)
			break;
		sem_wait(&detached_done);
	}
	printf("50 detached threads: %d\n", i);
	pthread_create(&t, &attr, sleepy, NULL);
	printf("join a detached thread: %s\n", strerror(pthread_join(t, NULL)));
	printf("detach it again: %s\n", strerror(pthread_detach(t)));
	pthread_attr_destroy(&attr);

	/* Detached after it was created, before and after it ended. */
	pthread_create(&t, NULL, sleepy, NULL);
	printf("detach a running thread: %d\n", pthread_detach(t));
	pthread_create(&t, NULL, detached_worker, NULL);
	sem_wait(&detached_done);
	usleep(20000);
	printf("detach an ended thread: %d\n", pthread_detach(t));

	/* The GNU joins. */
	pthread_create(&t, NULL, sleepy, (void *)5L);
	printf("tryjoin while it runs: %s\n", strerror(pthread_tryjoin_np(t, &ret)));
	{
		struct timespec when = in_ms(1);

		printf("timedjoin too soon: %s\n", strerror(pthread_timedjoin_np(t, &ret, &when)));
	}
	i = pthread_join(t, &ret);
	printf("join after all: %d, returned %ld\n", i, (long)ret);
	usleep(30000);
	sem_destroy(&detached_done);
}

/* Thread attributes: stack size and guard, a stack of our own. */
static int recurse(int n)
{
	volatile char pad[256];

	pad[0] = (char)n;
	return n == 0 ? 0 : 1 + recurse(n - 1) + pad[0] * 0;
}

static void *use_stack(void *arg)
{
	return (void *)(long)recurse((int)(long)arg);
}

static void check_attributes(void)
{
	pthread_attr_t attr;
	pthread_t t;
	size_t size;
	void *ret, *addr;
	char *stack;
	int scope;

	pthread_attr_init(&attr);
	pthread_attr_getstacksize(&attr, &size);
	printf("default stack size: %zu\n", size);
	pthread_attr_getguardsize(&attr, &size);
	printf("default guard size: %zu\n", size);
	printf("stacksize below PTHREAD_STACK_MIN: %s\n",
	       strerror(pthread_attr_setstacksize(&attr, PTHREAD_STACK_MIN - 1)));
	printf("stacksize 64 KiB: %d\n", pthread_attr_setstacksize(&attr, 65536));
	pthread_attr_getstacksize(&attr, &size);
	printf("stack size now: %zu\n", size);
	pthread_create(&t, &attr, use_stack, (void *)100L);
	pthread_join(t, &ret);
	printf("100 frames on a 64 KiB stack: %ld\n", (long)ret);
	pthread_attr_setguardsize(&attr, 0);
	pthread_create(&t, &attr, use_stack, (void *)50L);
	pthread_join(t, &ret);
	printf("no guard page: %ld\n", (long)ret);
	pthread_attr_getscope(&attr, &scope);
	printf("scope: %d, process scope: %s\n", scope,
	       strerror(pthread_attr_setscope(&attr, PTHREAD_SCOPE_PROCESS)));
	pthread_attr_destroy(&attr);

	stack = malloc(256 * 1024);
	pthread_attr_init(&attr);
	pthread_attr_setstack(&attr, stack, 256 * 1024);
	pthread_attr_getstack(&attr, &addr, &size);
	printf("setstack: address kept %d, size %zu\n", addr == stack, size);
	pthread_create(&t, &attr, use_stack, (void *)200L);
	pthread_join(t, &ret);
	printf("on our own stack: %ld\n", (long)ret);
	pthread_attr_destroy(&attr);
	free(stack);
}

/* Barriers, read-write locks, spin locks. */
static pthread_barrier_t barrier;
static int serial_count, round_errors, round_value[3];
static pthread_mutex_t barrier_lock = PTHREAD_MUTEX_INITIALIZER;

static void *barrier_worker(void *arg)
{
	int round;

	(void)arg;
	for (round = 0; round < 3; round++) {
		pthread_mutex_lock(&barrier_lock);
		round_value[round]++;
		pthread_mutex_unlock(&barrier_lock);
		if (pthread_barrier_wait(&barrier) == PTHREAD_BARRIER_SERIAL_THREAD) {
			pthread_mutex_lock(&barrier_lock);
			serial_count++;
			pthread_mutex_unlock(&barrier_lock);
		}
		pthread_mutex_lock(&barrier_lock);
		if (round_value[round] != 4)
			round_errors++;
		pthread_mutex_unlock(&barrier_lock);
		pthread_barrier_wait(&barrier);
	}
	return NULL;
}

static pthread_rwlock_t rwlock = PTHREAD_RWLOCK_INITIALIZER;
static long rw_value, rw_torn;

static void *rw_writer(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < 2000; i++) {
		pthread_rwlock_wrlock(&rwlock);
		rw_value++;
		rw_value++;
		pthread_rwlock_unlock(&rwlock);
	}
	return NULL;
}

static void *rw_reader(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < 2000; i++) {
		pthread_rwlock_rdlock(&rwlock);
		if (rw_value % 2 != 0)
			rw_torn++;
		pthread_rwlock_unlock(&rwlock);
	}
	return NULL;
}

static pthread_spinlock_t spin;
static long spin_counter;

static void *spin_worker(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < NINCREMENTS; i++) {
		pthread_spin_lock(&spin);
		spin_counter++;
		pthread_spin_unlock(&spin);
	}
	return NULL;
}

static void check_other_locks(void)
{
	pthread_t t[4];
	int i;

	printf("barrier count 0: %s\n", strerror(pthread_barrier_init(&barrier, NULL, 0)));
	pthread_barrier_init(&barrier, NULL, 4);
	for (i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, barrier_worker, NULL);
	for (i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	printf("barrier: 3 rounds, serial threads %d, early leavers %d\n", serial_count,
	       round_errors);
	printf("barrier destroy: %d\n", pthread_barrier_destroy(&barrier));

	for (i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, i < 2 ? rw_writer : rw_reader, NULL);
	for (i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	printf("rwlock: value %ld, torn reads %ld\n", rw_value, rw_torn);
	{
		static const char *const rnames[] = { "rdlock", "rdlock", "trywrlock", "unlock",
		                                      "unlock" };
		static const char *const wnames[] = { "wrlock", "tryrdlock", "wrlock", "unlock" };
		int r[5];

		r[0] = pthread_rwlock_rdlock(&rwlock);
		r[1] = pthread_rwlock_rdlock(&rwlock);
		r[2] = pthread_rwlock_trywrlock(&rwlock);
		r[3] = pthread_rwlock_unlock(&rwlock);
		r[4] = pthread_rwlock_unlock(&rwlock);
		print_results("rwlock reading", rnames, r, 5);
		r[0] = pthread_rwlock_wrlock(&rwlock);
		r[1] = pthread_rwlock_tryrdlock(&rwlock);
		r[2] = pthread_rwlock_wrlock(&rwlock);
		r[3] = pthread_rwlock_unlock(&rwlock);
		print_results("rwlock writing", wnames, r, 4);
	}

	pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE);
	for (i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, spin_worker, NULL);
	for (i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	printf("spin lock: 4 x %d increments: %ld\n", NINCREMENTS, spin_counter);
	printf("spin trylock: %d", pthread_spin_trylock(&spin));
	printf(", again %s\n", strerror(pthread_spin_trylock(&spin)));
	pthread_spin_unlock(&spin);
	pthread_spin_destroy(&spin);
}

int main(void)
{
	check("start", 1);
	check_create_join();
	check_nested_exit();
	check_identity();
	check_mutex_counter();
	check_mutex_types();
	check_robust();
	check_cond();
	check_once();
	check_keys();
	check_semaphores();
	check_detached();
	check_attributes();
	check_other_locks();
	return 0;
}
