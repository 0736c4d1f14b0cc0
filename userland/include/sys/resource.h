/* <sys/resource.h>: resource limits (getrlimit(2), prlimit(2)), resource
   usage (getrusage(2), the struct wait4(2) fills) and scheduling priority
   (getpriority(2)), with Linux's i386 values. */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <bits/types.h>
#include <bits/time.h>

/* The resources, include/uapi/asm-generic/resource.h. */
#define RLIMIT_CPU        0   /* CPU time in seconds */
#define RLIMIT_FSIZE      1   /* largest file that may be created */
#define RLIMIT_DATA       2   /* data segment: brk and private mappings */
#define RLIMIT_STACK      3   /* main thread's stack */
#define RLIMIT_CORE       4   /* largest core file */
#define RLIMIT_RSS        5   /* resident set (not enforced by Linux) */
#define RLIMIT_NPROC      6   /* processes of this real user id */
#define RLIMIT_NOFILE     7   /* one more than the highest file descriptor */
#define RLIMIT_MEMLOCK    8   /* locked-in-memory bytes */
#define RLIMIT_AS         9   /* address space */
#define RLIMIT_LOCKS      10  /* file locks */
#define RLIMIT_SIGPENDING 11  /* queued signals */
#define RLIMIT_MSGQUEUE   12  /* bytes in POSIX message queues */
#define RLIMIT_NICE       13  /* ceiling for raising the nice value */
#define RLIMIT_RTPRIO     14  /* ceiling for real-time priority */
#define RLIMIT_RTTIME     15  /* real-time CPU time in microseconds */
#define RLIMIT_NLIMITS    16
#define RLIM_NLIMITS      RLIMIT_NLIMITS

/* Without _FILE_OFFSET_BITS=64 glibc's i386 rlim_t is 32 bits; the
   prlimit64 system call always takes 64-bit values. */
typedef unsigned long rlim_t;
typedef unsigned long long rlim64_t;

#define RLIM_INFINITY   ((rlim_t)-1)
#define RLIM64_INFINITY ((rlim64_t)-1)
#define RLIM_SAVED_MAX  RLIM_INFINITY
#define RLIM_SAVED_CUR  RLIM_INFINITY

struct rlimit {
	rlim_t rlim_cur;        /* soft limit: what the kernel enforces */
	rlim_t rlim_max;        /* hard limit: ceiling for the soft limit */
};

struct rlimit64 {
	rlim64_t rlim_cur;
	rlim64_t rlim_max;
};

#define RUSAGE_SELF     0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_THREAD   1

/* The kernel's 32-bit struct rusage (compat_rusage), 72 bytes. */
struct rusage {
	struct timeval ru_utime;        /* user CPU time */
	struct timeval ru_stime;        /* system CPU time */
	long ru_maxrss;                 /* largest resident set, KiB */
	long ru_ixrss;                  /* unused on Linux */
	long ru_idrss;                  /* unused on Linux */
	long ru_isrss;                  /* unused on Linux */
	long ru_minflt;                 /* page faults without I/O */
	long ru_majflt;                 /* page faults with I/O */
	long ru_nswap;                  /* unused on Linux */
	long ru_inblock;                /* block input operations */
	long ru_oublock;                /* block output operations */
	long ru_msgsnd;                 /* unused on Linux */
	long ru_msgrcv;                 /* unused on Linux */
	long ru_nsignals;               /* unused on Linux */
	long ru_nvcsw;                  /* voluntary context switches */
	long ru_nivcsw;                 /* involuntary context switches */
};

/* getpriority/setpriority: whose priority. */
#define PRIO_PROCESS 0
#define PRIO_PGRP    1
#define PRIO_USER    2
#define PRIO_MIN     (-20)
#define PRIO_MAX     20

int getrlimit(int resource, struct rlimit *rlim);
int setrlimit(int resource, const struct rlimit *rlim);
int getrlimit64(int resource, struct rlimit64 *rlim);
int setrlimit64(int resource, const struct rlimit64 *rlim);
int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit);
int prlimit64(pid_t pid, int resource, const struct rlimit64 *new_limit,
              struct rlimit64 *old_limit);
int getrusage(int who, struct rusage *usage);
int getpriority(int which, id_t who);
int setpriority(int which, id_t who, int prio);

#endif
