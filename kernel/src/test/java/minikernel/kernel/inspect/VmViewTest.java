package minikernel.kernel.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import minikernel.kernel.Guests;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.fs.proc.ProcFs;
import minikernel.kernel.syscall.Syscall;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vm view is /proc/PID/maps under a header of the mm's counters. */
class VmViewTest {
    private static Path prog;

    @BeforeAll
    static void build() throws Exception {
        prog = Guests.compile("vm", """
                #include <stdlib.h>
                #include <string.h>
                #include <sys/mman.h>
                #include <unistd.h>
                int main(void) {
                    char *heap = malloc(100000);
                    memset(heap, 1, 100000);
                    char *shared = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
                    shared[0] = 1;
                    getppid();                 /* look */
                    return 0;
                }
                """);
    }

    @Test
    void headerThenTheMapsLines() throws Exception {
        List<String> views = new ArrayList<>();
        try (Guests.Run r = Guests.run(KernelConfig.defaults(), prog, k -> k.tracepoints().registerSysExit(
                (task, nr, result) -> {
                    if (nr == Syscall.GETPPID.number()) {
                        views.add(VmView.render(task));
                        views.add(ProcFs.maps(task));
                        views.add(VmView.render(task.mm()));
                        views.add(String.format("%d %d 0x%08x", task.mm().vmas().size(), task.mm().totalVm() >> 12,
                                task.mm().pageTables().pgd()));
                    }
                }))) {
            assertEquals(0, r.status(), r.stderr());
        }
        String view = views.get(0), maps = views.get(1), alone = views.get(2);
        String[] facts = views.get(3).split(" ");
        String header = view.substring(0, view.indexOf('\n') + 1);
        assertTrue(header.startsWith("mm#1: mm_users 1, map_count " + facts[0] + ", total_vm " + facts[1] + " pages"),
                header);
        assertTrue(header.contains("pgd " + facts[2] + " (CR3)"), header);
        assertEquals(header + maps, view, "the lines are /proc/PID/maps itself");
        assertTrue(maps.contains("[heap]") && maps.contains("[stack]") && maps.contains("/dev/zero (deleted)"), maps);
        assertEquals(Integer.parseInt(facts[0]) + 1, alone.lines().count(), alone);
        assertTrue(alone.startsWith("mm_struct: mm_users 1"), alone);
    }
}
