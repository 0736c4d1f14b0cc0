/* Thread-local storage for the main thread, set up first thing at start-up
   (glibc's csu/libc-tls.c __libc_setup_tls and i386 TLS_INIT_TP), and the
   copy of the TLS image every new thread gets.  See pthreadP.h for the
   picture.

   Nothing here may touch errno: errno is itself a __thread variable, and
   until %gs is loaded there is no thread to hold it. */
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include "pthreadP.h"
#include "sysdep.h"

/* The two ELF structures needed to find PT_TLS (elf.h's Elf32_Phdr and the
   start of Elf32_Ehdr). */
#define PT_TLS 7

struct elf32_phdr {
	uint32_t p_type;
	uint32_t p_offset;
	uint32_t p_vaddr;
	uint32_t p_paddr;
	uint32_t p_filesz;
	uint32_t p_memsz;
	uint32_t p_flags;
	uint32_t p_align;
};

struct elf32_ehdr {
	unsigned char e_ident[16];
	uint16_t e_type;
	uint16_t e_machine;
	uint32_t e_version;
	uint32_t e_entry;
	uint32_t e_phoff;
	uint32_t e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize;
	uint16_t e_phnum;
};

/* The linker defines this at the ELF header, which minikernel.ld puts in
   the first PT_LOAD: the program headers without the auxiliary vector. */
extern const struct elf32_ehdr __ehdr_start __attribute__((__weak__));

struct static_tls __static_tls;
int __nptl_set_robust_list_avail;

static unsigned long auxv_value(unsigned long type)
{
	unsigned long *a;

	for (a = __auxv; a != NULL && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	return 0;
}

/* No thread pointer, no errno, no stdio: say it on fd 2 and stop, as
   glibc's _startup_fatal does. */
__attribute__((__noreturn__))
static void startup_fatal(const char *message)
{
	__syscall3(SYS_write, 2, (long)message, (long)strlen(message));
	for (;;)
		__syscall1(SYS_exit_group, 127);
}

/* Where the PT_TLS segment is, and so how much room every thread needs
   below its thread pointer.  The linker places each __thread variable at
   (address in the segment) - (segment start) - offset from the thread
   pointer, with offset the segment's size rounded up to its alignment;
   glibc computes the same number (main_map->l_tls_offset). */
static void find_tls_segment(void)
{
	const struct elf32_phdr *phdr = (const struct elf32_phdr *)auxv_value(AT_PHDR);
	size_t phnum = auxv_value(AT_PHNUM);
	size_t i;

	if (phdr == NULL && &__ehdr_start != NULL) {
		phdr = (const struct elf32_phdr *)((const char *)&__ehdr_start +
		                                   __ehdr_start.e_phoff);
		phnum = __ehdr_start.e_phnum;
	}
	__static_tls.align = 1;
	for (i = 0; phdr != NULL && i < phnum; i++) {
		if (phdr[i].p_type != PT_TLS)
			continue;
		__static_tls.image = (const void *)phdr[i].p_vaddr;
		__static_tls.filesz = phdr[i].p_filesz;
		__static_tls.memsz = phdr[i].p_memsz;
		if (phdr[i].p_align > 1)
			__static_tls.align = phdr[i].p_align;
		break;
	}
	__static_tls.offset = (__static_tls.memsz + __static_tls.align - 1) &
	                      ~(__static_tls.align - 1);
	if (__static_tls.align < TCB_ALIGNMENT)
		__static_tls.align = TCB_ALIGNMENT;
}

/* A thread's TLS block, below its descriptor: .tdata copied from the
   program's image, .tbss zeroed. */
void __libc_init_static_tls(struct pthread *pd)
{
	char *block = (char *)pd - __static_tls.offset;

	memcpy(block, __static_tls.image, __static_tls.filesz);
	memset(block + __static_tls.filesz, 0, __static_tls.offset - __static_tls.filesz);
}

/* The descriptor glibc's TLS_INIT_TP asks for: a flat 4 GiB data segment
   (limit 0xfffff in 4 KiB pages, 32-bit) whose base is the thread pointer.
   entry_number -1 asks set_thread_area for a free TLS slot of the GDT
   (Linux gives 12, the first of GDT_ENTRY_TLS_MIN..MAX); a new thread keeps
   its creator's slot, which CLONE_SETTLS fills with the child's base. */
void __tls_init_tp_descriptor(struct user_desc *desc, struct pthread *pd)
{
	memset(desc, 0, sizeof *desc);
	desc->entry_number = (unsigned int)-1;
	desc->base_addr = (unsigned int)pd;
	desc->limit = 0xfffff;
	desc->seg_32bit = 1;
	desc->contents = 0;
	desc->read_exec_only = 0;
	desc->limit_in_pages = 1;
	desc->seg_not_present = 0;
	desc->useable = 1;
}

/* The main thread's TLS block and descriptor come from the program break,
   as in a static glibc program (mmap if brk refuses).  Then %gs is loaded,
   and the kernel is told where the thread's tid word (set_tid_address) and
   robust list (set_robust_list) are. */
void __libc_setup_tls(void)
{
	struct user_desc desc;
	struct pthread *pd;
	size_t size;
	uintptr_t base, tp;
	unsigned long random;
	unsigned short gs;

	find_tls_segment();
	size = __static_tls.offset + sizeof(struct pthread) + __static_tls.align;
	size = (size + 15) & ~(size_t)15;

	base = (uintptr_t)__syscall1(SYS_brk, 0);
	if ((uintptr_t)__syscall1(SYS_brk, (long)(base + size)) < base + size) {
		base = (uintptr_t)__syscall6(SYS_mmap2, 0, (long)size, PROT_READ | PROT_WRITE,
		                             MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (__syscall_error((long)base))
			startup_fatal("Fatal glibc error: Cannot allocate TLS block\n");
	}
	tp = (base + __static_tls.offset + __static_tls.align - 1) & ~(__static_tls.align - 1);
	pd = (struct pthread *)tp;
	memset(pd, 0, sizeof *pd);
	__libc_init_static_tls(pd);
	pd->tcb = pd;
	pd->self = pd;
	pd->specific[0] = pd->specific_1stblock;
	pd->robust_head.list.next = &pd->robust_head.list;
	pd->robust_head.futex_offset = offsetof(pthread_mutex_t, __data.__lock) -
	                               offsetof(pthread_mutex_t, __data.__list);
	/* The canary: AT_RANDOM's first word with a zero low byte, as glibc's
	   _dl_setup_stack_chk_guard (a string overflow cannot forge a 0). */
	random = auxv_value(AT_RANDOM);
	if (random != 0)
		memcpy(&pd->stack_guard, (const void *)random, sizeof pd->stack_guard);
	pd->stack_guard &= ~(uintptr_t)0xff;

	__tls_init_tp_descriptor(&desc, pd);
	if (__syscall1(SYS_set_thread_area, (long)&desc) != 0)
		startup_fatal("set_thread_area failed when setting up thread-local storage\n");
	gs = (unsigned short)((desc.entry_number << 3) | 3);    /* GDT, RPL 3 */
	__asm__ volatile("movw %w0, %%gs" : : "q"(gs) : "memory");

	pd->tid = (pid_t)__syscall1(SYS_set_tid_address, (long)&pd->tid);
	if (__syscall_error(pd->tid))
		pd->tid = (pid_t)__syscall0(SYS_gettid);
	__nptl_set_robust_list_avail =
		__syscall2(SYS_set_robust_list, (long)&pd->robust_head,
		           sizeof pd->robust_head) == 0;
}
