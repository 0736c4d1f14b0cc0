package minikernel.kernel.fs.proc;

import java.util.IdentityHashMap;
import java.util.Map;
import minikernel.kernel.Kernel;
import minikernel.kernel.mm.FrameAllocator;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.sched.Task;

/** /proc/meminfo (fs/proc/meminfo.c). */
final class Meminfo {
    private Meminfo() {
    }

    /**
     * meminfo_proc_show(): "Label:" padded to 16 columns, then "%8lu kB". RAM is the frame
     * allocator's; user memory is counted from every address space's page tables (anonymous,
     * file and shared pages); there is no swap, page cache or slab to report, so those are 0.
     * The usual lines, in Linux's order, up to Committed_AS.
     */
    static String show(Kernel kernel) {
        FrameAllocator frames = kernel.frames();
        long total = frames.usedFrames() + frames.freeFrames(), free = frames.freeFrames();
        long anon = 0, file = 0, shmem = 0, tables = 0, committed = 0;
        Map<MmStruct, Boolean> seen = new IdentityHashMap<>();
        for (Task t : kernel.scheduler().tasks()) {
            MmStruct mm = t.mm();
            if (mm == null || seen.put(mm, true) != null) {
                continue;
            }
            TaskMmu.Rss rss = TaskMmu.rss(mm);
            TaskMmu.Vm vm = TaskMmu.vm(mm);
            anon += rss.anon();
            file += rss.file();
            shmem += rss.shmem();
            tables += mm.pageTables().tableFrames() + 1;
            committed += vm.data() + vm.stack();
        }
        StringBuilder m = new StringBuilder();
        line(m, "MemTotal", total);
        line(m, "MemFree", free);
        line(m, "MemAvailable", free);
        line(m, "Buffers", 0);
        line(m, "Cached", 0);
        line(m, "SwapCached", 0);
        line(m, "Active", anon + shmem + file);
        line(m, "Inactive", 0);
        line(m, "Active(anon)", anon + shmem);
        line(m, "Inactive(anon)", 0);
        line(m, "Active(file)", file);
        line(m, "Inactive(file)", 0);
        line(m, "Unevictable", 0);
        line(m, "Mlocked", 0);
        line(m, "SwapTotal", 0);
        line(m, "SwapFree", 0);
        line(m, "Dirty", 0);
        line(m, "Writeback", 0);
        line(m, "AnonPages", anon);
        line(m, "Mapped", file + shmem);
        line(m, "Shmem", shmem);
        line(m, "KReclaimable", 0);
        line(m, "Slab", 0);
        line(m, "SReclaimable", 0);
        line(m, "SUnreclaim", 0);
        line(m, "PageTables", tables);
        line(m, "CommitLimit", total / 2);        // overcommit_ratio 50, no swap
        line(m, "Committed_AS", committed);
        return m.toString();
    }

    /** show_val_kb(): the label and its colon in 16 columns, the value in 8, " kB". */
    private static void line(StringBuilder m, String label, long pages) {
        Seq.kbLine(m, String.format("%-16s", label + ":"), Seq.kb(pages));
    }
}
