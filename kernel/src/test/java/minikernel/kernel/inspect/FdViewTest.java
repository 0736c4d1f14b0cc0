package minikernel.kernel.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import minikernel.kernel.Guests;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.syscall.Syscall;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The descriptor table after open, dup2, F_SETFD and pipe: two slots on one file, f_count 2. */
class FdViewTest {
    private static Path fds;

    @BeforeAll
    static void build() throws Exception {
        fds = Guests.compile("fds", """
                #include <fcntl.h>
                #include <unistd.h>
                int main(void) {
                    int fd = open("/dev/null", O_WRONLY | O_APPEND | O_NONBLOCK);
                    if (fd != 3 || dup2(fd, 10) != 10 || fcntl(10, F_SETFD, FD_CLOEXEC) != 0)
                        return 1;
                    int p[2];
                    if (pipe(p) != 0 || write(p[1], "hello", 5) != 5)
                        return 2;
                    getppid();                     /* look */
                    return 0;
                }
                """);
    }

    @Test
    void dupSharesOneFileAndCloexecIsPerSlot() throws Exception {
        List<String> views = new ArrayList<>();
        try (Guests.Run r = Guests.run(KernelConfig.defaults(), fds, k -> k.tracepoints().registerSysExit(
                (task, nr, result) -> {
                    if (nr == Syscall.GETPPID.number()) {
                        views.add(FdView.render(task));
                        views.add(FdView.render(task.files()));
                    }
                }))) {
            assertEquals(0, r.status(), r.stderr());
        }
        assertEquals(2, views.size());
        String v = views.get(0);
        assertTrue(v.startsWith("files#1: count 1 (tasks sharing it), 7 open, max_fds 64\n"), v);
        String three = line(v, 3), ten = line(v, 10);
        assertEquals("   3       2          0 -          O_WRONLY|O_APPEND|O_NONBLOCK /dev/null  (same file as fd 10)",
                three);
        assertEquals("  10       2          0 FD_CLOEXEC O_WRONLY|O_APPEND|O_NONBLOCK /dev/null  (same file as fd 3)",
                ten);
        String read = line(v, 4), write = line(v, 5);
        assertTrue(read.matches(" +4 +1 +0 - +O_RDONLY +pipe:\\[\\d+\\]"), read);
        assertTrue(write.matches(" +5 +1 +0 - +O_WRONLY +pipe:\\[\\d+\\]"), write);
        assertEquals(read.substring(read.indexOf("pipe:")), write.substring(write.indexOf("pipe:")),
                "both ends name one pipe inode");
        assertTrue(line(v, 0).contains(" - "), "stdin is not close-on-exec: " + line(v, 0));
        // Without the task: the table alone, paths from the top of the mount tree.
        String alone = views.get(1);
        assertTrue(alone.startsWith("files_struct: count 1"), alone);
        assertEquals(three, line(alone, 3));
    }

    private static String line(String view, int fd) {
        String start = String.format("%4d ", fd);
        return view.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(
                "no fd " + fd + " in\n" + view));
    }
}
