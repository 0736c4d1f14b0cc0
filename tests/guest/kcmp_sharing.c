/*
 * kcmp_sharing.c - kcmp(2) (kernel/kcmp.c): the kernel's own answer to
 * "do these two tasks use the same object?", for each way of making a task:
 *
 *   a thread (pthread_create): same mm, fs, files and sighand
 *   a child (fork): a copy of each; its descriptors still name the same
 *     open files (KCMP_FILE), a file opened afresh is another one
 *   clone(CLONE_FILES | SIGCHLD): shares the descriptor table only
 *   clone(CLONE_VM | CLONE_FS | SIGCHLD): shares memory and fs only
 *   a thread after unshare(CLONE_FILES): its own table, the same memory
 *   a zombie (exited, not reaped): no mm any more, so not the parent's
 *
 * and the errors: an unknown pid (ESRCH), an unknown type (EINVAL), a
 * closed descriptor (EBADF). Different objects compare as 1 or 2 in some
 * order the kernel keeps secret; only "same" and "different" are printed,
 * and that the order is consistent (a<b exactly when b>a).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/kcmp.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "errno_name.h"

static const char *const type_name[] = {"file", "vm", "files", "fs", "sighand", "io", "sysvsem"};
static char stack[65536] __attribute__((aligned(16)));
static int go[2];

static long kcmp(pid_t a, pid_t b, int type, unsigned long i1, unsigned long i2)
{
	return syscall(SYS_kcmp, a, b, type, i1, i2);
}

static const char *same(pid_t a, pid_t b, int type)
{
	long r = kcmp(a, b, type, 0, 0);

	if (r < 0)
		return errno_name(errno);
	return r == 0 ? "same" : "different";
}

static void show(const char *what, pid_t a, pid_t b)
{
	int t;

	printf("%-34s", what);
	for (t = KCMP_VM; t <= KCMP_SIGHAND; t++)
		printf(" %s=%s", type_name[t], same(a, b, t));
	printf("\n");
}

/* A child that waits for the parent's byte on go, then ends. */
static int wait_then_exit(void *arg)
{
	char c;

	(void)arg;
	if (read(go[0], &c, 1) != 1)
		return 1;
	return 0;
}

static void release_and_reap(pid_t child)
{
	int status;

	if (write(go[1], "x", 1) != 1)
		perror("write");
	if (waitpid(child, &status, 0) != child)
		perror("waitpid");
}

/* Waits until /proc says the task has exited and is not reaped: state Z. */
static void wait_until_zombie(pid_t pid)
{
	char path[64], buf[256], *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	for (;;) {
		fd = open(path, O_RDONLY);
		n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
		if (fd >= 0)
			close(fd);
		if (n > 0) {
			buf[n] = 0;
			p = strrchr(buf, ')');
			if (p != NULL && p[1] == ' ' && p[2] == 'Z')
				return;
		}
		sched_yield();
	}
}

static pid_t tid_of_thread;
static volatile int thread_step;

static void *thread_main(void *arg)
{
	(void)arg;
	tid_of_thread = (pid_t)syscall(SYS_gettid);
	__atomic_store_n(&thread_step, 1, __ATOMIC_SEQ_CST);
	while (__atomic_load_n(&thread_step, __ATOMIC_SEQ_CST) != 2)
		sched_yield();
	if (unshare(CLONE_FILES) != 0)
		perror("unshare");
	__atomic_store_n(&thread_step, 3, __ATOMIC_SEQ_CST);
	while (__atomic_load_n(&thread_step, __ATOMIC_SEQ_CST) != 4)
		sched_yield();
	return NULL;
}

static void wait_step(int n)
{
	while (__atomic_load_n(&thread_step, __ATOMIC_SEQ_CST) != n)
		sched_yield();
}

int main(void)
{
	pid_t me = getpid(), child, zombie;
	pthread_t thread;
	long r1, r2;
	int fd, fd2, status;

	if (pipe(go) < 0) {
		perror("pipe");
		return 1;
	}

	show("self", me, me);

	pthread_create(&thread, NULL, thread_main, NULL);
	wait_step(1);
	show("thread (pthread_create)", me, tid_of_thread);
	__atomic_store_n(&thread_step, 2, __ATOMIC_SEQ_CST);
	wait_step(3);
	show("thread after unshare(CLONE_FILES)", me, tid_of_thread);
	__atomic_store_n(&thread_step, 4, __ATOMIC_SEQ_CST);
	pthread_join(thread, NULL);

	fd = open("/dev/null", O_RDONLY);
	fd2 = dup(fd);
	child = fork();
	if (child == 0) {
		wait_then_exit(NULL);
		_exit(0);
	}
	show("child (fork)", me, child);
	printf("file: fd and its dup: %s\n", kcmp(me, me, KCMP_FILE, fd, fd2) == 0 ? "same" : "different");
	printf("file: fd in parent and child: %s\n", kcmp(me, child, KCMP_FILE, fd, fd) == 0 ? "same" : "different");
	close(fd2);
	fd2 = open("/dev/null", O_RDONLY);
	printf("file: /dev/null opened twice: %s\n", kcmp(me, me, KCMP_FILE, fd, fd2) == 0 ? "same" : "different");
	r1 = kcmp(me, child, KCMP_VM, 0, 0);
	r2 = kcmp(child, me, KCMP_VM, 0, 0);
	printf("order is consistent: %s\n", (r1 == 1 && r2 == 2) || (r1 == 2 && r2 == 1) ? "yes" : "no");
	printf("io: %s, sysvsem: %s\n", same(me, child, KCMP_IO), same(me, child, KCMP_SYSVSEM));

	printf("errors: unknown pid %s, type 99 %s, closed fd %s\n",
	       kcmp(me, 0x3fffffff, KCMP_VM, 0, 0) < 0 ? errno_name(errno) : "ok",
	       kcmp(me, child, 99, 0, 0) < 0 ? errno_name(errno) : "ok",
	       kcmp(me, child, KCMP_FILE, 77, 77) < 0 ? errno_name(errno) : "ok");

	release_and_reap(child);

	child = clone(wait_then_exit, stack + sizeof stack, CLONE_FILES | SIGCHLD, NULL);
	show("clone(CLONE_FILES)", me, child);
	release_and_reap(child);

	child = clone(wait_then_exit, stack + sizeof stack, CLONE_VM | CLONE_FS | SIGCHLD, NULL);
	show("clone(CLONE_VM | CLONE_FS)", me, child);
	release_and_reap(child);

	zombie = fork();
	if (zombie == 0)
		_exit(0);
	wait_until_zombie(zombie);
	printf("zombie: vm=%s\n", same(me, zombie, KCMP_VM));
	waitpid(zombie, &status, 0);
	return 0;
}
