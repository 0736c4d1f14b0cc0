/* <sched.h>: giving up the CPU (sched_yield(2)), CPU affinity
   (sched_setaffinity(2)) with glibc's cpu_set_t of 1024 CPUs, and clone(2)
   with its flags (include/uapi/linux/sched.h). */
#ifndef _SCHED_H
#define _SCHED_H

#include <stddef.h>
#include <bits/types.h>

#define CPU_SETSIZE 1024
#define __NCPUBITS  (8 * sizeof(unsigned long))

typedef struct {
	unsigned long __bits[CPU_SETSIZE / __NCPUBITS];
} cpu_set_t;

#define CPU_ZERO(set)        __builtin_memset((set), 0, sizeof(cpu_set_t))
#define CPU_SET(cpu, set)    ((void)((cpu) < CPU_SETSIZE && \
	((set)->__bits[(cpu) / __NCPUBITS] |= 1UL << ((cpu) % __NCPUBITS))))
#define CPU_CLR(cpu, set)    ((void)((cpu) < CPU_SETSIZE && \
	((set)->__bits[(cpu) / __NCPUBITS] &= ~(1UL << ((cpu) % __NCPUBITS)))))
#define CPU_ISSET(cpu, set)  ((cpu) < CPU_SETSIZE && \
	((set)->__bits[(cpu) / __NCPUBITS] & (1UL << ((cpu) % __NCPUBITS))) != 0)
#define CPU_COUNT(set)       __sched_cpucount(sizeof(cpu_set_t), (set))

/* What a task made by clone shares with its creator (set) or gets a copy
   of (clear), and the words the kernel writes for it.  The low byte
   (CSIGNAL) is the signal the parent gets when the child exits. */
#define CSIGNAL              0x000000ff
#define CLONE_VM             0x00000100 /* share the address space */
#define CLONE_FS             0x00000200 /* share root, cwd and umask */
#define CLONE_FILES          0x00000400 /* share the file descriptor table */
#define CLONE_SIGHAND        0x00000800 /* share the signal handlers */
#define CLONE_PIDFD          0x00001000 /* put a pidfd in *parent_tid */
#define CLONE_PTRACE         0x00002000
#define CLONE_VFORK          0x00004000 /* the parent sleeps until exec or exit */
#define CLONE_PARENT         0x00008000 /* same parent as the caller */
#define CLONE_THREAD         0x00010000 /* same thread group (same pid) */
#define CLONE_NEWNS          0x00020000
#define CLONE_SYSVSEM        0x00040000 /* share System V semaphore undo */
#define CLONE_SETTLS         0x00080000 /* give the child this TLS descriptor */
#define CLONE_PARENT_SETTID  0x00100000 /* write the child's tid to *parent_tid */
#define CLONE_CHILD_CLEARTID 0x00200000 /* at exit, zero *child_tid and futex-wake it */
#define CLONE_DETACHED       0x00400000
#define CLONE_UNTRACED       0x00800000
#define CLONE_CHILD_SETTID   0x01000000 /* write the child's tid to *child_tid */
#define CLONE_NEWCGROUP      0x02000000
#define CLONE_NEWUTS         0x04000000
#define CLONE_NEWIPC         0x08000000
#define CLONE_NEWUSER        0x10000000
#define CLONE_NEWPID         0x20000000
#define CLONE_NEWNET         0x40000000
#define CLONE_IO             0x80000000

/* clone(2) as glibc wraps it: the child runs fn(arg) on stack (its highest
   address) and exits with fn's result.  After arg come, as the flags ask,
   pid_t *parent_tid, struct user_desc *tls, pid_t *child_tid. */
int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);

int sched_yield(void);

/* unshare(2): stop sharing what CLONE_FILES, CLONE_FS or CLONE_SYSVSEM
   shared (or CLONE_NEWUTS: a UTS namespace of one's own); _GNU_SOURCE in
   glibc. */
int unshare(int flags);
int sched_setaffinity(pid_t pid, size_t cpusetsize, const cpu_set_t *mask);
int sched_getaffinity(pid_t pid, size_t cpusetsize, cpu_set_t *mask);
int __sched_cpucount(size_t setsize, const cpu_set_t *set);

#endif
