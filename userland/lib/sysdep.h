/* Private to the library: raw i386 Linux system calls.

   A raw call returns the kernel's result unchanged: -4095..-1 is -errno
   (Linux's MAX_ERRNO), as glibc's INTERNAL_SYSCALL in
   sysdeps/unix/sysv/linux/i386/sysdep.h returns it.  __syscall_ret() turns
   that into glibc's public convention: errno set, -1 returned. */
#ifndef _LIB_SYSDEP_H
#define _LIB_SYSDEP_H

#include <errno.h>
#include <sys/syscall.h>

/* The kernel entry every call goes through: __kernel_vsyscall of the vDSO
   when the kernel gives one (AT_SYSINFO in the auxiliary vector; it enters
   with sysenter, much cheaper than int $0x80 on some hosts), else
   syscall.S's int $0x80 stub.  glibc does the same with
   call *%gs:SYSINFO_OFFSET.  Both keep every register but EAX.
   The code is built -fno-pic, so EBX is free to carry the first argument. */
extern void *__libc_sysinfo;
#define __ENTER_KERNEL "call *__libc_sysinfo"
static inline long __syscall0(long n)
{
	long r;
	__asm__ volatile(__ENTER_KERNEL : "=a"(r) : "a"(n) : "memory");
	return r;
}

static inline long __syscall1(long n, long a1)
{
	long r;
	__asm__ volatile(__ENTER_KERNEL : "=a"(r) : "a"(n), "b"(a1) : "memory");
	return r;
}

static inline long __syscall2(long n, long a1, long a2)
{
	long r;
	__asm__ volatile(__ENTER_KERNEL : "=a"(r) : "a"(n), "b"(a1), "c"(a2) : "memory");
	return r;
}

static inline long __syscall3(long n, long a1, long a2, long a3)
{
	long r;
	__asm__ volatile(__ENTER_KERNEL : "=a"(r)
	                 : "a"(n), "b"(a1), "c"(a2), "d"(a3) : "memory");
	return r;
}

static inline long __syscall4(long n, long a1, long a2, long a3, long a4)
{
	long r;
	__asm__ volatile(__ENTER_KERNEL : "=a"(r)
	                 : "a"(n), "b"(a1), "c"(a2), "d"(a3), "S"(a4) : "memory");
	return r;
}

static inline long __syscall5(long n, long a1, long a2, long a3, long a4, long a5)
{
	long r;
	__asm__ volatile(__ENTER_KERNEL : "=a"(r)
	                 : "a"(n), "b"(a1), "c"(a2), "d"(a3), "S"(a4), "D"(a5)
	                 : "memory");
	return r;
}

/* The sixth argument travels in EBP, which gcc will not take as an asm
   operand, so this one is in syscall.S. */
long __syscall6(long n, long a1, long a2, long a3, long a4, long a5, long a6);

static inline int __syscall_error(long r)
{
	return (unsigned long)r > -4096UL;
}

static inline long __syscall_ret(long r)
{
	if (__syscall_error(r)) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

/* libc-start.c: the auxiliary vector, found after envp at start-up. */
extern unsigned long *__auxv;

#endif
