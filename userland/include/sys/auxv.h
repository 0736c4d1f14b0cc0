/* <sys/auxv.h>: the auxiliary vector the kernel puts after envp on the
   initial stack (getauxval(3)); AT_* values from include/uapi/linux/auxvec.h
   and arch/x86/include/uapi/asm/auxvec.h. */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#define AT_NULL          0      /* end of vector */
#define AT_IGNORE        1
#define AT_EXECFD        2
#define AT_PHDR          3      /* program headers of the program */
#define AT_PHENT         4      /* size of one program header */
#define AT_PHNUM         5      /* number of program headers */
#define AT_PAGESZ        6      /* system page size */
#define AT_BASE          7      /* interpreter's base address */
#define AT_FLAGS         8
#define AT_ENTRY         9      /* program's entry point */
#define AT_NOTELF        10
#define AT_UID           11
#define AT_EUID          12
#define AT_GID           13
#define AT_EGID          14
#define AT_PLATFORM      15     /* string naming the CPU ("i686") */
#define AT_HWCAP         16     /* CPU capability bits */
#define AT_CLKTCK        17     /* times() ticks per second */
#define AT_SECURE        23
#define AT_BASE_PLATFORM 24
#define AT_RANDOM        25     /* address of 16 random bytes */
#define AT_HWCAP2        26
#define AT_EXECFN        31     /* file name of the program */
#define AT_SYSINFO       32     /* vsyscall entry point */
#define AT_SYSINFO_EHDR  33     /* vDSO's ELF header */
#define AT_MINSIGSTKSZ   51

unsigned long getauxval(unsigned long type);

#endif
