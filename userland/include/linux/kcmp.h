/* <linux/kcmp.h>: the comparison types of kcmp(2), with Linux's values
   (include/uapi/linux/kcmp.h).  kcmp(pid1, pid2, type, idx1, idx2) says
   whether two tasks use the same kernel object of that type: 0 for the
   same one, 1 or 2 for two different ones (ordered arbitrarily), -1 and
   errno on error.  There is no library wrapper; call it with
   syscall(SYS_kcmp, ...), as glibc programs do. */
#ifndef _LINUX_KCMP_H
#define _LINUX_KCMP_H

enum kcmp_type {
	KCMP_FILE,              /* the struct file behind fd idx1 and fd idx2 */
	KCMP_VM,                /* mm_struct: the address space */
	KCMP_FILES,             /* files_struct: the descriptor table */
	KCMP_FS,                /* fs_struct: root, working directory, umask */
	KCMP_SIGHAND,           /* sighand_struct: the signal handlers */
	KCMP_IO,                /* io_context */
	KCMP_SYSVSEM,           /* the SysV semaphore undo list */
	KCMP_EPOLL_TFD,         /* a file in an epoll set (not supported) */

	KCMP_TYPES,
};

/* For KCMP_EPOLL_TFD. */
struct kcmp_epoll_slot {
	unsigned int efd;
	unsigned int tfd;
	unsigned int toff;
};

#endif
