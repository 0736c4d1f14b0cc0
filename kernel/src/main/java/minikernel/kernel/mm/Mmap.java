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
        // Below the heap's start, or past the top of user space (whose page alignment would wrap
        // to 0): refused, and the answer is the break as it is.
        if (brk < mm.startBrk() || brk > PageTables.TASK_SIZE) {
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
        if (!mayExpand(current, newBrk - oldBrk)) {
            return mm.brk();
        }
        mm.insert(Vma.anonymous(oldBrk, newBrk, VmFlags.VM_READ | VmFlags.VM_WRITE | VmFlags.VM_MAY_ALL
                | (mm.readImpliesExec() ? VmFlags.VM_EXEC : 0)));
        mm.setBrk(mm.startBrk(), brk);
        return brk;
    }

    /** mmap2(2): like mmap, with the file offset in 4096-byte units. */
    public static long mmap2(Task current, long addr, long len, long prot, long flags, long fd, long pgoff) {
        int type = (int) (flags & MAP_TYPE);
        if (len == 0 || type != MAP_SHARED && type != MAP_PRIVATE && type != MAP_SHARED_VALIDATE) {
            return Errno.EINVAL.negative();     // checked before anything about the descriptor
        }
        MappedFile mapped = null;
        boolean fileWritable = true;
        if ((flags & MAP_ANONYMOUS) == 0) {
            File file = current.files().get((int) fd);
            if (file == null) {
                return Errno.EBADF.negative();
            }
            // A mapping reads the file, so the descriptor must be open for reading; a shared
            // writable one writes it, so it must be open for writing too (and not append-only).
            if (!file.readable()) {
                return Errno.EACCES.negative();
            }
            fileWritable = file.writable() && (file.flags() & File.O_APPEND) == 0;
            if (type != MAP_PRIVATE && (prot & PROT_WRITE) != 0 && !fileWritable) {
                return Errno.EACCES.negative();
            }
            if (len == 0) {
                return Errno.EINVAL.negative();
            }
            mapped = file.mmap(current);
        }
        long r = mmapRegion(current, addr, len, prot, flags, type, mapped, pgoff << 12, fileWritable);
        if (r < 0 && mapped != null) {
            mapped.put();
        }
        return r;
    }

    /** mmap_region(): the area itself, anonymous ({@code file} null) or over {@code file} from {@code offset}. */
    private static long mmapRegion(Task current, long addr, long len, long prot, long flags, int type,
                                   MappedFile file, long offset, boolean fileWritable) {
        MmStruct mm = current.mm();
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
        if (file != null && type != MAP_PRIVATE && !fileWritable) {
            vmFlags &= ~VmFlags.VM_MAYWRITE;      // mprotect may never make it writable
        }
        if (!mayExpand(current, len)) {
            return Errno.ENOMEM.negative();
        }
        if (mm.unmap(start, start + len) > 0) {
            current.kernel().cpu().flushTlb();
        }
        if (file != null && type == MAP_PRIVATE) {
            mm.insert(file.mapping() != null ? Vma.privateFile(start, start + len, vmFlags, file, offset, mm.frames())
                    : new Vma(start, start + len, vmFlags, file, offset, len));
        } else if (file != null) {
            mm.insert(Vma.sharedFile(start, start + len, vmFlags, file, offset, mm.frames()));
        } else if (type == MAP_PRIVATE) {
            mm.insert(Vma.anonymous(start, start + len, vmFlags));
        } else {
            mm.insertSharedAnonymous(start, start + len, vmFlags);
        }
        return start;
    }

    /**
     * msync(2): the shared file pages of [addr, addr+len) go back to their files now (MS_SYNC and
     * MS_ASYNC alike: the write is immediate here). ENOMEM if part of the range is unmapped.
     */
    public static long msync(Task current, long addr, long len, long flags) {
        final int msAsync = 1, msInvalidate = 2, msSync = 4;
        if ((addr & (PAGE - 1)) != 0 || (flags & ~(msAsync | msInvalidate | msSync)) != 0
                || (flags & (msAsync | msSync)) == (msAsync | msSync)) {
            return Errno.EINVAL.negative();
        }
        long end = addr + pageAlign(len);
        if (end < addr) {
            return Errno.ENOMEM.negative();
        }
        MmStruct mm = current.mm();
        if (!mm.fullyMapped(addr, end)) {
            return Errno.ENOMEM.negative();
        }
        mm.writeback(addr, end);
        return 0;
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

    /** may_expand_vm(): RLIMIT_AS caps the address space's total size (ENOMEM beyond it). */
    private static boolean mayExpand(Task current, long bytes) {
        long limit = current.rlimits().cur(minikernel.kernel.sys.Rlimits.RLIMIT_AS);
        return Long.compareUnsigned(current.mm().totalVm() + bytes, limit) <= 0;
    }

    private static final int MREMAP_MAYMOVE = 1, MREMAP_FIXED = 2, MREMAP_DONTUNMAP = 4;

    /**
     * mremap(2): shrink in place, grow in place if the pages above are free, or (MREMAP_MAYMOVE)
     * move the whole area, page tables and all, to a free range or to MREMAP_FIXED's address.
     */
    public static long mremap(Task current, long oldAddr, long oldLen, long newLen, long flags, long newAddr) {
        MmStruct mm = current.mm();
        if ((flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP)) != 0 || (oldAddr & (PAGE - 1)) != 0
                || (flags & MREMAP_FIXED) != 0 && (flags & MREMAP_MAYMOVE) == 0 || (flags & MREMAP_DONTUNMAP) != 0) {
            return Errno.EINVAL.negative();
        }
        oldLen = pageAlign(oldLen);
        newLen = pageAlign(newLen);
        if (newLen == 0) {
            return Errno.EINVAL.negative();
        }
        Vma vma = mm.vmaAt(oldAddr);
        if (vma == null || oldAddr + oldLen > vma.end()) {
            return Errno.EFAULT.negative();
        }
        if ((flags & MREMAP_FIXED) == 0 && newLen <= oldLen) {
            if (mm.unmap(oldAddr + newLen, oldAddr + oldLen) > 0) {
                current.kernel().cpu().flushTlb();
            }
            return oldAddr;
        }
        if (!mayExpand(current, newLen - Math.min(oldLen, newLen))) {
            return Errno.ENOMEM.negative();
        }
        if ((flags & MREMAP_FIXED) == 0 && oldAddr + oldLen == vma.end()
                && mm.isFree(vma.end(), oldAddr + newLen) && oldAddr + newLen <= PageTables.TASK_SIZE) {
            mm.growInPlace(vma, oldAddr + newLen);
            return oldAddr;
        }
        if ((flags & MREMAP_MAYMOVE) == 0) {
            return Errno.ENOMEM.negative();
        }
        long target;
        if ((flags & MREMAP_FIXED) != 0) {
            if ((newAddr & (PAGE - 1)) != 0 || newAddr + newLen > PageTables.TASK_SIZE
                    || newAddr < oldAddr + oldLen && oldAddr < newAddr + newLen) {
                return Errno.EINVAL.negative();
            }
            mm.unmap(newAddr, newAddr + newLen);
            target = newAddr;
        } else {
            target = mm.getUnmappedArea(newLen);
            if (target < 0) {
                return Errno.ENOMEM.negative();
            }
        }
        long moveLen = Math.min(oldLen, newLen);
        if (oldLen > newLen) {
            mm.unmap(oldAddr + newLen, oldAddr + oldLen);
        }
        mm.move(oldAddr, moveLen, target);
        if (newLen > moveLen) {
            mm.growInPlace(mm.vmaAt(target), target + newLen);
        }
        current.kernel().cpu().flushTlb();
        return target;
    }

    private static final int MADV_NORMAL = 0, MADV_RANDOM = 1, MADV_SEQUENTIAL = 2, MADV_WILLNEED = 3,
            MADV_DONTNEED = 4;

    /**
     * madvise(2): MADV_DONTNEED drops the pages (private anonymous memory reads back as zeros,
     * shared memory as what is shared); the hints NORMAL/RANDOM/SEQUENTIAL/WILLNEED change nothing
     * here and succeed, as they may on Linux; others are EINVAL.
     */
    public static long madvise(Task current, long start, long len, long advice) {
        if ((start & (PAGE - 1)) != 0) {
            return Errno.EINVAL.negative();
        }
        long end = start + pageAlign(len);
        switch ((int) advice) {
            case MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED -> {
                return current.mm().fullyMapped(start, end) ? 0 : Errno.ENOMEM.negative();
            }
            case MADV_DONTNEED -> {
                if (!current.mm().fullyMapped(start, end)) {
                    return Errno.ENOMEM.negative();
                }
                if (current.mm().zap(start, end) > 0) {
                    current.kernel().cpu().flushTlb();
                }
                return 0;
            }
            default -> {
                return Errno.EINVAL.negative();
            }
        }
    }

    private static long pageAlign(long v) {
        return (v + PAGE - 1) & ~(PAGE - 1) & 0xffffffffL;
    }
}
