/*
 * cow_isolation.c - fork() gives the child a copy of the parent's memory
 * (kernel/fork.c copy_mm -> dup_mm, with copy-on-write pages): a global, a
 * stack variable, a malloc'd block, a private anonymous mapping and a
 * 16-page global array are each written after fork, first by the child and
 * then by the parent, and each side prints what it sees. Neither sees the
 * other's writes; a page nobody writes still reads what it held at fork.
 *
 * The two sides take turns through two pipes (child writes, parent looks
 * and writes, child looks), and the parent prints only after the child has
 * exited, so the output is in the same order on every run.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include "proc_helpers.h"

#define ARRAY_PAGES 16
#define PAGE 4096

static volatile int global_value = 1;
static volatile unsigned char array[ARRAY_PAGES * PAGE];
/* Writable, but written by neither side after fork: it stays one shared frame. */
static volatile char untouched[PAGE] __attribute__((aligned(PAGE))) = "a data page nobody writes";

struct view {
    int global, stack, heap, map;
    unsigned long array_sum;
};

static unsigned long array_sum(void)
{
    unsigned long sum = 0;
    int i;

    for (i = 0; i < ARRAY_PAGES * PAGE; i++)
        sum += array[i];
    return sum;
}

/* One byte on every page of the array: each write makes the kernel copy a page. */
static void write_array(unsigned char value)
{
    int i;

    for (i = 0; i < ARRAY_PAGES; i++)
        array[i * PAGE + 7] = value;
}

static void print_view(const char *who, const char *when, const struct view *v)
{
    printf("%s %s: global=%d stack=%d heap=%d mmap=%d array-sum=%lu\n", who, when, v->global,
           v->stack, v->heap, v->map, v->array_sum);
}

static void signal_turn(int fd)
{
    char c = 'x';

    if (write(fd, &c, 1) != 1)
        printf("FAIL: pipe write: errno=%s\n", errno_name(errno));
}

static void await_turn(int fd)
{
    char c;

    if (read(fd, &c, 1) != 1)
        printf("FAIL: pipe read: errno=%s\n", errno_name(errno));
}

int main(void)
{
    volatile int stack_value = 1;
    volatile int *heap_value = malloc(sizeof *heap_value);
    volatile int *map_value = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    int to_parent[2], to_child[2], status;
    struct view seen, after;
    pid_t pid;

#define LOOK(v) ((v).global = global_value, (v).stack = stack_value, (v).heap = *heap_value, \
                 (v).map = *map_value, (v).array_sum = array_sum())
#define WRITE_ALL(n) (global_value = (n), stack_value = (n), *heap_value = (n), *map_value = (n), \
                      write_array(n))

    if (heap_value == NULL || map_value == MAP_FAILED || pipe(to_parent) < 0 || pipe(to_child) < 0) {
        printf("FAIL: setup: errno=%s\n", errno_name(errno));
        return 1;
    }
    *heap_value = 1;
    *map_value = 1;
    write_array(1);
    LOOK(seen);
    print_view("parent", "before fork", &seen);

    pid = fork_flushed();
    if (pid == 0) {
        WRITE_ALL(2);
        LOOK(seen);
        signal_turn(to_parent[1]);
        await_turn(to_child[0]);
        LOOK(after);
        print_view("child", "after its own writes", &seen);
        print_view("child", "after the parent wrote", &after);
        printf("child: the parent's writes are invisible here: %s\n",
               ok(memcmp(&seen, &after, sizeof seen) == 0 && after.global == 2));
        printf("child: the untouched page still reads \"%s\": %s\n", (const char *)untouched,
               ok(strcmp((const char *)untouched, "a data page nobody writes") == 0));
        exit(0);
    }

    await_turn(to_parent[0]);
    LOOK(seen);
    WRITE_ALL(3);
    LOOK(after);
    signal_turn(to_child[1]);
    status = wait_for(pid);
    printf("child %s\n", ended(status));
    print_view("parent", "after the child wrote", &seen);
    print_view("parent", "after its own writes", &after);
    printf("parent: the child's writes are invisible here: %s\n",
           ok(seen.global == 1 && seen.stack == 1 && seen.heap == 1 && seen.map == 1
              && seen.array_sum == ARRAY_PAGES));
    printf("parent: its own writes stuck: %s\n",
           ok(after.global == 3 && after.stack == 3 && after.heap == 3 && after.map == 3
              && after.array_sum == 3 * ARRAY_PAGES));
    return 0;
}
