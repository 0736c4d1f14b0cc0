/* <sys/mman.h>.  i386 maps through mmap2, whose offset counts 4096-byte
   units so 32-bit arguments reach files beyond 4 GiB; glibc refuses an
   offset that is not a multiple of that unit with EINVAL, and so do we. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <sys/mman.h>
#include "sysdep.h"

#define MMAP2_UNIT 4096

void *mmap64(void *addr, size_t length, int prot, int flags, int fd, off64_t offset)
{
	if ((offset & (MMAP2_UNIT - 1)) != 0 || offset < 0 ||
	    (offset / MMAP2_UNIT) > (off64_t)UINT32_MAX) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	return (void *)__syscall_ret(__syscall6(SYS_mmap2, (long)addr, (long)length, prot,
	                                        flags, fd, (long)(offset / MMAP2_UNIT)));
}

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
	return mmap64(addr, length, prot, flags, fd, offset);
}

int munmap(void *addr, size_t length)
{
	return (int)__syscall_ret(__syscall2(SYS_munmap, (long)addr, (long)length));
}

int mprotect(void *addr, size_t len, int prot)
{
	return (int)__syscall_ret(__syscall3(SYS_mprotect, (long)addr, (long)len, prot));
}

/* mremap(2): the fifth argument exists only with MREMAP_FIXED. */
void *mremap(void *old_address, size_t old_size, size_t new_size, int flags, ...)
{
	void *new_address = NULL;
	va_list ap;

	if (flags & MREMAP_FIXED) {
		va_start(ap, flags);
		new_address = va_arg(ap, void *);
		va_end(ap);
	}
	return (void *)__syscall_ret(__syscall5(SYS_mremap, (long)old_address, (long)old_size,
	                                        (long)new_size, flags, (long)new_address));
}

int madvise(void *addr, size_t length, int advice)
{
	return (int)__syscall_ret(__syscall3(SYS_madvise, (long)addr, (long)length, advice));
}

int msync(void *addr, size_t length, int flags)
{
	return (int)__syscall_ret(__syscall3(SYS_msync, (long)addr, (long)length, flags));
}
