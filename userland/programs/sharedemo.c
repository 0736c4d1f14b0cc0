/* /bin/sharedemo of the default image: what a thread shares and a process
   copies.  The main thread starts two threads with pthread_create and one
   child process with fork, and while all four tasks are alive asks the
   kernel, with kcmp(2), which of them use the same mm_struct (memory),
   fs_struct (working directory), files_struct (descriptor table) and
   sighand_struct (signal handlers) as the main thread.  The threads share
   all four (pthread_create's clone passes CLONE_VM | CLONE_FS | CLONE_FILES
   | CLONE_SIGHAND | CLONE_THREAD ...); the child got copies of each (fork's
   clone passes none of them).  The output names no pid, so it is the same
   on every run, and on Linux.

   `minikernel diagram sharedemo` draws the same tasks and objects, with
   their reference counts, as a Graphviz picture. */
#define _GNU_SOURCE
#include <linux/kcmp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define TASKS 4

static const char *const name[TASKS] = {"main thread", "thread 1", "thread 2", "child process"};
static pid_t tid[TASKS];        /* each task's own id (gettid) */
static pid_t pid_of[TASKS];     /* and its process id (getpid) */
static int ready[2];            /* each new task writes a byte when it is up */
static int release[2];          /* the main thread closes it: everyone may end */

static void wait_for_release(void)
{
	char c;

	/* read returns 0 (end of file) once every write end is closed. */
	while (read(release[0], &c, 1) > 0)
		;
}

static void *thread_main(void *arg)
{
	int i = (int)(long)arg;

	tid[i] = (pid_t)syscall(SYS_gettid);
	pid_of[i] = getpid();
	if (write(ready[1], &i, 1) != 1)
		perror("sharedemo: write");
	wait_for_release();
	return NULL;
}

/* One column: "shared" if task i uses the main thread's object, else "own copy". */
static const char *same(int i, int type)
{
	long r = syscall(SYS_kcmp, tid[0], tid[i], type, 0, 0);

	if (r < 0) {
		perror("sharedemo: kcmp");
		exit(1);
	}
	return r == 0 ? "shared" : "own copy";
}

int main(void)
{
	pthread_t thread[2];
	char c;
	int i, status;
	pid_t child;

	if (pipe(ready) < 0 || pipe(release) < 0) {
		perror("sharedemo: pipe");
		return 1;
	}
	tid[0] = getpid();
	pid_of[0] = getpid();
	printf("sharedemo: the main thread starts 2 threads (pthread_create) and 1 child process (fork).\n");
	fflush(stdout);
	for (i = 1; i <= 2; i++) {
		if (pthread_create(&thread[i - 1], NULL, thread_main, (void *)(long)i) != 0) {
			fprintf(stderr, "sharedemo: pthread_create failed\n");
			return 1;
		}
	}
	child = fork();
	if (child < 0) {
		perror("sharedemo: fork");
		return 1;
	}
	if (child == 0) {
		close(release[1]);      /* the child's copy of the write end */
		c = 3;
		if (write(ready[1], &c, 1) != 1)
			perror("sharedemo: write");
		wait_for_release();
		_exit(0);
	}
	tid[3] = child;
	pid_of[3] = child;      /* what getpid() returns in the child */
	for (i = 1; i < TASKS; i++) {
		if (read(ready[0], &c, 1) != 1) {
			perror("sharedemo: read");
			return 1;
		}
	}

	/* All four tasks are alive now. */
	printf("\nWhich kernel objects does each task share with the main thread? (kcmp)\n\n");
	printf("%-14s %-9s %-10s %-10s %-12s %s\n", "task", "getpid()", "mm_struct", "fs_struct", "files_struct",
	       "sighand_struct");
	for (i = 0; i < TASKS; i++) {
		/* getpid(): a thread reports the main thread's process id, a child its own. */
		const char *pid = pid_of[i] == pid_of[0] ? "P" : "C";

		printf("%-14s %-9s %-10s %-10s %-12s %s\n", name[i], pid, i == 0 ? "-" : same(i, KCMP_VM),
		       i == 0 ? "-" : same(i, KCMP_FS), i == 0 ? "-" : same(i, KCMP_FILES),
		       i == 0 ? "-" : same(i, KCMP_SIGHAND));
	}
	printf("\n(P: the main thread's process id, which the threads report too; C: the child's own.)\n");

	close(release[1]);
	for (i = 0; i < 2; i++)
		pthread_join(thread[i], NULL);
	if (waitpid(child, &status, 0) != child || !WIFEXITED(status)) {
		perror("sharedemo: waitpid");
		return 1;
	}
	printf("\nThreads are tasks that share the four objects; the child process got its own copies.\n");
	return 0;
}
