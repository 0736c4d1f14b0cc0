/* Private to the library: the thread descriptor and what the thread code
   shares (glibc's nptl/descr.h and pthreadP.h in miniature).

   Thread-local storage on i386 is "variant II" (Drepper, "ELF Handling For
   Thread-Local Storage"): the thread pointer is the address of the thread
   control block, the program's TLS block (the PT_TLS segment: .tdata
   copied, .tbss zeroed) ends right below it, and %gs selects a GDT entry
   whose base is the thread pointer:

       lower addresses                                    higher addresses
       ... stack grows down | TLS block (offset bytes) | struct pthread ...
                                                       ^
                                            %gs base = thread pointer

   A __thread variable is at a fixed negative offset from the thread
   pointer, which the linker computes; gcc's code reads the thread pointer
   itself from %gs:0, so the first word of the TCB points to itself.  The
   first words are glibc's tcbhead_t, so %gs:0x14 is the stack-protector
   canary where gcc looks for it.  struct pthread is both the TCB and the
   descriptor a pthread_t points to, as in glibc. */
#ifndef _LIB_PTHREADP_H
#define _LIB_PTHREADP_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <pthread.h>
#include <linux/futex.h>

#define TCB_ALIGNMENT   64      /* glibc's: the descriptor starts a cache line */

#define PTHREAD_KEY_2NDLEVEL_SIZE 32
#define PTHREAD_KEY_1STLEVEL_SIZE \
	((PTHREAD_KEYS_MAX + PTHREAD_KEY_2NDLEVEL_SIZE - 1) / PTHREAD_KEY_2NDLEVEL_SIZE)

/* A value stored by pthread_setspecific; valid only while seq matches the
   key's current sequence number (a deleted and recreated key gets a new one). */
struct pthread_key_data {
	uintptr_t seq;
	void *data;
};

struct pthread {
	/* glibc's i386 tcbhead_t: the words code reaches through %gs. */
	struct pthread *tcb;            /* %gs:0x00  the thread pointer itself */
	void *dtv;                      /* %gs:0x04  dynamic TLS vector: none when static */
	struct pthread *self;           /* %gs:0x08  this descriptor (THREAD_SELF) */
	int multiple_threads;           /* %gs:0x0c  set once a second thread exists */
	uintptr_t sysinfo;              /* %gs:0x10  vsyscall entry: unused, int $0x80 */
	uintptr_t stack_guard;          /* %gs:0x14  -fstack-protector's canary */
	uintptr_t pointer_guard;        /* %gs:0x18 */

	/* The kernel writes this word: the tid at creation (CLONE_PARENT_SETTID;
	   set_tid_address for the main thread), 0 plus a futex wake when the
	   thread has exited (CLONE_CHILD_CLEARTID).  pthread_join sleeps on it. */
	pid_t tid;
	struct robust_list_head robust_head; /* robust mutexes held, for the kernel */

	struct pthread *joinid;         /* NULL: joinable; self: detached; else the joiner */
	int exiting;                    /* the thread has run its exit path */
	int freed;                      /* its stack has been handed back (once) */
	void *(*start_routine)(void *);
	void *arg;
	void *result;                   /* what pthread_join returns */

	void *map_base;                 /* the stack mapping, guard page included; */
	size_t map_size;                /* NULL for the main thread or a user stack */
	struct pthread *next_free;      /* on the list of stacks to unmap */

	/* Thread-specific data in two levels, as glibc: blocks of 32 values,
	   the first one here, the others calloc'ed when first used. */
	/* Cancellation: the CANCEL_* bits below, and the cleanup handlers
	   pthread_cleanup_push stacked (run by pthread_exit, newest first). */
	int cancelhandling;
	struct __pthread_cleanup_frame *cleanup;

	int specific_used;              /* pthread_setspecific stored a value */
	struct pthread_key_data *specific[PTHREAD_KEY_1STLEVEL_SIZE];
	struct pthread_key_data specific_1stblock[PTHREAD_KEY_2NDLEVEL_SIZE];
} __attribute__((__aligned__(TCB_ALIGNMENT)));

/* cancelhandling bits, as glibc's. */
#define CANCELSTATE_BITMASK 0x01        /* PTHREAD_CANCEL_DISABLE */
#define CANCELTYPE_BITMASK  0x02        /* PTHREAD_CANCEL_ASYNCHRONOUS */
#define CANCELED_BITMASK    0x04        /* pthread_cancel was called */
#define EXITING_BITMASK     0x08        /* acting on it: never twice */
#define SIGCANCEL           32          /* glibc's: the first real-time signal */

void __pthread_testcancel(void) __attribute__((__visibility__("hidden")));
void __pthread_run_cleanups(void) __attribute__((__visibility__("hidden")));
struct sigaction;
int __libc_sigaction(int signum, const struct sigaction *act, struct sigaction *oldact)
	__attribute__((__visibility__("hidden")));

/* A cancellation point around a blocking system call (RESULT is the raw
   -errno result): a pending cancel is acted on before the call, and after
   it if the call failed with EINTR, which the SIGCANCEL pthread_cancel
   sends makes it do. */
static inline long __cancel_point_after(long r)
{
	if (r == -EINTR)
		__pthread_testcancel();
	return r;
}
#define CANCEL_POINT(call) (__pthread_testcancel(), __cancel_point_after(call))

/* The calling thread's descriptor, read through %gs. */
static inline struct pthread *__thread_self(void)
{
	struct pthread *self;

	__asm__("movl %%gs:%c1, %0" : "=r"(self) : "i"(offsetof(struct pthread, self)));
	return self;
}
#define THREAD_SELF __thread_self()

/* asm/ldt.h's struct user_desc: a segment descriptor as set_thread_area(2)
   and CLONE_SETTLS take it. */
struct user_desc {
	unsigned int entry_number;      /* GDT slot; -1 asks the kernel for a free one */
	unsigned int base_addr;
	unsigned int limit;
	unsigned int seg_32bit : 1;
	unsigned int contents : 2;
	unsigned int read_exec_only : 1;
	unsigned int limit_in_pages : 1;
	unsigned int seg_not_present : 1;
	unsigned int useable : 1;
};

/* tls.c: the PT_TLS segment and the static TLS area every thread gets. */
struct static_tls {
	const void *image;              /* .tdata's initial contents */
	size_t filesz;                  /* bytes to copy (.tdata) */
	size_t memsz;                   /* .tdata + .tbss */
	size_t offset;                  /* thread pointer minus block start */
	size_t align;                   /* alignment of the thread pointer */
};
extern struct static_tls __static_tls;
extern int __nptl_set_robust_list_avail;
void __libc_setup_tls(void);
void __libc_init_static_tls(struct pthread *pd);
void __tls_init_tp_descriptor(struct user_desc *desc, struct pthread *pd);

/* pthread_create.c */
extern unsigned int __nptl_nthreads;
void __nptl_free_tcb(struct pthread *pd);
void __nptl_free_stack(struct pthread *pd);
void __nptl_fork_child(void);
__attribute__((__noreturn__)) void __pthread_do_exit(void *result);

/* pthread_key.c: run the destructors of the calling thread's values (a
   do-nothing stand-in in pthread_create.c when no key is ever created). */
void __nptl_deallocate_tsd(void);

/* pthread_attr.c: the default stack size (RLIMIT_STACK, as glibc). */
size_t __pthread_default_stacksize(void);

/* Bits of pthread_attr_t.__flags, glibc's names. */
#define ATTR_FLAG_DETACHSTATE   0x0001
#define ATTR_FLAG_NOTINHERITSCHED 0x0002
#define ATTR_FLAG_SCOPEPROCESS  0x0004
#define ATTR_FLAG_STACKADDR     0x0008

/* Mutex kinds (pthread_mutex_t.__kind and pthread_mutexattr_t): the type in
   the low bits plus flags, glibc's encoding. */
#define PTHREAD_MUTEX_KIND_MASK_NP      3
#define PTHREAD_MUTEX_ROBUST_NORMAL_NP  16
#define PTHREAD_MUTEX_PSHARED_BIT       128

/* A robust mutex's __owner after its owner died (until made consistent),
   and after it was unlocked without being made consistent. */
#define PTHREAD_MUTEX_INCONSISTENT      INT_MAX
#define PTHREAD_MUTEX_NOTRECOVERABLE    (INT_MAX - 1)

#endif
