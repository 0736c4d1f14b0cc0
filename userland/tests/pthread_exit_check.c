/* pthread_exit_check: how a threaded process ends.  exit(3) from a thread
   other than main ends the whole process, running the atexit handlers
   once; _exit(2) from a thread ends it without them; and when the main
   thread calls pthread_exit while other threads run, the process goes on
   until the last thread has exited, then ends as exit(0) would (atexit
   handlers, stdio flushed, status 0).  Another thread may join the main
   thread and get its pthread_exit value.  `make check` compares this
   library's build with glibc's, exit status included. */
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static pthread_t main_thread;
static pthread_key_t key;
static sem_t joined, bystander_done;

static void parent_atexit(void)
{
	printf("atexit handler ran\n");
}

static void child_atexit(void)
{
	printf("  child: atexit handler ran\n");
}

static void *call_exit(void *arg)
{
	printf("  child thread: calling %s\n", arg == NULL ? "exit(3)" : "_exit(4)");
	if (arg == NULL)
		exit(3);
	_exit(4);
}

/* A child process whose second thread ends the process while the main
   thread waits for it. */
static void thread_ends_process(int use_exit)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		pthread_t t;

		atexit(child_atexit);
		pthread_create(&t, NULL, call_exit, use_exit ? NULL : &t);
		pthread_join(t, NULL);
		printf("  child: join returned (wrong)\n");
		return;
	}
	waitpid(pid, &status, 0);
	printf("%s from a thread: exited %d, status %d\n", use_exit ? "exit" : "_exit",
	       WIFEXITED(status), WEXITSTATUS(status));
}

static void destroy_main_value(void *value)
{
	printf("main's key destructor ran for %ld\n", (long)value);
}

static void *joiner(void *arg)
{
	void *ret = NULL;
	int r;

	(void)arg;
	r = pthread_join(main_thread, &ret);
	printf("joiner: joined the main thread: %d, it returned %ld\n", r, (long)ret);
	sem_post(&joined);
	sem_wait(&bystander_done);
	printf("joiner: returning\n");
	return NULL;
}

static void *bystander(void *arg)
{
	(void)arg;
	sem_wait(&joined);
	printf("bystander: still running after main's pthread_exit\n");
	sem_post(&bystander_done);
	return NULL;
}

int main(void)
{
	pthread_t t;

	thread_ends_process(1);
	thread_ends_process(0);

	sem_init(&joined, 0, 0);
	sem_init(&bystander_done, 0, 0);
	atexit(parent_atexit);
	main_thread = pthread_self();
	pthread_key_create(&key, destroy_main_value);
	pthread_setspecific(key, (void *)11L);
	pthread_create(&t, NULL, joiner, NULL);
	pthread_create(&t, NULL, bystander, NULL);
	pthread_detach(t);
	printf("main: calling pthread_exit(77)\n");
	pthread_exit((void *)77L);
}
