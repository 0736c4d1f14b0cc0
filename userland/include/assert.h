/* <assert.h>: assert(expr) prints glibc's message and aborts; NDEBUG turns it
   off.  Deliberately without an include guard, as C requires. */
#undef assert

#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
extern void __assert_fail(const char *assertion, const char *file,
                          unsigned int line, const char *function)
	__attribute__((__noreturn__));
#define assert(expr) \
	((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

#ifndef static_assert
#define static_assert _Static_assert
#endif
