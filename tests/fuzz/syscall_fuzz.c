/* syscall_fuzz.c - minikernel's system-call fuzzer (see SyscallFuzzTest).

   NEVER RUN THIS ON A REAL MACHINE: it makes random system calls with random and
   adversarial arguments (bad pointers, huge lengths, negative descriptors, pointers
   into read-only or unmapped memory, random clone flags). It refuses to start unless
   uname(2) says the kernel is minikernel.

   usage: syscall_fuzz SEED CALLS

   The parent forks a canary (a process that holds memory with a known checksum and a
   few descriptors at known offsets, and checks them at the end), then keeps three
   worker processes alive, each with two extra threads, until CALLS calls have been
   made in all. Workers that die (a random sigaction, munmap or clone will often kill
   them) are replaced; one that stays blocked too long is killed. Nothing a worker does
   may reach the canary: it makes no kill-family calls and cannot change other
   processes' limits, so any change to the canary is the kernel's fault. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NSYS 450
#define WORKERS 3
#define CHUNK 2000            /* calls per worker before it exits on its own */
#define CANARY_BYTES (64 * 1024)

struct shared {
	volatile unsigned long calls;     /* all workers' calls so far */
};

static struct shared *shared;
static char scratch[16384];           /* a writable buffer arguments may point into */
static unsigned int rng_state;

static unsigned int rnd(void)
{
	unsigned int x = rng_state;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return rng_state = x;
}

/* Calls a worker must not make: those that end it at once, signal other processes
   (the canary, the parent) or change their limits. */
static int excluded(long nr)
{
	switch (nr) {
	case SYS_exit: case SYS_exit_group: case SYS_kill: case SYS_tkill: case SYS_tgkill:
	case SYS_rt_sigqueueinfo: case SYS_rt_tgsigqueueinfo: case SYS_prlimit64:
		return 1;
	}
	return 0;
}

static unsigned long arg(void)
{
	static const unsigned long pool[] = {
		0, 1, 2, 3, 4, 7, 8, 15, 16, 64, 255, 256, 4095, 4096, 4097, 65536, 0x7fffffff,
		0x80000000, 0xfffff000, 0xffffffff, 0xfffffffe, 0xc0000000, 0xbffff000, 0x1000,
		0x08048000, 0x10000000,
	};
	switch (rnd() % 10) {
	case 0: case 1:
		return pool[rnd() % (sizeof pool / sizeof pool[0])];
	case 2:
		return rnd();
	case 3:
		return (unsigned long)(long)((int)(rnd() % 70) - 4);           /* small, or -1..-4 */
	case 4: case 5:
		return (unsigned long)(scratch + rnd() % sizeof scratch);       /* into our buffer */
	case 6:
		return (unsigned long)(scratch + sizeof scratch - rnd() % 8);   /* overlapping its end */
	case 7:
		return (unsigned long)&excluded + rnd() % 64;                   /* read-only code */
	case 8:
		return rnd() & 0x7fff3fffu;                                     /* flag soup: clone, open, mmap */
	default:
		return (unsigned long)(rnd() % 40);                             /* descriptor-like */
	}
}

static void fuzz(unsigned int seed, int calls)
{
	pid_t me = getpid();
	rng_state = seed * 2654435761u + 1;
	for (int i = 0; i < calls; i++) {
		long nr = rnd() % NSYS;
		if (excluded(nr))
			continue;
		unsigned long a = arg(), b = arg(), c = arg(), d = arg(), e = arg(), f = arg();
		long r = syscall(nr, a, b, c, d, e, f);
		__sync_fetch_and_add(&shared->calls, 1);
		/* A new task (fork, vfork, clone) that came back here: it is no worker of ours. */
		if (r == 0 && getpid() != me)
			_exit(0);
		if (r == 0 && (nr == SYS_clone || nr == SYS_clone3 || nr == SYS_fork || nr == SYS_vfork)
		    && syscall(SYS_gettid) != syscall(SYS_getpid))
			syscall(SYS_exit, 0);         /* a new thread of ours: end just it */
	}
}

struct thread_arg {
	unsigned int seed;
};

static void *fuzz_thread(void *p)
{
	struct thread_arg *t = p;
	fuzz(t->seed, CHUNK / 4);
	return NULL;
}

static void worker(unsigned int seed)
{
	static struct thread_arg args[2];
	/* What a worker writes to its stdout and stderr (random memory) stays out of the report. */
	int null = open("/dev/null", O_RDWR);
	dup2(null, 1);
	dup2(null, 2);
	close(null);
	pthread_t t[2];
	for (int i = 0; i < 2; i++) {
		args[i].seed = seed * 7 + i + 1;
		pthread_create(&t[i], NULL, fuzz_thread, &args[i]);
	}
	fuzz(seed, CHUNK);
	_exit(0);
}

/* The canary: memory with a known checksum and descriptors at known offsets; told to check
   them (a byte on its pipe), it prints what it found. */
static unsigned long checksum(const unsigned char *p, int n)
{
	unsigned long s = 0;
	for (int i = 0; i < n; i++)
		s = s * 31 + p[i];
	return s;
}

static void canary(int cmd, unsigned int seed)
{
	static unsigned char mem[CANARY_BYTES];
	for (int i = 0; i < CANARY_BYTES; i++)
		mem[i] = (unsigned char)(i * 7 + seed);
	unsigned long sum = checksum(mem, CANARY_BYTES);
	int file = open("/tmp/canary", O_RDWR | O_CREAT | O_TRUNC, 0600);
	write(file, "canary file\n", 12);
	int fds[2];
	pipe(fds);
	write(fds[1], "in the pipe", 11);
	char c;
	if (read(cmd, &c, 1) != 1) {
		printf("canary: FAIL (the command pipe broke)\n");
		_exit(1);
	}
	const char *bad = NULL;
	char got[16] = "";
	if (checksum(mem, CANARY_BYTES) != sum)
		bad = "its memory changed";
	else if (lseek(file, 0, SEEK_CUR) != 12)
		bad = "its file offset moved";
	else if (fcntl(fds[0], F_GETFD) < 0 || fcntl(fds[1], F_GETFD) < 0 || fcntl(file, F_GETFD) < 0)
		bad = "a descriptor went away";
	else if (read(fds[0], got, 11) != 11 || memcmp(got, "in the pipe", 11) != 0)
		bad = "its pipe lost its bytes";
	printf(bad ? "canary: FAIL (%s)\n" : "canary: OK\n", bad);
	_exit(bad ? 1 : 0);
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

int main(int argc, char **argv)
{
	struct utsname u;
	if (uname(&u) != 0 || strstr(u.release, "minikernel") == NULL) {
		fprintf(stderr, "syscall_fuzz: refusing to run on a kernel that is not minikernel\n");
		return 2;
	}
	if (argc != 3) {
		fprintf(stderr, "usage: syscall_fuzz SEED CALLS\n");
		return 2;
	}
	unsigned int seed = (unsigned int)strtoul(argv[1], NULL, 10);
	unsigned long target = strtoul(argv[2], NULL, 10);
	setvbuf(stdout, NULL, _IONBF, 0);
	shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int cmd[2];
	pipe(cmd);
	pid_t canary_pid = fork();
	if (canary_pid == 0) {
		close(cmd[1]);
		canary(cmd[0], seed);
	}
	close(cmd[0]);

	pid_t workers[WORKERS] = {0};
	long started[WORKERS] = {0};
	unsigned int next = 0;
	long spawned = 0, deaths = 0, killed = 0;
	while (shared->calls < target) {
		for (int i = 0; i < WORKERS; i++) {
			if (workers[i] == 0) {
				unsigned int s = seed * 1000003u + next++;
				pid_t p = fork();
				if (p == 0) {
					close(cmd[1]);
					worker(s);
				}
				workers[i] = p;
				started[i] = now_ms();
				spawned++;
			}
		}
		struct timespec tick = {0, 2000000};
		nanosleep(&tick, NULL);
		int status;
		pid_t p;
		while ((p = waitpid(-1, &status, WNOHANG)) > 0) {
			for (int i = 0; i < WORKERS; i++) {
				if (workers[i] == p) {
					workers[i] = 0;
					if (WIFSIGNALED(status))
						deaths++;
				}
			}
		}
		for (int i = 0; i < WORKERS; i++) {
			if (workers[i] != 0 && now_ms() - started[i] > 300) {
				kill(workers[i], SIGKILL);     /* blocked for good (a futex, a pipe, pause) */
				killed++;
				started[i] = now_ms();
			}
		}
	}
	for (int i = 0; i < WORKERS; i++) {
		if (workers[i] != 0)
			kill(workers[i], SIGKILL);
	}
	write(cmd[1], "c", 1);
	int status;
	waitpid(canary_pid, &status, 0);
	printf("fuzz: %lu calls by %ld workers (%ld died of a signal, %ld killed when stuck)\n",
	       shared->calls, spawned, deaths, killed);
	/* Whatever the workers started and left behind goes too (init reaps it). */
	kill(-1, SIGKILL);
	while (waitpid(-1, NULL, 0) > 0)
		;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
