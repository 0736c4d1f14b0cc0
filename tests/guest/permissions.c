/*
 * permissions.c - permission checks on files and directories
 * (fs/namei.c generic_permission, may_open, may_lookup, may_create,
 * may_delete; fs/open.c access). What the checks give depends on who runs
 * the program, so it has two parts and runs the one that fits:
 *
 *   as a user other than root: a file of mode 000 cannot be opened
 *   (EACCES) nor one of 0444 for writing, nor truncated; the owner's bits
 *   decide even when the group's or others' would allow; a directory
 *   without x cannot be looked up in, without r cannot be listed (but its
 *   known names still work), without w gets no new or removed names;
 *   access() agrees; a descriptor opened before a chmod keeps working;
 *   exec needs x
 *
 *   as root (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH): the same calls
 *   succeed, except that a file needs at least one x bit to be executed
 *   (execve and access(X_OK)) while a directory is searchable regardless
 *
 * The part that does not apply prints "skipped (root)" or "skipped (not
 * root)". Files are made in the current directory.
 */
#define _GNU_SOURCE
#include "fs_helpers.h"

static const char *try_open(const char *path, int flags)
{
    int fd = open(path, flags, 0644);

    if (fd < 0)
        return errno_name(errno);
    close(fd);
    return "opened";
}

static const char *try_exec(const char *path)
{
    char *argv[] = {(char *)path, "--exit", NULL}, *envp[] = {NULL};
    int status;
    pid_t pid = fork_flushed();

    if (pid == 0) {
        execve(path, argv, envp);
        _exit(errno == EACCES ? 10 : errno == ENOEXEC ? 11 : 12);
    }
    status = wait_for(pid);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 10)
        return "EACCES";
    if (WIFEXITED(status) && WEXITSTATUS(status) == 11)
        return "ENOEXEC";
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return "ran";
    return ended(status);
}

/* Copies this program to path with the given mode, for the execve checks. */
static void copy_self(const char *self, const char *path, int mode)
{
    static char buf[65536];
    int in = open(self, O_RDONLY), out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ssize_t n;

    while (in >= 0 && out >= 0 && (n = read(in, buf, sizeof buf)) > 0)
        write_all(out, buf, (size_t)n);
    if (in < 0 || out < 0)
        printf("FAIL: copying %s: errno=%s\n", self, errno_name(errno));
    close(in);
    close(out);
    chmod(path, mode);
}

static void setup(const char *self)
{
    umask(022);
    make_file("none", "mode 000");
    chmod("none", 0);
    make_file("readonly", "mode 0444");
    chmod("readonly", 0444);
    make_file("group_only", "mode 0070");
    chmod("group_only", 070);
    /* Copies of this program, which exits 0 at once when run with --exit. */
    copy_self(self, "prog_noexec", 0644);
    copy_self(self, "prog_exec", 0755);
    copy_self(self, "prog_other_x", 0641);
    mkdir("nosearch", 0755);
    make_file("nosearch/child", "child");
    chmod("nosearch", 0666);
    mkdir("noread", 0755);
    make_file("noread/child", "child");
    chmod("noread", 0333);
    mkdir("nowrite", 0755);
    make_file("nowrite/child", "child");
    chmod("nowrite", 0555);
}

static void common(void)
{
    int fd;
    char buf[16] = {0};

    printf("open mode 000 for reading: %s\n", try_open("none", O_RDONLY));
    printf("open mode 000 for writing: %s\n", try_open("none", O_WRONLY));
    printf("open mode 0444 for reading: %s\n", try_open("readonly", O_RDONLY));
    printf("open mode 0444 for writing: %s\n", try_open("readonly", O_WRONLY));
    printf("open mode 0444 with O_TRUNC: %s\n", try_open("readonly", O_RDONLY | O_TRUNC));
    show("truncate mode 0444", (long)truncate("readonly", 0));
    printf("open mode 0070 (the owner has no bits) for reading: %s\n", try_open("group_only", O_RDONLY));
    show("access mode 000 R_OK", (long)access("none", R_OK));
    show("access mode 0444 W_OK", (long)access("readonly", W_OK));
    show("access mode 0444 X_OK", (long)access("readonly", X_OK));
    show("access mode 0070 R_OK", (long)access("group_only", R_OK));
    show("access mode 0755 X_OK", (long)access("prog_exec", X_OK));
    show("access mode 0641 X_OK (others' x only)", (long)access("prog_other_x", X_OK));
    printf("stat of nosearch/child (directory mode 0666): %s\n",
           res(access("nosearch/child", F_OK)));
    printf("open nosearch/child: %s\n", try_open("nosearch/child", O_RDONLY));
    printf("open nosearch itself: %s\n", try_open("nosearch", O_RDONLY | O_DIRECTORY));
    fd = chdir("nosearch");
    show("chdir nosearch", (long)fd);
    if (fd == 0)
        chdir("..");
    printf("open noread (mode 0333) for listing: %s\n", try_open("noread", O_RDONLY | O_DIRECTORY));
    printf("open noread/child: %s\n", try_open("noread/child", O_RDONLY));
    printf("create nowrite/new (directory mode 0555): %s\n", try_open("nowrite/new", O_WRONLY | O_CREAT));
    show("mkdir nowrite/sub", (long)mkdir("nowrite/sub", 0755));
    show("rename nowrite/child out", (long)rename("nowrite/child", "moved"));
    rename("moved", "nowrite/child");
    printf("open nowrite/child for writing (the file's mode 0644): %s\n", try_open("nowrite/child", O_WRONLY));
    show("unlink nowrite/child", (long)unlink("nowrite/child"));
    printf("execve of a program with mode 0644: %s\n", try_exec("./prog_noexec"));
    printf("execve of a program with mode 0755: %s\n", try_exec("./prog_exec"));
    printf("execve of a program with mode 0641 (others' x only): %s\n", try_exec("./prog_other_x"));

    make_file("opened_first", "still readable");
    fd = open("opened_first", O_RDONLY);
    chmod("opened_first", 0);
    printf("a descriptor opened before chmod 000 still reads: %s [%s]\n", res((long)read(fd, buf, 14)), buf);
    close(fd);
    show("chmod of our own mode-000 file", (long)chmod("none", 0600));
    printf("  then open for reading: %s\n", try_open("none", O_RDONLY));
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--exit") == 0)
        return 0;
    setup(argv[0]);
    if (geteuid() == 0) {
        printf("as another user: skipped (root)\n");
        printf("as root:\n");
    } else {
        printf("as another user:\n");
    }
    common();
    if (geteuid() != 0)
        printf("as root: skipped (not root)\n");
    /* Leave everything removable. */
    chmod("nosearch", 0755);
    chmod("noread", 0755);
    chmod("nowrite", 0755);
    return 0;
}
