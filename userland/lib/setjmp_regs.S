/* setjmp, _setjmp and sigsetjmp save the registers a called function must
   keep (EBX, ESI, EDI, EBP), the stack pointer as it will be after the
   return, and the return address; longjmp puts them back and "returns"
   there a second time, with VAL (1 if VAL is 0).  sigsetjmp then jumps to
   __sigjmp_save, which saves the mask if asked and returns 0 for it. */
	.text

	/* setjmp does not save the mask (glibc's choice; sigsetjmp(env, 1) does). */
	.globl	setjmp
	.type	setjmp, @function
setjmp:
	.globl	_setjmp
	.type	_setjmp, @function
_setjmp:
	movl	4(%esp), %eax
	movl	$0, 24(%eax)		/* __mask_was_saved */
	jmp	__save_regs
	.size	_setjmp, .-_setjmp
	.size	setjmp, .-setjmp

	.globl	sigsetjmp
	.type	sigsetjmp, @function
sigsetjmp:
	movl	4(%esp), %eax
	movl	%ebx, 0(%eax)
	movl	%esi, 4(%eax)
	movl	%edi, 8(%eax)
	movl	%ebp, 12(%eax)
	leal	4(%esp), %ecx		/* ESP once returned */
	movl	%ecx, 16(%eax)
	movl	(%esp), %ecx		/* the return address */
	movl	%ecx, 20(%eax)
	jmp	__sigjmp_save		/* (env, savemask): its 0 goes to our caller */
	.size	sigsetjmp, .-sigsetjmp

__save_regs:
	movl	%ebx, 0(%eax)
	movl	%esi, 4(%eax)
	movl	%edi, 8(%eax)
	movl	%ebp, 12(%eax)
	leal	4(%esp), %ecx
	movl	%ecx, 16(%eax)
	movl	(%esp), %ecx
	movl	%ecx, 20(%eax)
	xorl	%eax, %eax
	ret

	.globl	__longjmp
	.hidden	__longjmp
	.type	__longjmp, @function
__longjmp:
	movl	4(%esp), %edx		/* env */
	movl	8(%esp), %eax		/* val */
	testl	%eax, %eax
	jnz	1f
	incl	%eax
1:	movl	0(%edx), %ebx
	movl	4(%edx), %esi
	movl	8(%edx), %edi
	movl	12(%edx), %ebp
	movl	16(%edx), %esp
	jmp	*20(%edx)
	.size	__longjmp, .-__longjmp

	.section .note.GNU-stack,"",@progbits
