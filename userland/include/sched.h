/* <sched.h>: giving up the CPU (sched_yield(2)) and CPU affinity
   (sched_setaffinity(2)), with glibc's cpu_set_t of 1024 CPUs. */
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

int sched_yield(void);
int sched_setaffinity(pid_t pid, size_t cpusetsize, const cpu_set_t *mask);
int sched_getaffinity(pid_t pid, size_t cpusetsize, cpu_set_t *mask);
int __sched_cpucount(size_t setsize, const cpu_set_t *set);

#endif
