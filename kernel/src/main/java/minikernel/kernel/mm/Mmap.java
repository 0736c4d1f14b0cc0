package minikernel.kernel.mm;

import minikernel.kernel.fs.File;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * brk(2), mmap2(2), munmap(2) and mprotect(2): mm/mmap.c and mm/mprotect.c. Areas are created,
 * split and removed here; pages arrive later, on first touch. Anything that removes or downgrades
 * a mapping flushes the TLB before the guest runs on.
 */
public final class Mmap {
    private static final long PAGE = 4096;
    private static final int PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4;
    private static final int PROT_GROWSDOWN = 0x01000000, PROT_GROWSUP = 0x02000000;
    private static final int MAP_SHARED = 1, MAP_PRIVATE = 2, MAP_SHARED_VALIDATE = 3, MAP_TYPE = 0xf;
    private static final int MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20, MAP_GROWSDOWN = 0x100,
            MAP_FIXED_NOREPLACE = 0x100000;

    private Mmap() {
    }

    /** brk(2): returns the new break, or the old one if the change is refused. */
    public static long brk(Task current, long requested) {
        MmStruct mm = current.mm();
        long brk = requested;
        if (brk < mm.startBrk()) {
            return mm.brk();
        }
        long newBrk = pageAlign(brk), oldBrk = pageAlign(mm.brk());
        if (newBrk == oldBrk) {
            mm.setBrk(mm.startBrk(), brk);
            return brk;
        }
        if (brk <= mm.brk()) {
            if (mm.unmap(newBrk, oldBrk) > 0) {
                current.kernel().cpu().flushTlb();
            }
            mm.setBrk(mm.startBrk(), brk);
            return brk;
        }
        // Growing: the new pages must not touch the next area (or its stack guard gap).
        Vma next = mm.findVma(oldBrk);
        long limit = next == null ? PageTables.TASK_SIZE
                : next.start() - (next.has(VmFlags.VM_GROWSDOWN) ? MmStruct.STACK_GUARD_GAP : 0);
        if (newBrk > limit || newBrk > PageTables.TASK_SIZE) {
            return mm.brk();
        }
        mm.insert(Vma.anonymous(oldBrk, newBrk, VmFlags.VM_READ | VmFlags.VM_WRITE | VmFlags.VM_MAY_ALL
                | (mm.readImpliesExec() ? VmFlags.VM_EXEC : 0)));
        mm.setBrk(mm.startBrk(), brk);
        return brk;
    }

    /** mmap2(2): like mmap, with the file offset in 4096-byte units. */
    public static long mmap2(Task current, long addr, long len, long prot, long flags, long fd, long pgoff) {
        MmStruct mm = current.mm();
        if ((flags & MAP_ANONYMOUS) == 0) {
            File file = current.files().get((int) fd);
            if (file == null) {
                return Errno.EBADF.negative();
            }
            return Errno.ENODEV.negative();   // no file system here maps files yet
        }
        int type = (int) (flags & MAP_TYPE);
        if (type != MAP_SHARED && type != MAP_PRIVATE && type != MAP_SHARED_VALIDATE) {
            return Errno.EINVAL.negative();
        }
        if (len == 0) {
            return Errno.EINVAL.negative();
        }
        len = pageAlign(len);
        if (len == 0 || len > PageTables.TASK_SIZE) {
            return Errno.ENOMEM.negative();
        }
        if ((prot & PROT_READ) != 0 && mm.readImpliesExec()) {
            prot |= PROT_EXEC;
        }
        boolean fixed = (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) != 0;
        long start;
        if (fixed) {
            if ((addr & (PAGE - 1)) != 0) {
                return Errno.EINVAL.negative();
            }
            if (addr + len > PageTables.TASK_SIZE) {
                return Errno.ENOMEM.negative();
            }
            if (addr < MmStruct.MMAP_MIN_ADDR) {
                return Errno.EPERM.negative();
            }
            if ((flags & MAP_FIXED) == 0 && !mm.isFree(addr, addr + len)) {
                return Errno.EEXIST.negative();
            }
            start = addr;
        } else {
            long hint = pageAlign(addr);
            if (hint >= MmStruct.MMAP_MIN_ADDR && hint + len <= PageTables.TASK_SIZE && mm.isFree(hint, hint + len)) {
                start = hint;
            } else {
                start = mm.getUnmappedArea(len);
                if (start < 0) {
                    return Errno.ENOMEM.negative();
                }
            }
        }
        int vmFlags = VmFlags.fromProt((int) prot) | VmFlags.VM_MAY_ALL
                | ((flags & MAP_GROWSDOWN) != 0 ? VmFlags.VM_GROWSDOWN : 0)
                | (type == MAP_PRIVATE ? 0 : VmFlags.VM_SHARED | VmFlags.VM_MAYSHARE);
        if (mm.unmap(start, start + len) > 0) {
            current.kernel().cpu().flushTlb();
        }
        mm.insert(Vma.anonymous(start, start + len, vmFlags));
        return start;
    }

    /** munmap(2). */
    public static long munmap(Task current, long addr, long len) {
        if ((addr & (PAGE - 1)) != 0 || len == 0) {
            return Errno.EINVAL.negative();
        }
        len = pageAlign(len);
        if (len == 0 || addr + len > PageTables.TASK_SIZE) {
            return Errno.EINVAL.negative();
        }
        if (current.mm().unmap(addr, addr + len) > 0) {
            current.kernel().cpu().flushTlb();
        }
        return 0;
    }

    /** mprotect(2): the whole range must be mapped (ENOMEM) and allow the new protection (EACCES). */
    public static long mprotect(Task current, long start, long len, long prot) {
        MmStruct mm = current.mm();
        if ((start & (PAGE - 1)) != 0) {
            return Errno.EINVAL.negative();
        }
        if ((prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN | PROT_GROWSUP)) != 0
                || (prot & (PROT_GROWSDOWN | PROT_GROWSUP)) == (PROT_GROWSDOWN | PROT_GROWSUP)) {
            return Errno.EINVAL.negative();
        }
        len = pageAlign(len);
        long end = start + len;
        if (end > PageTables.TASK_SIZE + PAGE || end < start) {
            return Errno.ENOMEM.negative();
        }
        if (len == 0) {
            return 0;
        }
        if ((prot & PROT_READ) != 0 && mm.readImpliesExec()) {
            prot |= PROT_EXEC;
        }
        if (!mm.fullyMapped(start, end)) {
            return Errno.ENOMEM.negative();
        }
        if (!mm.protect(start, end, VmFlags.fromProt((int) prot))) {
            return Errno.EACCES.negative();
        }
        current.kernel().cpu().flushTlb();
        return 0;
    }

    private static long pageAlign(long v) {
        return (v + PAGE - 1) & ~(PAGE - 1) & 0xffffffffL;
    }
}
