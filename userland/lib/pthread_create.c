/* pthread_create(3) and the life of a thread: its stack, the clone that
   starts it, and its end.  glibc's nptl/allocatestack.c, pthread_create.c
   and sysdeps/unix/sysv/linux/createthread.c in one file.

   A new thread gets one anonymous mapping (MAP_STACK) holding, from the
   bottom: a PROT_NONE guard page that turns a stack overflow into SIGSEGV,
   the stack, the thread's TLS block and its descriptor at the very top:

       map_base                                                  map_base + map_size
       | guard |  stack, growing down <-  | TLS block | struct pthread |
                                          ^           ^
                              initial stack pointer   thread pointer (%gs base)

   The thread's end is the mirror of its start: exit(2) of this thread only
   (the kernel then zeroes pd->tid and wakes pthread_join), or exit(0) of the
   process if it was the last thread. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include "lowlevellock.h"
#include "pthreadP.h"
#include "sysdep.h"

#define MINIMAL_REST_STACK 2048         /* glibc's: stack left after TLS and descriptor */

long __clone(int (*fn)(void *), void *stack, int flags, void *arg, pid_t *parent_tid,
             struct user_desc *tls, pid_t *child_tid);

/* Threads alive in this process, the main thread included.  The last one
   to finish ends the process with exit(0), as glibc's start_thread does. */
unsigned int __nptl_nthreads = 1;

/* Detached threads that have exited, or are exiting, with their stacks still
   mapped: a thread cannot unmap the stack it runs on.  Each is unmapped at a
   later pthread_create, once the kernel has zeroed its tid word, which it
   does only after the thread stopped touching user memory. */
static int stack_lock;
static struct pthread *free_stacks;

/* Give back a stack nobody runs on any more (the main thread's, and a
   stack the caller provided, are not ours to unmap). */
void __nptl_free_stack(struct pthread *pd)
{
	if (pd->map_base != NULL)
		munmap(pd->map_base, pd->map_size);
}

/* A detached thread's stack, queued for unmapping; once only, whichever of
   the exiting thread and pthread_detach gets here first. */
void __nptl_free_tcb(struct pthread *pd)
{
	if (__atomic_exchange_n(&pd->freed, 1, __ATOMIC_ACQ_REL))
		return;
	lll_lock(&stack_lock, LLL_PRIVATE);
	pd->next_free = free_stacks;
	free_stacks = pd;
	lll_unlock(&stack_lock, LLL_PRIVATE);
}

static void reclaim_stacks(void)
{
	struct pthread **link, *pd;

	lll_lock(&stack_lock, LLL_PRIVATE);
	link = &free_stacks;
	while ((pd = *link) != NULL) {
		if (__atomic_load_n(&pd->tid, __ATOMIC_ACQUIRE) == 0) {
			*link = pd->next_free;
			__nptl_free_stack(pd);
		} else {
			link = &pd->next_free;
		}
	}
	lll_unlock(&stack_lock, LLL_PRIVATE);
}

/* Map the new thread's stack (or take the caller's) and place its
   descriptor and TLS block at the top.  Returns 0 or EINVAL/EAGAIN, with
   *pdp the descriptor and *stack_top the highest usable stack address. */
static int allocate_stack(const pthread_attr_t *attr, struct pthread **pdp, void **stack_top)
{
	size_t reserved = __static_tls.offset + sizeof(struct pthread);
	size_t page = 4096, size, guard, map_size;
	struct pthread *pd;
	char *map;

	if (attr != NULL && (attr->__data.__flags & ATTR_FLAG_STACKADDR)) {
		uintptr_t top = (uintptr_t)attr->__data.__stackaddr;

		if (attr->__data.__stacksize < reserved + MINIMAL_REST_STACK)
			return EINVAL;
		pd = (struct pthread *)((top - sizeof(struct pthread)) &
		                        ~(uintptr_t)(__static_tls.align - 1));
		memset(pd, 0, sizeof *pd);
	} else {
		size = attr != NULL && attr->__data.__stacksize != 0 ? attr->__data.__stacksize
		                                                     : __pthread_default_stacksize();
		size = (size + page - 1) & ~(page - 1);
		guard = attr != NULL ? attr->__data.__guardsize : page;
		guard = (guard + page - 1) & ~(page - 1);
		if (size < reserved + MINIMAL_REST_STACK || size + guard < size)
			return EINVAL;
		map_size = size + guard;

		/* As glibc: map it all inaccessible, then open everything above
		   the guard.  Fresh anonymous memory is zero: no memset. */
		map = mmap(NULL, map_size, guard != 0 ? PROT_NONE : PROT_READ | PROT_WRITE,
		           MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
		if (map == MAP_FAILED)
			return EAGAIN;
		if (guard != 0 && mprotect(map + guard, size, PROT_READ | PROT_WRITE) != 0) {
			munmap(map, map_size);
			return EAGAIN;
		}
		pd = (struct pthread *)(((uintptr_t)map + map_size - sizeof(struct pthread)) &
		                        ~(uintptr_t)(__static_tls.align - 1));
		pd->map_base = map;
		pd->map_size = map_size;
	}
	__libc_init_static_tls(pd);
	*pdp = pd;
	*stack_top = (char *)pd - __static_tls.offset;
	return 0;
}

/* The first function of every new thread, on its own stack, with %gs
   already selecting its own TLS (CLONE_SETTLS).  Like glibc's
   start_thread: register the robust list with the kernel, run the start
   routine, and exit with what it returned. */
static int start_thread(void *arg)
{
	struct pthread *pd = arg;

	if (__nptl_set_robust_list_avail)
		__syscall2(SYS_set_robust_list, (long)&pd->robust_head, sizeof pd->robust_head);
	__pthread_do_exit(pd->start_routine(pd->arg));
}

/* Start thread pd running start_thread(pd) on the stack below stack_top:
   one clone system call.  glibc's create_thread, with its exact flags. */
static int create_thread(struct pthread *pd, void *stack_top)
{
	/* What the new task shares with its creator.  Everything a thread
	   shares, a process made by fork() gets a copy of instead: these
	   flags are the whole difference between the two. */
	const int clone_flags =
		CLONE_VM                /* the address space (mm_struct): every
		                           variable, the heap, the other stacks */
		| CLONE_FS              /* root, cwd and umask (fs_struct): a
		                           chdir in one thread moves them all */
		| CLONE_FILES           /* the file descriptor table (files_struct):
		                           a file opened by one thread is open in all */
		| CLONE_SYSVSEM         /* System V semaphore undo values: SEM_UNDO
		                           adjustments belong to the process */
		| CLONE_SIGHAND         /* the signal handlers (sighand_struct):
		                           sigaction is per process */
		| CLONE_THREAD          /* the thread group: same pid, own tid; no
		                           SIGCHLD at exit, exit_group ends them all.
		                           With CLONE_SIGHAND, glibc's CLONE_SIGNAL */
		| CLONE_SETTLS          /* not shared: the child's own TLS segment,
		                           the descriptor below, loaded in its GDT slot */
		| CLONE_PARENT_SETTID   /* the kernel writes the child's tid into
		                           pd->tid before either task runs on */
		| CLONE_CHILD_CLEARTID  /* at the child's exit the kernel writes 0 to
		                           pd->tid and futex-wakes it: pthread_join */
		| 0;                    /* exit signal (CSIGNAL): none for a thread */
	struct user_desc desc;
	unsigned short gs;
	long r;

	/* The same GDT slot as ours (the selector in %gs is inherited), with
	   the new thread's descriptor as base: the kernel loads it only for
	   the child. */
	__tls_init_tp_descriptor(&desc, pd);
	__asm__("movw %%gs, %w0" : "=q"(gs));
	desc.entry_number = gs >> 3;

	r = __clone(start_thread, stack_top, clone_flags, pd, &pd->tid, &desc, &pd->tid);
	return __syscall_error(r) ? (int)-r : 0;
}

int pthread_create(pthread_t *restrict thread, const pthread_attr_t *restrict attr,
                   void *(*start_routine)(void *), void *restrict arg)
{
	struct pthread *self = THREAD_SELF, *pd;
	void *stack_top;
	int err;

	reclaim_stacks();
	err = allocate_stack(attr, &pd, &stack_top);
	if (err != 0)
		return err;

	pd->tcb = pd;
	pd->self = pd;
	pd->specific[0] = pd->specific_1stblock;
	pd->multiple_threads = 1;
	pd->stack_guard = self->stack_guard;
	pd->pointer_guard = self->pointer_guard;
	pd->robust_head.list.next = &pd->robust_head.list;
	pd->robust_head.futex_offset = self->robust_head.futex_offset;
	pd->start_routine = start_routine;
	pd->arg = arg;
	pd->joinid = attr != NULL && (attr->__data.__flags & ATTR_FLAG_DETACHSTATE) ? pd : NULL;
	self->multiple_threads = 1;

	/* The handle is stored before the thread starts, so the thread may
	   already find it where the caller asked it to be put. */
	*thread = (pthread_t)pd;
	__atomic_fetch_add(&__nptl_nthreads, 1, __ATOMIC_SEQ_CST);
	err = create_thread(pd, stack_top);
	if (err != 0) {
		__atomic_fetch_sub(&__nptl_nthreads, 1, __ATOMIC_SEQ_CST);
		__nptl_free_stack(pd);
	}
	return err;
}

/* Without pthread_key.c in the program no thread has values to destroy.
   Its strong definition replaces this one when it is linked. */
__attribute__((__weak__)) void __nptl_deallocate_tsd(void)
{
}

/* The end of every thread: from start_thread when the start routine
   returns, or from pthread_exit at any depth of calls. */
void __pthread_do_exit(void *result)
{
	struct pthread *self = THREAD_SELF;

	__pthread_run_cleanups();       /* cleanup handlers first, then TSD destructors */
	self->result = result;
	__nptl_deallocate_tsd();

	if (__atomic_sub_fetch(&__nptl_nthreads, 1, __ATOMIC_SEQ_CST) == 0)
		exit(0);

	/* A detached thread gives its stack back itself (to be unmapped once
	   it is off it); pthread_detach does it for a thread already exiting. */
	__atomic_store_n(&self->exiting, 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&self->joinid, __ATOMIC_SEQ_CST) == self)
		__nptl_free_tcb(self);

	/* exit, not exit_group: only this thread ends.  Robust mutexes it
	   still holds are released by the kernel from its robust list. */
	for (;;)
		__syscall1(SYS_exit, 0);
}

/* pthread_exit(3), also from the main thread: the process lives on until
   its last thread has exited. */
void pthread_exit(void *retval)
{
	__pthread_do_exit(retval);
}

pthread_t pthread_self(void)
{
	return (pthread_t)THREAD_SELF;
}

/* pthread_kill(3): tgkill to the thread's tid, as glibc does; a thread that
   has exited (its tid word cleared) is ESRCH. Returns the error number. */
int pthread_kill(pthread_t thread, int sig)
{
	struct pthread *pd = (struct pthread *)thread;
	pid_t tid = __atomic_load_n(&pd->tid, __ATOMIC_ACQUIRE);
	long r;

	if (tid <= 0)
		return ESRCH;
	r = __syscall3(SYS_tgkill, __syscall0(SYS_getpid), tid, sig);
	return r < 0 ? (int)-r : 0;
}

int pthread_equal(pthread_t t1, pthread_t t2)
{
	return t1 == t2;
}

/* In the child of fork(): the calling thread is the only one there. */
void __nptl_fork_child(void)
{
	__nptl_nthreads = 1;
	stack_lock = 0;
	free_stacks = NULL;
}
