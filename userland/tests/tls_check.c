/* tls_check: thread-local storage and the raw clone(2) wrapper.  __thread
   variables with and without initial values, aligned ones, a large
   zero-filled one; each thread starting from the program's initial values
   and changing only its own copy; errno per thread; the i386 layout gcc's
   code and glibc rely on (%gs:0 holds the thread pointer itself, the TLS
   block lies below it at the same offset in every thread); and clone()
   with and without CLONE_VM.  Prints what it sees, never an address or a
   tid; `make check` compares this library's build with glibc's. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

#ifndef SIGCHLD
#define SIGCHLD 17
#endif

__thread int tls_init = 42;
__thread int tls_zero;
__thread char tls_text[16] = "initial";
__thread long long tls_wide = 0x1122334455667788LL;
__thread int tls_aligned __attribute__((__aligned__(64))) = 7;
__thread char tls_array[5000];
static __thread int tls_static = -5;

/* The thread pointer, as gcc's TLS code reads it. */
static char *thread_pointer(void)
{
	char *tp;

	__asm__("movl %%gs:0, %0" : "=r"(tp));
	return tp;
}

static long main_offset;                /* thread pointer - &tls_init in main */

struct report {
	int saw_initial;                /* every variable had its initial value */
	int kept_own;                   /* after changing them and sleeping, still ours */
	int aligned;                    /* &tls_aligned % 64 == 0 */
	int below_tp;                   /* %gs:0 points to itself, the block lies below */
	int same_offset;                /* at the same offset as in main */
	int own_errno;                  /* &errno differs from main's */
	int errno_kept;                 /* a value set in errno survives other threads' */
	int nested_ok;                  /* a thread made by this thread saw initial values */
};

static int *main_errno;
static struct report reports[4];

static int initial_values(void)
{
	size_t i;
	int zero = 1;

	for (i = 0; i < sizeof tls_array; i++)
		zero &= tls_array[i] == 0;
	return tls_init == 42 && tls_zero == 0 && strcmp(tls_text, "initial") == 0 &&
	       tls_wide == 0x1122334455667788LL && tls_aligned == 7 && tls_static == -5 && zero;
}

static void *nested(void *arg)
{
	(void)arg;
	return (void *)(long)initial_values();
}

static void *worker(void *arg)
{
	long n = (long)arg;
	struct report *r = &reports[n];
	pthread_t t;
	void *ret;

	r->saw_initial = initial_values();
	r->aligned = ((uintptr_t)&tls_aligned & 63) == 0;
	r->below_tp = *(char **)thread_pointer() == thread_pointer() &&
	              (char *)&tls_init < thread_pointer() &&
	              (char *)(tls_array + sizeof tls_array) <= thread_pointer();
	r->same_offset = thread_pointer() - (char *)&tls_init == main_offset;
	r->own_errno = &errno != main_errno;

	tls_init = (int)n;
	tls_zero = (int)n * 2;
	snprintf(tls_text, sizeof tls_text, "thread %ld", n);
	tls_wide = n;
	tls_static = (int)n;
	tls_array[4999] = (char)n;
	errno = 1000 + (int)n;
	usleep(5000);
	r->errno_kept = errno == 1000 + n;
	close(-1);
	r->errno_kept &= errno == EBADF;

	pthread_create(&t, NULL, nested, NULL);
	pthread_join(t, &ret);
	r->nested_ok = (long)ret == 1;

	usleep(5000);
	r->kept_own = tls_init == n && tls_zero == n * 2 && tls_wide == n && tls_static == n &&
	              tls_array[4999] == n;
	{
		char expected[16];

		snprintf(expected, sizeof expected, "thread %ld", n);
		r->kept_own &= strcmp(tls_text, expected) == 0;
	}
	return NULL;
}

static void check_tls(void)
{
	pthread_t t[4];
	long i;

	printf("main: initial values: %d\n", initial_values());
	printf("main: %%gs:0 holds its own address (the TCB's self-pointer): %d\n",
	       *(char **)thread_pointer() == thread_pointer());
	printf("main: the TLS block lies below the thread pointer: %d\n",
	       (char *)&tls_init < thread_pointer());
	printf("main: aligned __thread variable: %d\n", ((uintptr_t)&tls_aligned & 63) == 0);
	main_offset = thread_pointer() - (char *)&tls_init;
	main_errno = &errno;

	tls_init = 1;
	tls_zero = 2;
	strcpy(tls_text, "main");
	tls_static = 3;
	errno = 77;
	for (i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	for (i = 0; i < 4; i++) {
		struct report *r = &reports[i];

		printf("thread %ld: initial %d, kept own %d, aligned %d, below tp %d, same offset %d, "
		       "own errno %d, errno kept %d, nested thread saw initial %d\n", i,
		       r->saw_initial, r->kept_own, r->aligned, r->below_tp, r->same_offset,
		       r->own_errno, r->errno_kept, r->nested_ok);
	}
	printf("main after: tls_init %d, tls_zero %d, tls_text %s, tls_static %d, errno %d\n",
	       tls_init, tls_zero, tls_text, tls_static, errno);
}

/* clone(2) by hand. */
static int shared_value;

static int clone_child(void *arg)
{
	shared_value = (int)(long)arg;
	return 5;
}

static void check_clone(void)
{
	size_t size = 64 * 1024;
	char *stack = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int status = 0, r;
	pid_t pid;

	fflush(stdout);
	pid = clone(clone_child, stack + size, CLONE_VM | SIGCHLD, (void *)42L);
	r = waitpid(pid, &status, 0) == pid;
	printf("clone CLONE_VM: waited %d, exit status %d, value seen by parent %d\n", r,
	       WEXITSTATUS(status), shared_value);

	pid = clone(clone_child, stack + size, SIGCHLD, (void *)43L);
	r = waitpid(pid, &status, 0) == pid;
	printf("clone without CLONE_VM: waited %d, exit status %d, value seen by parent %d\n", r,
	       WEXITSTATUS(status), shared_value);

	errno = 0;
	r = clone(NULL, stack + size, CLONE_VM | SIGCHLD, NULL);
	printf("clone without fn: %d %s\n", r, strerror(errno));
	errno = 0;
	r = clone(clone_child, NULL, CLONE_VM | SIGCHLD, NULL);
	printf("clone without stack: %d %s\n", r, strerror(errno));
	munmap(stack, size);
}

int main(void)
{
	check_tls();
	check_clone();
	return 0;
}
