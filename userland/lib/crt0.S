/* _start: the program's entry point.  The kernel leaves (i386 psABI, and
   Linux's create_elf_tables() in fs/binfmt_elf.c):

	(%esp)          argc
	4(%esp)         argv[0] ... argv[argc-1], NULL
	                envp[0] ... NULL
	                auxv: (type, value) pairs ending with AT_NULL

   and every other register undefined except %esp (%edx may hold a function
   for atexit from a dynamic linker; a static program has none).  As glibc's
   sysdeps/i386/start.S does, clear %ebp to mark the outermost frame for
   debuggers, align the stack to 16 bytes as the ABI wants at a call, and
   hand main, argc and argv to __libc_start_main, which never returns. */

	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp
	popl	%esi                    /* argc */
	movl	%esp, %ecx              /* argv */
	andl	$-16, %esp
	subl	$4, %esp                /* three pushes + this = 16 bytes */
	pushl	%ecx
	pushl	%esi
	pushl	$main
	call	__libc_start_main
	hlt                             /* not reached */
	.size	_start, .-_start

	.section .note.GNU-stack,"",@progbits
