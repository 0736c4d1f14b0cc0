/* Program start-up, after crt0.S's _start: glibc's csu/libc-start.c in
   miniature.  Finds the environment and the auxiliary vector on the initial
   stack, sets up the main thread's TLS (tls.c: errno lives there), runs the
   constructors, calls main and exits with its result. */
#include <errno.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include "pthreadP.h"
#include "sysdep.h"

char **environ;
unsigned long *__auxv;
char *program_invocation_name = "";
char *program_invocation_short_name = "";

/* Bounds of the constructor and destructor tables, from minikernel.ld. */
typedef void (*init_fn)(int argc, char **argv, char **envp);
typedef void (*fini_fn)(void);
extern init_fn __preinit_array_start[], __preinit_array_end[];
extern init_fn __init_array_start[], __init_array_end[];
extern fini_fn __fini_array_start[], __fini_array_end[];

/* Destructors run in reverse order, after the atexit handlers registered
   later, because this is registered before main (glibc's call_fini). */
static void call_fini(void)
{
	size_t i = (size_t)(__fini_array_end - __fini_array_start);

	while (i-- > 0)
		__fini_array_start[i]();
}

__attribute__((__noreturn__))
void __libc_start_main(int (*main)(int, char **, char **), int argc, char **argv)
{
	char **envp = argv + argc + 1;
	char **p = envp;
	unsigned long *a;
	init_fn *f;

	environ = envp;
	while (*p != NULL)
		p++;
	__auxv = (unsigned long *)(p + 1);
	/* (Read directly: getauxval may set errno, which needs the TLS set up
	   just below.) */
	for (a = __auxv; a[0] != AT_NULL; a += 2)
		if (a[0] == AT_SYSINFO && a[1] != 0)
			__libc_sysinfo = (void *)a[1];
	__libc_setup_tls();

	if (argc > 0 && argv[0] != NULL) {
		char *slash = argv[0];

		program_invocation_name = argv[0];
		program_invocation_short_name = argv[0];
		for (; *slash != '\0'; slash++)
			if (*slash == '/')
				program_invocation_short_name = slash + 1;
	}

	if (&__fini_array_start[0] != &__fini_array_end[0])
		atexit(call_fini);
	for (f = __preinit_array_start; f < __preinit_array_end; f++)
		(*f)(argc, argv, environ);
	for (f = __init_array_start; f < __init_array_end; f++)
		(*f)(argc, argv, environ);

	exit(main(argc, argv, environ));
}

/* getauxval(3): the value of the first entry of that type; 0 and ENOENT if
   there is none, as glibc has done since 2.19. */
unsigned long getauxval(unsigned long type)
{
	unsigned long *a;

	for (a = __auxv; a != NULL && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	errno = ENOENT;
	return 0;
}
