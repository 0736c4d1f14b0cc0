package minikernel.kernel.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import minikernel.kernel.Guests;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.exec.ElfFile;
import minikernel.kernel.mm.VmFlags;
import minikernel.kernel.mm.Vma;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Syscall;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page walk on a fork: right after clone returns to the parent, a written page of .data is
 * write-protected in the parent with two references (copy-on-write); once the child has written
 * it, the child maps a frame of its own. getppid() is the guest's "look now" marker.
 */
class PageWalkTest {
    private static Path cow;
    private static long global, untouched;

    @BeforeAll
    static void build() throws Exception {
        cow = Guests.compile("cow", """
                #include <unistd.h>
                #include <sys/wait.h>
                /* one page of .data to itself: nothing else the parent writes shares it */
                volatile int global[1024] __attribute__((aligned(4096))) = {1};
                char untouched[1 << 20];   /* never written: its pages stay unmapped */
                int main(void) {
                    global[0] = 2;
                    pid_t p = fork();
                    if (p == 0) {
                        getppid();                 /* look: the child before its write */
                        global[0] = 3;
                        getppid();                 /* look: the child after its write */
                        _exit(0);
                    }
                    int s;
                    waitpid(p, &s, 0);
                    return untouched[0] + global[0] - 2;
                }
                """);
        ElfFile elf = ElfFile.parse(cow);
        global = elf.addressOf("global").orElseThrow();
        untouched = elf.addressOf("untouched").orElseThrow();
    }

    private record Look(String parent, String child) {
    }

    @Test
    void forkWriteProtectsAndTheChildsWriteCopies() throws Exception {
        List<String> atFork = new ArrayList<>();
        List<Look> looks = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        try (Guests.Run r = Guests.run(KernelConfig.defaults(), cow, k -> k.tracepoints().registerSysExit(
                (task, nr, result) -> {
                    if (nr == Syscall.CLONE.number() && result > 0) {
                        atFork.add(PageWalk.render(task, global));
                        atFork.add(PageWalk.render(task.mm(), global));
                        Task child = k.scheduler().findTask((int) result);
                        atFork.add(PageWalk.render(child, global));
                    } else if (nr == Syscall.GETPPID.number()) {
                        Task parent = task.realParent();
                        looks.add(new Look(PageWalk.render(parent, global), PageWalk.render(task, global)));
                        unmapped.add(PageWalk.render(task, 0x1000));
                        unmapped.add(PageWalk.render(task, untouched + (512 << 10)));
                        Vma stack = null;
                        for (Vma v : task.mm().vmas()) {
                            if (v.has(VmFlags.VM_GROWSDOWN)) {
                                stack = v;
                            }
                        }
                        unmapped.add(PageWalk.render(task, stack.start() - 0x2000));
                    }
                }))) {
            assertEquals(0, r.status(), r.stderr());
        }
        assertEquals(3, atFork.size());
        String parent = atFork.get(0);
        assertTrue(parent.contains(String.format("vaddr 0x%08x in mm#1", global)), parent);
        assertTrue(parent.contains("PDE  index " + String.format("%4d", global >>> 22)), parent);
        assertTrue(parent.contains("PTE  index " + String.format("%4d", (global >>> 12) & 0x3ff)), parent);
        assertTrue(parent.contains("P=1 RW=0 US=1"), "write-protected by fork: " + parent);
        assertTrue(parent.contains("_refcount 2\n"), parent);
        assertTrue(parent.contains("write: COW (shared with 1): next write copies the frame"), parent);
        assertTrue(parent.contains("mapped by 2 PTEs: mm#1 " + String.format("0x%08x", global & ~0xfffL)
                + ", mm#2 " + String.format("0x%08x", global & ~0xfffL)), parent);
        assertTrue(parent.contains("rw-p"), "the VMA stays writable: " + parent);
        assertTrue(atFork.get(1).contains("vaddr") && atFork.get(1).contains("_refcount 2\n"), atFork.get(1));
        assertEquals(frame(parent), frame(atFork.get(2)), "parent and child map one frame");
        assertTrue(atFork.get(2).contains("in mm#2"), atFork.get(2));

        assertEquals(2, looks.size());
        Look before = looks.get(0), after = looks.get(1);
        assertTrue(before.child().contains("P=1 RW=0"), before.child());
        assertTrue(after.child().contains("P=1 RW=1"), "the child's write made its PTE writable: " + after.child());
        assertTrue(after.child().contains("_refcount 1\n"), after.child());
        assertTrue(after.child().contains("write: writable: a write goes straight to the frame\n"), after.child());
        assertNotEquals(frame(after.parent()), frame(after.child()), "after the write: two frames");
        assertTrue(after.parent().contains("_refcount 1\n"), after.parent());
        assertTrue(after.parent().contains("mapped by 1 PTE: mm#1"), after.parent());

        String nothing = unmapped.get(0);
        assertTrue(nothing.contains("not present"), nothing);
        assertTrue(nothing.contains("not mapped: a fault here would be SIGSEGV (SEGV_MAPERR): no VMA covers it"),
                nothing);
        String bss = unmapped.get(1);
        assertTrue(bss.contains("PTE  index") && bss.contains("     not present\n"), "the PDE is there, the PTE not: "
                + bss);
        assertTrue(bss.contains("not mapped: a fault here would allocate"), bss);
        String below = unmapped.get(2);
        assertTrue(below.contains("grow the stack VMA down"), below);
    }

    private static long frame(String walk) {
        Matcher m = Pattern.compile("frame 0x([0-9a-f]{8})").matcher(walk);
        assertTrue(m.find(), walk);
        return Long.parseLong(m.group(1), 16);
    }

    @Test
    void bitsAreDecodedByName() {
        assertEquals("P=1 RW=1 US=1 PWT=0 PCD=0 A=1 D=1 PAT=0 G=0 NX=1", PageWalk.bits(0x267, false));
        assertEquals("P=1 RW=0 US=0 PWT=0 PCD=0 A=0 D=0 PS=1 G=0 NX=0", PageWalk.bits(0x81, true));
        assertNotNull(PageWalk.writeState(null, 0x3, 1));
    }
}
