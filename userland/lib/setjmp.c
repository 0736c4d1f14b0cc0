/* The C half of sigsetjmp and siglongjmp (setjmp.S has the registers). */
#include <setjmp.h>
#include <signal.h>

extern void __longjmp(struct __jmp_buf_tag *env, int val)
	__attribute__((__noreturn__, __visibility__("hidden")));

/* sigsetjmp's second half: the mask too, if asked; 0 for the first return. */
int __sigjmp_save(struct __jmp_buf_tag *env, int savemask)
{
	env->__mask_was_saved = savemask != 0
		&& sigprocmask(SIG_BLOCK, NULL, &env->__saved_mask) == 0;
	return 0;
}

/* siglongjmp: the saved mask first (a handler's blocked signal unblocked
   again), then the registers. */
void siglongjmp(sigjmp_buf env, int val)
{
	if (env->__mask_was_saved)
		sigprocmask(SIG_SETMASK, &env->__saved_mask, NULL);
	__longjmp(env, val);
}

void longjmp(jmp_buf env, int val)
{
	siglongjmp(env, val);
}

void _longjmp(jmp_buf env, int val)
{
	__longjmp(env, val);
}
