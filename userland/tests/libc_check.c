/* libc_check: exercises the library outside printf (strings, number
   parsing, error texts, ctype, sorting, rand, system call numbers and
   wrappers, exit handling) and prints what it sees.  `make check` compares
   the output of this library's build with glibc's. */
#define _GNU_SOURCE
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/wait.h>

static void check_strings(void)
{
	char buf[64], *save, *tok;
	const char *s = "hello, world";
	size_t i;

	printf("strlen %zu strnlen %zu %zu\n", strlen(s), strnlen(s, 5), strnlen(s, 100));
	printf("strcmp %d %d %d\n", strcmp("abc", "abd") < 0, strcmp("b", "a") > 0,
	       strcmp("same", "same"));
	printf("strncmp %d %d\n", strncmp("abcX", "abcY", 3), strncmp("abcX", "abcY", 4) < 0);
	printf("strcmp unsigned %d\n", strcmp("\x80", "\x01") > 0);
	printf("memcmp %d %d\n", memcmp("ab\0c", "ab\0d", 4) < 0, memcmp("xy", "xy", 2));
	printf("strchr [%s] [%s] %d\n", strchr(s, 'o'), strrchr(s, 'o'), strchr(s, 'z') == NULL);
	printf("strchr NUL %d\n", strchr(s, '\0') == s + strlen(s));
	printf("strstr [%s] [%s] %d\n", strstr(s, "wor"), strstr(s, ""), strstr(s, "xyz") == NULL);
	printf("strspn %zu strcspn %zu strpbrk [%s]\n", strspn(s, "hel"), strcspn(s, ",o"),
	       strpbrk(s, "wr"));

	strcpy(buf, "abc");
	strcat(buf, "def");
	strncat(buf, "ghijkl", 3);
	printf("strcpy/strcat [%s]\n", buf);
	memset(buf, 'x', sizeof buf);
	strncpy(buf, "ab", 5);
	printf("strncpy %d %d %d %d %c\n", buf[0], buf[2], buf[3], buf[4], buf[5]);
	strcpy(buf, "0123456789");
	memmove(buf + 2, buf, 5);
	printf("memmove up [%s]\n", buf);
	strcpy(buf, "0123456789");
	memmove(buf, buf + 3, 5);
	printf("memmove down [%s]\n", buf);
	printf("memchr [%s]\n", (char *)memchr(s, 'w', strlen(s)));

	tok = strdup("a,,b;c");
	printf("strdup [%s]\n", tok);
	strcpy(buf, "  one two,three  ");
	for (tok = strtok(buf, " ,"); tok != NULL; tok = strtok(NULL, " ,"))
		printf("strtok [%s]\n", tok);
	strcpy(buf, "x=1;y=2");
	for (tok = strtok_r(buf, ";", &save); tok != NULL; tok = strtok_r(NULL, ";", &save))
		printf("strtok_r [%s]\n", tok);
	tok = strndup("abcdef", 3);
	printf("strndup [%s]\n", tok);
	free(tok);
	for (i = 0; i < 3; i++)
		buf[i] = 'a' + i;
	buf[3] = '\0';
	printf("loop [%s]\n", buf);
}

static void check_numbers(void)
{
	static const char *const inputs[] = {
		"0", "42", "-42", "+17", "   123abc", "\t\n-0x1F", "0x", "0xg", "0X10",
		"077", "08", "-", "+", "", "  ", "abc", "z", "2147483647", "2147483648",
		"-2147483648", "-2147483649", "4294967295", "4294967296", "-1",
		"9223372036854775807", "9223372036854775808", "-9223372036854775808",
		"-9223372036854775809", "18446744073709551615", "18446744073709551616",
		"99999999999999999999999", "1010", "zz", "ZZ", "0b101",
	};
	static const int bases[] = { 0, 2, 8, 10, 16, 36 };
	size_t i, j;

	for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		for (j = 0; j < sizeof bases / sizeof bases[0]; j++) {
			char *end;
			long l;
			unsigned long ul;
			long long ll;
			unsigned long long ull;
			int e1, e2, e3, e4;
			ptrdiff_t o1, o2, o3, o4;

			errno = 0;
			l = strtol(inputs[i], &end, bases[j]);
			e1 = errno;
			o1 = end - inputs[i];
			errno = 0;
			ul = strtoul(inputs[i], &end, bases[j]);
			e2 = errno;
			o2 = end - inputs[i];
			errno = 0;
			ll = strtoll(inputs[i], &end, bases[j]);
			e3 = errno;
			o3 = end - inputs[i];
			errno = 0;
			ull = strtoull(inputs[i], &end, bases[j]);
			e4 = errno;
			o4 = end - inputs[i];
			printf("[%s] base %d: %ld/%d/%td %lu/%d/%td %lld/%d/%td %llu/%d/%td\n",
			       inputs[i], bases[j], l, e1, o1, ul, e2, o2, ll, e3, o3, ull, e4, o4);
		}
	}
	errno = 0;
	printf("strtol base 1: %ld errno %d\n", strtol("1", NULL, 1), errno);
	errno = 0;
	printf("strtol base 37: %ld errno %d\n", strtol("1", NULL, 37), errno);
	printf("atoi %d %d %d atol %ld atoll %lld\n", atoi("  -12x"), atoi("x"), atoi("2147483647"),
	       atol("-99"), atoll("123456789012"));
	printf("abs %d %ld %lld\n", abs(-5), labs(-6L), llabs(-7LL));
}

static void check_errors(void)
{
	int e;

	for (e = -2; e <= 140; e++)
		printf("strerror(%d) = %s\n", e, strerror(e));
	printf("errno values %d %d %d %d %d %d %d\n", EPERM, ENOENT, EAGAIN, ENOSYS,
	       EWOULDBLOCK, EOPNOTSUPP, EHWPOISON);
	errno = ENOENT;
	perror("perror");
	errno = EINVAL;
	perror(NULL);
	errno = 0;
	perror("");
	errno = 0;
	if (close(-1) < 0)
		printf("close(-1): errno %d\n", errno);
	errno = 0;
	if (syscall(SYS_close, -1) < 0)
		printf("syscall(SYS_close, -1): errno %d\n", errno);
	errno = 0;
	printf("syscall(99999) = %ld errno %d\n", syscall(99999), errno);
}

static void check_ctype(void)
{
	int c;

	for (c = -1; c < 256; c++)
		printf("%d:%d%d%d%d%d%d%d%d%d%d%d%d:%d:%d%c", c, !!isalnum(c), !!isalpha(c),
		       !!isblank(c), !!iscntrl(c), !!isdigit(c), !!isgraph(c), !!islower(c),
		       !!isprint(c), !!ispunct(c), !!isspace(c), !!isupper(c), !!isxdigit(c),
		       tolower(c), toupper(c), c % 8 == 7 ? '\n' : ' ');
	printf("\n");
}

struct pair {
	int key;
	int order;
};

static int by_key(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	return (x->key > y->key) - (x->key < y->key);
}

static int by_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static void check_sort_and_rand(void)
{
	struct pair pairs[300];
	int ints[2000], key, *found;
	int i;

	srand(7);
	for (i = 0; i < 300; i++) {
		pairs[i].key = rand() % 10;
		pairs[i].order = i;
	}
	qsort(pairs, 300, sizeof pairs[0], by_key);
	for (i = 0; i < 300; i++)
		printf("%d.%d%c", pairs[i].key, pairs[i].order, i % 20 == 19 ? '\n' : ' ');
	for (i = 0; i < 2000; i++)
		ints[i] = rand();
	qsort(ints, 2000, sizeof ints[0], by_int);
	for (i = 1; i < 2000; i++)
		if (ints[i - 1] > ints[i])
			printf("qsort: out of order at %d\n", i);
	key = ints[1234];
	found = bsearch(&key, ints, 2000, sizeof ints[0], by_int);
	printf("bsearch %d\n", found != NULL && *found == key);
	key = -1;
	printf("bsearch missing %d\n", bsearch(&key, ints, 2000, sizeof ints[0], by_int) == NULL);

	srand(1);
	for (i = 0; i < 5; i++)
		printf("rand %d\n", rand());
	srand(0);
	printf("srand(0) %d\n", rand());
	srand(4000000000u);
	printf("srand(4000000000) %d %d\n", rand(), rand());
}

/* 64-bit division goes through the library's __udivdi3 and friends in
   one build and through libgcc's in the other. */
static void check_division(void)
{
	unsigned long long seed = 88172645463325252ULL;
	int i, shift;

	for (i = 0; i < 400; i++) {
		unsigned long long a, b;
		long long sa, sb;

		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		a = seed >> (i % 64);
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		shift = (i * 7) % 64;
		b = (seed >> shift) | 1;
		sa = (long long)a * (i % 3 == 0 ? -1 : 1);
		sb = (long long)b * (i % 5 == 0 ? -1 : 1);
		printf("%llu / %llu = %llu r %llu; %lld / %lld = %lld r %lld\n", a, b, a / b, a % b,
		       sa, sb, sa / sb, sa % sb);
	}
	printf("edges %llu %llu %lld %lld %lld\n", ~0ULL / 1, ~0ULL % 10, LLONG_MIN / 1,
	       LLONG_MIN % 3, LLONG_MIN / 7);
	printf("bits %d %d %d %d %d\n", __builtin_ctzll(1ULL << 40), __builtin_popcountll(~0ULL),
	       __builtin_popcount(0xf0f0u), __builtin_ffsll(1ULL << 35), __builtin_clzll(1ULL << 20));
}

/* The system call numbers the kernel implements, as glibc's
   <sys/syscall.h> has them. */
static void check_syscall_numbers(void)
{
#define N(name) printf("SYS_" #name " %d\n", SYS_##name)
	N(exit); N(fork); N(read); N(write); N(open); N(close); N(waitpid); N(creat);
	N(link); N(unlink); N(execve); N(chdir); N(time); N(mknod); N(chmod); N(lseek);
	N(getpid); N(mount); N(setuid); N(getuid); N(alarm); N(pause); N(access);
	N(sync); N(kill); N(rename); N(mkdir); N(rmdir); N(dup); N(pipe); N(times);
	N(brk); N(setgid); N(getgid); N(signal); N(geteuid); N(getegid); N(ioctl);
	N(fcntl); N(setpgid); N(umask); N(chroot); N(dup2); N(getppid); N(getpgrp);
	N(setsid); N(sigaction); N(gettimeofday); N(readlink); N(munmap); N(truncate);
	N(ftruncate); N(getpriority); N(setpriority); N(wait4); N(sysinfo); N(clone);
	N(uname); N(mprotect); N(getpgid); N(fchdir); N(_llseek); N(getdents);
	N(select); N(_newselect); N(nanosleep); N(mremap); N(poll); N(rt_sigreturn);
	N(rt_sigaction); N(rt_sigprocmask); N(rt_sigsuspend); N(pread64); N(pwrite64);
	N(getcwd); N(vfork); N(ugetrlimit); N(mmap2); N(fstat64); N(stat64); N(lstat64);
	N(getuid32); N(getgid32); N(geteuid32); N(getegid32); N(getdents64); N(fcntl64);
	N(gettid); N(tkill); N(futex); N(set_thread_area); N(get_thread_area);
	N(exit_group); N(set_tid_address); N(clock_gettime); N(clock_getres);
	N(clock_nanosleep); N(tgkill); N(openat); N(fstatat64); N(pipe2); N(dup3);
	N(getrandom); N(statx); N(clock_gettime64); N(rseq); N(set_robust_list);
	N(prlimit64); N(writev); N(readv); N(sched_yield); N(sigreturn);
#undef N
}

static void check_system(void)
{
	char path[64], buf[64], cwd[256];
	struct timespec ts, res;
	struct timeval tv;
	struct utsname u;
	struct stat st;
	int fd, pipefd[2], status, r, r2;
	ssize_t n, n2;
	pid_t pid;
	void *m;
	char *old_break;

	/* One call per statement where the output reads what a call stored:
	   the order in which function arguments are evaluated is unspecified. */
	printf("ids %d %d %d %d\n", getpid() == gettid(), getppid() > 0,
	       getuid() == (uid_t)syscall(SYS_getuid32), getgid() == getegid());
	printf("isatty %d %d %d %d\n", isatty(0), isatty(1), isatty(2), isatty(99));
	printf("page %d %lu\n", getpagesize(), getauxval(AT_PAGESZ));
	errno = 0;
	r = (int)getauxval(12345);
	printf("getauxval missing %d errno %d\n", r, errno);
	r = uname(&u);
	printf("uname %d %s\n", r, u.sysname);
	r = clock_gettime(CLOCK_MONOTONIC, &ts);
	printf("clock_gettime %d %d\n", r, ts.tv_nsec < 1000000000);
	r = clock_getres(CLOCK_MONOTONIC, &res);
	printf("clock_getres %d %ld\n", r, (long)res.tv_sec);
	r = clock_gettime(12345, &ts);
	printf("clock_gettime bad clock %d errno %d\n", r, errno);
	r = gettimeofday(&tv, NULL);
	printf("gettimeofday %d %d\n", r, tv.tv_usec < 1000000);
	printf("time %d\n", time(NULL) - tv.tv_sec <= 1);
	ts.tv_sec = 0;
	ts.tv_nsec = 1000000;
	r = nanosleep(&ts, NULL);
	printf("nanosleep %d\n", r);
	r = usleep(1000);
	printf("usleep %d sleep %u\n", r, sleep(0));
	printf("getcwd %d\n", getcwd(cwd, sizeof cwd) == cwd && cwd[0] == '/');

	old_break = sbrk(0);
	r = sbrk(4096) == old_break;
	printf("sbrk %d %d\n", r, sbrk(0) == old_break + 4096);
	printf("brk back %d\n", brk(old_break));

	m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf("mmap %d\n", m != MAP_FAILED);
	memset(m, 1, 8192);
	r = mprotect(m, 4096, PROT_READ);
	printf("mprotect %d munmap %d\n", r, munmap(m, 8192));
	errno = 0;
	r = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 100) == MAP_FAILED;
	printf("mmap bad offset %d errno %d\n", r, errno);

	snprintf(path, sizeof path, "/tmp/libc_check.%d", getpid());
	fd = open(path, O_CREAT | O_TRUNC | O_RDWR, 0600);
	n = write(fd, "0123456789", 10);
	printf("open %d write %zd lseek %ld\n", fd >= 0, n, (long)lseek(fd, 2, SEEK_SET));
	memset(buf, 0, sizeof buf);
	n = read(fd, buf, 4);
	printf("read %zd [%s]\n", n, buf);
	n2 = pread(fd, buf, 3, 7);
	printf("pread %zd [%s]\n", n2, buf);
	r = fstat(fd, &st);
	printf("fstat %d size %lld mode %o regular %d\n", r, (long long)st.st_size,
	       st.st_mode & 0777, S_ISREG(st.st_mode));
	r = fcntl(fd, F_GETFD);
	printf("fcntl %d dup2 %d\n", r, dup2(fd, 50));
	r = close(fd);
	r2 = close(50);
	printf("close %d %d unlink %d\n", r, r2, unlink(path));
	errno = 0;
	r = open(path, O_RDONLY);
	printf("open missing %d errno %d\n", r, errno);
	r = stat(path, &st);
	printf("stat missing %d errno %d\n", r, errno);

	printf("pipe %d\n", pipe(pipefd));
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		close(pipefd[0]);
		write(pipefd[1], "from child", 10);
		_exit(7);
	}
	close(pipefd[1]);
	memset(buf, 0, sizeof buf);
	n = read(pipefd[0], buf, sizeof buf);
	printf("child said [%.*s]\n", (int)n, buf);
	r = waitpid(pid, &status, 0) == pid;
	printf("waitpid %d exited %d status %d\n", r, WIFEXITED(status), WEXITSTATUS(status));

	/* A child that fails an assertion: glibc's message, then SIGABRT.  It
	   is re-executed with a fixed argv[0] so the message does not depend
	   on the name of the binary. */
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char *args[] = { "assert_child", "--assert", NULL };

		execve("/proc/self/exe", args, environ);
		_exit(99);
	}
	waitpid(pid, &status, 0);
	printf("assert child signaled %d signal %d\n", WIFSIGNALED(status), WTERMSIG(status));

	/* _exit does not flush stdio; exit does. */
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		printf("this line is lost");
		_exit(3);
	}
	waitpid(pid, &status, 0);
	printf("_exit child status %d\n", WEXITSTATUS(status));
}

static void first_handler(void)
{
	printf("atexit: registered first, runs last\n");
}

static void second_handler(void)
{
	printf("atexit: registered second, runs first\n");
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--assert") == 0) {
		assert(argc == 1);
		return 0;
	}
	printf("getenv HOME set %d, missing %d\n", getenv("HOME") != NULL,
	       getenv("NO_SUCH_VARIABLE_HERE") == NULL);
	check_strings();
	check_numbers();
	check_errors();
	check_ctype();
	check_sort_and_rand();
	check_division();
	check_syscall_numbers();
	check_system();
	atexit(first_handler);
	atexit(second_handler);
	printf("main returns 5, unflushed line follows");
	return 5;
}
