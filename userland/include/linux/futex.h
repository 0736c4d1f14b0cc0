/* <linux/futex.h>: the futex(2) operations and the robust-list ABI, with
   Linux's values (include/uapi/linux/futex.h).  A futex is a 32-bit word of
   user memory: FUTEX_WAIT sleeps while the word still holds the value the
   caller saw, FUTEX_WAKE wakes sleepers on that word.  The library's locks,
   condition variables, semaphores and pthread_join are built on these. */
#ifndef _LINUX_FUTEX_H
#define _LINUX_FUTEX_H

#define FUTEX_WAIT              0
#define FUTEX_WAKE              1
#define FUTEX_FD                2
#define FUTEX_REQUEUE           3
#define FUTEX_CMP_REQUEUE       4
#define FUTEX_WAKE_OP           5
#define FUTEX_LOCK_PI           6
#define FUTEX_UNLOCK_PI         7
#define FUTEX_TRYLOCK_PI        8
#define FUTEX_WAIT_BITSET       9
#define FUTEX_WAKE_BITSET       10
#define FUTEX_WAIT_REQUEUE_PI   11
#define FUTEX_CMP_REQUEUE_PI    12
#define FUTEX_LOCK_PI2          13

/* Or-ed into the operation: the word is private to this process (the
   kernel keys it by address space and address, no page lookup), and the
   timeout of FUTEX_WAIT_BITSET is absolute on CLOCK_REALTIME rather than
   CLOCK_MONOTONIC. */
#define FUTEX_PRIVATE_FLAG      128
#define FUTEX_CLOCK_REALTIME    256
#define FUTEX_CMD_MASK          (~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))

#define FUTEX_WAIT_PRIVATE        (FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE        (FUTEX_WAKE | FUTEX_PRIVATE_FLAG)
#define FUTEX_REQUEUE_PRIVATE     (FUTEX_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_CMP_REQUEUE_PRIVATE (FUTEX_CMP_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_OP_PRIVATE     (FUTEX_WAKE_OP | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAIT_BITSET_PRIVATE (FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_BITSET_PRIVATE (FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG)

/* The bitset that matches every waiter (FUTEX_WAIT_BITSET's last argument). */
#define FUTEX_BITSET_MATCH_ANY  0xffffffff

/* The word of a robust (or PI) futex: the owner's thread id in the low 30
   bits, plus two flags the kernel understands. */
#define FUTEX_WAITERS           0x80000000      /* someone sleeps on it: unlock must wake */
#define FUTEX_OWNER_DIED        0x40000000      /* the owner exited holding it */
#define FUTEX_TID_MASK          0x3fffffff

/* The robust list (Documentation/locking/robust-futex-ABI.rst).  Each
   thread registers one head with set_robust_list(2); every robust lock it
   holds is linked into the list through a struct robust_list inside the
   lock, and the lock's futex word sits futex_offset bytes from that link.
   When the thread exits, the kernel walks the list (and list_op_pending, a
   lock being taken or released at that moment), sets FUTEX_OWNER_DIED in
   each word still holding the thread's tid, and wakes one waiter. */
struct robust_list {
	struct robust_list *next;       /* the next lock's link; the head's own address ends the list */
};

struct robust_list_head {
	struct robust_list list;        /* first link; points at itself when empty */
	long futex_offset;              /* futex word address minus link address */
	struct robust_list *list_op_pending; /* a lock in the middle of lock/unlock, or NULL */
};

#define ROBUST_LIST_LIMIT       2048    /* the kernel stops walking after this many */

/* FUTEX_WAKE_OP's encoded operation: *uaddr2 = *uaddr2 OP oparg, then wake
   on uaddr2 too if the old value compares CMP cmparg. */
#define FUTEX_OP_SET            0
#define FUTEX_OP_ADD            1
#define FUTEX_OP_OR             2
#define FUTEX_OP_ANDN           3
#define FUTEX_OP_XOR            4
#define FUTEX_OP_OPARG_SHIFT    8
#define FUTEX_OP_CMP_EQ         0
#define FUTEX_OP_CMP_NE         1
#define FUTEX_OP_CMP_LT         2
#define FUTEX_OP_CMP_LE         3
#define FUTEX_OP_CMP_GT         4
#define FUTEX_OP_CMP_GE         5
#define FUTEX_OP(op, oparg, cmp, cmparg) \
	((((op) & 0xf) << 28) | (((cmp) & 0xf) << 24) | \
	 (((oparg) & 0xfff) << 12) | ((cmparg) & 0xfff))

#endif
