/*
 * fd_table.c - the descriptor table (fs/file.c, fs/fcntl.c, fs/exec.c),
 * beyond dup_fcntl.c:
 *
 *   - close of a closed descriptor, of -1: EBADF
 *   - F_GETFL of files: the access mode and O_APPEND/O_NONBLOCK as opened,
 *     without O_CREAT, O_EXCL, O_TRUNC or O_CLOEXEC
 *   - RLIMIT_NOFILE lowered to 64: open fills the table up to descriptor
 *     63, then EMFILE; so do dup, pipe (which leaves no half behind with
 *     one slot free) and F_DUPFD; dup2 and F_DUPFD at or above the limit
 *     are EBADF and EINVAL; a descriptor already open above the limit
 *     keeps working
 *   - a child's stdout redirected with dup2 into a pipe: what the child
 *     prints, and what a program it executes prints, reaches the parent
 *   - close-on-exec across execve: the program runs itself again with
 *     "--check" and reports which of its descriptors survived: plain
 *     open, O_CLOEXEC, FD_CLOEXEC set and cleared, dup3 and F_DUPFD_CLOEXEC
 *     copies, a pipe2(O_CLOEXEC) pair; with the offset and O_APPEND of a
 *     survivor intact
 *
 * Files are made in the current directory.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <sys/resource.h>
#include "fs_helpers.h"

static int is_open(int fd)
{
    return fcntl(fd, F_GETFD) >= 0;
}

static const char *access_mode(int flags)
{
    switch (flags & O_ACCMODE) {
    case O_RDONLY: return "O_RDONLY";
    case O_WRONLY: return "O_WRONLY";
    case O_RDWR: return "O_RDWR";
    default: return "?";
    }
}

static void show_flags(const char *what, int fd)
{
    int fl = fcntl(fd, F_GETFL);

    printf("F_GETFL after %s: %s%s%s%s%s%s%s\n", what, access_mode(fl), fl & O_APPEND ? " O_APPEND" : "",
           fl & O_NONBLOCK ? " O_NONBLOCK" : "", fl & O_CREAT ? " O_CREAT" : "", fl & O_EXCL ? " O_EXCL" : "",
           fl & O_TRUNC ? " O_TRUNC" : "", fl & O_CLOEXEC ? " O_CLOEXEC" : "");
    close(fd);
}

static void closing_and_flags(void)
{
    int fd = open("f.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);

    show("close", (long)close(fd));
    show("close again", (long)close(fd));
    show("close(-1)", (long)close(-1));
    show("close(100000)", (long)close(100000));

    show_flags("O_RDONLY", open("f.txt", O_RDONLY));
    show_flags("O_WRONLY | O_APPEND", open("f.txt", O_WRONLY | O_APPEND));
    show_flags("O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC", open("f.txt", O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    show_flags("O_RDWR | O_NONBLOCK | O_CREAT | O_EXCL", open("g.txt", O_RDWR | O_NONBLOCK | O_CREAT | O_EXCL, 0644));
    show_flags("creat", creat("h.txt", 0644));
}

static void table_limit(void)
{
    struct rlimit rl;
    int fd, last = -1, count = 0, high, p[2], r, all;

    high = dup2(1, 100);
    getrlimit(RLIMIT_NOFILE, &rl);
    rl.rlim_cur = 64;
    show("setrlimit(RLIMIT_NOFILE, 64)", (long)setrlimit(RLIMIT_NOFILE, &rl));
    while ((fd = open("f.txt", O_RDONLY)) >= 0) {
        last = fd;
        count++;
    }
    printf("open until it fails: %s, the last descriptor %d\n", errno_name(errno), last);
    for (all = 1, fd = 0; fd < 64; fd++)
        if (!is_open(fd))
            all = 0;
    printf("  every descriptor 0..63 is open: %s\n", ok(all));
    show("dup in a full table", (long)dup(0));
    show("pipe in a full table", (long)pipe(p));
    show("F_DUPFD 0 in a full table", (long)fcntl(0, F_DUPFD, 0));
    show("F_DUPFD 64", (long)fcntl(0, F_DUPFD, 64));
    show("dup2 onto 63 (open)", (long)dup2(0, 63));
    show("dup2 onto 64 (the limit)", (long)dup2(0, 64));
    show("dup3 onto 64", (long)dup3(0, 64, 0));
    close(63);
    r = pipe(p);
    show("pipe with one free descriptor", r);
    printf("  descriptor 63 still free: %s\n", ok(!is_open(63)));
    fd = open("f.txt", O_RDONLY);
    printf("open takes it: %d\n", fd);
    close(40);
    close(41);
    r = pipe(p);
    printf("pipe with 40 and 41 free: %s, [%d %d]\n", res(r), p[0], p[1]);
    printf("descriptor 100, opened above the limit before: open %s, writes %s\n", ok(is_open(high)),
           ok(write(high, "", 0) == 0));
    show("dup2 onto 100 now", (long)dup2(0, 100));
    show("close(100)", (long)close(100));
    for (fd = 3; fd < 64; fd++)
        close(fd);
    rl.rlim_cur = rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
}

static void redirect(const char *self)
{
    char buf[512];
    int p[2], status;
    ssize_t n;
    pid_t pid;

    if (pipe(p) < 0)
        return;
    pid = fork_flushed();
    if (pid == 0) {
        dup2(p[1], 1);
        close(p[0]);
        close(p[1]);
        printf("child: printed to stdout\n");
        fflush(stdout);
        write(1, "child: written to fd 1\n", 23);
        execl(self, self, "--hello", (char *)NULL);
        _exit(127);
    }
    close(p[1]);
    n = read_all(p[0], buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = '\0';
    status = wait_for(pid);
    printf("the child %s; the parent read %ld bytes through the pipe:\n%s", ended(status), (long)n, buf);
    close(p[0]);
}

/* The descriptors the exec test sets up, at fixed numbers. */
enum { PLAIN = 10, CLOEXEC_OPEN, SETFD, SETFD_CLEARED, DUP3_CLOEXEC, DUPFD_CLOEXEC, DUP_OF_CLOEXEC, PIPE_R, PIPE_W,
       APPENDING };

static const char *const fd_names[] = {"open", "open(O_CLOEXEC)", "F_SETFD FD_CLOEXEC", "F_SETFD set then cleared",
    "dup3(O_CLOEXEC)", "F_DUPFD_CLOEXEC", "dup of an O_CLOEXEC one", "pipe2(O_CLOEXEC) read end",
    "pipe2(O_CLOEXEC) write end", "O_APPEND, offset 4"};

static void move_to(int fd, int target)
{
    if (fd != target) {
        dup2(fd, target);
        close(fd);
    }
}

static void close_on_exec(const char *self)
{
    int fd, p[2], status;
    pid_t pid;

    make_file("exec.txt", "0123456789");
    move_to(open("exec.txt", O_RDONLY), PLAIN);
    lseek(PLAIN, 3, SEEK_SET);
    move_to(open("exec.txt", O_RDONLY | O_CLOEXEC), CLOEXEC_OPEN);
    fcntl(CLOEXEC_OPEN, F_SETFD, FD_CLOEXEC);   /* dup2 in move_to cleared it */
    move_to(open("exec.txt", O_RDONLY), SETFD);
    fcntl(SETFD, F_SETFD, FD_CLOEXEC);
    move_to(open("exec.txt", O_RDONLY), SETFD_CLEARED);
    fcntl(SETFD_CLEARED, F_SETFD, FD_CLOEXEC);
    fcntl(SETFD_CLEARED, F_SETFD, 0);
    dup3(PLAIN, DUP3_CLOEXEC, O_CLOEXEC);
    fd = fcntl(PLAIN, F_DUPFD_CLOEXEC, DUPFD_CLOEXEC);
    printf("F_DUPFD_CLOEXEC from %d: %d\n", DUPFD_CLOEXEC, fd);
    fd = fcntl(CLOEXEC_OPEN, F_DUPFD, DUP_OF_CLOEXEC);
    printf("F_DUPFD of the O_CLOEXEC one: %d, FD_CLOEXEC=%d\n", fd, fcntl(fd, F_GETFD));
    pipe2(p, O_CLOEXEC);
    dup3(p[0], PIPE_R, O_CLOEXEC);
    dup3(p[1], PIPE_W, O_CLOEXEC);
    close(p[0]);
    close(p[1]);
    move_to(open("exec.txt", O_WRONLY | O_APPEND), APPENDING);
    lseek(APPENDING, 4, SEEK_SET);
    for (fd = PLAIN; fd <= APPENDING; fd++)
        printf("before execve: fd %d (%s): FD_CLOEXEC=%d\n", fd, fd_names[fd - PLAIN], fcntl(fd, F_GETFD));
    pid = fork_flushed();
    if (pid == 0) {
        execl(self, self, "--check", (char *)NULL);
        _exit(127);
    }
    status = wait_for(pid);
    printf("the checker %s\n", ended(status));
    for (fd = PLAIN; fd <= APPENDING; fd++)
        close(fd);
}

/* After execve: which of the descriptors came through. */
static int check(void)
{
    char c;
    int fd, fl;

    for (fd = PLAIN; fd <= APPENDING; fd++) {
        if (!is_open(fd)) {
            printf("after execve: fd %d (%s): closed (%s)\n", fd, fd_names[fd - PLAIN], errno_name(errno));
            continue;
        }
        fl = fcntl(fd, F_GETFL);
        printf("after execve: fd %d (%s): open, FD_CLOEXEC=%d, %s%s, offset %ld\n", fd, fd_names[fd - PLAIN],
               fcntl(fd, F_GETFD), access_mode(fl), fl & O_APPEND ? " O_APPEND" : "", offset_of(fd));
    }
    printf("after execve: a read through fd %d gives [%c]\n", PLAIN, read(PLAIN, &c, 1) == 1 ? c : '?');
    printf("after execve: fd 3..9 closed: %s\n", ok(!is_open(3) && !is_open(4) && !is_open(5) && !is_open(9)));
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--check") == 0)
        return check();
    if (argc > 1 && strcmp(argv[1], "--hello") == 0) {
        printf("exec'd program: printed to stdout\n");
        return 0;
    }
    closing_and_flags();
    table_limit();
    redirect(argv[0]);
    close_on_exec(argv[0]);
    return 0;
}
