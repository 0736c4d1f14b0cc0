/* process_check: the process side of the library: the exec family and its
   PATH search, the wait family and the status macros, resource limits,
   priorities, sched_yield and CPU affinity, sessions and process groups,
   and the memory calls fork users reach for (mremap, madvise).  Prints
   what it sees, never a pid; `make check` compares this library's build
   with glibc's.

   The exec tests run this program again as a helper ("--echo" prints its
   arguments and one variable) through a scratch directory in /tmp that
   holds a symlink to it, a file without execute permission, and a
   directory, so PATH searches have something to find and to skip. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static char self[PATH_MAX];
static char scratch[64];

static void echo_mode(int argc, char **argv)
{
	const char *marker = getenv("PC_MARKER");
	int i;

	printf("  echo:");
	for (i = 0; i < argc; i++)
		printf(" [%s]", argv[i]);
	printf(" marker=%s\n", marker != NULL ? marker : "(unset)");
}

/* Runs fn in a child and reports how the child ended.  fn is expected to
   exec; if it returns, the child exits with the errno it left. */
static void in_child(const char *name, void (*fn)(void))
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		errno = 0;
		fn();
		_exit(100 + errno);
	}
	if (waitpid(pid, &status, 0) != pid) {
		printf("%s: waitpid failed errno %d\n", name, errno);
		return;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) >= 100)
		printf("%s: returned, errno %d\n", name, WEXITSTATUS(status) - 100);
	else if (WIFEXITED(status))
		printf("%s: exited %d\n", name, WEXITSTATUS(status));
	else
		printf("%s: signal %d\n", name, WTERMSIG(status));
}

static char *echo_argv[] = { "helper", "--echo", "one", "two words", NULL };
static char *echo_envp[] = { "PC_MARKER=from-envp", NULL };

static void do_execv(void) { execv(self, echo_argv); }
static void do_execve(void) { execve(self, echo_argv, echo_envp); }
static void do_execl(void) { execl(self, "helper-l", "--echo", "a", "b", "c", (char *)NULL); }
static void do_execle(void) { execle(self, "helper-le", "--echo", (char *)NULL, echo_envp); }
static void do_execl_noargs(void) { execl(self, "helper-bare", (char *)NULL); }
static void do_execvp_found(void) { execvp("pc_target", echo_argv); }
static void do_execvp_missing(void) { execvp("pc_no_such_program", echo_argv); }
static void do_execvp_empty(void) { execvp("", echo_argv); }
static void do_execvp_slash(void) { execvp("./pc_target", echo_argv); }
static void do_execvp_noexec_only(void) { execvp("pc_noexec", echo_argv); }
static void do_execvpe(void) { execvpe("pc_target", echo_argv, echo_envp); }
static void do_execlp(void) { execlp("pc_target", "helper-lp", "--echo", "x", (char *)NULL); }
static void do_execlp_true(void) { execlp("true", "true", (char *)NULL); }
static void do_execlp_false(void) { execlp("false", "false", (char *)NULL); }
static void do_execvp_dir(void) { execvp("pc_dir", echo_argv); }

/* There is no setenv in the library yet: the environment is replaced
   whole, which glibc's getenv and the exec family both follow. */
static char path_entry[300];
static char *env_with_path[] = { path_entry, "PC_MARKER=from-environ", NULL };
static char *env_without_path[] = { "PC_MARKER=no-path", NULL };

static void set_path(const char *value)
{
	if (value == NULL) {
		environ = env_without_path;
		return;
	}
	snprintf(path_entry, sizeof path_entry, "PATH=%s", value);
	environ = env_with_path;
}

static void check_exec(void)
{
	char path[256], target[256];
	int fd;

	snprintf(scratch, sizeof scratch, "/tmp/process_check.%d", getpid());
	mkdir(scratch, 0700);
	snprintf(target, sizeof target, "%s/pc_target", scratch);
	symlink(self, target);
	snprintf(path, sizeof path, "%s/pc_noexec", scratch);
	fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	close(fd);
	snprintf(path, sizeof path, "%s/pc_dir", scratch);
	mkdir(path, 0700);
	chdir(scratch);

	in_child("execv", do_execv);
	in_child("execve", do_execve);
	in_child("execl", do_execl);
	in_child("execle", do_execle);
	in_child("execl no args", do_execl_noargs);

	/* The search skips a missing directory and one where the name is not
	   executable (EACCES, remembered), and finds it in the scratch one. */
	snprintf(path, sizeof path, "/no/such/dir:%s/pc_dir:%s", scratch, scratch);
	set_path(path);
	in_child("execvp found", do_execvp_found);
	in_child("execvpe", do_execvpe);
	in_child("execlp", do_execlp);
	in_child("execvp missing", do_execvp_missing);
	in_child("execvp empty name", do_execvp_empty);
	in_child("execvp directory", do_execvp_dir);
	in_child("execvp slash", do_execvp_slash);
	in_child("execvp only EACCES", do_execvp_noexec_only);
	/* An empty element is the current directory. */
	set_path("/no/such/dir::/also/missing");
	in_child("execvp empty element", do_execvp_found);
	set_path("/no/such/dir");
	in_child("execvp not in path", do_execvp_found);
	/* No PATH at all: glibc's default, /bin:/usr/bin. */
	set_path(NULL);
	in_child("execlp true, no PATH", do_execlp_true);
	in_child("execlp false, no PATH", do_execlp_false);
	in_child("execvp cwd not searched, no PATH", do_execvp_found);

	chdir("/");
	unlink(target);
	snprintf(path, sizeof path, "%s/pc_noexec", scratch);
	unlink(path);
	snprintf(path, sizeof path, "%s/pc_dir", scratch);
	rmdir(path);
	rmdir(scratch);
}

static void check_wait(void)
{
	struct rusage usage;
	int status, r, i;
	pid_t pid;
	static const int codes[] = { 0, 1, 42, 255, 256 + 3 };

	for (i = 0; i < (int)(sizeof codes / sizeof codes[0]); i++) {
		fflush(stdout);
		pid = fork();
		if (pid == 0)
			_exit(codes[i]);
		r = waitpid(pid, &status, 0) == pid;
		printf("exit %d: waited %d status %#x exited %d code %d signaled %d\n", codes[i], r,
		       status, WIFEXITED(status), WEXITSTATUS(status), WIFSIGNALED(status));
	}

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct rlimit no_core = { 0, 0 };

		setrlimit(RLIMIT_CORE, &no_core);
		syscall(SYS_kill, getpid(), 9);
		_exit(1);
	}
	r = wait(&status) == pid;
	printf("SIGKILL: waited %d status %#x exited %d signaled %d signal %d core %d stopped %d\n",
	       r, status, WIFEXITED(status), WIFSIGNALED(status), WTERMSIG(status),
	       WCOREDUMP(status) != 0, WIFSTOPPED(status));

	/* WNOHANG while the child still runs, then wait3 and wait4 with a
	   resource usage record. */
	int pipefd[2];
	char c;

	pipe(pipefd);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		close(pipefd[1]);
		read(pipefd[0], &c, 1);
		_exit(9);
	}
	close(pipefd[0]);
	r = waitpid(pid, &status, WNOHANG);
	printf("WNOHANG while running: %d\n", r);
	memset(&usage, 0xff, sizeof usage);
	r = wait3(&status, WNOHANG, &usage);
	printf("wait3 WNOHANG: %d\n", r);
	close(pipefd[1]);
	memset(&usage, 0xff, sizeof usage);
	r = wait4(pid, &status, 0, &usage) == pid;
	printf("wait4: %d code %d rusage filled %d\n", r, WEXITSTATUS(status),
	       usage.ru_utime.tv_usec >= 0 && usage.ru_utime.tv_usec < 1000000 &&
	       usage.ru_stime.tv_usec >= 0 && usage.ru_stime.tv_usec < 1000000);
	errno = 0;
	r = wait(&status);
	printf("wait without children: %d errno %d\n", r, errno);
	errno = 0;
	r = waitpid(getppid(), &status, WNOHANG);
	printf("waitpid of a non-child: %d errno %d\n", r, errno);
	r = getrusage(RUSAGE_CHILDREN, &usage);
	printf("getrusage children: %d %d\n", r, usage.ru_utime.tv_usec < 1000000);
	errno = 0;
	r = getrusage(5, &usage);
	printf("getrusage bad who: %d errno %d\n", r, errno);

	/* vfork: the child runs in the parent's memory until it exits. */
	volatile int shared = 1;

	fflush(stdout);
	pid = vfork();
	if (pid == 0) {
		shared = 2;
		_exit(4);
	}
	waitpid(pid, &status, 0);
	printf("vfork: parent sees %d, code %d\n", shared, WEXITSTATUS(status));
}

static void show_limit(const char *name, int resource)
{
	struct rlimit lim, lim2;
	struct rlimit64 wide;
	int r, r2, r3;

	r = getrlimit(resource, &lim);
	r2 = prlimit(0, resource, NULL, &lim2);
	r3 = getrlimit64(resource, &wide);
	printf("%s: %d %d %d cur<=max %d same %d wide-agrees %d\n", name, r, r2, r3,
	       lim.rlim_cur <= lim.rlim_max,
	       lim.rlim_cur == lim2.rlim_cur && lim.rlim_max == lim2.rlim_max,
	       (lim.rlim_max == RLIM_INFINITY) == (wide.rlim_max == RLIM64_INFINITY));
}

static void check_limits(void)
{
	struct rlimit lim, old;
	struct rlimit64 wide;
	int r;

	printf("RLIM_INFINITY %lx RLIM64_INFINITY %llx sizes %zu %zu %zu\n",
	       (unsigned long)RLIM_INFINITY, (unsigned long long)RLIM64_INFINITY,
	       sizeof(struct rlimit), sizeof(struct rlimit64), sizeof(struct rusage));
	show_limit("stack", RLIMIT_STACK);
	show_limit("nofile", RLIMIT_NOFILE);
	show_limit("nproc", RLIMIT_NPROC);
	show_limit("core", RLIMIT_CORE);
	show_limit("as", RLIMIT_AS);
	errno = 0;
	r = getrlimit(99, &lim);
	printf("getrlimit bad resource: %d errno %d\n", r, errno);

	lim.rlim_cur = 16;
	getrlimit(RLIMIT_NOFILE, &old);
	lim.rlim_max = old.rlim_max;
	r = setrlimit(RLIMIT_NOFILE, &lim);
	getrlimit(RLIMIT_NOFILE, &lim);
	printf("setrlimit nofile 16: %d now %lu\n", r, (unsigned long)lim.rlim_cur);
	lim.rlim_cur = 17;
	lim.rlim_max = 16;
	errno = 0;
	r = setrlimit(RLIMIT_NOFILE, &lim);
	printf("setrlimit cur>max: %d errno %d\n", r, errno);
	r = setrlimit(RLIMIT_NOFILE, &old);
	printf("setrlimit restore: %d\n", r);

	/* A limit above 32 bits: 32-bit readers see it as infinite, prlimit
	   with only an old value reports EOVERFLOW. */
	getrlimit64(RLIMIT_FSIZE, &wide);
	wide.rlim_cur = 5ULL << 32;
	r = setrlimit64(RLIMIT_FSIZE, &wide);
	getrlimit(RLIMIT_FSIZE, &lim);
	printf("fsize 5<<32: set %d getrlimit cur is infinity %d\n", r, lim.rlim_cur == RLIM_INFINITY);
	errno = 0;
	r = prlimit(0, RLIMIT_FSIZE, NULL, &lim);
	printf("prlimit read-only: %d errno %d\n", r, errno);
	lim.rlim_cur = RLIM_INFINITY;
	lim.rlim_max = RLIM_INFINITY;
	r = prlimit(0, RLIMIT_FSIZE, &lim, &old);
	printf("prlimit set infinity: %d old cur is infinity %d\n", r, old.rlim_cur == RLIM_INFINITY);
	r = getrlimit64(RLIMIT_FSIZE, &wide);
	printf("fsize now 64-bit infinity %d\n", r == 0 && wide.rlim_cur == RLIM64_INFINITY);
}

static void check_priority(void)
{
	int r, r2;

	fflush(stdout);
	if (fork() == 0) {
		errno = 0;
		r = getpriority(PRIO_PROCESS, 0);
		printf("getpriority: %d errno %d\n", r, errno);
		r = nice(3);
		printf("nice(3): %d errno %d\n", r, errno);
		r = setpriority(PRIO_PROCESS, 0, 5);
		r2 = getpriority(PRIO_PROCESS, 0);
		printf("setpriority 5: %d now %d\n", r, r2);
		r = nice(100);
		printf("nice(100): %d\n", r);
		errno = 0;
		r = getpriority(PRIO_PROCESS, 0);
		printf("getpriority 19: %d errno %d\n", r, errno);
		errno = 0;
		r = getpriority(99, 0);
		printf("getpriority bad which: %d errno %d\n", r, errno);
		errno = 0;
		r = setpriority(PRIO_PROCESS, 0x7ffffff0, 1);
		printf("setpriority missing pid: %d errno %d\n", r, errno);
		fflush(stdout);
		_exit(0);
	}
	wait(NULL);
}

static void check_sched(void)
{
	cpu_set_t set, one;
	int r, first = -1, i;

	printf("sched_yield: %d\n", sched_yield());
	memset(&set, 0xaa, sizeof set);
	r = sched_getaffinity(0, sizeof set, &set);
	printf("sched_getaffinity: %d count>0 %d high bits clear %d\n", r, CPU_COUNT(&set) > 0,
	       !CPU_ISSET(CPU_SETSIZE - 1, &set));
	for (i = 0; i < CPU_SETSIZE; i++)
		if (CPU_ISSET(i, &set)) {
			first = i;
			break;
		}
	CPU_ZERO(&one);
	CPU_SET(first, &one);
	fflush(stdout);
	if (fork() == 0) {
		r = sched_setaffinity(0, sizeof one, &one);
		sched_getaffinity(0, sizeof set, &set);
		printf("sched_setaffinity one cpu: %d count %d set %d\n", r, CPU_COUNT(&set),
		       CPU_ISSET(first, &set) != 0);
		CPU_ZERO(&one);
		errno = 0;
		r = sched_setaffinity(0, sizeof one, &one);
		printf("sched_setaffinity empty: %d errno %d\n", r, errno);
		CPU_CLR(first, &set);
		printf("CPU_CLR: count %d\n", CPU_COUNT(&set));
		fflush(stdout);
		_exit(0);
	}
	wait(NULL);
}

static void check_groups(void)
{
	pid_t pid;
	int r;

	printf("getpgrp==getpgid(0) %d getsid(0)==getsid(self) %d\n",
	       getpgrp() == getpgid(0), getsid(0) == getsid(getpid()));
	errno = 0;
	r = getsid(0x7ffffff0);
	printf("getsid missing: %d errno %d\n", r, errno);
	errno = 0;
	r = getpgid(0x7ffffff0);
	printf("getpgid missing: %d errno %d\n", r, errno);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		pid_t me = getpid();

		r = setpgid(0, 0);
		printf("child setpgid(0,0): %d leader %d\n", r, getpgrp() == me);
		errno = 0;
		r = setsid();
		printf("setsid as group leader: %d errno %d\n", r, errno);
		fflush(stdout);
		if (fork() == 0) {
			r = setsid();
			printf("setsid in grandchild: ok %d sid %d pgrp %d\n", r == getpid(),
			       getsid(0) == getpid(), getpgrp() == getpid());
			fflush(stdout);
			_exit(0);
		}
		wait(NULL);
		_exit(0);
	}
	wait(NULL);
}

static void check_memory(void)
{
	unsigned char *p, *q;
	int r, ok, i;

	p = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(p, 0x5a, 2 * 4096);
	errno = 0;
	q = mremap(p, 4096, 2 * 4096, 0);
	printf("mremap grow inside a mapping: %d errno %d\n", q == MAP_FAILED, errno);
	q = mremap(p, 2 * 4096, 64 * 4096, MREMAP_MAYMOVE);
	ok = q != MAP_FAILED;
	for (i = 0; ok && i < 2 * 4096; i++)
		ok = q[i] == 0x5a;
	for (i = 2 * 4096; ok && i < 64 * 4096; i++)
		ok = q[i] == 0;
	printf("mremap MAYMOVE keeps contents %d\n", ok);
	r = madvise(q, 4096, MADV_DONTNEED);
	printf("madvise DONTNEED: %d zeroed %d next page kept %d\n", r, q[0] == 0 && q[4095] == 0,
	       q[4096] == 0x5a);
	errno = 0;
	r = madvise(q + 1, 4096, MADV_DONTNEED);
	printf("madvise unaligned: %d errno %d\n", r, errno);
	q = mremap(q, 64 * 4096, 4096, 0);
	printf("mremap shrink in place %d\n", q != MAP_FAILED);
	munmap(q, 4096);
	errno = 0;
	r = mremap(q, 4096, 8192, MREMAP_FIXED) == MAP_FAILED;
	printf("mremap FIXED without MAYMOVE: %d errno %d\n", r, errno);
}

static void check_fds(void)
{
	int pipefd[2], fd, r;
	mode_t old_mask;

	pipe(pipefd);
	fd = dup3(pipefd[0], 20, O_CLOEXEC);
	printf("dup3 cloexec: %d flags %d\n", fd, fcntl(fd, F_GETFD));
	errno = 0;
	r = dup3(20, 20, 0);
	printf("dup3 same fd: %d errno %d\n", r, errno);
	r = dup2(20, 20);
	printf("dup2 same fd: %d\n", r);
	fd = fcntl(pipefd[0], F_DUPFD, 30);
	printf("F_DUPFD 30: %d flags %d\n", fd, fcntl(fd, F_GETFD));
	fd = fcntl(pipefd[0], F_DUPFD_CLOEXEC, 30);
	printf("F_DUPFD_CLOEXEC 30: %d flags %d\n", fd, fcntl(fd, F_GETFD));
	r = fcntl(pipefd[1], F_SETFL, O_NONBLOCK);
	printf("F_SETFL: %d F_GETFL %#x %#x\n", r, fcntl(pipefd[1], F_GETFL), fcntl(pipefd[0], F_GETFL));
	old_mask = umask(027);
	r = (int)umask(old_mask);
	printf("umask: was set %d, then 027 returned %o\n", old_mask <= 0777, r);
	close(20);
	close(30);
	close(31);
	close(pipefd[0]);
	close(pipefd[1]);
}

int main(int argc, char **argv)
{
	ssize_t n;

	if (argc > 1 && strcmp(argv[1], "--echo") == 0) {
		echo_mode(argc, argv);
		return 0;
	}
	if (argc == 1 && strcmp(argv[0], "helper-bare") == 0) {
		printf("  bare helper: argc %d\n", argc);
		return 0;
	}
	n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n < 0) {
		printf("readlink /proc/self/exe failed\n");
		return 1;
	}
	self[n] = '\0';
	check_exec();
	check_wait();
	check_limits();
	check_priority();
	check_sched();
	check_groups();
	check_memory();
	check_fds();
	return 0;
}
