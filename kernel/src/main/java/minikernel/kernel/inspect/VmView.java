package minikernel.kernel.inspect;

import minikernel.kernel.fs.proc.ProcFs;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.mm.Vma;
import minikernel.kernel.sched.Task;

/**
 * The debugger's {@code vm PID}: a header with the mm_struct's counters (mm_users, total_vm, the
 * page directory that CR3 holds while the task runs, map_count, the resident pages), then its VMAs
 * one per line. Given the task, the lines are /proc/PID/maps itself (fs/proc/task_mmu.c's
 * show_map_vma(), through {@link ProcFs#maps}); given only the mm, they are the areas' own
 * maps-style lines ({@link Vma#toString}), without device and inode.
 */
public final class VmView {
    private VmView() {
    }

    /** The task's address space, with /proc/PID/maps's lines; "no mm" for a kernel thread or a zombie. */
    public static String render(Task task) {
        MmStruct mm = task.mm();
        if (mm == null) {
            return task + ": mm NULL (" + (task.isKernelThread() ? "a kernel thread has no user address space"
                    : "the address space was released at exit") + ")\n";
        }
        String name = ObjectNames.of(task.kernel()).name(SharedObject.MM, mm);
        return header(name, mm) + ProcFs.maps(task);
    }

    /** An address space on its own: the header, then each area's maps line. */
    public static String render(MmStruct mm) {
        StringBuilder b = new StringBuilder(header("mm_struct", mm));
        for (Vma v : mm.vmas()) {
            b.append(v);
            Views.endLine(b);
        }
        return b.toString();
    }

    private static String header(String name, MmStruct mm) {
        // total_vm and rss are kept in pages by Linux (mm->total_vm, get_mm_rss()).
        return String.format("%s: mm_users %d, map_count %d, total_vm %d pages (%d KiB), rss %d pages,"
                        + " pgd 0x%08x (CR3), %d page tables%n", name, mm.mmUsers(), mm.vmas().size(),
                mm.totalVm() >> 12, mm.totalVm() >> 10, mm.residentPages(), mm.pageTables().pgd(),
                mm.pageTables().tableFrames());
    }
}
