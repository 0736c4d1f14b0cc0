/* Where a signal handler returns when there is no vDSO to provide
   __kernel_sigreturn: the kernel puts the address of one of these, from
   sa_restorer, on the handler's stack as its return address.  As glibc's
   sysdeps/unix/sysv/linux/i386/libc_sigaction.c:

     __restore     for a plain handler: the frame holds the signal number
                   above the sigcontext, so pop it, then sigreturn (119);
     __restore_rt  for an SA_SIGINFO handler: rt_sigreturn (173). */

#include <sys/syscall.h>

	.text

	.globl	__restore
	.hidden	__restore
	.type	__restore, @function
	.align	16
__restore:
	popl	%eax
	movl	$SYS_sigreturn, %eax
	int	$0x80
	.size	__restore, .-__restore

	.globl	__restore_rt
	.hidden	__restore_rt
	.type	__restore_rt, @function
	.align	16
__restore_rt:
	movl	$SYS_rt_sigreturn, %eax
	int	$0x80
	.size	__restore_rt, .-__restore_rt

	.section .note.GNU-stack,"",@progbits
