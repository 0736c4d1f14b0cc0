/*
 * mmap_sigbus.c - touching a file mapping past the end of its file.
 *
 * A mapping may be longer than its file. The page that holds the file's
 * last byte maps (zero-filled past it); a page wholly beyond the end has
 * nothing to map, and touching it raises SIGBUS (filemap_fault). Whether a
 * page is beyond the end is decided when it is touched, so growing the file
 * with ftruncate makes the same page usable, and shrinking it makes an
 * untouched page fault. Each touch happens in a child, whose wait status
 * the parent prints (no handler: the default action, which kills with a
 * core dump flag; the flag depends on the core limit, so it is not shown).
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define PAGE 4096

/* Reads (or writes) one byte at p in a child; prints how the child ended. */
static void touch(const char *what, volatile char *p, int write)
{
    int status;
    pid_t pid = fork();

    if (pid == 0) {
        char c = 0;
        if (write)
            *p = 'w';
        else
            c = *p;
        _exit(c == 0 ? 10 : 11);
    }
    waitpid(pid, &status, 0);
    if (WIFEXITED(status))
        printf("%s: exited %d (%s)\n", what, WEXITSTATUS(status),
               WEXITSTATUS(status) == 10 ? "read zero or wrote" : "read data");
    else if (WIFSIGNALED(status))
        printf("%s: killed by %s\n", what,
               WTERMSIG(status) == SIGBUS ? "SIGBUS" : WTERMSIG(status) == SIGSEGV ? "SIGSEGV" : "another signal");
    else
        printf("%s: status %#x\n", what, status);
}

int main(void)
{
    char data[100];
    int fd = open("short.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
    char *shared, *private;

    memset(data, 'x', sizeof data);
    if (fd < 0 || write(fd, data, sizeof data) != sizeof data) {
        perror("short.bin");
        return 1;
    }
    shared = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    private = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    if (shared == MAP_FAILED || private == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    printf("a 100-byte file mapped for 3 pages, shared and private\n");
    touch("shared, byte 0", shared, 0);
    touch("shared, byte 100 (same page, past the end)", shared + 100, 0);
    touch("shared, page 1", shared + PAGE, 0);
    touch("shared, page 2, a write", shared + 2 * PAGE + 5, 1);
    touch("private, byte 4095", private + PAGE - 1, 0);
    touch("private, page 1", private + PAGE, 0);
    touch("private, page 1, a write", private + PAGE, 1);

    printf("ftruncate to 5000 bytes: %d\n", ftruncate(fd, 5000));
    touch("shared, page 1 now", shared + PAGE, 0);
    touch("shared, page 2 still", shared + 2 * PAGE, 0);
    touch("private, page 1 now", private + PAGE + 10, 0);

    printf("ftruncate to 10 bytes: %d\n", ftruncate(fd, 10));
    touch("shared, page 1 after shrinking", shared + PAGE + 1, 0);
    touch("shared, byte 5 after shrinking", shared + 5, 0);

    munmap(shared, 3 * PAGE);
    munmap(private, 3 * PAGE);
    close(fd);
    unlink("short.bin");
    return 0;
}
