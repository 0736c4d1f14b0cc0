/* thread_stdio_check: stdio and malloc shared by threads.  Several threads
   printf to one stream at once and every line still comes out whole (each
   stream has a lock); flockfile keeps a line built from several calls
   together; many threads allocate and free at once; and a process forks
   while other threads hold the malloc and stdio locks, and the child can
   still use both.  The printing happens in child processes whose stdout
   is a pipe this program reads back and checks, so what it prints itself
   does not depend on the interleaving.  `make check` compares this
   library's build with glibc's. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define WRITERS 4
#define LINES 300

static FILE *out;                       /* the stream the writers share */

static void *write_lines(void *arg)
{
	long n = (long)arg;
	int i;

	for (i = 0; i < LINES; i++) {
		if (n == 0) {
			/* One line from three calls, held together. */
			flockfile(out);
			fprintf(out, "writer %ld ", n);
			fprintf(out, "line %03d ", i);
			fprintf(out, "%s\n", "pieces-held-together-by-flockfile");
			funlockfile(out);
		} else {
			fprintf(out, "writer %ld line %03d %s\n", n, i,
			        "a-line-long-enough-to-cross-buffer-boundaries-now-and-then");
		}
		if (i % 50 == 0)
			sched_yield();
	}
	return NULL;
}

/* In a child with stdout on a pipe: WRITERS threads print LINES lines each
   through stdout (full buffering), or stderr (unbuffered) if use_stderr. */
static void writer_child(int fd, int use_stderr)
{
	pthread_t t[WRITERS];
	long i;

	dup2(fd, use_stderr ? 2 : 1);
	out = use_stderr ? stderr : stdout;
	for (i = 0; i < WRITERS; i++)
		pthread_create(&t[i], NULL, write_lines, (void *)i);
	for (i = 0; i < WRITERS; i++)
		pthread_join(t[i], NULL);
	exit(0);
}

static char output[WRITERS * LINES * 100 + 1];

/* "writer N line III ...": N and III, or -1. */
static int parse_line(const char *line, long *n, int *i)
{
	char *end;

	if (strncmp(line, "writer ", 7) != 0)
		return -1;
	*n = strtol(line + 7, &end, 10);
	if (strncmp(end, " line ", 6) != 0)
		return -1;
	*i = (int)strtol(end + 6, &end, 10);
	return *end == ' ' ? 0 : -1;
}

/* Reads the child's output and checks it line by line. */
static void check_lines(const char *how, int use_stderr)
{
	int count[WRITERS] = { 0 }, next[WRITERS] = { 0 };
	int pipefd[2], status, malformed = 0, out_of_order = 0;
	size_t len = 0;
	ssize_t r;
	char *line, *end;
	pid_t pid;

	pipe(pipefd);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		close(pipefd[0]);
		writer_child(pipefd[1], use_stderr);
	}
	close(pipefd[1]);
	while (len < sizeof output - 1 &&
	       (r = read(pipefd[0], output + len, sizeof output - 1 - len)) > 0)
		len += (size_t)r;
	output[len] = '\0';
	close(pipefd[0]);
	waitpid(pid, &status, 0);

	for (line = output; *line != '\0'; line = end + 1) {
		char expected[128];
		long n;
		int i;

		end = strchr(line, '\n');
		if (end == NULL)
			break;
		*end = '\0';
		if (parse_line(line, &n, &i) != 0 || n < 0 || n >= WRITERS) {
			malformed++;
			continue;
		}
		if (n == 0)
			snprintf(expected, sizeof expected, "writer 0 line %03d %s", i,
			         "pieces-held-together-by-flockfile");
		else
			snprintf(expected, sizeof expected, "writer %ld line %03d %s", n, i,
			         "a-line-long-enough-to-cross-buffer-boundaries-now-and-then");
		if (strcmp(line, expected) != 0) {
			malformed++;
			continue;
		}
		if (i != next[n])
			out_of_order++;
		next[n] = i + 1;
		count[n]++;
	}
	printf("%s: child exit %d, lines per writer %d %d %d %d, malformed %d, out of order %d\n",
	       how, WEXITSTATUS(status), count[0], count[1], count[2], count[3], malformed,
	       out_of_order);
}

/* A small generator of our own, so both builds draw the same numbers
   without sharing rand()'s state between threads. */
static unsigned int next_random(unsigned int *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 8;
}

/* Threads allocating and freeing at once: each fills its blocks with its
   own byte and checks it is still there when it frees them. */
static void *allocate(void *arg)
{
	long n = (long)arg;
	unsigned int seed = (unsigned int)n + 1;
	char *blocks[64] = { 0 };
	size_t sizes[64] = { 0 };
	long bad = 0;
	int i, k;
	size_t j;

	for (i = 0; i < 5000; i++) {
		k = (int)(next_random(&seed) % 64);
		if (blocks[k] != NULL) {
			for (j = 0; j < sizes[k]; j++)
				bad += blocks[k][j] != (char)(n * 64 + k);
			free(blocks[k]);
		}
		sizes[k] = 1 + next_random(&seed) % (i % 500 == 0 ? 200000 : 2000);
		blocks[k] = malloc(sizes[k]);
		if (blocks[k] == NULL)
			return (void *)-1L;
		memset(blocks[k], (char)(n * 64 + k), sizes[k]);
	}
	for (k = 0; k < 64; k++)
		free(blocks[k]);
	return (void *)bad;
}

static void check_malloc(void)
{
	pthread_t t[4];
	long total = 0;
	void *ret;
	int i;

	for (i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, allocate, (void *)(long)i);
	for (i = 0; i < 4; i++) {
		pthread_join(t[i], &ret);
		total += (long)ret;
	}
	printf("4 threads x 5000 malloc/free: corrupted bytes %ld\n", total);
}

/* A thread that keeps taking the malloc lock and stderr's lock while main
   forks: the children must find both usable. */
static volatile int stop_busy;

static void *busy(void *arg)
{
	unsigned int seed = 7;

	(void)arg;
	while (!stop_busy) {
		void *p = malloc(1 + next_random(&seed) % 5000);

		fprintf(stderr, "%s", "");
		free(p);
	}
	return NULL;
}

static void check_fork(void)
{
	pthread_t t;
	int i, ok = 0, status;
	pid_t pid;

	pthread_create(&t, NULL, busy, NULL);
	for (i = 0; i < 30; i++) {
		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			void *p;

			alarm(10);
			p = malloc(3000);
			fprintf(stderr, "%s", "");
			free(p);
			_exit(0);
		}
		if (waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0)
			ok++;
	}
	stop_busy = 1;
	pthread_join(t, NULL);
	printf("fork while another thread uses malloc and stdio: %d of 30 children fine\n", ok);
}

int main(void)
{
	check_lines("stdout, fully buffered", 0);
	check_lines("stderr, unbuffered", 1);
	check_malloc();
	check_fork();
	return 0;
}
