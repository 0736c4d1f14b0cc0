/* <semaphore.h>: unnamed POSIX semaphores (sem_init), a counter on a futex
   word (lib/semaphore.c).  Named semaphores (sem_open) are not here. */
#ifndef _SEMAPHORE_H
#define _SEMAPHORE_H

#include <limits.h>
#include <time.h>
#include <bits/types.h>

typedef union {
	char __size[16];        /* glibc's size on i386 */
	long int __align;
} sem_t;

#define SEM_FAILED ((sem_t *)0)

int sem_init(sem_t *sem, int pshared, unsigned int value);
int sem_destroy(sem_t *sem);
int sem_wait(sem_t *sem);
int sem_trywait(sem_t *sem);
int sem_timedwait(sem_t *restrict sem, const struct timespec *restrict abstime);
int sem_clockwait(sem_t *restrict sem, clockid_t clockid, const struct timespec *restrict abstime);
int sem_post(sem_t *sem);
int sem_getvalue(sem_t *restrict sem, int *restrict sval);

#endif
