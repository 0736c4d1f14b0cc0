/* The POSIX thread types, with glibc's sizes on i386 (each object is a
   union of the fields this library uses and a byte array of glibc's size),
   so a structure holding a mutex or a condition variable has the same
   layout here as under glibc.  The fields are the library's business:
   programs use the pthread_* functions and the static initialisers. */
#ifndef _BITS_PTHREADTYPES_H
#define _BITS_PTHREADTYPES_H

/* A thread's handle is the address of its descriptor, struct pthread
   (lib/pthreadP.h), which is also its thread pointer (%gs base). */
typedef unsigned long int pthread_t;

typedef unsigned int pthread_key_t;     /* index into the key table */
typedef int pthread_once_t;             /* 0, then in progress, then done */
typedef volatile int pthread_spinlock_t;

typedef union pthread_attr_t {
	struct {
		int __flags;            /* detach state, scope, user stack, ... */
		unsigned int __stacksize; /* 0: the default (RLIMIT_STACK, as glibc) */
		unsigned int __guardsize; /* bytes of PROT_NONE below the stack */
		void *__stackaddr;      /* highest address of a caller-given stack */
	} __data;
	char __size[36];
	long int __align;
} pthread_attr_t;

/* The link that puts a robust mutex on its owner's robust list: the same
   layout as the kernel's struct robust_list. */
typedef struct __pthread_internal_slist {
	struct __pthread_internal_slist *__next;
} __pthread_slist_t;

typedef union {
	struct __pthread_mutex_s {
		int __lock;             /* the futex word (see lib/pthread_mutex.c) */
		unsigned int __count;   /* recursion depth of a recursive mutex */
		int __owner;            /* owner's thread id; robust: also the state */
		int __kind;             /* type | robust and process-shared bits */
		unsigned int __nusers;  /* held (for pthread_mutex_destroy's EBUSY) */
		__pthread_slist_t __list; /* robust list link; futex_offset is -20 */
	} __data;
	char __size[24];
	long int __align;
} pthread_mutex_t;

typedef union {
	char __size[4];
	int __align;
} pthread_mutexattr_t;

typedef union {
	struct {
		unsigned int __seq;     /* futex word: bumped by signal and broadcast */
		unsigned int __waiters; /* threads between wait's start and end, | destroy bit */
		int __flags;            /* clock (CLOCK_MONOTONIC bit) and process-shared */
	} __data;
	char __size[48];
	long long int __align;
} pthread_cond_t;

typedef union {
	char __size[4];
	int __align;
} pthread_condattr_t;

typedef union {
	struct {
		int __lock;             /* internal low-level lock */
		unsigned int __count;   /* threads per round | process-shared bit */
		unsigned int __in;      /* threads arrived in this round */
		unsigned int __round;   /* futex word: bumped when a round completes */
		unsigned int __inside;  /* threads inside pthread_barrier_wait | destroy bit */
	} __data;
	char __size[20];
	long int __align;
} pthread_barrier_t;

typedef union {
	char __size[4];
	int __align;
} pthread_barrierattr_t;

typedef union {
	struct {
		int __lock;             /* internal low-level lock over the fields below */
		unsigned int __readers; /* readers holding the lock */
		int __writer;           /* tid of the writer holding it, or 0 */
		unsigned int __seq;     /* futex word: bumped when the lock comes free */
		unsigned int __waiting; /* threads asleep on __seq */
		int __flags;            /* process-shared */
	} __data;
	char __size[32];
	long int __align;
} pthread_rwlock_t;

typedef union {
	char __size[8];
	long int __align;
} pthread_rwlockattr_t;

#endif
