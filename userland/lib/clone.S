/* The raw clone(2) stub, for pthread_create's create_thread and for the
   public clone() (sched.c), as glibc's sysdeps/unix/sysv/linux/i386/clone.S.

   long __clone(int (*fn)(void *), void *stack, int flags, void *arg,
                pid_t *parent_tid, struct user_desc *tls, pid_t *child_tid)

   i386 clone takes (arch/x86/kernel/process_32.c, CONFIG_CLONE_BACKWARDS):
	EBX flags (the low byte is the exit signal)
	ECX the child's stack pointer
	EDX parent_tid   (CLONE_PARENT_SETTID writes the child's tid there)
	ESI tls          (CLONE_SETTLS: a struct user_desc *)
	EDI child_tid    (CLONE_CHILD_SETTID / CLONE_CHILD_CLEARTID)

   Both tasks return from the same int $0x80: the parent with the child's
   tid (or -errno), the child with 0 and %esp at the new stack.  The child
   has nothing of the caller's frame, so fn and arg travel on the new stack,
   put there before the call.  It calls fn(arg) and ends with exit(2) with
   fn's result: only this thread ends, not the thread group.

   Returns the raw result: the child's tid, or -errno. */

#include <sys/syscall.h>

	.text
	.globl	__clone
	.type	__clone, @function
__clone:
	pushl	%ebp
	pushl	%edi
	pushl	%esi
	pushl	%ebx
	/* Arguments start at 20(%esp): fn, stack, flags, arg, parent_tid,
	   tls, child_tid.  The child's stack: 16-byte aligned as the ABI
	   wants at a call, holding arg at 0 and fn at 4. */
	movl	24(%esp), %ecx
	andl	$-16, %ecx
	subl	$16, %ecx
	movl	32(%esp), %eax
	movl	%eax, 0(%ecx)
	movl	20(%esp), %eax
	movl	%eax, 4(%ecx)
	movl	28(%esp), %ebx
	movl	36(%esp), %edx
	movl	40(%esp), %esi
	movl	44(%esp), %edi
	movl	$SYS_clone, %eax
	int	$0x80
	testl	%eax, %eax
	jz	thread_start
	popl	%ebx
	popl	%esi
	popl	%edi
	popl	%ebp
	ret

/* The child, on its new stack.  %ebp = 0 ends the chain of frames for a
   debugger's backtrace. */
thread_start:
	xorl	%ebp, %ebp
	movl	4(%esp), %eax
	call	*%eax
	movl	%eax, %ebx
	movl	$SYS_exit, %eax
	int	$0x80
	hlt                             /* not reached */
	.size	__clone, .-__clone

	.section .note.GNU-stack,"",@progbits
