/* statfs_check.c - statfs64/fstatfs64/statfs: the filesystem type of /proc and of the
   working directory's filesystem (the host's, seen through hostfs), the size argument's
   check, and the errors. Raw system calls, so both C libraries run the same. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

struct k_statfs64 {            /* i386, packed and 4-aligned: 84 bytes */
	unsigned int f_type, f_bsize;
	unsigned long long f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int f_fsid[2];
	unsigned int f_namelen, f_frsize, f_flags, f_spare[4];
} __attribute__((packed, aligned(4)));

struct k_statfs {              /* i386: 64 bytes */
	unsigned int f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int f_fsid[2];
	unsigned int f_namelen, f_frsize, f_flags, f_spare[4];
};

static const char *ok(int good)
{
	return good ? "OK" : "FAIL";
}

int main(void)
{
	struct k_statfs64 a, b;
	struct k_statfs c;

	printf("sizeof-statfs64: %zu\n", sizeof a);
	/* (each call before the printf that shows its result: argument order is unspecified) */
	int r = syscall(SYS_statfs64, "/proc", sizeof a, &a);
	printf("proc: %s, type 0x%x\n", ok(r == 0), a.f_type);
	int fd = open("/proc/self/status", O_RDONLY);
	r = syscall(SYS_fstatfs64, fd, sizeof b, &b);
	printf("fstatfs64-proc: %s, same type %s\n", ok(r == 0), ok(b.f_type == a.f_type));
	close(fd);
	/* The working directory's filesystem: whatever it is, the calls agree with each other. */
	memset(&a, 0, sizeof a);
	printf("cwd: %s\n", ok(syscall(SYS_statfs64, ".", sizeof a, &a) == 0 && a.f_bsize > 0 && a.f_namelen > 0));
	fd = open(".", O_RDONLY | O_DIRECTORY);
	printf("fstatfs64-cwd: %s\n", ok(syscall(SYS_fstatfs64, fd, sizeof b, &b) == 0 && b.f_type == a.f_type
				       && b.f_bsize == a.f_bsize && b.f_blocks == a.f_blocks));
	r = syscall(SYS_statfs, ".", &c);
	printf("statfs-cwd: %s\n", ok((r == 0 && c.f_type == a.f_type) || (r == -1 && errno == EOVERFLOW)));
	printf("flags-valid: %s\n", ok((a.f_flags & 0x20) != 0));
	errno = 0;
	printf("bad-size-einval: %s\n", ok(syscall(SYS_statfs64, ".", 88, &a) == -1 && errno == EINVAL));
	errno = 0;
	printf("missing-enoent: %s\n", ok(syscall(SYS_statfs64, "no/such/dir", sizeof a, &a) == -1 && errno == ENOENT));
	errno = 0;
	printf("bad-buffer-efault: %s\n", ok(syscall(SYS_statfs64, ".", sizeof a, (void *)16) == -1 && errno == EFAULT));
	errno = 0;
	printf("bad-fd-ebadf: %s\n", ok(syscall(SYS_fstatfs64, 99, sizeof a, &a) == -1 && errno == EBADF));
	int p[2];
	pipe(p);
	r = syscall(SYS_fstatfs64, p[0], sizeof b, &b);
	printf("pipe: %s, type 0x%x\n", ok(r == 0), b.f_type);
	return 0;
}
