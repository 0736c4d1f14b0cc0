/*
 * The scheduler's clock tick, as a Unicorn block hook written in C.
 *
 * Unicorn calls mk_block_hook before every translated block it runs. The hook counts blocks: the
 * count is the virtual clock (guest time advances with executed work, so a run is reproducible),
 * and when the current task's quantum is used up it stops the engine, which returns to the Java
 * scheduler with EIP at the start of the block that has not run yet. This is the timer interrupt of
 * a real kernel, made deterministic: a Java hook would cost ~15x, `count` in uc_emu_start ~10x,
 * this ~1.5x (../shared/DESIGN.md, "Preemption and time").
 *
 * Another thread (Ctrl-C, a watchdog) must not call uc_emu_stop itself (it is unsafe while the
 * engine runs); it sets stop_request, and the hook stops at the next block start.
 *
 * No Unicorn header is needed: uc_emu_stop arrives as a function pointer in the shared struct.
 */
#include <stdint.h>

struct mk_quantum {
    int64_t left;                 /* blocks left in the running task's quantum */
    int64_t blocks;               /* blocks started since the engine opened */
    volatile int32_t stop_request;/* set by another thread: stop at the next block */
    int32_t stopped;              /* why the hook stopped the engine: 1 quantum, 2 stop request */
    int (*emu_stop)(void *uc);    /* uc_emu_stop */
};

void mk_block_hook(void *uc, uint64_t address, uint32_t size, void *user)
{
    struct mk_quantum *q = (struct mk_quantum *) user;
    (void) address;
    (void) size;
    q->blocks++;
    if (q->stop_request) {
        q->stopped = 2;
        q->emu_stop(uc);
    } else if (--q->left <= 0) {
        q->stopped = 1;
        q->emu_stop(uc);
    }
}
