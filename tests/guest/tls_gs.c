/*
 * tls_gs.c - i386 thread-local storage the raw way: set_thread_area() with
 * entry_number -1 asks the kernel for a free GDT TLS slot (arch/x86/kernel/tls.c),
 * then %gs = (entry << 3) | 3 selects it and %gs:N addresses the block.
 *
 * glibc has already taken the first slot (12 on x86 Linux) for its own TLS,
 * so a glibc build gets the next one; the entry printed is compared between
 * native Linux and minikernel for the same binary. %gs is restored before any
 * libc call, since glibc reaches its TLS through it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "errno_name.h"

#ifndef SYS_get_thread_area
#define SYS_get_thread_area 244
#endif

/* struct user_desc from asm/ldt.h. */
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

static struct {
    unsigned int first;
    unsigned int second;
} block = {0x11223344u, 0x55667788u};

static void describe(struct user_desc32 *d, unsigned int entry, void *base)
{
    memset(d, 0, sizeof *d);
    d->entry_number = entry;
    d->base_addr = (unsigned int)base;
    d->limit = 0xfffff;
    d->seg_32bit = 1;
    d->limit_in_pages = 1;
    d->useable = 1;
}

int main(void)
{
    struct user_desc32 d, got;
    unsigned short saved_gs, selector, seen_gs;
    unsigned int a, b, c;
    long r;

    describe(&d, (unsigned int)-1, &block);
    r = syscall(SYS_set_thread_area, &d);
    if (r != 0) {
        printf("FAIL: set_thread_area: errno=%s\n", errno_name(errno));
        return 1;
    }
    printf("entry: %u\n", d.entry_number);
    selector = (unsigned short)((d.entry_number << 3) | 3);

    __asm__ volatile("mov %%gs, %0" : "=r"(saved_gs));
    __asm__ volatile("mov %0, %%gs" : : "r"(selector));
    __asm__ volatile("movl %%gs:0, %0" : "=r"(a));
    __asm__ volatile("movl %%gs:4, %0" : "=r"(b));
    __asm__ volatile("movl %0, %%gs:4" : : "r"(0xcafef00du) : "memory");
    /* A system call must not lose %gs or its descriptor. */
    __asm__ volatile("int $0x80" : "=a"(r) : "a"(SYS_getpid) : "memory");
    __asm__ volatile("movl %%gs:0, %0" : "=r"(c));
    __asm__ volatile("mov %%gs, %0" : "=r"(seen_gs));
    __asm__ volatile("mov %0, %%gs" : : "r"(saved_gs));

    printf("gs-read-0: %s\n", a == 0x11223344u ? "OK" : "FAIL");
    printf("gs-read-4: %s\n", b == 0x55667788u ? "OK" : "FAIL");
    printf("gs-write-4: %s\n", block.second == 0xcafef00du ? "OK" : "FAIL");
    printf("gs-survives-syscall: %s\n", c == 0x11223344u && seen_gs == selector ? "OK" : "FAIL");

    memset(&got, 0, sizeof got);
    got.entry_number = d.entry_number;
    r = syscall(SYS_get_thread_area, &got);
    printf("get_thread_area: %s\n",
           r == 0 && got.base_addr == (unsigned int)&block && got.limit == 0xfffff && got.seg_32bit
                   && got.limit_in_pages ? "OK" : "FAIL");

    /* Slot numbers outside the TLS range are refused. */
    describe(&d, 5, &block);
    errno = 0;
    r = syscall(SYS_set_thread_area, &d);
    printf("entry-5: %s\n", r == 0 ? "FAIL (accepted)" : errno_name(errno));
    errno = 0;
    r = syscall(SYS_set_thread_area, NULL);
    printf("null-desc: %s\n", r == 0 ? "FAIL (accepted)" : errno_name(errno));

    printf("tls: %s\n", a == 0x11223344u && b == 0x55667788u && block.second == 0xcafef00du
                                && c == 0x11223344u ? "OK" : "FAIL");
    return 0;
}
