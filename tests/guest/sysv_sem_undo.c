/*
 * sysv_sem_undo.c - System V semaphores (ipc/sem.c) and their SEM_UNDO
 * lists: what a process, a clone without CLONE_SYSVSEM, a clone with it and
 * a thread leave behind when they exit. A semop with SEM_UNDO records the
 * opposite adjustment in the task's undo list; the kernel applies the list
 * when the last task sharing it exits. fork and clone without CLONE_SYSVSEM
 * start the child with an empty list of its own; CLONE_SYSVSEM (part of
 * every pthread_create) shares the caller's.
 *
 * The project's libc has no <sys/sem.h>, and both builds should make the
 * same calls, so everything is raw: glibc 2.36 on i386 makes every call
 * through ipc(2) (number 117: SEMOP 1, SEMGET 2, SEMCTL 3 with IPC_64 in
 * the command and the argument passed by pointer, SEMTIMEDOP 4 with a
 * 32-bit timespec, which is also glibc's semop with no timeout); the direct
 * calls semget (393), semctl (394) and semtimedop_time64 (420) are checked
 * too. A process blocked in semop is seen asleep through GETNCNT, so every
 * count printed is exact.
 */
#define _GNU_SOURCE
#include "thread_helpers.h"

#define IPC_SEMOP        1
#define IPC_SEMGET       2
#define IPC_SEMCTL       3
#define IPC_SEMTIMEDOP   4

#define K_IPC_PRIVATE 0
#define K_IPC_CREAT   01000
#define K_IPC_NOWAIT  04000
#define K_IPC_RMID    0
#define K_IPC_64      0x0100
#define K_GETNCNT     14
#define K_GETVAL      12
#define K_SETVAL      16
#define K_SEM_UNDO    0x1000

struct k_sembuf {
    unsigned short sem_num;
    short sem_op;
    short sem_flg;
};

/* Linux's struct __kernel_timespec for the *_time64 calls. */
struct timespec64 {
    long long tv_sec;
    long long tv_nsec;
};

static struct thread_stack stack;
static volatile int go;          /* a child waits for the parent's go on this futex word */
static volatile int child_tid;   /* CLONE_PARENT_SETTID / CLONE_CHILD_CLEARTID word of a thread */
static int semid;

static long sem_get(int nsems)
{
    return raw4(NR_ipc, IPC_SEMGET, K_IPC_PRIVATE, nsems, K_IPC_CREAT | 0600);
}

/* semctl through ipc(2): the fourth argument (union semun) travels by pointer. */
static long sem_ctl(int id, int num, int cmd, unsigned long arg)
{
    return raw5(NR_ipc, IPC_SEMCTL, id, num, cmd | K_IPC_64, (long)&arg);
}

/* One semaphore operation, as glibc's semop makes it: ipc(SEMTIMEDOP, ..., timeout NULL). */
static long sem_op(int id, int num, int op, int flags)
{
    struct k_sembuf b = {(unsigned short)num, (short)op, (short)flags};

    return raw6(NR_ipc, IPC_SEMTIMEDOP, id, 1, 0, (long)&b, 0);
}

static int value(int num)
{
    return (int)sem_ctl(semid, num, K_GETVAL, 0);
}

static void wait_until_ncnt(int id, int num, int n)
{
    while (sem_ctl(id, num, K_GETNCNT, 0) < n)
        raw_yield();
}

static void release(void)
{
    go = 1;
    raw_futex(&go, F_FUTEX_WAKE, INT_MAX_WAKE, NULL, NULL, 0);
}

static void wait_for_go(void)
{
    while (!go)
        raw_futex(&go, F_FUTEX_WAIT, 0, NULL, NULL, 0);
}

static void basics(void)
{
    struct k_sembuf two[2] = {{0, 1, 0}, {1, 1, 0}};
    struct k_sembuf ten = {0, -10, 0};
    struct timespec32 t = {0, 10 * 1000 * 1000};
    long r;

    printf("ipc SETVAL 5: %s\n", raw_errno(sem_ctl(semid, 0, K_SETVAL, 5)));
    printf("ipc GETVAL: %d\n", value(0));
    r = sem_op(semid, 0, -2, 0);
    printf("ipc semop -2: %s, value %d\n", raw_errno(r), value(0));
    r = sem_op(semid, 0, -10, K_IPC_NOWAIT);
    printf("ipc semop -10 with IPC_NOWAIT: %s, value %d\n", raw_errno(r), value(0));
    r = raw6(NR_ipc, IPC_SEMTIMEDOP, semid, 1, 0, (long)&ten, (long)&t);
    printf("ipc SEMTIMEDOP -10 with a 10 ms timeout: %s\n", raw_errno(r));
    r = raw5(NR_ipc, IPC_SEMOP, semid, 2, 0, (long)two);
    printf("ipc SEMOP +1 on both at once: %s, values %d %d\n", raw_errno(r), value(0), value(1));
    printf("ipc SETVAL 32768 (above SEMVMX): %s\n", raw_errno(sem_ctl(semid, 0, K_SETVAL, 32768)));
    printf("ipc GETVAL of semaphore 2 of 2: %s\n", raw_errno(sem_ctl(semid, 2, K_GETVAL, 0)));
    sem_ctl(semid, 0, K_SETVAL, 5);
    sem_ctl(semid, 1, K_SETVAL, 0);
}

/* A forked process's SEM_UNDO adjustments are undone when it exits; plain operations stay. */
static void process_undo(void)
{
    pid_t pid = fork_flushed();
    int status;

    if (pid == 0) {
        sem_op(semid, 0, -2, K_SEM_UNDO);
        sem_op(semid, 1, 3, K_SEM_UNDO);
        sem_op(semid, 0, -1, 0);
        raw1(NR_exit_group, value(0) == 2 && value(1) == 3 ? 0 : 1);
    }
    status = wait_for(pid);
    printf("fork: the child saw its own operations: %s\n", ok(WIFEXITED(status) && WEXITSTATUS(status) == 0));
    printf("fork: after its exit, SEM_UNDO undone, the plain -1 kept: %d %d\n", value(0), value(1));
}

static int undo_and_wait(void *arg)
{
    (void)arg;
    sem_op(semid, 0, -1, K_SEM_UNDO);
    wait_for_go();
    return 0;
}

/* A clone without CLONE_SYSVSEM has its own list: its exit undoes its operations, whoever shares its memory. */
static void clone_without_sysvsem(void)
{
    long pid;
    int before = value(0), during, status;

    go = 0;
    fflush(stdout);
    pid = guest_raw_clone(F_CLONE_VM | SIGCHLD, stack_top(&stack), NULL, NULL, NULL, undo_and_wait, NULL);
    if (pid < 0) {
        printf("CLONE_VM without CLONE_SYSVSEM: clone: %s\n", raw_errno(pid));
        return;
    }
    while (value(0) == before)
        raw_yield();
    during = value(0);
    release();
    status = wait_for((pid_t)pid);
    printf("CLONE_VM without CLONE_SYSVSEM: -1 while the child lives: %s\n", ok(during == before - 1));
    printf("CLONE_VM without CLONE_SYSVSEM: undone at the child's exit: %s\n",
           ok(WIFEXITED(status) && value(0) == before));
}

static int undo_and_exit(void *arg)
{
    (void)arg;
    sem_op(semid, 0, -1, K_SEM_UNDO);
    return 0;
}

/*
 * In a process of its own (so that its exit is the last sharer's): take 1
 * with SEM_UNDO, start a task sharing the undo list that takes 1 more and
 * exits, and report in the exit status whether the task's exit left both
 * decrements in place.
 */
static void shared_list(const char *how, unsigned long flags)
{
    pid_t pid;
    long r;
    int before = value(0), status;

    pid = fork_flushed();
    if (pid == 0) {
        sem_op(semid, 0, -1, K_SEM_UNDO);
        child_tid = 0;
        r = guest_raw_clone(flags, stack_top(&stack), &child_tid, NULL, &child_tid, undo_and_exit, NULL);
        if (r < 0)
            raw1(NR_exit_group, 2);
        if (flags & F_CLONE_THREAD)
            join_thread(&child_tid);
        else
            raw4(NR_wait4, r, 0, 0, 0);
        raw1(NR_exit_group, value(0) == before - 2 ? 0 : 1);
    }
    status = wait_for(pid);
    printf("%s: after the sharer's exit both -1s stay: %s\n", how, ok(WIFEXITED(status) && WEXITSTATUS(status) == 0));
    printf("%s: the last sharer's exit undoes both: %s\n", how, ok(value(0) == before));
}

/* A semop that must wait sleeps until another process's semop, or the set's removal. */
static void blocking(void)
{
    pid_t pid;
    int status, id;

    sem_ctl(semid, 1, K_SETVAL, 0);
    pid = fork_flushed();
    if (pid == 0)
        raw1(NR_exit_group, sem_op(semid, 1, -1, 0) == 0 ? 0 : 1);
    wait_until_ncnt(semid, 1, 1);
    printf("blocking: one process waits (GETNCNT): %ld\n", sem_ctl(semid, 1, K_GETNCNT, 0));
    sem_op(semid, 1, 1, 0);
    status = wait_for(pid);
    printf("blocking: +1 let it through: %s, value %d\n", ok(WIFEXITED(status) && WEXITSTATUS(status) == 0),
           value(1));

    id = (int)sem_get(1);
    pid = fork_flushed();
    if (pid == 0) {
        long r = sem_op(id, 0, -1, 0);
        raw1(NR_exit_group, r == -EIDRM ? 0 : 1);
    }
    wait_until_ncnt(id, 0, 1);
    printf("blocking: IPC_RMID with a waiter: %s\n", raw_errno(sem_ctl(id, 0, K_IPC_RMID, 0)));
    status = wait_for(pid);
    printf("blocking: the waiter's semop failed with EIDRM: %s\n", ok(WIFEXITED(status) && WEXITSTATUS(status) == 0));
    printf("blocking: GETVAL on the removed set: %s\n", raw_errno(sem_ctl(id, 0, K_GETVAL, 0)));
}

/* The same through the direct system calls, as a libc built for Linux >= 5.1 makes them. */
static void direct_calls(void)
{
    struct k_sembuf b = {0, -1, K_SEM_UNDO};
    struct timespec64 t = {0, 10 * 1000 * 1000};
    long id, r;

    id = raw3(NR_semget, K_IPC_PRIVATE, 1, K_IPC_CREAT | 0600);
    printf("semget: %s\n", raw_errno(id < 0 ? id : 0));
    r = raw4(NR_semctl, id, 0, K_SETVAL, 2);
    printf("semctl SETVAL 2: %s\n", raw_errno(r));
    printf("semctl GETVAL: %ld\n", raw4(NR_semctl, id, 0, K_GETVAL, 0));
    /* The direct call has no version bit to parse: GETVAL | IPC_64 is no command. */
    printf("semctl GETVAL | IPC_64: %s\n", raw_errno(raw4(NR_semctl, id, 0, K_GETVAL | K_IPC_64, 0)));
    r = raw4(NR_semtimedop_time64, id, (long)&b, 1, 0);
    printf("semtimedop_time64 -1 with SEM_UNDO: %s\n", raw_errno(r));
    printf("semctl GETVAL: %ld\n", raw4(NR_semctl, id, 0, K_GETVAL, 0));
    b.sem_op = -5;
    b.sem_flg = 0;
    r = raw4(NR_semtimedop_time64, id, (long)&b, 1, (long)&t);
    printf("semtimedop_time64 -5 with a 10 ms timeout: %s\n", raw_errno(r));
    r = raw4(NR_semtimedop_time64, id, (long)&b, 0, 0);
    printf("semtimedop_time64 with no operations: %s\n", raw_errno(r));
    printf("semctl IPC_RMID: %s\n", raw_errno(raw4(NR_semctl, id, 0, K_IPC_RMID, 0)));
}

int main(void)
{
    long id = sem_get(2);

    if (id < 0) {
        printf("FAIL: semget: %s\n", raw_errno(id));
        return 1;
    }
    semid = (int)id;
    basics();
    process_undo();
    clone_without_sysvsem();
    shared_list("CLONE_VM|CLONE_SYSVSEM", F_CLONE_VM | F_CLONE_SYSVSEM | SIGCHLD);
    shared_list("a thread (CLONE_THREAD|CLONE_SYSVSEM)", THREAD_FLAGS);
    blocking();
    direct_calls();
    printf("ipc IPC_RMID: %s\n", raw_errno(sem_ctl(semid, 0, K_IPC_RMID, 0)));
    return 0;
}
