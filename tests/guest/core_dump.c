/*
 * core_dump.c - a "core" signal writes a core file when RLIMIT_CORE allows.
 *
 *   RLIMIT_CORE 0 (the usual default): a child killed by SIGSEGV leaves no
 *   file "core" and its wait status has no core bit; SIGTERM never dumps
 *   RLIMIT_CORE raised: the same child leaves an ELF core file (ET_CORE,
 *   EM_386, a PT_NOTE and PT_LOAD segments, one of which holds a marker the
 *   child had in memory) and WCOREDUMP is set, whether the signal was a
 *   fault or sent by kill
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

static char marker[64] = "minikernel core marker 7f3a";

/* Reads the core file: its ELF type, machine, program header count and whether the marker is in it. */
static void inspect(void)
{
    static char buf[4 << 20];
    int fd = open("core", O_RDONLY);
    ssize_t n, total = 0;
    int found = 0;

    if (fd < 0) {
        printf("  no core file\n");
        return;
    }
    while (total < (ssize_t)sizeof buf && (n = read(fd, buf + total, sizeof buf - total)) > 0)
        total += n;
    close(fd);
    for (ssize_t i = 0; i + (ssize_t)strlen(marker) <= total && !found; i++)
        found = memcmp(buf + i, marker, strlen(marker)) == 0;
    printf("  core file: ELF %d, type %d (ET_CORE 4), machine %d (EM_386 3), a PT_NOTE first %d, "
           "the marker inside %d\n",
           total > 52 && memcmp(buf, "\177ELF", 4) == 0, *(unsigned short *)(buf + 16),
           *(unsigned short *)(buf + 18), *(unsigned *)(buf + 52) == 4, found);
    unlink("core");
}

static void die(const char *how, int sig)
{
    int status;
    pid_t pid = fork();

    if (pid == 0) {
        marker[0] = 'm';
        if (sig == SIGSEGV)
            *(volatile int *)0 = 1;
        raise(sig);
        _exit(0);
    }
    waitpid(pid, &status, 0);
    printf("%s: signaled %d by %d, core bit %d\n", how, WIFSIGNALED(status), WTERMSIG(status),
           WCOREDUMP(status) != 0);
}

int main(void)
{
    struct rlimit rl = { 0, RLIM_INFINITY };

    setvbuf(stdout, NULL, _IONBF, 0);
    unlink("core");
    setrlimit(RLIMIT_CORE, &rl);
    die("RLIMIT_CORE 0, a NULL write", SIGSEGV);
    inspect();
    rl.rlim_cur = RLIM_INFINITY;
    setrlimit(RLIMIT_CORE, &rl);
    die("RLIMIT_CORE unlimited, a NULL write", SIGSEGV);
    inspect();
    die("RLIMIT_CORE unlimited, SIGQUIT by raise", SIGQUIT);
    inspect();
    die("RLIMIT_CORE unlimited, SIGTERM", SIGTERM);
    inspect();
    return 0;
}
