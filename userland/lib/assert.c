/* The failure half of assert(3), with glibc's message (assert/assert.c):
   "prog: file:line: function: Assertion `expr' failed." */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

void __assert_fail(const char *assertion, const char *file, unsigned int line,
                   const char *function)
{
	fprintf(stderr, "%s%s%s:%u: %s%sAssertion `%s' failed.\n",
	        program_invocation_short_name,
	        program_invocation_short_name[0] != '\0' ? ": " : "",
	        file, line, function != NULL ? function : "",
	        function != NULL ? ": " : "", assertion);
	abort();
}
