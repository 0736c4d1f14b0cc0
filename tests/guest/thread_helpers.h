/*
 * thread_helpers.h - the raw side of threads, for the tests that build with
 * both C libraries before either needs a pthread library: system calls made
 * with inline `int $0x80` (they touch neither errno nor %gs, so a task that
 * shares the caller's memory may use them), clone(2) and clone3(2) with a
 * start function on a stack of the caller's choosing, futex(2), and a
 * "thread" made the way glibc's pthread_create makes one (the same flags,
 * the tid word set by CLONE_PARENT_SETTID and cleared by CLONE_CHILD_CLEARTID,
 * joined by sleeping on that word) minus the TLS.
 *
 * A task started here must call nothing from the C library: it runs on the
 * caller's %gs, so errno and every other libc datum it touched would be the
 * caller's. The raw calls return -errno on failure, as the kernel does.
 */
#ifndef MINIKERNEL_TESTS_THREAD_HELPERS_H
#define MINIKERNEL_TESTS_THREAD_HELPERS_H

#include <stdint.h>
#include "proc_helpers.h"

/* i386 system call numbers (arch/x86/entry/syscalls/syscall_32.tbl). */
#define NR_exit             1
#define NR_write            4
#define NR_getpid          20
#define NR_getppid         64
#define NR_wait4          114
#define NR_ipc            117
#define NR_clone          120
#define NR_sched_yield    158
#define NR_gettid         224
#define NR_futex          240
#define NR_set_thread_area 243
#define NR_get_thread_area 244
#define NR_exit_group     252
#define NR_unshare        310
#define NR_set_robust_list 311
#define NR_get_robust_list 312
#define NR_semget         393
#define NR_semctl         394
#define NR_semtimedop_time64 420
#define NR_clone3         435

/* clone flags (include/uapi/linux/sched.h). */
#define F_CSIGNAL               0x000000ff
#define F_CLONE_VM              0x00000100
#define F_CLONE_FS              0x00000200
#define F_CLONE_FILES           0x00000400
#define F_CLONE_SIGHAND         0x00000800
#define F_CLONE_VFORK           0x00004000
#define F_CLONE_PARENT          0x00008000
#define F_CLONE_THREAD          0x00010000
#define F_CLONE_NEWNS           0x00020000
#define F_CLONE_SYSVSEM         0x00040000
#define F_CLONE_SETTLS          0x00080000
#define F_CLONE_PARENT_SETTID   0x00100000
#define F_CLONE_CHILD_CLEARTID  0x00200000
#define F_CLONE_CHILD_SETTID    0x01000000
#define F_CLONE_NEWUTS          0x04000000

/* What glibc 2.36's create_thread() passes, less CLONE_SETTLS. */
#define THREAD_FLAGS (F_CLONE_VM | F_CLONE_FS | F_CLONE_FILES | F_CLONE_SIGHAND | F_CLONE_THREAD \
                      | F_CLONE_SYSVSEM | F_CLONE_PARENT_SETTID | F_CLONE_CHILD_CLEARTID)

/* futex operations (include/uapi/linux/futex.h). */
#define F_FUTEX_WAIT            0
#define F_FUTEX_WAKE            1
#define F_FUTEX_REQUEUE         3
#define F_FUTEX_CMP_REQUEUE     4
#define F_FUTEX_WAKE_OP         5
#define F_FUTEX_WAIT_BITSET     9
#define F_FUTEX_WAKE_BITSET    10
#define F_FUTEX_PRIVATE_FLAG  128
#define F_FUTEX_CLOCK_REALTIME 256
#define F_FUTEX_BITSET_MATCH_ANY 0xffffffffu
#define F_FUTEX_WAITERS      0x80000000u
#define F_FUTEX_OWNER_DIED   0x40000000u
#define F_FUTEX_TID_MASK     0x3fffffffu

/* FUTEX_WAKE_OP's encoded operation: op and cmp as in futex(2). */
#define F_FUTEX_OP_SET  0
#define F_FUTEX_OP_ADD  1
#define F_FUTEX_OP_OR   2
#define F_FUTEX_OP_ANDN 3
#define F_FUTEX_OP_XOR  4
#define F_FUTEX_OP_OPARG_SHIFT 8
#define F_FUTEX_OP_CMP_EQ 0
#define F_FUTEX_OP_CMP_NE 1
#define F_FUTEX_OP_CMP_LT 2
#define F_FUTEX_OP_CMP_LE 3
#define F_FUTEX_OP_CMP_GT 4
#define F_FUTEX_OP_CMP_GE 5
#define F_FUTEX_OP(op, oparg, cmp, cmparg) \
    ((((op) & 0xf) << 28) | (((cmp) & 0xf) << 24) | (((oparg) & 0xfff) << 12) | ((cmparg) & 0xfff))

#define INT_MAX_WAKE 0x7fffffff

/* The i386 system calls' struct timespec (old_timespec32): 32-bit seconds. */
struct timespec32 {
    long tv_sec;
    long tv_nsec;
};

/* struct user_desc from asm/ldt.h: a GDT TLS entry for set_thread_area and CLONE_SETTLS. */
struct user_desc32 {
    unsigned int entry_number;
    unsigned int base_addr;
    unsigned int limit;
    unsigned int seg_32bit : 1;
    unsigned int contents : 2;
    unsigned int read_exec_only : 1;
    unsigned int limit_in_pages : 1;
    unsigned int seg_not_present : 1;
    unsigned int useable : 1;
};

/* struct clone_args of clone3(2); CLONE_ARGS_SIZE_VER0 is its first 64 bytes. */
struct clone_args64 {
    uint64_t flags;
    uint64_t pidfd;
    uint64_t child_tid;
    uint64_t parent_tid;
    uint64_t exit_signal;
    uint64_t stack;
    uint64_t stack_size;
    uint64_t tls;
};

static inline long raw0(long n)
{
    long r;

    __asm__ volatile("int $0x80" : "=a"(r) : "a"(n) : "memory");
    return r;
}

static inline long raw1(long n, long a)
{
    long r;

    __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a) : "memory");
    return r;
}

static inline long raw2(long n, long a, long b)
{
    long r;

    __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b) : "memory");
    return r;
}

static inline long raw3(long n, long a, long b, long c)
{
    long r;

    __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c) : "memory");
    return r;
}

static inline long raw4(long n, long a, long b, long c, long d)
{
    long r;

    __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d) : "memory");
    return r;
}

static inline long raw5(long n, long a, long b, long c, long d, long e)
{
    long r;

    __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e) : "memory");
    return r;
}

/*
 * Six arguments: the sixth goes in %ebp, which gcc may be using as the frame
 * pointer, and every other register is taken, so the first and sixth
 * arguments travel in memory and %ebp is saved around the call.
 */
static inline long raw6(long n, long a, long b, long c, long d, long e, long f)
{
    long pair[2] = {a, f};
    long *p = pair;
    long r;

    __asm__ volatile("pushl %%ebp\n\t"
                     "movl 4(%%ebx), %%ebp\n\t"
                     "movl 0(%%ebx), %%ebx\n\t"
                     "int $0x80\n\t"
                     "popl %%ebp"
                     : "=a"(r), "+b"(p)
                     : "a"(n), "c"(b), "d"(c), "S"(d), "D"(e)
                     : "memory");
    return r;
}

static inline long raw_futex(volatile void *uaddr, int op, int val, const void *timeout_or_val2,
                             volatile void *uaddr2, int val3)
{
    return raw6(NR_futex, (long)uaddr, op, val, (long)timeout_or_val2, (long)uaddr2, val3);
}

static inline int raw_gettid(void)
{
    return (int)raw0(NR_gettid);
}

static inline void raw_yield(void)
{
    raw0(NR_sched_yield);
}

/* The calling task ends; the other threads of its group go on (SYS_exit, not exit_group). */
static inline void __attribute__((__noreturn__)) raw_exit_thread(int status)
{
    for (;;)
        raw1(NR_exit, status);
}

/*
 * guest_raw_clone(flags, stack_top, parent_tid, tls, child_tid, fn, arg):
 * clone(2) in the i386 argument order (flags, newsp, parent_tidptr, tls,
 * child_tidptr). With a stack, the new task calls fn(arg) there and ends
 * with SYS_exit(fn's result); with stack_top 0 it returns 0 on a copy of the
 * caller's stack, as fork() does. The caller gets the new tid or -errno.
 * After `int $0x80` the child's registers are the parent's but for %eax = 0
 * and %esp = newsp, so %ecx still says whether a stack was given.
 */
long guest_raw_clone(unsigned long flags, void *stack_top, volatile int *parent_tid, void *tls,
                     volatile int *child_tid, int (*fn)(void *), void *arg);
__asm__(".text\n"
        ".globl guest_raw_clone\n"
        ".type guest_raw_clone, @function\n"
        "guest_raw_clone:\n"
        "    pushl %ebp\n"
        "    pushl %ebx\n"
        "    pushl %esi\n"
        "    pushl %edi\n"
        "    movl 24(%esp), %ecx\n"          /* stack_top */
        "    testl %ecx, %ecx\n"
        "    jz 1f\n"
        "    andl $-16, %ecx\n"
        "    subl $20, %ecx\n"               /* fn, arg; %esp 16-aligned at the call */
        "    movl 40(%esp), %eax\n"
        "    movl %eax, 0(%ecx)\n"
        "    movl 44(%esp), %eax\n"
        "    movl %eax, 4(%ecx)\n"
        "1:  movl 20(%esp), %ebx\n"          /* flags */
        "    movl 28(%esp), %edx\n"          /* parent_tid */
        "    movl 32(%esp), %esi\n"          /* tls */
        "    movl 36(%esp), %edi\n"          /* child_tid */
        "    movl $120, %eax\n"
        "    int $0x80\n"
        "    testl %eax, %eax\n"
        "    jnz 2f\n"
        "    testl %ecx, %ecx\n"
        "    jz 2f\n"
        "    xorl %ebp, %ebp\n"              /* the new task, on its own stack */
        "    popl %eax\n"
        "    call *%eax\n"
        "    movl %eax, %ebx\n"
        "    movl $1, %eax\n"                /* SYS_exit */
        "    int $0x80\n"
        "    hlt\n"
        "2:  popl %edi\n"
        "    popl %esi\n"
        "    popl %ebx\n"
        "    popl %ebp\n"
        "    ret\n"
        ".size guest_raw_clone, .-guest_raw_clone\n");

/*
 * guest_raw_clone3(args, size, fn, arg): clone3(2). The kernel starts the
 * new task with %esp at args->stack + args->stack_size and the parent's
 * other registers, so fn and arg travel in %esi and %edi (as glibc's
 * clone3.S does). Without a stack the child returns 0 like fork().
 */
long guest_raw_clone3(struct clone_args64 *args, unsigned long size, int (*fn)(void *), void *arg);
__asm__(".text\n"
        ".globl guest_raw_clone3\n"
        ".type guest_raw_clone3, @function\n"
        "guest_raw_clone3:\n"
        "    pushl %ebp\n"
        "    pushl %ebx\n"
        "    pushl %esi\n"
        "    pushl %edi\n"
        "    movl 20(%esp), %ebx\n"          /* args */
        "    movl 24(%esp), %ecx\n"          /* size */
        "    movl 28(%esp), %esi\n"          /* fn */
        "    movl 32(%esp), %edi\n"          /* arg */
        "    movl $435, %eax\n"
        "    int $0x80\n"
        "    testl %eax, %eax\n"
        "    jnz 2f\n"
        "    testl %esi, %esi\n"
        "    jz 2f\n"
        "    xorl %ebp, %ebp\n"
        "    andl $-16, %esp\n"
        "    subl $12, %esp\n"
        "    pushl %edi\n"
        "    call *%esi\n"
        "    movl %eax, %ebx\n"
        "    movl $1, %eax\n"
        "    int $0x80\n"
        "    hlt\n"
        "2:  popl %edi\n"
        "    popl %esi\n"
        "    popl %ebx\n"
        "    popl %ebp\n"
        "    ret\n"
        ".size guest_raw_clone3, .-guest_raw_clone3\n");

/* A stack for a raw thread: the top is what clone wants. */
#define THREAD_STACK_SIZE (64 * 1024)
struct thread_stack {
    char bytes[THREAD_STACK_SIZE];
} __attribute__((aligned(16)));

static inline void *stack_top(struct thread_stack *s)
{
    return s->bytes + sizeof s->bytes;
}

/*
 * Starts fn(arg) in a new thread of this process on the given stack; *tid
 * holds its tid until it exits and the kernel clears it. Returns the tid
 * or -errno.
 */
static inline long spawn_thread(int (*fn)(void *), void *arg, struct thread_stack *stack, volatile int *tid)
{
    return guest_raw_clone(THREAD_FLAGS, stack_top(stack), tid, NULL, tid, fn, arg);
}

/*
 * Waits until a thread from spawn_thread has exited: pthread_join's wait,
 * sleeping on the tid word that CLONE_CHILD_CLEARTID zeroes and wakes (a
 * shared futex: the kernel's wake is not FUTEX_PRIVATE).
 */
static inline void join_thread(volatile int *tid)
{
    int t;

    while ((t = *tid) != 0)
        raw_futex(tid, F_FUTEX_WAIT, t, NULL, NULL, 0);
}

/* Atomic add, returning the new value; the raw threads count with it. */
static inline int add_int(volatile int *p, int n)
{
    return __atomic_add_fetch(p, n, __ATOMIC_SEQ_CST);
}

static inline int load_int(volatile int *p)
{
    return __atomic_load_n(p, __ATOMIC_SEQ_CST);
}

/* Yields until *p reaches at least n (sleepers announcing themselves). */
static inline void wait_until_at_least(volatile int *p, int n)
{
    while (load_int(p) < n)
        raw_yield();
}

/* The errno name of a raw call's result: "0" for success, else e.g. "EAGAIN". */
static inline const char *raw_errno(long r)
{
    return errno_name(r < 0 ? (int)-r : 0);
}

#endif
