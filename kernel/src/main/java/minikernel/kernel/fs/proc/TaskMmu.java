package minikernel.kernel.fs.proc;

import static minikernel.cpu.PageTableEntry.PAGE_DIRTY;
import static minikernel.cpu.PageTableEntry.PAGE_PRESENT;

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import minikernel.kernel.Kernel;
import minikernel.kernel.fs.Kstat;
import minikernel.kernel.fs.Namei;
import minikernel.kernel.fs.VfsError;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.mm.PageTables;
import minikernel.kernel.mm.Shmem;
import minikernel.kernel.mm.VmFlags;
import minikernel.kernel.mm.Vma;
import minikernel.kernel.sched.Task;

/** The memory files of a process (fs/proc/task_mmu.c): the Vm lines of status, statm's numbers, maps. */
final class TaskMmu {
    private static final long PAGE_SIZE = 4096, PGDIR_SIZE = 1L << 22;
    /**
     * seq_setwidth(m, 25 + sizeof(void *) * 6 - 1): a named line of maps is padded to 72 columns,
     * the width of a 64-bit kernel's, which is the kernel minikernel plays for its i386 programs.
     */
    private static final int MAPS_NAME_COLUMN = 25 + 8 * 6 - 1;
    /** Inode numbers for the objects behind MAP_SHARED|MAP_ANONYMOUS areas, per kernel, in the order first shown. */
    private static final Map<Kernel, Map<Shmem, Long>> SHMEM_INO = new WeakHashMap<>();

    private TaskMmu() {
    }

    /**
     * The rss_stat counters (MM_ANONPAGES, MM_FILEPAGES, MM_SHMEMPAGES) counted from the page
     * tables: a present page of a shared anonymous area is shmem; of a file area, a file page
     * unless written (dirty: a private copy, so anonymous, as copy-on-write makes it on Linux);
     * any other is anonymous.
     */
    record Rss(long anon, long file, long shmem) {
        long total() {
            return anon + file + shmem;
        }
    }

    static Rss rss(MmStruct mm) {
        PageTables pt = mm.pageTables();
        long anon = 0, file = 0, shmem = 0;
        for (Vma v : mm.vmas()) {
            for (long va = v.start(); va < v.end(); ) {
                if ((pt.pde(va) & PAGE_PRESENT) == 0) {
                    va = (va & ~(PGDIR_SIZE - 1)) + PGDIR_SIZE;
                    continue;
                }
                int pte = pt.pte(va);
                if ((pte & PAGE_PRESENT) != 0) {
                    if (v.shmem() != null) {
                        shmem++;
                    } else if (v.file() != null && (pte & PAGE_DIRTY) == 0) {
                        file++;
                    } else {
                        anon++;
                    }
                }
                va += PAGE_SIZE;
            }
        }
        return new Rss(anon, file, shmem);
    }

    /** The vm_stat_account() totals, in pages: total_vm, data_vm, stack_vm, exec_vm. */
    record Vm(long total, long data, long stack, long exec) {
    }

    static Vm vm(MmStruct mm) {
        long total = 0, data = 0, stack = 0, exec = 0;
        for (Vma v : mm.vmas()) {
            long pages = v.length() / PAGE_SIZE;
            int f = v.flags();
            total += pages;
            if ((f & (VmFlags.VM_WRITE | VmFlags.VM_SHARED | VmFlags.VM_STACK)) == VmFlags.VM_WRITE) {
                data += pages;           // is_data_mapping()
            } else if ((f & VmFlags.VM_STACK) != 0) {
                stack += pages;          // is_stack_mapping()
            } else if ((f & (VmFlags.VM_EXEC | VmFlags.VM_WRITE | VmFlags.VM_STACK)) == VmFlags.VM_EXEC) {
                exec += pages;           // is_exec_mapping()
            }
        }
        return new Vm(total, data, stack, exec);
    }

    /** The text segment in pages: PAGE_ALIGN(end_code) - (start_code & PAGE_MASK). */
    static long textPages(MmStruct mm) {
        if (mm.endCode() <= mm.startCode()) {
            return 0;
        }
        return (((mm.endCode() + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)) - (mm.startCode() & ~(PAGE_SIZE - 1))) / PAGE_SIZE;
    }

    /**
     * task_mem(): the Vm and Rss lines of status, each "%8lu kB". No hiwater_vm is kept, so
     * VmPeak is VmSize; nothing is locked, pinned or swapped.
     */
    static void taskMem(StringBuilder m, MmStruct mm) {
        Rss rss = rss(mm);
        Vm vm = vm(mm);
        long hiwaterRss = Math.max(rss.total(), mm.peakResidentPages());
        long text = Seq.kb(textPages(mm));
        long lib = Math.max(0, Seq.kb(vm.exec()) - text);
        Seq.kbLine(m, "VmPeak:\t", Seq.kb(vm.total()));
        Seq.kbLine(m, "VmSize:\t", Seq.kb(vm.total()));
        Seq.kbLine(m, "VmLck:\t", 0);
        Seq.kbLine(m, "VmPin:\t", 0);
        Seq.kbLine(m, "VmHWM:\t", Seq.kb(hiwaterRss));
        Seq.kbLine(m, "VmRSS:\t", Seq.kb(rss.total()));
        Seq.kbLine(m, "RssAnon:\t", Seq.kb(rss.anon()));
        Seq.kbLine(m, "RssFile:\t", Seq.kb(rss.file()));
        Seq.kbLine(m, "RssShmem:\t", Seq.kb(rss.shmem()));
        Seq.kbLine(m, "VmData:\t", Seq.kb(vm.data()));
        Seq.kbLine(m, "VmStk:\t", Seq.kb(vm.stack()));
        Seq.kbLine(m, "VmExe:\t", text);
        Seq.kbLine(m, "VmLib:\t", lib);
        Seq.kbLine(m, "VmPTE:\t", Seq.kb(mm.pageTables().tableFrames()));
        Seq.kbLine(m, "VmSwap:\t", 0);
        Seq.kbLine(m, "HugetlbPages:\t", 0);      // hugetlb_report_usage()
    }

    /**
     * task_statm(): size, resident, shared (file and shmem pages), text, 0 (lib), data (data_vm
     * plus stack_vm), 0 (dirty), in pages.
     */
    static long[] statm(MmStruct mm) {
        Rss rss = rss(mm);
        Vm vm = vm(mm);
        return new long[]{vm.total(), rss.total(), rss.file() + rss.shmem(), textPages(mm), 0, vm.data() + vm.stack(), 0};
    }

    /**
     * show_map_vma() for every area: "start-end perms offset major:minor inode", then, for a named
     * area, spaces to column 72 and the name: the file's path, or [heap] and [stack] for those
     * anonymous areas. A file mapping's device and inode are those of the file its path names.
     */
    static byte[] maps(Task task, Task reader) {
        MmStruct mm = task.mm();
        StringBuilder m = new StringBuilder();
        if (mm == null) {
            return new byte[0];
        }
        Map<String, Kstat> files = new HashMap<>();
        for (Vma v : mm.vmas()) {
            long dev = 0, ino = 0, pgoff = 0;
            String name = null;
            if (v.file() != null) {
                Kstat st = v.file().stat() != null ? v.file().stat()
                        : files.computeIfAbsent(v.mappedName(), n -> statByName(task, n));
                if (st != null) {
                    dev = st.dev();
                    ino = st.ino();
                }
                pgoff = v.fileOffset();
                name = Seq.escape(v.mappedName(), "\n");
            } else if (v.shmem() != null) {
                dev = Kstat.encodeDev(0, 1);      // shmem_zero_setup(): a file of the internal tmpfs
                ino = shmemIno(task.kernel(), v.shmem());
                pgoff = v.fileOffset();
                name = "/dev/zero (deleted)";
            } else if (v.start() <= mm.brk() && v.end() >= mm.startBrk()) {
                name = "[heap]";
            } else if (v.start() <= mm.startStack() && v.end() >= mm.startStack()) {
                name = "[stack]";
            }
            int f = v.flags();
            int lineStart = m.length();
            m.append(String.format("%08x-%08x %c%c%c%c %08x %02x:%02x %d ", v.start(), v.end(),
                    (f & VmFlags.VM_READ) != 0 ? 'r' : '-', (f & VmFlags.VM_WRITE) != 0 ? 'w' : '-',
                    (f & VmFlags.VM_EXEC) != 0 ? 'x' : '-',
                    (f & (VmFlags.VM_MAYSHARE | VmFlags.VM_SHARED)) != 0 ? 's' : 'p',
                    pgoff, Kstat.major(dev), Kstat.minor(dev), ino));
            if (name != null) {
                while (m.length() - lineStart < MAPS_NAME_COLUMN) {
                    m.append(' ');
                }
                m.append(' ').append(name);
            }
            m.append('\n');
        }
        return Seq.bytes(m.toString());
    }

    /**
     * The device and inode of the file a mapping was made from. The area keeps only its name, so
     * the name is walked again from the task's root; null if it no longer leads anywhere.
     */
    private static Kstat statByName(Task task, String name) {
        if (task.fs() == null || !name.startsWith("/")) {
            return null;
        }
        try {
            return Namei.lookup(task, name).inode().getattr();
        } catch (VfsError e) {
            return null;
        }
    }

    static synchronized long shmemIno(Kernel kernel, Shmem s) {
        Map<Shmem, Long> inos = SHMEM_INO.computeIfAbsent(kernel, k -> new WeakHashMap<>());
        return inos.computeIfAbsent(s, k -> 1L + inos.size());
    }
}
