/*
 * clone_raw.c - a thread made by hand, the way glibc's pthread_create makes
 * one: clone(2) through `int $0x80` with glibc's flag set
 *   CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
 *   CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID
 * on a stack of our own, with a struct user_desc giving the thread its own
 * TLS block. Then what each of the tid flags does (CLONE_PARENT_SETTID
 * writes the tid in the parent's word before clone returns,
 * CLONE_CHILD_SETTID in the child's memory, CLONE_CHILD_CLEARTID zeroes the
 * word at the thread's exit and futex-wakes a waiter: pthread_join), that
 * each task's %gs descriptor is its own, and the same thread made with
 * clone3(2). The new tasks call no libc function (they would use the
 * parent's %gs, errno and locks): raw system calls only.
 *
 * i386 clone's argument order is (flags, newsp, parent_tid, tls, child_tid)
 * (CONFIG_CLONE_BACKWARDS); with CLONE_SETTLS the tls argument points to a
 * struct user_desc whose entry_number must name a TLS slot (no -1 here).
 */
#define _GNU_SOURCE
#include "thread_helpers.h"

#define FULL_THREAD_FLAGS (THREAD_FLAGS | F_CLONE_SETTLS)
#define UNTOUCHED 0x55555555

struct tls_block {
    unsigned int first;
    unsigned int second;
};

static struct tls_block parent_block = {0x11111111u, 0x22222222u};
static struct tls_block child_block = {0x33333333u, 0x44444444u};
static struct thread_stack stack;

/* What the thread saw, written by the thread, read by the parent after the join. */
static struct {
    int tid, pid;
    int parent_word, child_word;     /* the two tid words, as the thread found them */
    unsigned int gs_first;           /* %gs:0, with %gs as inherited from the parent */
    unsigned short gs;
    long area_result;
    unsigned int area_base;          /* get_thread_area of the TLS entry */
} seen;

static volatile int parent_word, child_word;
static volatile int parent_waiting;   /* the parent is about to sleep on child_word */
static unsigned int entry;            /* the GDT TLS entry this test owns */

static void describe(struct user_desc32 *d, unsigned int number, void *base)
{
    memset(d, 0, sizeof *d);
    d->entry_number = number;
    d->base_addr = (unsigned int)base;
    d->limit = 0xfffff;
    d->seg_32bit = 1;
    d->limit_in_pages = 1;
    d->useable = 1;
}

static unsigned short selector(void)
{
    return (unsigned short)((entry << 3) | 3);
}

/* The thread: looks at its ids, its tid words and its TLS, then ends with SYS_exit. */
static int thread_main(void *arg)
{
    struct user_desc32 d = {.entry_number = entry};
    int i;

    (void)arg;
    seen.tid = raw_gettid();
    seen.pid = (int)raw0(NR_getpid);
    seen.parent_word = parent_word;
    seen.child_word = child_word;
    __asm__ volatile("mov %%gs, %0" : "=r"(seen.gs));
    __asm__ volatile("movl %%gs:0, %0" : "=r"(seen.gs_first));
    __asm__ volatile("movl %0, %%gs:4" : : "r"(0xcafef00du) : "memory");
    seen.area_result = raw1(NR_get_thread_area, (long)&d);
    seen.area_base = d.base_addr;
    /* Give the parent time to fall asleep on child_word, so the exit's wake is what wakes it. */
    while (!load_int(&parent_waiting))
        raw_yield();
    for (i = 0; i < 50; i++)
        raw_yield();
    return 0;
}

/* For clones that must fail: were one to succeed, it ends at once. */
static int exit_at_once(void *arg)
{
    (void)arg;
    return 0;
}

/* clone or clone3 with %gs loaded with our TLS selector, as glibc's %gs would be at pthread_create. */
static long __attribute__((noinline)) clone_with_our_gs(struct clone_args64 *args3, struct user_desc32 *tls)
{
    unsigned short saved, ours = selector();
    long r;

    __asm__ volatile("mov %%gs, %0" : "=r"(saved) : : "memory");
    __asm__ volatile("mov %0, %%gs" : : "r"(ours) : "memory");
    if (args3)
        r = guest_raw_clone3(args3, sizeof *args3, thread_main, NULL);
    else
        r = guest_raw_clone(FULL_THREAD_FLAGS, stack_top(&stack), &parent_word, tls, &child_word, thread_main,
                            NULL);
    __asm__ volatile("mov %0, %%gs" : : "r"(saved) : "memory");
    return r;
}

static unsigned int read_our_gs0(void)
{
    unsigned short saved, ours = selector();
    unsigned int v;

    __asm__ volatile("mov %%gs, %0" : "=r"(saved) : : "memory");
    __asm__ volatile("mov %0, %%gs" : : "r"(ours) : "memory");
    __asm__ volatile("movl %%gs:0, %0" : "=r"(v));
    __asm__ volatile("mov %0, %%gs" : : "r"(saved) : "memory");
    return v;
}

/*
 * Sleeps on child_word until the thread's exit clears it, with a timeout so
 * an exit that zeroes the word but forgets the wake shows as ETIMEDOUT.
 */
static long wait_for_clear(void)
{
    struct timespec32 limit = {10, 0};
    long r = 0;
    int t;

    parent_waiting = 1;
    while ((t = child_word) != 0) {
        r = raw_futex(&child_word, F_FUTEX_WAIT, t, &limit, NULL, 0);
        if (r == -ETIMEDOUT)
            return r;
    }
    return 0;
}

static void full_thread(const char *how, long tid, long cleared)
{
    struct user_desc32 d;

    printf("%s: returns a tid that is not the pid: %s\n", how, ok(tid > 0 && tid != getpid()));
    printf("%s: CLONE_PARENT_SETTID wrote the tid in the parent's word: %s\n", how,
           ok(seen.parent_word == tid && seen.tid == tid));
    printf("%s: no CLONE_CHILD_SETTID, so the child's word was untouched: %s\n", how,
           ok(seen.child_word == UNTOUCHED));
    printf("%s: the thread's getpid is the process's: %s\n", how, ok(seen.pid == getpid()));
    printf("%s: CLONE_CHILD_CLEARTID zeroed the word and woke the waiter: %s\n", how,
           ok(cleared == 0 && child_word == 0));
    printf("%s: the thread kept the parent's %%gs selector: %s\n", how, ok(seen.gs == selector()));
    printf("%s: through it the thread read its own TLS block: %s\n", how, ok(seen.gs_first == child_block.first));
    printf("%s: its write to %%gs:4 went to its own block: %s\n", how,
           ok(child_block.second == 0xcafef00du && parent_block.second == 0x22222222u));
    printf("%s: its get_thread_area gave its own base: %s\n", how,
           ok(seen.area_result == 0 && seen.area_base == (unsigned int)&child_block));
    printf("%s: the parent's entry still holds the parent's block: %s\n", how,
           ok(read_our_gs0() == parent_block.first));
    memset(&d, 0, sizeof d);
    d.entry_number = entry;
    printf("%s: the parent's get_thread_area is unchanged: %s\n", how,
           ok(syscall(SYS_get_thread_area, &d) == 0 && d.base_addr == (unsigned int)&parent_block));
}

static void reset(void)
{
    memset(&seen, 0, sizeof seen);
    parent_word = UNTOUCHED;
    child_word = UNTOUCHED;
    parent_waiting = 0;
    child_block.second = 0x44444444u;
}

static void clone_thread(void)
{
    struct user_desc32 d;
    long tid, cleared;

    reset();
    describe(&d, entry, &child_block);
    tid = clone_with_our_gs(NULL, &d);
    if (tid < 0) {
        printf("FAIL: clone: %s\n", raw_errno(tid));
        exit(1);
    }
    cleared = wait_for_clear();
    full_thread("clone", tid, cleared);

    describe(&d, 5, &child_block);
    tid = guest_raw_clone(FULL_THREAD_FLAGS, stack_top(&stack), &parent_word, &d, &child_word, exit_at_once, NULL);
    if (tid > 0)
        join_thread(&child_word);
    printf("clone: CLONE_SETTLS with entry 5 (not a TLS slot): %s\n", raw_errno(tid));
}

static void clone3_thread(void)
{
    struct clone_args64 args;
    struct user_desc32 d;
    long tid, cleared;

    reset();
    describe(&d, entry, &child_block);
    memset(&args, 0, sizeof args);
    args.flags = FULL_THREAD_FLAGS;
    args.parent_tid = (unsigned int)&parent_word;
    args.child_tid = (unsigned int)&child_word;
    args.stack = (unsigned int)stack.bytes;
    args.stack_size = sizeof stack.bytes;
    args.tls = (unsigned int)&d;
    tid = clone_with_our_gs(&args, NULL);
    if (tid < 0) {
        printf("clone3: %s\n", raw_errno(tid));
        return;
    }
    cleared = wait_for_clear();
    full_thread("clone3", tid, cleared);

    tid = guest_raw_clone3(&args, 63, exit_at_once, NULL);
    printf("clone3: a struct of 63 bytes (smaller than version 0): %s\n", raw_errno(tid));
    args.stack_size = 0;
    tid = guest_raw_clone3(&args, sizeof args, exit_at_once, NULL);
    printf("clone3: a stack with stack_size 0: %s\n", raw_errno(tid));
    args.stack_size = sizeof stack.bytes;
    args.exit_signal = SIGCHLD;
    tid = guest_raw_clone3(&args, sizeof args, exit_at_once, NULL);
    printf("clone3: CLONE_THREAD with an exit signal: %s\n", raw_errno(tid));
    args.exit_signal = 0;
    args.flags |= SIGCHLD;
    tid = guest_raw_clone3(&args, sizeof args, exit_at_once, NULL);
    printf("clone3: a signal in the flags: %s\n", raw_errno(tid));
}

/* CLONE_CHILD_SETTID: the kernel stores the tid in the child's memory, before the child runs. */
static int settid_child(void *arg)
{
    (void)arg;
    return child_word == raw_gettid() ? 0 : 1;
}

static void child_settid(void)
{
    long pid;
    int status;

    child_word = UNTOUCHED;
    parent_word = UNTOUCHED;
    pid = guest_raw_clone(F_CLONE_VM | F_CLONE_CHILD_SETTID | SIGCHLD, stack_top(&stack), &parent_word, NULL,
                          &child_word, settid_child, NULL);
    status = pid > 0 ? wait_for((pid_t)pid) : -1;
    printf("CLONE_VM|CLONE_CHILD_SETTID: the child found its tid in its word: %s\n",
           ok(WIFEXITED(status) && WEXITSTATUS(status) == 0));
    printf("CLONE_VM|CLONE_CHILD_SETTID: memory is shared, so the parent sees it too: %s\n",
           ok(child_word == pid));
    printf("CLONE_VM|CLONE_CHILD_SETTID: no CLONE_PARENT_SETTID, the parent's word untouched: %s\n",
           ok(parent_word == UNTOUCHED));

    /* Without CLONE_VM (fork's clone): the child's copy of the word changes, the parent's does not. */
    child_word = UNTOUCHED;
    fflush(stdout);
    pid = guest_raw_clone(F_CLONE_CHILD_SETTID | SIGCHLD, NULL, NULL, NULL, &child_word, NULL, NULL);
    if (pid == 0)
        raw1(NR_exit_group, child_word == raw_gettid() ? 0 : 1);
    status = pid > 0 ? wait_for((pid_t)pid) : -1;
    printf("CLONE_CHILD_SETTID without CLONE_VM: the child's copy holds its tid: %s\n",
           ok(WIFEXITED(status) && WEXITSTATUS(status) == 0));
    printf("CLONE_CHILD_SETTID without CLONE_VM: the parent's copy is untouched: %s\n",
           ok(child_word == UNTOUCHED));
}

int main(void)
{
    struct user_desc32 d;

    describe(&d, (unsigned int)-1, &parent_block);
    if (syscall(SYS_set_thread_area, &d) != 0) {
        printf("FAIL: set_thread_area: errno=%s\n", errno_name(errno));
        return 1;
    }
    entry = d.entry_number;
    clone_thread();
    clone3_thread();
    child_settid();
    printf("the process goes on after its threads' SYS_exit: OK\n");
    return 0;
}
