/* <setjmp.h>: setjmp/longjmp, and sigsetjmp/siglongjmp, which can also
   save and restore the signal mask (the way out of a signal handler). */
#ifndef _SETJMP_H
#define _SETJMP_H

#include <signal.h>

/* glibc's i386 layout: EBX, ESI, EDI, EBP, ESP, EIP, then the mask. */
struct __jmp_buf_tag {
	unsigned long __jmpbuf[6];
	int __mask_was_saved;
	sigset_t __saved_mask;
};

typedef struct __jmp_buf_tag jmp_buf[1];
typedef struct __jmp_buf_tag sigjmp_buf[1];

int setjmp(jmp_buf env);
int _setjmp(jmp_buf env);
void longjmp(jmp_buf env, int val) __attribute__((__noreturn__));
void _longjmp(jmp_buf env, int val) __attribute__((__noreturn__));
int sigsetjmp(sigjmp_buf env, int savemask);
void siglongjmp(sigjmp_buf env, int val) __attribute__((__noreturn__));

#endif
