/* sys_info.c - prctl names and parent-death signals, getresuid/getresgid, getgroups,
   sysinfo and times: properties that hold on any Linux, printed as OK/FAIL (the values
   themselves differ between machines). Raw system calls, so both C libraries run the same. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define PR_SET_PDEATHSIG 1
#define PR_GET_PDEATHSIG 2
#define PR_GET_DUMPABLE 3
#define PR_SET_DUMPABLE 4
#define PR_SET_NAME 15
#define PR_GET_NAME 16

struct k_sysinfo {            /* the i386 struct sysinfo: 64 bytes */
	long uptime;
	unsigned long loads[3];
	unsigned long totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	unsigned short procs, pad;
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;
	char reserved[8];
};

struct k_tms { long utime, stime, cutime, cstime; };

static const char *ok(int good)
{
	return good ? "OK" : "FAIL";
}

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	got = sig;
}

int main(void)
{
	char name[16];

	/* Thread names: set, read back, cut at 15 characters; unknown options are EINVAL. */
	printf("set-name: %s\n", ok(syscall(SYS_prctl, PR_SET_NAME, "worker-thread", 0, 0, 0) == 0));
	memset(name, 'x', sizeof name);
	syscall(SYS_prctl, PR_GET_NAME, name, 0, 0, 0);
	printf("get-name: %s\n", name);
	syscall(SYS_prctl, PR_SET_NAME, "a-name-longer-than-fifteen", 0, 0, 0);
	syscall(SYS_prctl, PR_GET_NAME, name, 0, 0, 0);
	printf("long-name-cut: %s (%zu)\n", name, strlen(name));
	errno = 0;
	printf("bad-option-einval: %s\n", ok(syscall(SYS_prctl, 12345, 0, 0, 0, 0) == -1 && errno == EINVAL));
	errno = 0;
	printf("get-name-efault: %s\n", ok(syscall(SYS_prctl, PR_GET_NAME, (void *)16, 0, 0, 0) == -1 && errno == EFAULT));
	printf("dumpable: %ld\n", syscall(SYS_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0));
	syscall(SYS_prctl, PR_SET_DUMPABLE, 0, 0, 0, 0);
	printf("dumpable-after-clear: %ld\n", syscall(SYS_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0));
	errno = 0;
	printf("dumpable-2-einval: %s\n", ok(syscall(SYS_prctl, PR_SET_DUMPABLE, 2, 0, 0, 0) == -1 && errno == EINVAL));

	/* A grandchild asks for SIGUSR1 when its parent dies; the parent exits at once. */
	int p[2];
	pipe(p);
	fflush(stdout);
	pid_t child = fork();
	if (child == 0) {
		pid_t grandchild = fork();
		if (grandchild == 0) {
			signal(SIGUSR1, on_usr1);
			sigset_t none;
			sigemptyset(&none);
			int sig = 0;
			syscall(SYS_prctl, PR_SET_PDEATHSIG, SIGUSR1, 0, 0, 0);
			syscall(SYS_prctl, PR_GET_PDEATHSIG, &sig, 0, 0, 0);
			write(p[1], "r", 1);          /* ready: the parent may die now */
			while (!got)
				sigsuspend(&none);
			printf("pdeathsig: %d (asked %d), got %s\n", (int)got, sig, got == SIGUSR1 ? "SIGUSR1" : "?");
			fflush(stdout);
			write(p[1], "d", 1);
			_exit(0);
		}
		char c;
		read(p[0], &c, 1);
		_exit(0);
	}
	waitpid(child, NULL, 0);
	char c = 0;
	read(p[0], &c, 1);                    /* the child took the 'r' */
	printf("grandchild-reported: %s\n", ok(c == 'd'));

	/* Ids. */
	unsigned int r = 1, e = 2, s = 3;
	printf("getresuid: %s\n", ok(syscall(SYS_getresuid32, &r, &e, &s) == 0 && r == getuid() && e == geteuid()
				      && s == e));
	printf("getresgid: %s\n", ok(syscall(SYS_getresgid32, &r, &e, &s) == 0 && r == getgid() && e == getegid()));
	errno = 0;
	printf("getresuid-efault: %s\n", ok(syscall(SYS_getresuid32, (void *)16, &e, &s) == -1 && errno == EFAULT));
	long n = syscall(SYS_getgroups32, 0, NULL);
	printf("getgroups-count: %s\n", ok(n >= 0));
	errno = 0;
	printf("getgroups-negative-einval: %s\n", ok(syscall(SYS_getgroups32, -1, NULL) == -1 && errno == EINVAL));

	/* sysinfo and times. */
	struct k_sysinfo si;
	memset(&si, 0xff, sizeof si);
	printf("sysinfo: %s\n", ok(syscall(SYS_sysinfo, &si) == 0));
	printf("sysinfo-ram: %s\n", ok(si.mem_unit > 0 && si.totalram > 0 && si.freeram <= si.totalram));
	printf("sysinfo-procs: %s\n", ok(si.procs >= 1 && si.uptime >= 0));
	errno = 0;
	printf("sysinfo-efault: %s\n", ok(syscall(SYS_sysinfo, (void *)16) == -1 && errno == EFAULT));
	struct k_tms t;
	volatile unsigned long spin = 0;
	for (unsigned long i = 0; i < 20000000; i++)
		spin += i;
	long ticks = syscall(SYS_times, &t);
	printf("times: %s\n", ok(ticks != -1 && t.utime >= 0 && t.cutime >= 0 && t.stime >= 0));
	printf("times-null: %s\n", ok(syscall(SYS_times, NULL) != -1));
	/* A number no kernel has: ENOSYS (and --syscalls-report lists it). */
	errno = 0;
	printf("unknown-syscall-enosys: %s\n", ok(syscall(500, 0, 0, 0) == -1 && errno == ENOSYS));
	return 0;
}
