/* System calls that need all six argument registers.  The i386 Linux
   convention (arch/x86/entry/entry_32.S): EAX = number; EBX, ECX, EDX, ESI,
   EDI, EBP = arguments; int $0x80; EAX = result, -4095..-1 meaning -errno.
   EBX, ESI, EDI and EBP are callee-saved in the C ABI, so they are kept. */

#include <sys/syscall.h>

/* void *__libc_sysinfo: where a system call enters the kernel (sysdep.h).
   libc-start.c points it at the vDSO's __kernel_vsyscall when the kernel
   passes AT_SYSINFO; until then, and on a kernel without a vDSO, it is
   __int80_entry. */
	.data
	.globl	__libc_sysinfo
	.type	__libc_sysinfo, @object
__libc_sysinfo:
	.long	__int80_entry
	.size	__libc_sysinfo, 4

	.text

	.type	__int80_entry, @function
__int80_entry:
	int	$0x80
	ret
	.size	__int80_entry, .-__int80_entry

/* long __syscall6(long n, long a1, long a2, long a3, long a4, long a5, long a6):
   the raw result, for the library's own use (mmap2 needs six arguments). */
	.globl	__syscall6
	.type	__syscall6, @function
__syscall6:
	pushl	%ebp
	pushl	%edi
	pushl	%esi
	pushl	%ebx
	movl	20(%esp), %eax
	movl	24(%esp), %ebx
	movl	28(%esp), %ecx
	movl	32(%esp), %edx
	movl	36(%esp), %esi
	movl	40(%esp), %edi
	movl	44(%esp), %ebp
	call	*__libc_sysinfo
	popl	%ebx
	popl	%esi
	popl	%edi
	popl	%ebp
	ret
	.size	__syscall6, .-__syscall6

/* long syscall(long number, ...): syscall(2) as glibc has it.  Like glibc's
   sysdeps/unix/sysv/linux/i386/syscall.S it loads six argument words whatever
   the call passed (extra ones are harmless stack contents), and on an error
   result sets errno and returns -1. */
	.globl	syscall
	.type	syscall, @function
syscall:
	pushl	%ebp
	pushl	%edi
	pushl	%esi
	pushl	%ebx
	movl	20(%esp), %eax
	movl	24(%esp), %ebx
	movl	28(%esp), %ecx
	movl	32(%esp), %edx
	movl	36(%esp), %esi
	movl	40(%esp), %edi
	movl	44(%esp), %ebp
	call	*__libc_sysinfo
	popl	%ebx
	popl	%esi
	popl	%edi
	popl	%ebp
	cmpl	$-4095, %eax
	jae	syscall_error
	ret
	.size	syscall, .-syscall

/* pid_t vfork(void): the child borrows the parent's stack until it calls
   execve or _exit, so it must not leave anything there that the parent
   needs.  As glibc's i386 vfork.S: take the return address off the stack
   into a register before the call and put it back after, in both.  It
   enters with int $0x80, not through __libc_sysinfo: the vDSO's entry
   would leave words on the shared stack that the child then overwrites. */
	.globl	vfork
	.type	vfork, @function
vfork:
	popl	%ecx
	movl	$SYS_vfork, %eax
	int	$0x80
	pushl	%ecx
	cmpl	$-4095, %eax
	jae	syscall_error
	ret
	.size	vfork, .-vfork

/* %eax holds -errno: set errno and return -1. */
syscall_error:
	negl	%eax
	pushl	%eax
	call	__errno_location
	popl	%ecx
	movl	%ecx, (%eax)
	movl	$-1, %eax
	ret

	.section .note.GNU-stack,"",@progbits
