/* pthread_once(3): run an initialisation exactly once, however many
   threads ask at the same time.  The once word goes 0 (not yet) -> 1 (one
   thread is running it) -> 2 (done); threads that find 1 sleep on the word
   until the runner sets 2 and wakes them all. */
#include <limits.h>
#include "lowlevellock.h"
#include "pthreadP.h"

#define ONCE_NOT_RUN    0
#define ONCE_RUNNING    1
#define ONCE_DONE       2

int pthread_once(pthread_once_t *once_control, void (*init_routine)(void))
{
	for (;;) {
		int state = __atomic_load_n(once_control, __ATOMIC_ACQUIRE);

		if (state == ONCE_DONE)
			return 0;
		if (state == ONCE_NOT_RUN) {
			if (!__atomic_compare_exchange_n(once_control, &state, ONCE_RUNNING, 0,
			                                 __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE))
				continue;
			init_routine();
			__atomic_store_n(once_control, ONCE_DONE, __ATOMIC_RELEASE);
			futex_wake(once_control, INT_MAX, LLL_PRIVATE);
			return 0;
		}
		futex_wait(once_control, ONCE_RUNNING, LLL_PRIVATE);
	}
}
