package minikernel.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.FilesStruct;
import minikernel.kernel.fs.FsStruct;
import minikernel.kernel.fs.HostRootFs;
import minikernel.kernel.fs.ImageRootFs;
import minikernel.kernel.fs.Initramfs;
import minikernel.kernel.sched.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path walk and the reference counts of the VFS, in a kernel rooted in a temporary host
 * directory (--root): edge cases of lookup, a root that "..", symlinks and /proc cannot get out
 * of, and every struct file, files_struct and fs_struct released when the tasks are gone.
 */
class VfsTest {
    /** Raw system calls only, so the test needs nothing of the C library but syscall(). */
    private static final String PRELUDE = """
            #include <stdio.h>
            #include <string.h>
            #include <unistd.h>
            #include <sys/syscall.h>
            #define AT_FDCWD -100
            #define O_RDONLY 0
            #define O_WRONLY 1
            #define O_RDWR 2
            #define O_CREAT 0100
            #define O_EXCL 0200
            #define O_DIRECTORY 0200000
            #define O_NOFOLLOW 0400000
            static const char *err(long r) {
                static char b[16];
                switch ((int) -r) {
                case 2: return "ENOENT"; case 13: return "EACCES"; case 17: return "EEXIST";
                case 20: return "ENOTDIR"; case 21: return "EISDIR"; case 22: return "EINVAL";
                case 36: return "ENAMETOOLONG"; case 39: return "ENOTEMPTY"; case 40: return "ELOOP";
                case 16: return "EBUSY"; case 30: return "EROFS"; case 1: return "EPERM";
                }
                if (r >= 0) return "ok";
                snprintf(b, sizeof b, "E%ld", -r);
                return b;
            }
            static long sys(long n, long a, long b, long c, long d) {
                long r;
                __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d) : "memory");
                return r;
            }
            static void show(const char *what, long r) { printf("%s: %s\\n", what, err(r)); }
            """;

    @Test
    void lookupEdgeCasesGiveLinuxsErrors(@TempDir java.nio.file.Path root) throws Exception {
        java.nio.file.Path prog = Guests.compile("walk", PRELUDE + """
                int main(void) {
                    char longname[300]; memset(longname, 'n', 299); longname[299] = 0;
                    show("mkdir d", sys(SYS_mkdir, (long) "d", 0755, 0, 0));
                    show("mkdir d again", sys(SYS_mkdir, (long) "d", 0755, 0, 0));
                    long fd = sys(SYS_open, (long) "d/f", O_CREAT | O_WRONLY, 0644, 0);
                    show("create d/f", fd);
                    sys(SYS_close, fd, 0, 0, 0);
                    show("open d/f/x", sys(SYS_open, (long) "d/f/x", O_RDONLY, 0, 0));
                    show("open d/f/", sys(SYS_open, (long) "d/f/", O_RDONLY, 0, 0));
                    show("open d for writing", sys(SYS_open, (long) "d", O_WRONLY, 0, 0));
                    show("O_DIRECTORY on a file", sys(SYS_open, (long) "d/f", O_RDONLY | O_DIRECTORY, 0, 0));
                    show("O_EXCL on an existing file", sys(SYS_open, (long) "d/f", O_CREAT | O_EXCL | O_WRONLY, 0644, 0));
                    show("open missing", sys(SYS_open, (long) "d/none", O_RDONLY, 0, 0));
                    show("open long name", sys(SYS_open, (long) longname, O_RDONLY, 0, 0));
                    show("symlink loop a", sys(SYS_symlink, (long) "b", (long) "a", 0, 0));
                    show("symlink loop b", sys(SYS_symlink, (long) "a", (long) "b", 0, 0));
                    show("open through a loop", sys(SYS_open, (long) "a", O_RDONLY, 0, 0));
                    show("symlink to d/f", sys(SYS_symlink, (long) "d/f", (long) "l", 0, 0));
                    show("O_NOFOLLOW on a symlink", sys(SYS_open, (long) "l", O_RDONLY | O_NOFOLLOW, 0, 0));
                    show("open through the symlink", sys(SYS_open, (long) "l", O_RDONLY, 0, 0));
                    show("dot and dotdot", sys(SYS_open, (long) "d/./../d/f", O_RDONLY, 0, 0));
                    show("rmdir a non-empty d", sys(SYS_rmdir, (long) "d", 0, 0, 0));
                    show("rmdir .", sys(SYS_rmdir, (long) ".", 0, 0, 0));
                    show("unlink a directory", sys(SYS_unlink, (long) "d", 0, 0, 0));
                    show("rename d into itself", sys(SYS_rename, (long) "d", (long) "d/sub", 0, 0));
                    show("rename d/f to g", sys(SYS_rename, (long) "d/f", (long) "g", 0, 0));
                    show("unlink g", sys(SYS_unlink, (long) "g", 0, 0, 0));
                    show("rmdir d", sys(SYS_rmdir, (long) "d", 0, 0, 0));
                    return 0;
                }
                """);
        String expected = """
                mkdir d: ok
                mkdir d again: EEXIST
                create d/f: ok
                open d/f/x: ENOTDIR
                open d/f/: ENOTDIR
                open d for writing: EISDIR
                O_DIRECTORY on a file: ENOTDIR
                O_EXCL on an existing file: EEXIST
                open missing: ENOENT
                open long name: ENAMETOOLONG
                symlink loop a: ok
                symlink loop b: ok
                open through a loop: ELOOP
                symlink to d/f: ok
                O_NOFOLLOW on a symlink: ELOOP
                open through the symlink: ok
                dot and dotdot: ok
                rmdir a non-empty d: ENOTEMPTY
                rmdir .: EINVAL
                unlink a directory: EISDIR
                rename d into itself: EINVAL
                rename d/f to g: ok
                unlink g: ok
                rmdir d: ok
                """;
        Files.createDirectories(root.resolve("bin"));
        var run = Guests.run(rooted(root), prog);
        try (run) {
            assertEquals(expected, run.stdout(), run.stderr());
        }
    }

    @Test
    void aRootedTaskCannotWalkOutOfItsRoot(@TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path root = Files.createDirectories(dir.resolve("jail"));
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(dir.resolve("outside.txt"), "secret");
        Files.createSymbolicLink(root.resolve("etc/abs"), dir.resolve("outside.txt"));
        Files.createSymbolicLink(root.resolve("etc/rel"), java.nio.file.Path.of("../../outside.txt"));
        java.nio.file.Path prog = Guests.compile("escape", PRELUDE + """
                int main(void) {
                    const char *paths[] = {"/../outside.txt", "../../outside.txt", "/etc/abs", "/etc/rel",
                                           "/proc/self/root/../outside.txt", "/proc/self/cwd/../../outside.txt",
                                           "/outside.txt"};
                    for (int i = 0; i < 7; i++) show(paths[i], sys(SYS_open, (long) paths[i], O_RDONLY, 0, 0));
                    sys(SYS_chdir, (long) "../..", 0, 0, 0);
                    char cwd[64]; long n = sys(SYS_getcwd, (long) cwd, sizeof cwd, 0, 0);
                    printf("getcwd after cd ../..: %s (%ld)\\n", cwd, n);
                    return 0;
                }
                """);
        var run = Guests.run(rooted(root), prog);
        try (run) {
            assertEquals("""
                    /../outside.txt: ENOENT
                    ../../outside.txt: ENOENT
                    /etc/abs: ENOENT
                    /etc/rel: ENOENT
                    /proc/self/root/../outside.txt: ENOENT
                    /proc/self/cwd/../../outside.txt: ENOENT
                    /outside.txt: ENOENT
                    getcwd after cd ../..: / (2)
                    """, run.stdout(), run.stderr());
        }
    }

    @Test
    void aReadOnlyRootRefusesEveryChange(@TempDir java.nio.file.Path root) throws Exception {
        Files.writeString(root.resolve("f"), "x");
        java.nio.file.Path prog = Guests.compile("readonly", PRELUDE + """
                int main(void) {
                    show("open for reading", sys(SYS_open, (long) "/f", O_RDONLY, 0, 0));
                    show("open for writing", sys(SYS_open, (long) "/f", O_WRONLY, 0, 0));
                    show("create", sys(SYS_open, (long) "/g", O_CREAT | O_WRONLY, 0644, 0));
                    show("mkdir", sys(SYS_mkdir, (long) "/d", 0755, 0, 0));
                    show("unlink", sys(SYS_unlink, (long) "/f", 0, 0, 0));
                    show("chmod", sys(SYS_chmod, (long) "/f", 0600, 0, 0));
                    return 0;
                }
                """);
        var run = Guests.run(KernelConfig.defaults().withRoot(new HostRootFs(root.toString(), true), "/"), prog);
        try (run) {
            assertEquals("""
                    open for reading: ok
                    open for writing: EROFS
                    create: EROFS
                    mkdir: EROFS
                    unlink: EROFS
                    chmod: EROFS
                    """, run.stdout(), run.stderr());
            assertEquals("x", Files.readString(root.resolve("f")));
        }
    }

    /**
     * Files opened, shared by fork and by a CLONE_FILES|CLONE_FS thread, and never closed: when
     * every task is gone, every struct file, files_struct and fs_struct seen has dropped to zero
     * (the console's files keep only the kernel's own reference).
     */
    @Test
    void everyCountReturnsToZero(@TempDir java.nio.file.Path root) throws Exception {
        java.nio.file.Path prog = Guests.compile("counts", PRELUDE + """
                #include <stdlib.h>
                #include <sys/wait.h>
                static int worker(void *arg) { sys(SYS_open, (long) "t", O_CREAT | O_WRONLY, 0644, 0); return 0; }
                int main(void) {
                    sys(SYS_open, (long) "a", O_CREAT | O_RDWR, 0644, 0);
                    sys(SYS_open, (long) "b", O_CREAT | O_RDWR, 0644, 0);
                    int fds[2]; sys(SYS_pipe, (long) fds, 0, 0, 0);
                    if (fork() == 0) { sys(SYS_open, (long) "c", O_CREAT | O_RDWR, 0644, 0); _exit(0); }
                    wait(0);
                    static int tid;
                    char *stack = malloc(65536);
                    unsigned *sp = (unsigned *) (stack + 65536);
                    *--sp = 0; *--sp = (unsigned) worker;
                    long r;
                    __asm__ volatile("int $0x80\\n\\ttest %%eax,%%eax\\n\\tjnz 1f\\n\\tpop %%eax\\n\\tcall *%%eax\\n\\t"
                                     "mov %%eax,%%ebx\\n\\tmov $1,%%eax\\n\\tint $0x80\\n1:"
                                     : "=a"(r) : "a"(SYS_clone), "b"(0x100 | 0x200 | 0x400 | 0x800 | 0x10000 | 0x200000 | 0x100000),
                                       "c"(sp), "d"(&tid), "S"(0), "D"(&tid) : "memory");
                    while (tid) sys(SYS_futex, (long) &tid, 0, tid, 0);
                    printf("done\\n");
                    return 0;
                }
                """);
        List<Task> exited = new ArrayList<>();
        List<File> files = new ArrayList<>();
        List<Object> tables = new ArrayList<>();
        var run = Guests.run(rooted(root), prog, kernel -> kernel.tracepoints().registerProcessExit(t -> {
            exited.add(t);
            tables.add(t.files());
            tables.add(t.fs());
            for (int fd = 0; fd <= t.files().maxFd(); fd++) {
                if (t.files().get(fd) != null) {
                    files.add(t.files().get(fd));
                }
            }
        }));
        try (run) {
            assertEquals("done\n", run.stdout(), run.stderr());
            assertEquals(3, exited.stream().filter(t -> !t.isKernelThread()).count(),
                    "the program, its child and its thread (and the built-in init)");
            Set<File> console = new HashSet<>(run.kernel().consoleFiles());
            int opened = 0;
            for (File f : new HashSet<>(files)) {
                if (console.contains(f)) {
                    assertEquals(1, f.count(), "only the kernel still holds the console");
                } else {
                    assertEquals(0, f.count(), "an opened file was released");
                    opened++;
                }
            }
            assertEquals(6, opened, "a, b, the pipe's two ends, c and t");
            for (Object o : tables) {
                if (o instanceof FilesStruct fs) {
                    assertEquals(0, fs.count(), "files_struct back to zero");
                } else {
                    assertEquals(0, ((FsStruct) o).users(), "fs_struct back to zero");
                }
            }
            assertTrue(Files.exists(root.resolve("t")), "the thread's open went through the shared table");
        }
    }

    /**
     * A FIFO in the in-memory filesystem: a child's blocking open for writing and the parent's for
     * reading wait for each other and meet; the data arrives, then end of file; and every end
     * opened is released when its task is gone.
     */
    @Test
    void aFifoInMemoryMeetsItsPartnerAndEveryEndIsReleased() throws Exception {
        java.nio.file.Path prog = Guests.compile("fifo", """
                #include <fcntl.h>
                #include <stdio.h>
                #include <unistd.h>
                #include <sys/stat.h>
                #include <sys/wait.h>
                int main(void) {
                    char buf[16];
                    int n, r;
                    printf("mkfifo %d\\n", mkfifo("/tmp/f", 0600));
                    if (fork() == 0) {
                        int w = open("/tmp/f", O_WRONLY);
                        _exit(write(w, "ping", 4) == 4 ? 0 : 1);
                    }
                    r = open("/tmp/f", O_RDONLY);
                    n = read(r, buf, sizeof buf);
                    printf("read %.*s\\n", n, buf);
                    printf("then %d\\n", (int) read(r, buf, sizeof buf));
                    wait(0);
                    return 0;
                }
                """);
        var tmp = new Initramfs.Entry("tmp", 041777, 0, 0, 0, 2, 1, 0, 0, 0, 0, java.util.Optional.empty(), new byte[0]);
        List<File> files = new ArrayList<>();
        var run = Guests.run(KernelConfig.defaults().withRoot(new ImageRootFs(List.of(tmp)), "/"), prog,
                kernel -> kernel.tracepoints().registerProcessExit(t -> {
                    for (int fd = 0; fd <= t.files().maxFd(); fd++) {
                        if (t.files().get(fd) != null) {
                            files.add(t.files().get(fd));
                        }
                    }
                }));
        try (run) {
            assertEquals("mkfifo 0\nread ping\nthen 0\n", run.stdout(), run.stderr());
            Set<File> console = new HashSet<>(run.kernel().consoleFiles());
            List<File> ends = files.stream().filter(f -> !console.contains(f)).distinct().toList();
            assertEquals(2, ends.size(), "the reader and the writer: " + ends);
            for (File f : ends) {
                assertEquals(0, f.count(), "a FIFO's end was released: " + f);
                assertTrue(f.isPipe(), f + " is a pipe");
            }
        }
    }

    private static KernelConfig rooted(java.nio.file.Path root) {
        return KernelConfig.defaults().withRoot(new HostRootFs(root.toString(), false), "/");
    }
}
