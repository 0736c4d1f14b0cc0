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
    uint64_t prev_end;            /* where the block before this one ended; 0 after each emu_start */
    int32_t deferred;             /* the debugger's code hook is installed: it does the stopping */
    int32_t pending;              /* a stop decided at a block start, for the code hook to make */
};

/*
 * A block that starts exactly where the previous one ended is the same straight run of code,
 * which the translator cut in two (a length limit, a page, or with the debugger's code hook the
 * op buffer filling sooner) or a branch not taken: it is not counted. What counts is the start of
 * each run of code entered by a jump, call, return or (re)start of the engine, the same places
 * with or without the debugger's hook, so `debug` schedules a program exactly as `run` does.
 */
void mk_block_hook(void *uc, uint64_t address, uint32_t size, void *user)
{
    struct mk_quantum *q = (struct mk_quantum *) user;
    int continued = address == q->prev_end;
    q->prev_end = address + size;
    if (continued)
        return;
    q->blocks++;
    if (q->stop_request) {
        q->stopped = 2;
    } else if (--q->left <= 0) {
        q->stopped = 1;
    } else {
        return;
    }
    /* With the debugger's code hook, a stop asked for here would take effect some instructions
       later; asked for from the code hook of the block's first instruction it is exact. */
    if (q->deferred)
        q->pending = 1;
    else
        q->emu_stop(uc);
}

/*
 * The system call entry, int $0x80 (Linux's entry_INT80_32): a Unicorn interrupt hook in C that
 * reads EAX, calls the kernel's Java handler once with the vector and EAX, and writes the result
 * back to EAX. The Java side then needs no call into the engine at all for a call like getppid();
 * it reads the argument registers itself only when a handler takes arguments.
 */
#define UC_X86_REG_EAX 19
#define MK_NO_RESULT INT64_MIN

struct mk_int80 {
    int64_t (*handler)(uint32_t intno, uint32_t eax);             /* the Java upcall */
    int (*reg_read)(void *uc, int regid, void *value);             /* uc_reg_read */
    int (*reg_write)(void *uc, int regid, const void *value);      /* uc_reg_write */
};

void mk_interrupt_hook(void *uc, uint32_t intno, void *user)
{
    struct mk_int80 *e = (struct mk_int80 *) user;
    uint32_t eax = 0;
    if (intno == 0x80)
        e->reg_read(uc, UC_X86_REG_EAX, &eax);
    int64_t result = e->handler(intno, eax);
    if (result != MK_NO_RESULT) {
        uint32_t value = (uint32_t) result;
        e->reg_write(uc, UC_X86_REG_EAX, &value);
    }
}

/*
 * The debugger's eye, as a Unicorn code hook over every address: it runs before each instruction
 * and counts it, and calls the Java console only when there is something to stop for: the
 * instruction count reached stop_at (a single step, or a replay to an earlier moment), a
 * breakpoint address, or a stop request from another thread (Ctrl-C). Installed before the guest's
 * first instruction is translated, so breakpoints and steps never stop the engine or flush its
 * translations: the translated blocks, and so the scheduler's quantum counted in blocks, are the
 * same with or without breakpoints (../shared/DESIGN.md, "Determinism"). Only `debug` installs it.
 */
#define MK_MAX_BREAKS 64
#define MK_MAX_WATCHES 4

/* A watched guest range (at most 16 bytes in one page), as host memory, and its last value. */
struct mk_watch {
    const uint8_t *host;
    uint32_t len;
    uint32_t pad;
    uint8_t old[16];
};

struct mk_debug {
    int64_t insns;                   /* instructions started since the hook was installed */
    int64_t stop_at;                 /* call the console when insns reaches this; -1: never */
    volatile int32_t stop_request;   /* set by another thread (Ctrl-C); cleared here */
    int32_t nbreak;                  /* how many of breaks[] are in use */
    uint32_t breaks[MK_MAX_BREAKS];  /* breakpoint addresses (any task: the console filters) */
    int64_t (*handler)(uint32_t address, uint32_t reason);   /* the Java upcall */
    int32_t nwatch;                  /* how many of watches[] are in use */
    int32_t quiet;                   /* the CPU replays a faulting instruction to find the address: not a stop */
    struct mk_watch watches[MK_MAX_WATCHES];   /* stop before the instruction after a change */
    struct mk_quantum *quantum;      /* the timer's: a preemption it decided is made here */
    int32_t nrwatch;                 /* read watchpoints: physical ranges [rw_start, rw_end) */
    volatile int32_t read_hit;       /* mk_read_hook saw a read of one: stop before the next instruction */
    uint32_t rw_start[MK_MAX_WATCHES];
    uint32_t rw_end[MK_MAX_WATCHES];
    uint32_t read_address;           /* the physical address the watched read started at */
};

#define MK_STOP_STEP 1
#define MK_STOP_REQUEST 2
#define MK_STOP_BREAK 4
#define MK_STOP_WATCH 8
#define MK_STOP_READ 16

void mk_code_hook(void *uc, uint64_t address, uint32_t size, void *user)
{
    struct mk_debug *d = (struct mk_debug *) user;
    uint32_t reason = 0;
    (void) size;
    if (d->quantum->pending) {
        /* The timer's stop, before this (the block's first) instruction, as without the debugger.
           It is not counted: the instruction runs after the switch back. */
        d->quantum->pending = 0;
        d->quantum->emu_stop(uc);
        return;
    }
    d->insns++;
    if (d->stop_at >= 0 && d->insns >= d->stop_at)
        reason |= MK_STOP_STEP;
    if (d->stop_request) {
        d->stop_request = 0;
        reason |= MK_STOP_REQUEST;
    }
    for (int32_t i = 0; i < d->nbreak; i++) {
        if (d->breaks[i] == (uint32_t) address) {
            reason |= MK_STOP_BREAK;
            break;
        }
    }
    /* A watchpoint is a comparison, as gdb's software watchpoints: the instruction before this one
       changed the bytes. No memory hook, so the translated code is the same with or without it. */
    for (int32_t i = 0; i < d->nwatch; i++) {
        const struct mk_watch *w = &d->watches[i];
        for (uint32_t j = 0; j < w->len; j++) {
            if (w->host[j] != w->old[j]) {
                reason |= MK_STOP_WATCH;
                break;
            }
        }
    }
    if (d->read_hit) {
        d->read_hit = 0;
        reason |= MK_STOP_READ;
    }
    if (reason != 0 && !d->quiet)
        d->handler((uint32_t) address, reason);
}

/*
 * Read watchpoints (rwatch): a memory-read hook over every address, installed with the code hook
 * before anything is translated (Unicorn decides when it translates a load whether the load calls
 * the hooks; a hook added later would miss code translated before it). Unicorn gives the hook the
 * physical address (our page tables' frame), so the watched ranges are physical, found again by
 * the debugger whenever a mapping may have moved. A read that touches one asks for a stop before
 * the next instruction.
 */
void mk_read_hook(void *uc, int type, uint64_t address, int size, int64_t value, void *user)
{
    struct mk_debug *d = (struct mk_debug *) user;
    (void) uc;
    (void) type;
    (void) value;
    for (int32_t i = 0; i < d->nrwatch; i++) {
        if (address < d->rw_end[i] && address + (uint64_t) size > d->rw_start[i]) {
            if (!d->read_hit)
                d->read_address = (uint32_t) address;
            d->read_hit = 1;
        }
    }
}
